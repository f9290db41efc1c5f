"""The one reading of a day typed in a register step (a release, a decision, a stage's start, a cancelled
summary procedure): a day, a moment's day, «hôm qua», or the parser's reason with how to stop."""

from __future__ import annotations

from datetime import date, datetime

from handlers.register.decided import typed_day
from knowledge.deadlines.validate import VN_TZ

NOW = datetime(2026, 12, 7, 9, 30, tzinfo=VN_TZ)


def test_a_day_a_moment_and_yesterday_read_as_days() -> None:
    assert typed_day("05/12/2026", NOW) == date(2026, 12, 5)
    assert typed_day("10h 05/12/2026", NOW) == date(2026, 12, 5)  # a moment: its day
    assert typed_day("hôm qua", NOW) == date(2026, 12, 6)


def test_what_is_no_day_says_why_and_how_to_stop() -> None:
    said = typed_day("không nhớ", NOW)
    assert isinstance(said, str) and said.endswith(" Gõ /huy để dừng.") and len(said) > len(" Gõ /huy để dừng.")
