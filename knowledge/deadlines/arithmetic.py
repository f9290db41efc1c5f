"""Date arithmetic of the procedural periods (BLTTHS 2015 Đ134 k1; TTLT 04/2018 Đ17). Pure."""

from __future__ import annotations

import calendar as _cal
from datetime import date, datetime, time, timedelta

from knowledge.deadlines.periods import UNIT_TEXT, Length


def add_months(d: date, months: int) -> date:
    """Same-numbered day ``months`` later, clamped to the last day of that month (Đ134 k1)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))


def calendar_end(anchor: date, length: Length) -> date:
    """Raw last day of a calendar period counted from ``anchor`` (before any day-off shift)."""
    if length.unit == "d":
        return anchor + timedelta(days=length.value)
    return add_months(anchor, length.value * (12 if length.unit == "y" else 1))


def split_moment(moment: datetime) -> tuple[date, str]:
    """A clock end as (day, "HH:MM"); exactly 00:00 is shown as 24:00 of the day before."""
    if moment.time() == time(0, 0):
        return moment.date() - timedelta(days=1), "24:00"
    return moment.date(), moment.strftime("%H:%M")


def total_text(parts: dict[str, int], counting: str, deduct: int) -> str:
    """Running total of a chain, e.g. ``4 tháng + 4 tháng`` or ``2 tháng, trừ 3 ngày tạm giữ = 57 ngày``."""
    order = [u for u in ("y", "m", "d", "h") if parts.get(u)]
    text = " + ".join(f"{parts[u]} {UNIT_TEXT[u]}" for u in order)
    if counting == "working_days":
        return f"{text} làm việc"
    if counting == "custody_days":
        days = 30 * parts.get("m", 0) + parts.get("d", 0) - deduct
        if deduct:
            return f"{text}, trừ {deduct} ngày tạm giữ = {days} ngày"
        if parts.get("m"):
            return f"{text} = {days} ngày"
    return text
