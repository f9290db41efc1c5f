"""An institution the assistant has nothing of is named back as staff write it: typed without diacritics it
was echoed as typed («chưa có về cong an»); it is named as written in synonyms.yaml («công an»), as an outside
topic is (commit 997e44b). Typed with diacritics, it is named as typed."""

from __future__ import annotations

import pytest

from tests.conftest import World

NOT_OURS = "chưa có"


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("phuong cham cong tac cua nganh cong an la gi", "công an"),
        ("chi tieu cong tac nam 2025 cua nganh toa an", "tòa án"),
        ("chu de thi dua cua nganh hai quan nam nay", "hải quan"),
        ("thoi han kiem toan nha nuoc ket luan kiem toan", "kiểm toán"),
        ("thoi han thi hanh an dan su ra quyet dinh thi hanh an", "thi hành án dân sự"),
        ("Phương châm của ngành Công an năm 2025 là gì", "Công an"),
    ],
)
async def test_an_institution_is_named_as_written(world: World, question: str, named: str) -> None:
    text = await (await world.staff_chat("body")).text(question)
    assert f"{NOT_OURS} về {named}." in text or f"{NOT_OURS} của {named}." in text, text
