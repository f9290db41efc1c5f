"""Round-12 tuning (tune11d): a detention in months after a custody in days, both told, is worked out beside the
rule that the custody is deducted (TTLT 04/2018 Điều 17: 2 × 30 − 3 = 57 ngày), also when the lengths are told
in the story of a chatty message; never when the custody was extended (the days deducted are then not the ones
told) nor in a part that asks of the month alone."""

from __future__ import annotations

import re

import pytest

from knowledge.kb.deducted import deducted_line, lengths_said
from knowledge.kb.normalize import syllables
from tests.conftest import World

_SAYS = "thời gian tạm giữ được trừ vào thời hạn tạm giam"


@pytest.mark.parametrize(
    ("question", "worked"),
    [
        (
            "dạ em chào anh chị, em đang kiểm sát hồ sơ, thấy lệnh tạm giam ghi 2 tháng nhưng trước đó bị can bị tạm "
            "giữ 3 ngày, và thời hạn ghi trong lệnh chỉ có 57 ngày. Em hỏi là có đúng phải trừ thời gian tạm giữ không "
            "ạ, và 1 tháng tạm giam thì tính là bao nhiêu ngày ạ?",
            "60 − 3 = 57 ngày",
        ),
        ("tạm giam 2 tháng, đã tạm giữ 3 ngày thì lệnh tạm giam ghi bao nhiêu ngày", "60 − 3 = 57 ngày"),
        ("lệnh tạm giam 3 tháng, trước đó tạm giữ 6 ngày, có phải trừ không", "90 − 6 = 84 ngày"),
        ("tam giam 4 thang ma truoc do tam giu 9 ngay thi co tru khong", "120 − 9 = 111 ngày"),
    ],
)
async def test_the_deduction_worked_out(world: World, question: str, worked: str) -> None:
    text = await (await world.staff_chat("t11-deduct")).text(question)
    # the Q&A's worked line ("60 − 3 = 57 ngày") or the calculator's order count, which answers first when the
    # message gives both lengths ("Lệnh tạm giam ghi 57 ngày: 2 tháng tạm giam = 60 ngày …, trừ 3 ngày đã tạm giữ")
    whole, held, left = re.findall(r"\d+", worked)
    counted = f"ghi {left} ngày" in text and f"= {whole} ngày" in text and f"trừ {held} ngày" in text
    assert (worked in text or counted) and "Căn cứ" in text, text


def test_the_deduction_is_shown_only_where_it_is_asked() -> None:
    tokens = syllables("lenh tam giam 2 thang, truoc do tam giu 3 ngay")
    assert deducted_line(_SAYS, tokens, "có phải trừ tạm giữ không") is not None
    assert deducted_line(_SAYS, tokens, "1 tháng tạm giam tính bao nhiêu ngày") is None  # the other part
    assert deducted_line("1 tháng = 30 ngày.", tokens, "có trừ tạm giữ không") is None  # says no deduction
    extended = syllables("tam giam 2 thang, da tam giu 3 ngay, gia han tam giu 3 ngay")
    assert deducted_line(_SAYS, extended, "có trừ tạm giữ không") is None
    assert lengths_said(extended) == ()
    assert lengths_said(tokens) == ("tam", "giam", "2", "thang", "tam", "giu", "3", "ngay")


async def test_the_one_month_part_is_not_given_the_deduction(world: World) -> None:
    text = await (await world.staff_chat("t11-deduct2")).text(
        "em thấy lệnh tạm giam ghi 2 tháng, trước đó tạm giữ 3 ngày. Em hỏi có phải trừ thời gian tạm giữ không ạ, "
        "và 1 tháng tạm giam tính là bao nhiêu ngày ạ?"
    )
    assert text.count("60 − 3 = 57 ngày") + text.count("ghi 57 ngày") == 1 and "30 ngày" in text, text
