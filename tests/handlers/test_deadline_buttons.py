"""The calculator's typed buttons pack to the strings old cards carry, and those unpack back."""

from __future__ import annotations

import pytest

from bot.chat.callback_data import CallbackData
from handlers.deadline_buttons import KindPage, NoTamGiu, PickCategory, PickKind, StartNow

KINDS: list[type[CallbackData]] = [KindPage, PickKind, PickCategory, StartNow, NoTamGiu]


@pytest.mark.parametrize(
    ("old", "typed"),
    [
        ("dl:p:2", KindPage(2)),
        ("dl:k:tam_giu", PickKind("tam_giu")),
        ("dl:c:rnt", PickCategory("rnt")),
        ("dl:today", StartNow()),
        ("dl:tg0", NoTamGiu()),
    ],
)
def test_old_strings_unpack_to_exactly_their_kind(old: str, typed: CallbackData) -> None:
    assert typed.pack() == old
    assert [kind.unpack(old) for kind in KINDS if kind.unpack(old) is not None] == [typed]


@pytest.mark.parametrize("forged", ["dl:p:x", "dl:p:-1", "dl:k:", "dl:today:1", "dl:zz", "dl"])
def test_forged_strings_unpack_to_nothing(forged: str) -> None:
    assert all(kind.unpack(forged) is None for kind in KINDS)
