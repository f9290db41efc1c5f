"""A symbol as a message's last character ends a run of emoji too: "0©" crashed the preamble reader (the next
character of the last one is none), found by tests/test_hostile_input.py; the assistant answered with its error
message instead of reading the question."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb.library import Library


@pytest.mark.parametrize("text", ["0©", "tạm giữ bao lâu 🙏", "hỏi nhanh ©", "©"])
def test_a_symbol_last_is_read_without_error(text: str) -> None:
    parts = Library().dialogue.read(text, date(2026, 3, 2), None, ())
    assert parts, text
