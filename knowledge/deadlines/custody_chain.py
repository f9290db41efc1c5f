"""Tạm giữ days to deduct from a tạm giam asked in free text, and where the tạm giam starts.

The date in the question belongs to the custody measure named last before it (or, when none is,
the first after it):

* the tạm giam's date ("tạm giam 2 tháng từ 04/03/2018, đã tạm giữ 3 ngày"): it is the tạm giam's
  first day; the 3 days are deducted (TTLT 04/2018 Điều 17);
* the tạm giữ's end ("… tạm giữ hết ngày 01/09/2026"): the tạm giam starts that day, the days
  are deducted;
* the tạm giữ's start ("tạm giữ từ 10h 01/03/2018 đủ 3 ngày rồi chuyển tạm giam 2 tháng",
  "tạm giữ 3 ngày từ 9h sáng nay, hết tạm giữ thì … tạm giam 2 tháng"): the tạm giam starts on
  the day the tạm giữ ends (start + 3 days: 04/03/2018) and the 3 days are deducted: 60 − 3 = 57
  days, "đến hết ngày 29/4/2018" (FACTS §1, the official example). Without the number of tạm giữ
  days, its term (3 days, Đ118 k1), as a tạm giam asked after a tạm giữ card: the same last day
  whatever the days. Never the custody start with a deduction (a date 3 days early).

The days are every day of the tạm giữ, its extensions too ("tạm giữ 3 ngày …, gia hạn thêm 3 ngày
rồi tạm giam": 6; ``custody_days``); ``Chained.custody_start`` keeps the custody's first day when
the date was it, so that a new number of days moves the tạm giam's start with it.

Pure; works on the folded text that ``dateparse`` reads.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from knowledge.deadlines.custody_days import CustodyDaysError, read_custody_days
from knowledge.deadlines.date_owner import detention_owns
from knowledge.deadlines.deducted_custody import without_deductions

TWO_DATES = (
    "Câu hỏi có cả ngày tạm giữ và ngày tạm giam. Anh/chị hỏi riêng tạm giam, ví dụ "
    "«tạm giam 2 tháng từ 05/03/2026, đã tạm giữ 3 ngày thì hết ngày nào»."
)
CUSTODY_DATES = (
    "Câu hỏi có nhiều ngày trong thời gian tạm giữ; trợ lý chỉ tính từ ngày bắt đầu tạm giữ và số ngày tạm giữ, "
    "gia hạn. Anh/chị hỏi lại, ví dụ «tạm giữ 3 ngày từ 9h 02/03/2026, gia hạn thêm 3 ngày, rồi tạm giam 2 tháng»."
)
_MEASURE = re.compile(r"(?<![a-z])tam (giu|giam)(?![a-z])")
# The date is the custody's end: "hết ngày", "hết hạn tạm giữ 3 ngày vào", "kết thúc tạm giữ là".
_ENDS = re.compile(
    r"(?<![a-z])(?:het|ket thuc|den|toi|xong)(?:\s+(?:han|ngay|hom|vao|luc|la|dung|tam giu|thoi han|\d{1,2}\s*ngay))*\s*$"
)
_END_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
TERM_DAYS = 3  # the tạm giữ's term when the question does not say it (Đ118 k1)
MAX_CUSTODY_DAYS = 9  # 3 days and two extensions of 3 (Đ118 k1, k2)
_OTHER_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?![\d])")


class SeparatePeriods(ValueError):
    """The tạm giữ is dated after the tạm giam's start ("tạm giam 2 tháng từ 01/02, còn tạm giữ 3 ngày từ 01/03"):
    another period, not days to deduct; the whole message is no one card (its parts are computed apart)."""


class CustodyChainError(ValueError):
    """The question chains tạm giữ into tạm giam and gives the tạm giam a date of its own too."""

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


def _custody_end(marked: str, at: int, start: date | datetime) -> tuple[date, tuple[int, int]] | None:
    """The day the tạm giữ ended, written after its start and before the tạm giam ("… đến 9h ngày
    04/06/2026, sau đó tạm giam"), with its span; None if none is, or it cannot be a custody's end."""
    stop = re.search(r"(?<![a-z])tam giam(?![a-z])", marked[at:])
    m = _END_DATE.search(marked, at, at + stop.start() if stop else at)
    if m is None:
        return None
    day = start.date() if isinstance(start, datetime) else start
    try:
        end = date(int(m[3]) if m[3] and len(m[3]) == 4 else day.year, int(m[2]), int(m[1]))
    except ValueError:
        return None
    return (end, m.span()) if 0 < (end - day).days <= MAX_CUSTODY_DAYS else None


class Chained(NamedTuple):
    start: date | datetime  # the tạm giam's first day (or the custody's, when its length is not said)
    deduct: int | None  # tạm giữ days to deduct
    rest: str  # the text without them
    custody_start: date | datetime | None = None  # the date was the tạm giữ's start: a new length moves ``start``


def _custody_dated_after(marked: str, at: int, start: date | datetime) -> bool:
    """Whether a tạm giữ named after the tạm giam's date ``@`` has a date of its own later than ``start``: a
    custody that begins after the detention did cannot be deducted from it (TTLT 04/2018 Điều 17 deducts the
    custody that preceded it)."""
    held = re.search(r"(?<![a-z])tam giu(?![a-z])", marked[at:])
    found = _END_DATE.search(marked, at + held.end()) if held is not None else None
    if found is None:
        return False
    day = start.date() if isinstance(start, datetime) else start
    try:
        other = date(int(found[3] or day.year), int(found[2]), int(found[1]))
    except ValueError:
        return False
    return other > day


def after_custody(rest: str, marked: str, start: date | datetime) -> Chained:
    """The tạm giam's start, the tạm giữ days to deduct, ``rest`` without them, and the custody's start.

    ``rest``: the folded question without its date, shorthand expanded; ``marked``: the same with
    the date's place kept as ``@``. Raises :class:`CustodyChainError` when the question also gives
    the tạm giam its own date (which one counts is not guessed).
    """
    at = marked.find("@")
    if at < 0:
        return Chained(start, None, rest)
    measures = without_deductions(marked)  # "(đã trừ 3 ngày tạm giữ)": days, not the date's measure
    before = list(_MEASURE.finditer(measures, 0, at))
    owner = before[-1] if before else _MEASURE.search(measures, at)
    detention_date = owner is None or owner[1] == "giam" or _ENDS.search(marked[:at]) is not None
    detention_date = detention_date or detention_owns(marked, at)  # "tạm giữ …, ngày 16/03 bắt lại tạm giam"
    ended = None if detention_date else _custody_end(marked, at, start)
    try:
        days = read_custody_days(marked)
    except CustodyDaysError as exc:
        if ended is None:
            raise CustodyChainError(exc.message_vi) from exc
        days = None  # "từ 9h 02/03 đến 9h 08/03, có gia hạn": its two ends say how long it was
    if days is None:
        if ended is not None:  # "tạm giữ từ 9h 01/06 đến 9h 04/06, sau đó tạm giam": from its end
            end_day, span = ended
            day = start.date() if isinstance(start, datetime) else start
            without = (marked[: span[0]] + " " + marked[span[1] :]).replace("@", " ")
            return Chained(end_day, (end_day - day).days, without, start)
        if detention_date:
            return Chained(start, None, rest)
        # "tạm giữ từ 10h 01/12 rồi tạm giam 2 tháng": the custody's term, 3 days (Đ118 k1), as when the
        # tạm giam is asked after a tạm giữ card; from its end with them deducted: the same last day (X + 60 − 1).
        day = start.date() if isinstance(start, datetime) else start
        return Chained(day + timedelta(days=TERM_DAYS), TERM_DAYS, rest, start)
    count = days.total
    without = days.without(marked).replace("@", " ")
    if detention_date and _custody_dated_after(marked, at, start):
        raise SeparatePeriods(marked)
    if detention_date:
        return Chained(start, count, without)  # the tạm giam's own date, or the day the tạm giữ ended
    day = start.date() if isinstance(start, datetime) else start
    agree = ended is not None and (ended[0] - day).days == count  # "6 ngày, từ 7h 03/01 tới 7h 09/01"
    if ended is not None and agree and _OTHER_DATE.search(marked, ended[1][1]) is None:  # no later date (a re-arrest)
        span = ended[1]
        without = days.without(marked[: span[0]] + " " * (span[1] - span[0]) + marked[span[1] :]).replace("@", " ")
        return Chained(ended[0], count, without, start)
    other = _OTHER_DATE.search(marked, at)
    if other is not None:
        detention = re.search(r"(?<![a-z])tam giam(?![a-z])", marked[at:])
        of_custody = detention is not None and other.start() < at + detention.start()
        raise CustodyChainError(CUSTODY_DATES if of_custody else TWO_DATES)
    return Chained(day + timedelta(days=count), count, without, start)
