"""The knowledge base's typed buttons keep the packed form they have always had: an entry or a
category page already on someone's screen (strings from the transcripts) still unpacks, and
anything else gets the same answers as before."""

from __future__ import annotations

import pytest

from handlers.qa import BAD_CATEGORY, NO_ENTRY, CategoryPage, EntryButton
from tests.conftest import World
from tests.fakes import joined


@pytest.mark.parametrize(
    ("packed", "expected"),
    [
        ("kb:truy_to_thoi_han", EntryButton("truy_to_thoi_han")),
        ("kbc:thoi_han:1", CategoryPage("thoi_han", 1)),
        ("kbc:thoi_han:2", CategoryPage("thoi_han", 2)),
        ("kbc:phuong_cham:3", CategoryPage("phuong_cham", 3)),
    ],
)
def test_old_buttons_unpack_to_exactly_their_kind(packed: str, expected: EntryButton | CategoryPage) -> None:
    unpacked = [data for kind in (EntryButton, CategoryPage) if (data := kind.unpack(packed)) is not None]
    assert unpacked == [expected]
    assert expected.pack() == packed


@pytest.mark.parametrize(
    ("pressed", "answer"),
    [
        ("kb:", NO_ENTRY),
        ("kb:a:b", NO_ENTRY),
        ("kbc:thoi_han", BAD_CATEGORY),
        ("kbc:thoi_han:x", BAD_CATEGORY),
        ("kbc:thoi_han:-1", BAD_CATEGORY),
        ("kbc::1", BAD_CATEGORY),
    ],
)
async def test_forged_presses_get_the_old_answers(world: World, pressed: str, answer: str) -> None:
    assert joined(await world.chat(world.staff_a).press(pressed)) == answer


async def test_page_zero_still_opens_the_first_page(world: World) -> None:
    chat = world.chat(world.staff_a)
    assert joined(await chat.press("kbc:thoi_han:0")) == joined(await chat.press("kbc:thoi_han:1"))
