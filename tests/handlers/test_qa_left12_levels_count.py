"""Round 12's leftovers (left12): how many levels the procuracy has (FACTS §14, S: tối cao, 34 tỉnh/thành phố,
355 khu vực; military alongside) is answered from the entry that counts the levels, with its secondary-source
warning, whatever the words for the procuracy ("ngành kiểm sát", "vks", "vksnd"); an answer that gives no number
of the thing counted (the 34 provinces) gives way to the one that does."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def reply(world: World, question: str) -> str:
    chat = await world.staff_chat("left12-levels-count")
    return await chat.text(question)


@pytest.mark.parametrize(
    "question",
    [
        "ngành kiểm sát có mấy cấp",
        "nganh kiem sat co may cap",
        "vks có mấy cấp",
        "anh ơi, ngành kiểm sát nhân dân có mấy cấp ạ",
        "sau sáp nhập ngành kiểm sát còn mấy cấp",
        "vksnd hien nay co bao nhieu cap",
        "hệ thống viện kiểm sát hiện nay gồm mấy cấp",
    ],
)
async def test_the_levels_are_counted(world: World, question: str) -> None:
    text = await reply(world, question)
    assert text.startswith("3 cấp từ 01/7/2025"), text
    assert "nguồn thứ cấp" in text and "Chưa kiểm chứng" in text, text


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("cả nước có bao nhiêu vks tỉnh", "34 Viện kiểm sát"),
        ("sau sáp nhập còn bao nhiêu vks khu vực", "355 Viện kiểm sát"),
    ],
)
async def test_a_count_of_one_level_keeps_its_entry(world: World, question: str, opening: str) -> None:
    assert (await reply(world, question)).startswith(opening)


async def test_another_body_is_not_given_the_procuracys_levels(world: World) -> None:
    assert "3 cấp từ 01/7/2025" not in await reply(world, "tòa án có mấy cấp")
