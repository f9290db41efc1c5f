"""Round 12's leftovers (left12): a story of the case, then an appeal question. The days held and the sentence
told do not change how long an appeal takes (BLTTHS Đ333 k1: 15 days from the pronouncement; Đ337: the
procuracy's protest), so they must not pull the answer to the order's days or to the 7 days to notify an
appeal (Đ338)."""

from __future__ import annotations

import pytest

from knowledge.kb.appeal_story import without_case_lengths
from tests.conftest import World


async def reply(world: World, question: str) -> str:
    chat = await world.staff_chat("left12-appeal")
    return await chat.text(question)


@pytest.mark.parametrize(
    "question",
    [
        "tạm giữ 3 ngày tạm giam 57 ngày, xử 2 năm tù thì kháng cáo mấy ngày",
        "tam giu 3 ngay tam giam 57 ngay xu 2 nam tu thi khang cao may ngay",
        "xử 2 năm tù thì kháng cáo mấy ngày",
        "tạm giữ 3 ngày tạm giam 57 ngày thì kháng cáo mấy ngày",
        "anh ơi bị cáo tgiu 3 ngày, tgiam 57 ngày, tòa tuyên 2 năm tù, vậy hạn kc bao lâu ạ",
        "bị cáo bị phạt tù 18 tháng, đã tạm giam 4 tháng, muốn kháng cáo thì trong bao lâu",
        "3 ngày tạm giữ với 57 ngày tạm giam rồi tòa xử 2 năm tù, bị cáo kháng cáo được mấy ngày",
    ],
)
async def test_the_appeal_period_is_answered(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("15 ngày, kể từ ngày tuyên án"), text
    assert "Điều 333" in text and "Lệnh tạm giam ghi" not in text and "Được trừ" not in text, text


async def test_the_procuracys_protest_is_answered_as_asked(world: World) -> None:
    text = await reply(world, "bị cáo bị xử 3 năm tù, tạm giam 57 ngày, vks cấp trên kháng nghị trong bao lâu")
    assert "30 ngày" in text and "Điều 337" in text and "Lệnh tạm giam ghi" not in text, text


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("tạm giữ 3 ngày tạm giam 57 ngày, xử 2 năm tù thì được trừ bao nhiêu ngày", "Được trừ 60 ngày"),
        ("tạm giữ 3 ngày rồi tạm giam 2 tháng thì lệnh ghi mấy ngày", "Lệnh tạm giam ghi 57 ngày"),
    ],
)
async def test_the_lengths_stay_when_they_are_the_question(world: World, question: str, opening: str) -> None:
    assert (await reply(world, question)).startswith(opening)


def test_only_a_story_before_an_appeal_question_loses_its_lengths() -> None:
    assert without_case_lengths("tgiu 3 ngay, xu 2 nam tu thi kc may ngay") == "thi kc may ngay"
    kept = "tòa xử 2 năm tù ngày 01/03/2026 thì hạn kháng cáo đến ngày nào"  # the calculator's date
    assert without_case_lengths(kept) == kept
    kept = "tạm giữ 3 ngày, xử 2 năm tù thì được trừ bao nhiêu, kháng cáo mấy ngày"  # the credit asked too
    assert without_case_lengths(kept) == kept
    kept = "giữ người kc 12 giờ, tạm giữ 3 ngày thì sao"  # "kc" after "giữ người" is khẩn cấp
    assert without_case_lengths(kept) == kept
