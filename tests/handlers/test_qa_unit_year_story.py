"""A unit named with a year no entry of it covers is said so, even when the message reads as a story (a
sentence before the asking one, "TP." read as a full stop): the asking clause alone drops the year, and
would answer the unit's 2024 target as if it were asked (round 10, tune10g). Through the dispatcher."""

from __future__ import annotations

import pytest

from tests.conftest import World

NOT_HELD = "Trợ lý chưa có thông tin về"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Năm 2025 VKSND TP. Phổ Yên đặt chỉ tiêu kiểm sát UBND cấp xã bao nhiêu phần trăm?", "Phổ Yên năm 2025"),
        ("Năm 2023 VKSND TP. Phổ Yên đặt chỉ tiêu kiểm sát UBND cấp xã bao nhiêu phần trăm?", "Phổ Yên năm 2023"),
        ("Nam 2025 VKSND TP. Pho Yen dat chi tieu kiem sat ubnd cap xa bao nhieu phan tram", "Pho Yen năm 2025"),
        ("Năm 2025 vks tp. Phổ Yên chỉ tiêu kiểm sát UBND xã là bao nhiêu. Anh cần gấp ạ", "Phổ Yên năm 2025"),
        ("Năm 2023, VKSND huyện Bình Đại đặt chỉ tiêu gì. Anh cần gấp để làm báo cáo ạ", "Bình Đại năm 2023"),
    ],
)
async def test_the_unknown_year_of_a_known_unit_is_said(world: World, question: str, said: str) -> None:
    text = await (await world.staff_chat("unit-year")).text(question)
    assert NOT_HELD in text and said in text and "Ít nhất 50%" not in text.split("\n")[0], text


async def test_the_year_held_still_answers(world: World) -> None:
    question = "Năm 2024 VKSND TP. Phổ Yên đặt chỉ tiêu kiểm sát UBND cấp xã bao nhiêu phần trăm?"
    text = await (await world.staff_chat("unit-year")).text(question)
    assert text.startswith("Ít nhất 50%") and NOT_HELD not in text, text
