"""The values a date parser gives and the errors it names: a date or time checked, in Vietnamese."""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, datetime, time


class DateParseError(ValueError):
    """A date or time that cannot be right; ``message_vi`` names the problem."""

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


@dataclass(frozen=True, slots=True)
class ParsedDateTime:
    day: date
    time: time | None = None

    def value(self) -> date | datetime:
        """A datetime when a time was given, else the date."""
        return datetime.combine(self.day, self.time) if self.time is not None else self.day


def make_date(day: int, month: int, year: int) -> date:
    """Build a date or raise :class:`DateParseError` saying what is wrong."""
    if not 1 <= month <= 12:
        raise DateParseError(f"Tháng {month} không hợp lệ (tháng từ 1 đến 12). Anh/chị kiểm tra lại ngày.")
    if not 1 <= year <= 9999:
        raise DateParseError(f"Năm {year} không hợp lệ. Anh/chị kiểm tra lại ngày.")
    last = _cal.monthrange(year, month)[1]
    if day == 29 and month == 2 and last == 28:
        raise DateParseError(
            f"Ngày 29/02/{year} không tồn tại: năm {year} không phải năm nhuận, tháng 2 chỉ có 28 ngày."
        )
    if not 1 <= day <= last:
        raise DateParseError(
            f"Ngày {day:02d}/{month:02d}/{year} không tồn tại: tháng {month}/{year} chỉ có {last} ngày."
        )
    return date(year, month, day)


def make_time(hour: int, minute: int) -> time:
    if not 0 <= hour <= 23:
        raise DateParseError(f"Giờ {hour} không hợp lệ (giờ từ 0 đến 23).")
    if not 0 <= minute <= 59:
        raise DateParseError(f"Phút {minute} không hợp lệ (phút từ 0 đến 59).")
    return time(hour, minute)
