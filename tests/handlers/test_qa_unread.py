"""A word one slip from a deciding word (issue #15, guard9): read as meant, or asked — never a confident answer
about the neighbouring case. Through the dispatcher, with and without diacritics, in shorthand; own phrasings.

"tạm giam" typed "tam gam" / "tạm iam" / "tiam", "điều tra" typed "ieu tra", "tgiu" typed "tiu" / "tgi",
"ĐBNT" typed "ĐBT" / "DNT", "cbxx" typed "cbx", "sáng nay" typed "áng nay": each was answered with the
neighbouring entry (the investigation's 12 months for the detention's 7, the rule for a computed date).
"""

from __future__ import annotations

import pytest

from tests.conftest import World
from tests.eval.judge import Case, judge_text


def verdict(question: str, text: str) -> str:
    """What the judge of the evaluation sets reads the reply as (answer, refuse, ask, disclaimed)."""
    return judge_text(Case(question, "NONE", frozenset(), 0), text).got


def body(text: str) -> str:
    return text.split("Xem thêm")[0]


DETENTION_RNT = "Tối đa 7 tháng tạm giam để điều tra tội rất nghiêm trọng"
DETENTION_NT = "Tối đa 5 tháng tạm giam để điều tra tội nghiêm trọng"
DETENTION_INT = "Tối đa 3 tháng tạm giam để điều tra tội ít nghiêm trọng"


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("tam gam dt toi RNT toi da bn thang", DETENTION_RNT),
        ("tạm iam để điều tra tội rất nghiêm trọng tối đa bao lâu", DETENTION_RNT),
        ("tam gaim de dieu tra toi NT toi da bao lau", DETENTION_NT),
        ("tiam dt RNT?", DETENTION_RNT),
        ("tiam dt NT tối đa bn tháng", DETENTION_NT),
        ("tạm gam để điều tra tội ít nghiêm trọng tối đa mấy tháng", DETENTION_INT),
        ("thoi han tam giam de dieu ta toi dac biet nghiem trong", "4 tháng; có thể gia hạn 2 lần"),
        ("ieu tra toi rat nghiem trong toi da bao lau", "Tổng cộng kể cả gia hạn, tối đa 12 tháng"),
        ("thời hạn ruy tố tội ít nghiêm trọng bao nhiêu ngày", "20 ngày đối với tội ít nghiêm trọng"),
        ("tiu toi da bn ngay", "Tối đa 3 ngày"),
        ("tgi toi da may ngay tinh ca gia han", "tối đa 9 ngày"),
        ("cbx RNT bn thang", "2 tháng, kể từ ngày Tòa án thụ lý"),
        ("cbxx ĐBT bn tháng", "3 tháng, kể từ ngày Tòa án thụ lý"),
        ("chuan bi xet xu toi DNT bao lau", "3 tháng, kể từ ngày Tòa án thụ lý"),
        ("tgiam cbx it NT toi da bn ngay", "30 ngày với tội ít nghiêm trọng"),
        ("khang coa ban an so tham may ngay", "15 ngày, kể từ ngày tuyên án"),
        # two readings one slip away: the one whose entry the rest of the question agrees with
        ("tam giau lan dau dc bao nhiu ngay", "Tối đa 3 ngày"),
        ("tgia dt it NT bn thang", DETENTION_INT),
        ("cđt nhận tin báo tố giác thì giải quyết trong bao nhiêu ngày", "20 ngày"),
    ],
)
async def test_a_slipped_deciding_word_is_read_as_meant(world: World, question: str, figure: str) -> None:
    chat = await world.staff_chat("unread")
    text = body(await chat.text(question))
    assert verdict(question, text) == "answer" and figure in text, text
    if "tạm giam" in figure or "tam gam" in question:  # never the investigation's limits instead
        assert "Tổng cộng kể cả gia hạn, tối đa" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tạm giữ từ 8h áng nay thì hết lúc nào",
        "tgiu tu 8h ang nay thi het luc nao",
        "tiu tu 8h sang nay thi het luc nao",
    ],
)
async def test_a_slipped_moment_or_measure_still_computes_the_date(world: World, question: str) -> None:
    chat = await world.staff_chat("unread-calc")
    text = await chat.text(question)
    assert "TẠM GIỮ" in text and "05/03/2026" in text, text


@pytest.mark.parametrize(
    ("question", "options"),
    [
        ("tgia dt la bao lau", ("«tạm giam»", "«thời gian»")),
        ("tam giau toi da bao lau", ("«tạm giam»", "«tạm giữ»")),
    ],
)
async def test_a_word_one_slip_from_two_meanings_is_asked(
    world: World, question: str, options: tuple[str, ...]
) -> None:
    chat = await world.staff_chat("unread-ask")
    replies = await chat.send(question)
    text = replies[0].text
    assert text.startswith("Trợ lý chưa đọc chắc chữ") and all(o in text for o in options), text
    assert "ngày" not in text.split("?")[0] and "/2026" not in text, text  # no figure, no date
    assert verdict(question, text) != "answer", text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("lịch thi đấu ngoại hạng anh", "refuse"),
        ("giữ người trg th khẩn cấp thì trg bao lâu phải lấy lời khai", "answer"),
        ("tạm giữ hôm kia đến nay là mấy ngày rồi", None),
    ],
)
async def test_a_word_of_its_own_is_not_read_as_another(world: World, question: str, expected: str | None) -> None:
    chat = await world.staff_chat("unread-own")
    text = await chat.text(question)
    assert not text.startswith("Trợ lý chưa đọc chắc chữ"), text
    if expected is not None:
        assert verdict(question, text) == expected, text
