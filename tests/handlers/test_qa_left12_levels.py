"""Round 12's leftovers (left12): the levels of the procuracy asked together (FACTS §14, S: 34 VKSND tỉnh,
thành phố, 355 VKSND khu vực): each count is given, never only one of them."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def reply(world: World, question: str) -> str:
    chat = await world.staff_chat("left12-levels")
    return await chat.text(question)


@pytest.mark.parametrize(
    "question",
    [
        "bao nhiêu vks khu vực và vks tỉnh",
        "sau sap nhap co bao nhieu vks khu vuc va vks tinh",
        "sau 1/7/2025 ngành có nhiêu vksnd tỉnh với nhiêu vksnd khu vực",
        "sau 1/7/2025 nganh co nhieu vksnd tinh voi nhieu vksnd khu vuc",
        "cả nước có bao nhiêu vks tỉnh và khu vực",
        "anh ơi cho em hỏi hiện nay có mấy vksnd khu vực với vksnd tỉnh ạ",
        "hien nay co may vks tinh, may vks khu vuc",
    ],
)
async def test_both_counts_are_given(world: World, question: str) -> None:
    text = await reply(world, question)
    assert "34 Viện kiểm sát" in text and "355 Viện kiểm sát" in text, text


async def test_one_level_asked_gets_its_count_only(world: World) -> None:
    text = await reply(world, "cả nước có bao nhiêu vks khu vực")
    assert text.startswith("355 Viện kiểm sát") and "34 Viện kiểm sát" not in text, text


async def test_a_report_between_the_levels_is_no_pair(world: World) -> None:
    text = await reply(world, "hạn vks khu vực gửi báo cáo tháng về vks tỉnh là ngày nào")
    assert "355" not in text and "Câu hỏi của anh/chị có 2 phần" not in text, text
