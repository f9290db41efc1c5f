"""A period of years written by its two ends ("giai đoạn 2020–2025", "2020 - 2025", "từ 2020 đến 2025") is one
period, never two questions (one per year); a period answered only by one year's entry is a menu of the years."""

from __future__ import annotations

import pytest

from knowledge.kb.year_range import without_ranges, year_range
from tests.conftest import World

PARTS = "Câu hỏi của anh/chị có"


@pytest.mark.parametrize(
    "question",
    [
        "VKSND huyện Bình Đại có phong trào thi đua gì giai đoạn 2020–2025?",
        "vks binh dai phong trao thi dua gi 2020 - 2025",
        "phong trào thi đua của VKS Bình Đại từ 2020 đến 2025",
        "phương châm vks bình đại giai đoạn 2020 2025 là gì",
        "bình đại có phong trào thi đua nào 2020-2025 vậy anh",
        "vks huyen binh dai gd 2020-2025 thi dua phong trao gi",
    ],
)
async def test_a_period_of_years_is_one_question(world: World, question: str) -> None:
    text = await (await world.staff_chat("s12-range")).text(question)
    assert not text.startswith(PARTS), text
    assert "Đồng Khởi mới" in text and "Hai chân" in text and "Ba mũi" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "chủ đề thi đua từ 2021 đến 2023 là gì",
        "phương châm của ngành giai đoạn 2021-2025",
        "phuong cham 2021 - 2025 la gi",
        "chu de thi dua nganh 2021–2023",
    ],
)
async def test_a_period_of_yearly_entries_is_a_menu_not_one_years_answer(world: World, question: str) -> None:
    chat = await world.staff_chat("s12-range-menu")
    text = await chat.text(question)
    assert not text.startswith(PARTS) and "Căn cứ" not in text, text
    assert chat.visible(), text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("chủ đề thi đua năm 2021 và năm 2023", "năm 2021", "năm 2023"),
        ("phương châm 2023, 2025 là gì", "năm 2023", "năm 2025"),
    ],
)
async def test_two_years_listed_are_still_asked_once_each(world: World, question: str, first: str, second: str) -> None:
    text = await (await world.staff_chat("s12-two-years")).text(question)
    assert text.startswith(PARTS) and first in text and second in text, text


def test_a_range_is_found_only_with_its_first_year_first() -> None:
    assert year_range("giai đoạn 2020–2025") == (2020, 2025)
    assert year_range("từ năm 2020 tới năm 2025") == (2020, 2025)
    assert year_range("2020 den 2025") == (2020, 2025)
    assert year_range("2025-2020") is None
    assert year_range("năm 2023 và 2024") is None
    assert year_range("ngày 01/2020-2025") is None
    assert "2023" in without_ranges("năm 2023 và giai đoạn 2020-2025")


@pytest.mark.parametrize(
    "question",
    [
        "phương châm 2023-2025 là gì",
        "phuong cham nganh giai doan 2023 - 2025",
        "phương châm công tác từ 2023 đến 2025 là gì",
    ],
)
async def test_a_period_with_one_motto_every_year_is_answered(world: World, question: str) -> None:
    text = await (await world.staff_chat("s12-range-same")).text(question)
    assert "Kỷ cương, liêm chính – Bản lĩnh, hiệu quả" in text and "Căn cứ" in text, text
