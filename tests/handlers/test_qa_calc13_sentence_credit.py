"""Session 13 (calc13): days held told in one message, the sentence asked in the next, through the real
dispatcher. BLHS 2015 Đ36 k1: "cứ 01 ngày tạm giữ, tạm giam bằng 03 ngày cải tạo không giam giữ"; Đ38 k1: "cứ 01
ngày tạm giữ, tạm giam bằng 01 ngày tù" (read in /work/tools/blhs.md). Before, a message that only told the days
("bị can bị tạm giam 40 ngày trước khi xét xử") was not kept, so the follow-up got the rate, not the product.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # 40 days × 3 = 120 days of cải tạo không giam giữ
        (
            "bị can bị tạm giam 40 ngày trước khi xét xử",
            "nếu tòa xử cải tạo không giam giữ thì được trừ bao nhiêu",
            "Được trừ 120 ngày cải tạo không giam giữ",
        ),
        # 40 days × 1 = 40 days of prison
        (
            "bị can bị tạm giam 40 ngày trước khi xét xử",
            "còn nếu xử phạt tù thì trừ bao nhiêu",
            "Được trừ 40 ngày vào thời hạn chấp hành hình phạt tù",
        ),
        # 45 × 3 = 135 ("ctkgg" shorthand)
        ("bi cao tgiam 45 ngay roi", "neu bi xu ctkgg thi dc tru may ngay", "Được trừ 135 ngày cải tạo không giam giữ"),
        # 6 days of tạm giữ × 1 = 6 days of prison
        (
            "doi tuong bi tam giu 6 ngay",
            "toa xu 1 nam tu thi tru bao nhieu ngay",
            "Được trừ 6 ngày vào thời hạn chấp hành hình phạt tù",
        ),
        # 3 + 57 = 60 days held, × 3 = 180
        (
            "bị cáo đã bị tạm giữ 3 ngày, tạm giam 57 ngày",
            "vậy xử cải tạo không giam giữ thì được trừ bao nhiêu ngày",
            "Được trừ 180 ngày cải tạo không giam giữ",
        ),
    ],
)
async def test_days_told_first_are_credited_in_the_follow_up(
    world: World, first: str, second: str, expected: str
) -> None:
    chat = await world.staff_chat("credit13")
    await chat.text(first)
    text = await chat.text(second)
    assert text.startswith(expected), text
    # each credit its own article (fix13a): prison BLHS Đ38 k1, cải tạo không giam giữ Đ36 k1
    assert ("Điều 38 khoản 1" if "hình phạt tù" in expected else "Điều 36 khoản 1") in text, text


async def test_the_rate_alone_without_days_told(world: World) -> None:
    # no days told before: the rate (the Q&A's), never a product of a number not given
    chat = await world.staff_chat("credit13-none")
    text = await chat.text("nếu tòa xử cải tạo không giam giữ thì thời gian tạm giam được trừ thế nào")
    assert "Được trừ" not in text and "3 ngày cải tạo không giam giữ" in text, text
