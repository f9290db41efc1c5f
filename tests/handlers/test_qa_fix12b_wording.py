"""Wording found by the legal review (fix12b): each reply says the rule that decides first, and never a figure
or a category the law does not give for the case asked."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def reply(world: World, question: str) -> str:
    chat = await world.staff_chat("fix12b")
    return await chat.text(question)


@pytest.mark.parametrize(
    "question",
    [
        "tội trộm cắp bị phạt 2 năm tù là ít NT hay NT",
        "bị cáo trộm cắp bị phạt 2 năm tù thì là tội ít nghiêm trọng hay nghiêm trọng",
        "toi trom cap bi phat 1 nam tu la it nt hay nt",
        "bị phạt 5 năm tù là tội nghiêm trọng hay rất nghiêm trọng",
        "khung cao nhất 7 năm tù là tội nghiêm trọng hay rất nghiêm trọng",
    ],
)
async def test_the_category_follows_the_clause_prosecuted_not_the_sentence(world: World, question: str) -> None:
    """BLHS Đ9 k1: the highest penalty of the frame decides; 2 years under Đ173 k2 (02–07 năm) is still NT."""
    text = await reply(world, question)
    first = text.splitlines()[0]
    assert first.startswith("Loại tội") and "khoản bị truy cứu chứ không theo mức án Tòa án tuyên" in first, text
    assert "khoản 2 Điều 173 (trộm cắp tài sản, khung 02–07 năm) thì vẫn là tội nghiêm trọng" in text, text
    assert "▶" not in text and "dù bị cáo bị xử" not in text, text
