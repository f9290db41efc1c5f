"""Session 13 (calc13): the year-only follow-up reader (``knowledge.deadlines.year_change``)."""

from __future__ import annotations

from datetime import date, time

import pytest

from knowledge.deadlines.datevalues import DateParseError
from knowledge.deadlines.year_change import in_year, year_only


@pytest.mark.parametrize(
    ("folded", "year"),
    [
        ("con neu la nam 2027 thi sao", 2027),
        ("the nam 2028 thi sao", 2028),
        ("con neu tu 05/03/2027 thi sao", None),  # a date: read as one
        ("nam 2027 tu 14h thi sao", None),  # another figure beside it
        ("con nam nay thi sao", None),
        ("nam 2027 va nam 2028", None),
    ],
)
def test_year_only(folded: str, year: int | None) -> None:
    assert year_only(folded) == year


def test_in_year_keeps_the_day_and_hour() -> None:
    moved = in_year("2028-02-27T10:00", 2027)
    assert moved.day == date(2027, 2, 27) and moved.time == time(10, 0)
    assert in_year("2026-03-01", 2027).time is None
    with pytest.raises(DateParseError):
        in_year("2028-02-29T08:00", 2027)
