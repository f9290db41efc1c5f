"""What an event's typed answer says: a day (``typed_day``: a release, a decision, a stage's start), a length
(«48 giờ», «2 tháng 15 ngày»), and the day of an extension's decision typed with it («2 tháng, quyết định ngày 25/03/2026» → «2 tháng» and
``decided_on`` 2026-03-25; optional: a length alone records no day). The chain checks the day
against the period it extends (``register_decision.check_decided_on``)."""

from __future__ import annotations

import re
from datetime import date, datetime

from handlers.deadline_inputs import STOP, order_length
from knowledge.deadlines.dateparse import DateParseError, parse_date_time
from knowledge.kb.normalize import fold


def typed_day(text: str, now: datetime) -> date | str:
    """The day typed («05/12», «05/12/2026», «hôm qua»; a moment's day), or why it is not a day, with how
    to stop (``now``: the user's local time)."""
    try:
        value = parse_date_time(text, now.replace(tzinfo=None)).value()
    except DateParseError as exc:
        return f"{exc.message_vi}{STOP}"
    return value.date() if isinstance(value, datetime) else value


HOURS = re.compile(r"^\s*(\d{1,3})\s*(?:giờ|gio|h)\s*$", re.I)

_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_JOINERS = ("quyet dinh", "qd")
_UNITS = ("thang", "ngay", "gio", "h")


def _without_joiners(text: str) -> str:
    """``2 tháng, quyết định ngày`` → ``2 tháng``: the words between the length and the day; a
    «ngày» goes only where it introduces the day (after a unit or a joiner), «10 ngày» keeps it."""
    words = text.rstrip(" ,;").split()
    joiners = (*_JOINERS, "dinh", "quyet")
    while words:
        last = fold(words[-1]).strip(",;")
        before = fold(words[-2]).strip(",;") if len(words) > 1 else ""
        if last in joiners or (last == "ngay" and (before in joiners or before.endswith(_UNITS))):
            words.pop()
            continue
        break
    return " ".join(words).rstrip(" ,;")


def split_decided(text: str) -> tuple[str, dict[str, str]]:
    """(the length's text, {"decided_on": ISO day} or {}); an impossible day is left in the text,
    so the length is not read and the question is asked again."""
    match = _DAY.search(text)
    if match is None:
        return text, {}
    try:
        day = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return text, {}
    return _without_joiners(text[: match.start()]), {"decided_on": day.isoformat()}


def day_problem(text: str) -> str | None:
    """Why the day typed at the end cannot be («Ngày 31/02/2026 không tồn tại: …»), or None."""
    match = _DAY.search(text)
    if match is None:
        return None
    try:
        date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        year = int(match.group(3))
        if year < 1:  # «0/0/0000»: no calendar has it (and datetime refuses year 0)
            return f"Ngày {match.group(0)} không có trên lịch."
        try:
            parse_date_time(match.group(0), datetime(year, 1, 1))
        except DateParseError as exc:
            return exc.message_vi
        return f"Ngày {match.group(0)} không có trên lịch."
    return None


def parse_length(text: str) -> dict[str, int] | None:
    """``48 giờ`` → hours; ``2 tháng 15 ngày`` → months and days; None when it is neither, or
    nothing («0 ngày»: an empty length would be read as the law's longest)."""
    hours = HOURS.match(text)
    if hours:
        return {"hours": int(hours.group(1))} if int(hours.group(1)) else None
    length = order_length(text)
    if length is None or not any(length):
        return None
    return {k: v for k, v in zip(("months", "days"), length, strict=True) if v}
