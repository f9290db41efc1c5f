"""When a facility is due for a check, and when it is overdue. Pure.

The rule (frequencies default from FACTS §9, see storage/facilities.py):
- daily: checked today (local date, Asia/Ho_Chi_Minh) → ok; last checked yesterday → due
  (today's check is still to do); last checked before yesterday, or never → overdue.
- weekly: last check less than 7 days ago → ok; 7 days or more but less than 8 → due;
  8 days or more, or never → overdue.
- never checked, but added within its first period (daily: today; weekly: less than 8 days ago):
  due, not overdue — a facility added on a unit's first day is not late yet.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from enum import StrEnum


class Due(StrEnum):
    OK = "ok"
    DUE = "due"
    OVERDUE = "overdue"


LABELS = {Due.OK: "đã kiểm sát", Due.DUE: "đến hạn kiểm sát", Due.OVERDUE: "QUÁ HẠN kiểm sát"}
ICONS = {Due.OK: "✅", Due.DUE: "🕒", Due.OVERDUE: "❗"}


def due_status(
    frequency: str, last_checked: datetime | None, now: datetime, tz: tzinfo, added: datetime | None = None
) -> Due:
    if last_checked is None:
        return Due.DUE if added is not None and _first_period(frequency, added, now, tz) else Due.OVERDUE
    if frequency == "daily":
        days = (now.astimezone(tz).date() - last_checked.astimezone(tz).date()).days
        return Due.OK if days <= 0 else Due.DUE if days == 1 else Due.OVERDUE
    age = now - last_checked
    if age < timedelta(days=7):
        return Due.OK
    return Due.DUE if age < timedelta(days=8) else Due.OVERDUE


def _first_period(frequency: str, added: datetime, now: datetime, tz: tzinfo) -> bool:
    if frequency == "daily":
        return added.astimezone(tz).date() >= now.astimezone(tz).date()
    return now - added < timedelta(days=8)
