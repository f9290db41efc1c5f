"""guard12: two counts of one thing asked with the Southern "nhiêu" typed without marks ("có nhieu vks tinh voi
nhieu vks khu vuc") read as one question: only the second count (355) answered, the 34 provinces left out. Said
twice of the same counted word, a plain "nhieu" is a count like "bn" and "mấy" (``twopart._parallel_count``),
with or without "với"/"và"/a comma between, and after a "bao nhiêu" for the first."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "sau 1/7/2025 nganh co nhieu vksnd tinh voi nhieu vksnd khu vuc",
        "co nhieu vks tinh nhieu vks khu vuc",
        "ca nuoc gio co nhieu vks tinh, nhieu vks khu vuc vay a",
        "chi oi nganh minh bay gio co bao nhieu vks tinh voi nhieu vks khu vuc",
        "sau sap xep co nhieu vksnd tinh va nhieu vksnd khu vuc ha",
        "cho e hoi nay co nhieeu vks tinhr vowis nhieeu vks khu vuwcj",
        "sau 1/7/2025 ngành có nhieeu vksnd tỉnh với nhiêu vksnd khu vực",  # one Telex-typed, one with its mark
        "nganh co nhieu vks tinh voi bao nhieu vks khu vuc",
    ],
)
async def test_two_plain_counts_of_one_thing_are_two_questions(world: World, question: str) -> None:
    text = await (await world.staff_chat("g12-counts")).text(question)
    assert "có 2 phần" in text and "34 Viện kiểm sát" in text and "355 Viện kiểm sát" in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("bay gio co nhieu vks tinh", "34 Viện kiểm sát"),  # one count: one answer
        ("sau sap xep co bao nhieu vks khu vuc", "355 Viện kiểm sát"),
    ],
)
async def test_one_plain_count_stays_one_question(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("g12-count")).text(question)
    assert "có 2 phần" not in text and figure in text, text
