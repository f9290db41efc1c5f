"""A follow-up that changes only the year of the card's start: "tạm giữ 3 ngày từ 10h 27/2/2028 hết lúc nào", then
"còn nếu là năm 2027 thì sao" — the same day and hour in 2027 (not a leap year: 10:00 27/02/2027 + 72 h is
10:00 02/03/2027). A day the other year lacks (29/02) is refused, never moved. Pure; the text is folded.
"""

from __future__ import annotations

import re
from datetime import datetime

from knowledge.deadlines.datevalues import DateParseError, ParsedDateTime

# "năm 2027", "nếu là năm 2027", "sang năm 2027": a year alone, no day or month beside it.
_YEAR = re.compile(r"(?<![a-z])nam (20\d{2})(?![\d/])")
_OTHER_NUMBER = re.compile(r"\d")


def year_only(folded: str) -> int | None:
    """The year a message names when it names nothing else in figures; None otherwise."""
    found = _YEAR.findall(folded)
    if len(found) != 1 or _OTHER_NUMBER.search(_YEAR.sub(" ", folded)):
        return None
    return int(found[0])


def in_year(start: str, year: int) -> ParsedDateTime:
    """The card's ``start`` (ISO date or date and time) moved to ``year``, its day, month and hour kept. Raises
    :class:`DateParseError` when that year has no such day."""
    moment = datetime.fromisoformat(start)
    try:
        moved = moment.date().replace(year=year)
    except ValueError as exc:
        raise DateParseError(
            f"Năm {year} không có ngày {moment:%d/%m}. Anh/chị cho biết ngày bắt đầu, ví dụ «còn nếu từ 28/02/{year} "
            "thì sao»."
        ) from exc
    return ParsedDateTime(moved, moment.time() if "T" in start else None)
