"""Round 12's leftovers (left12): the unit where the asker works is an introduction, not the subject. "em ở vks
khu vực, tội trộm 2 năm tù thuộc loại tội gì" asks the crime's category (BLHS Điều 9, by the highest penalty of the
frame, not the sentence given), which no entry covers yet: it is refused, never answered by the count of the
regional units."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def reply(world: World, question: str) -> str:
    chat = await world.staff_chat("left12-intro")
    return await chat.text(question)


@pytest.mark.parametrize(
    "question",
    [
        "em ở vks khu vực, tội trộm 2 năm tù thuộc loại tội gì",
        "em o vks khu vuc, toi trom 2 nam tu thuoc loai toi gi",
        "em làm ở vks khu vực, tội trộm bị xử 2 năm tù là loại tội gì",
        "mình ở vks khu vực nè, trộm 2 năm tù thuộc loại tội nào",
    ],
)
async def test_the_category_by_penalty_is_not_the_units_count(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "355" not in text and "Căn cứ" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "em ở vks khu vực, thủ tục xin nghỉ phép thế nào",
        "em ở vks khu vực, giá xăng hôm nay bao nhiêu",
    ],
)
async def test_an_introduction_answers_nothing_on_its_own(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "355" not in text and "Căn cứ" not in text, text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hi chị, e mới về vks khu vực, chị cho e hỏi bh cả nước còn bao nhiêu vks tỉnh", "34 Viện kiểm sát"),
        (
            "em ở vks khu vực, hạn gửi báo cáo tháng về vks tỉnh là ngày nào",
            "do từng Viện kiểm sát (VKS) tỉnh quy định",
        ),
    ],
)
async def test_a_question_about_the_unit_is_still_answered(world: World, question: str, expected: str) -> None:
    assert expected in await reply(world, question)
