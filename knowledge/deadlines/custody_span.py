"""A tạm giữ said by its two ends, not its days: "tạm giữ từ 10h 24/2 đến 10h 27/2/2026 rồi được tại ngoại, hôm nay
2/3 bắt lại tạm giam 2 tháng". Ended at the clock time it began, it lasted whole days (72 hours = 3 days: Đ118,
TTLT 04/2018 Đ17 ví dụ 2 "tạm giữ 06 ngày, từ 14 giờ 00 phút ngày 05/3/2018 đến 14 giờ 00 phút ngày 11/3/2018"),
and those days are deducted from the tạm giam that follows its release (FACTS §1). Ends at other clock times (a
tạm giữ cut short within a day) are not counted: the deduction is open (FACTS §1 U). Pure; folded text.
"""

from __future__ import annotations

import re
from datetime import date

Span = tuple[int, int]
Timed = tuple[int, int, int | None]  # a time's span and its minute of the day (None: unknown)

_MOST_DAYS = 9  # tạm giữ with both extensions (Đ118 k1, k2)
# A time that leads into its date ("10h 24/2", "10h ngày 24/2", "10 giờ sáng 24/2") …
_LEADS = re.compile(r"\s*(?:(?:sang|trua|chieu|toi|dem)\s+)?(?:ngay\s*)?")
# … or follows it ("24/2 lúc 10h", "ngày 24/2, 10h").
_FOLLOWS = re.compile(r"\s*,?\s*(?:luc|vao luc|vao)?\s*")
_CUSTODY = re.compile(r"(?<![a-z])(?:tam ?|t[./]?\s?)giu(?![a-z])")


def _clock_of(folded: str, span: Span, times: list[Timed]) -> int | None:
    a, b = span
    for start, end, minute in times:
        if (end <= a and _LEADS.fullmatch(folded, end, a)) or (b <= start and _FOLLOWS.fullmatch(folded, b, start)):
            return minute
    return None


def whole_days(folded: str, dates: list[Span], days: list[date], times: list[Timed]) -> int | None:
    """The tạm giữ's days when its first two dates are its two ends at the same clock time (a later date follows);
    None otherwise."""
    if len(dates) != 3 or not days[0] < days[1] < days[2]:
        return None
    began, ended = _clock_of(folded, dates[0], times), _clock_of(folded, dates[1], times)
    if began is None or began != ended or not _CUSTODY.search(folded, 0, dates[0][0]):
        return None
    span = (days[1] - days[0]).days
    return span if 1 <= span <= _MOST_DAYS else None


def with_days(chosen: str, span: int) -> str:
    """``chosen`` with the tạm giữ's days said where it is first named ("tạm giữ từ …": "tạm giữ 3 ngày từ …")."""
    m = _CUSTODY.search(chosen)
    return chosen if m is None else f"{chosen[: m.start()]}tam giu {span} ngay{chosen[m.end() :]}"
