"""Relative day words and parts of the day in Vietnamese date text (folded, no diacritics).

"hôm qua", "hôm kia", "sáng nay", "tối qua", "chiều hôm kia", "đêm qua" name a day relative
to the user's local today; "sáng / trưa / chiều / tối / đêm" said with a time turn a 12-hour
clock into the 24-hour one ("9h tối qua" is 21:00 yesterday).
"""

from __future__ import annotations

import re

_PERIOD = r"sang|trua|chieu|toi|dem"
# "tội quả tang" folds to "toi qua tang": not "tối qua".
RELATIVE = re.compile(
    rf"(?<![a-z])(?:(?P<period>{_PERIOD})\s+(?P<when>nay|qua|hom nay|hom qua|hom kia)"
    r"|(?P<plain>hom nay|hom qua|hom kia|bay gio|luc nay))(?![a-z])(?!\s+(?:tang|han)(?![a-z]))"
)
RELATIVE_DAYS = {"hom nay": 0, "nay": 0, "hom qua": -1, "qua": -1, "hom kia": -2, "bay gio": 0, "luc nay": 0}
AFTER_TIME = re.compile(rf"\s*(?:({_PERIOD})(?![a-z]))?")


def in_period(hour: int, period: str | None) -> tuple[int, int]:
    """A 12-hour clock time said with a part of the day: (24-hour hour, days to add).

    "2 giờ chiều" is 14:00, "9 giờ tối" 21:00, "1 giờ trưa" 13:00; "2 giờ đêm qua" is 02:00
    of the day after yesterday (the night runs past midnight).
    """
    if period in ("chieu", "toi") and 1 <= hour < 12:
        return hour + 12, 0
    if period == "trua" and 1 <= hour <= 2:
        return hour + 12, 0
    if period == "dem":
        if 6 <= hour < 12:
            return hour + 12, 0
        if hour <= 5:
            return hour, 1
    return hour, 0
