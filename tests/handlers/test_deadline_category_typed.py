"""/tinhhan's category question takes the category typed as staff type it (brief calc3 item 5), read
as the free-text calculator reads it; anything else is refused politely and nothing is kept. The fake
clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

import pytest

from knowledge.deadlines.crime_category import typed_category
from knowledge.deadlines.dateparse import fold_text
from tests.conftest import World
from tests.fakes import joined


@pytest.mark.parametrize(
    ("typed", "category"),
    [
        ("tội rất nghiêm trọng", "rat_nghiem_trong"),
        ("rnt", "rat_nghiem_trong"),
        ("ĐBNT", "dac_biet_nghiem_trong"),
        ("dac biet nghiem trong", "dac_biet_nghiem_trong"),
        ("Ít nghiêm trọng", "it_nghiem_trong"),
        ("ít", "it_nghiem_trong"),
        ("ít NT", "it_nghiem_trong"),
        ("NT", "nghiem_trong"),
        ("nghiêm trọng", "nghiem_trong"),
        ("không nghiêm trọng", None),
        ("nghiêm trọng hoặc rất nghiêm trọng", None),
        ("giết người", None),
    ],
)
def test_typed_category(typed: str, category: str | None) -> None:
    assert typed_category(fold_text(typed)) == category


async def test_category_typed_in_the_guided_calculator(world: World) -> None:
    chat = world.chat(world.staff_a)
    asked = await chat.text("truy to nhan ho so ngay 2/3/2026")
    assert "thuộc loại nào" in asked
    # 30 days for a very serious crime (Đ240 k1): 01/04/2026; 20 days would be 23/03 (after a Sunday).
    card = await chat.text("tội rất nghiêm trọng")
    assert "Loại tội: tội phạm rất nghiêm trọng" in card and "01/04/2026" in card


async def test_category_abbreviation_and_a_refusal(world: World) -> None:
    chat = world.chat(world.staff_a)
    await chat.text("truy to nhan ho so ngay 2/3/2026")
    refused = joined(await chat.send("không nghiêm trọng"))
    assert "gõ một loại" in refused and "ĐBNT" in refused and "/2026" not in refused
    conv = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    assert "category" not in conv.data and conv.state is not None  # nothing kept, still asking
    card = await chat.text("ĐBNT")
    assert "Loại tội: tội phạm đặc biệt nghiêm trọng" in card and "01/04/2026" in card
