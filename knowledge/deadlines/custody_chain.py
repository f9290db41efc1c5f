"""Tạm giữ days to deduct from a tạm giam asked in free text, and where the tạm giam starts.

Two ways staff write it:

* "tạm giam 2 tháng từ 04/03/2018, đã tạm giữ 3 ngày": the date is the tạm giam's first day;
  the 3 days are deducted (TTLT 04/2018 Điều 17).
* "tạm giữ từ 10h 01/03/2018 đủ 3 ngày rồi chuyển tạm giam 2 tháng": the date starts the tạm
  giữ; the tạm giam starts on the day the tạm giữ ends (start + 3 days: 04/03/2018) and the 3
  days are deducted: 60 − 3 = 57 days, "đến hết ngày 29/4/2018" (FACTS §1, the official example).

Pure; works on the folded text that ``dateparse`` reads.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_DEDUCT = re.compile(r"(?:da\s+)?(?:tam giu|tg)\s+(\d{1,2})\s*ngay")
# tạm giữ … <the date> … N ngày … tạm giam: the custody comes first and the detention follows it.
_CHAINED = re.compile(
    r"tam giu\b(?:(?!tam giam).)*?@(?:(?!tam giam).)*?(?<![\d/])(\d{1,2})\s*ngay\b(?:(?!tam giam).)*tam giam"
)


def after_custody(rest: str, marked: str, start: date | datetime) -> tuple[date | datetime, int | None, str]:
    """(the tạm giam's start, tạm giữ days to deduct, ``rest`` without them).

    ``rest``: the folded question without its date, shorthand expanded; ``marked``: the same with
    the date's place kept as ``@``.
    """
    m = _DEDUCT.search(rest)
    if m:
        return start, int(m[1]), rest[: m.start()] + " " + rest[m.end() :]
    chained = _CHAINED.search(marked)
    if chained is None:
        return start, None, rest
    days = int(chained[1])
    day = start.date() if isinstance(start, datetime) else start
    without = re.sub(rf"(?<![\d/]){days}\s*ngay\b", " ", rest, count=1)
    return day + timedelta(days=days), days, without
