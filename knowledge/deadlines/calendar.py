"""Working days in Vietnam, for the Đ134 k1 BLTTHS day-off shift and report reminders.

Days off = Saturdays and Sundays + public holidays from the ``holidays`` package (country
VN, which computes lunar Tết and Giỗ Tổ) − base-layer days that are not official
+ announced extra days off − announced working Saturdays. The yearly overrides live in
``knowledge/data/days_off.yaml`` (see the comments there); FACTS §13.

Pure: no clock reads; the only I/O is reading the YAML file in :func:`load_calendar`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import yaml

from knowledge import DATA_DIR

DAYS_OFF_FILE = DATA_DIR / "days_off.yaml"

WEEKDAYS_VI: tuple[str, ...] = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

# Tidier Vietnamese for the package's names (its own names are kept when not listed).
_NAME_FIXES: Mapping[str, str] = {
    "Ngày Chiến thắng": "Ngày Chiến thắng (30/4)",
    "Ngày Quốc tế Lao động": "Ngày Quốc tế Lao động (1/5)",
}
# "Ngày nghỉ (thay cho ngày 26/04/2025)": the package's swapped day; the date in the
# label is a working Saturday.
_SUBSTITUTE_RE = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")
_MAX_SCAN_DAYS = 366


class CalendarDataError(ValueError):
    """The days-off file is malformed; the message names file, year and field."""


def weekday_vi(d: date) -> str:
    """Vietnamese weekday name: ``Thứ Hai`` … ``Chủ nhật``."""
    return WEEKDAYS_VI[d.weekday()]


def _tidy(name: str) -> str:
    name = name.replace("Nguyên Đán", "Nguyên đán")
    return _NAME_FIXES.get(name, name)


@dataclass(frozen=True, slots=True)
class YearOverrides:
    days_off: Mapping[date, str] = field(default_factory=dict)
    working_saturdays: Mapping[date, str] = field(default_factory=dict)
    removed: frozenset[date] = frozenset()


class WorkCalendar:
    """Vietnamese working-day calendar (base layer + yearly overrides)."""

    def __init__(
        self,
        overrides: Mapping[int, YearOverrides] | None = None,
        remove_every_year: tuple[tuple[int, int], ...] = (),
    ) -> None:
        self._overrides: dict[int, YearOverrides] = dict(overrides or {})
        self._remove_every_year = remove_every_year
        self._years: dict[int, tuple[dict[date, str], frozenset[date]]] = {}
        self._lock = threading.Lock()

    # -- base layer ------------------------------------------------------------------
    def _year(self, year: int) -> tuple[dict[date, str], frozenset[date]]:
        """Holidays (date -> Vietnamese name) and working Saturdays of ``year``, cached."""
        cached = self._years.get(year)
        if cached is not None:
            return cached
        with self._lock:
            cached = self._years.get(year)
            if cached is not None:
                return cached
            base = holidays.country_holidays("VN", years=year, language="vi")
            ov = self._overrides.get(year, YearOverrides())
            days: dict[date, str] = {}
            working: set[date] = set(ov.working_saturdays)
            for day, name in sorted(base.items()):
                if day.year != year:
                    continue
                if day in ov.removed or (day.month, day.day) in self._remove_every_year:
                    continue
                for match in _SUBSTITUTE_RE.finditer(name):
                    dd, mm, yyyy = (int(g) for g in match.groups())
                    try:
                        swapped = date(yyyy, mm, dd)
                    except ValueError:
                        continue
                    if swapped.weekday() == 5 and swapped not in ov.days_off:
                        working.add(swapped)
                days[day] = _tidy(name.split(";")[0].strip())
            days.update(ov.days_off)
            result = (days, frozenset(working))
            self._years[year] = result
            return result

    def _is_working_saturday(self, d: date) -> bool:
        # A swap may cross the year boundary (Saturday in December for a day in January).
        return any(d in self._year(y)[1] for y in (d.year, d.year + 1))

    # -- public API -------------------------------------------------------------------
    def holiday_name(self, d: date) -> str | None:
        """Name of the public holiday or announced day off on ``d`` (not weekends)."""
        return self._year(d.year)[0].get(d)

    def is_day_off(self, d: date) -> bool:
        """True on Saturdays, Sundays, holidays and announced days off, not on working Saturdays."""
        if d in self._year(d.year)[0]:
            return True
        if d.weekday() == 6:
            return True
        return d.weekday() == 5 and not self._is_working_saturday(d)

    def is_working_day(self, d: date) -> bool:
        return not self.is_day_off(d)

    def day_off_reason(self, d: date) -> str | None:
        """Why ``d`` is a day off, in Vietnamese (holiday name first), or ``None``."""
        if not self.is_day_off(d):
            return None
        name = self.holiday_name(d)
        if name:
            return name
        return weekday_vi(d)

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        return self._step(d, 1)

    def previous_working_day(self, d: date) -> date:
        """The last working day strictly before ``d``."""
        return self._step(d, -1)

    def roll_forward(self, d: date) -> date:
        """``d`` itself if it is a working day, otherwise the next working day."""
        return d if self.is_working_day(d) else self.next_working_day(d)

    def add_working_days(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d`` (before it if ``n`` < 0); ``d`` itself if ``n`` == 0.

        ``d`` is not counted, whether or not it is a working day.
        """
        direction = 1 if n > 0 else -1
        current = d
        for _ in range(abs(n)):
            current = self._step(current, direction)
        return current

    def _step(self, d: date, direction: int) -> date:
        current = d
        for _ in range(_MAX_SCAN_DAYS):
            current += timedelta(days=direction)
            if self.is_working_day(current):
                return current
        raise RuntimeError(f"no working day within {_MAX_SCAN_DAYS} days of {d}")  # pragma: no cover


# -- loading ----------------------------------------------------------------------------
def _parse_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CalendarDataError(f"{where}: '{value}' is not a valid date (expected YYYY-MM-DD)")


def _parse_entries(raw: Any, where: str, year: int, need_name: bool) -> dict[date, str]:
    if raw is None:
        return {}
    if not isinstance(raw, list):
        raise CalendarDataError(f"{where}: expected a list")
    out: dict[date, str] = {}
    for i, item in enumerate(raw):
        here = f"{where}[{i}]"
        if not isinstance(item, dict) or "date" not in item:
            raise CalendarDataError(f"{here}: expected a mapping with a 'date' field")
        d = _parse_date(item["date"], f"{here}.date")
        if d.year != year:
            raise CalendarDataError(f"{here}.date: {d.isoformat()} is not in year {year}")
        if d in out:
            raise CalendarDataError(f"{here}.date: duplicate date {d.isoformat()}")
        text = item.get("name") if need_name else item.get("reason", "")
        if need_name and (not isinstance(text, str) or not text.strip()):
            raise CalendarDataError(f"{here}.name: a non-empty name is required")
        out[d] = str(text or "").strip()
    return out


def parse_days_off(data: Any, source: str = "days_off.yaml") -> tuple[dict[int, YearOverrides], tuple]:
    """Validate the parsed YAML; errors name the file, the year and the field."""
    if not isinstance(data, dict):
        raise CalendarDataError(f"{source}: top level must be a mapping")
    every: list[tuple[int, int]] = []
    for i, item in enumerate(data.get("remove_every_year") or []):
        where = f"{source}: remove_every_year[{i}].month_day"
        md = item.get("month_day") if isinstance(item, dict) else None
        try:
            month, day = (int(p) for p in str(md).split("-"))
            date(2024, month, day)  # a leap year accepts 02-29
        except (ValueError, TypeError):
            raise CalendarDataError(f"{where}: '{md}' is not a valid MM-DD") from None
        if (month, day) in every:
            raise CalendarDataError(f"{where}: duplicate '{md}'")
        every.append((month, day))
    years = data.get("years") or {}
    if not isinstance(years, dict):
        raise CalendarDataError(f"{source}: 'years' must be a mapping of year -> overrides")
    overrides: dict[int, YearOverrides] = {}
    for key, body in years.items():
        try:
            year = int(key)
        except (TypeError, ValueError):
            raise CalendarDataError(f"{source}: years: '{key}' is not a year") from None
        prefix = f"{source}: year {year}"
        body = body or {}
        if not isinstance(body, dict):
            raise CalendarDataError(f"{prefix}: expected a mapping")
        unknown = set(body) - {"days_off", "working_saturdays", "remove"}
        if unknown:
            raise CalendarDataError(f"{prefix}: unknown field(s) {sorted(unknown)}")
        off = _parse_entries(body.get("days_off"), f"{prefix}: days_off", year, True)
        work = _parse_entries(body.get("working_saturdays"), f"{prefix}: working_saturdays", year, True)
        removed = _parse_entries(body.get("remove"), f"{prefix}: remove", year, False)
        for d in work:
            if d.weekday() != 5:
                raise CalendarDataError(
                    f"{prefix}: working_saturdays: {d.isoformat()} is a {d.strftime('%A')}, not a Saturday"
                )
        for d in off.keys() & work.keys():
            raise CalendarDataError(f"{prefix}: {d.isoformat()} is both in days_off and working_saturdays")
        for d in off.keys() & removed.keys():
            raise CalendarDataError(f"{prefix}: {d.isoformat()} is both in days_off and remove")
        overrides[year] = YearOverrides(off, work, frozenset(removed))
    return overrides, tuple(every)


class _PlainLoader(yaml.SafeLoader):
    """Safe loader that leaves dates as strings, so a bad date gets our own error message."""


_PlainLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_DEFAULT: WorkCalendar | None = None


def load_calendar(path: str | Path | None = None) -> WorkCalendar:
    """Load the calendar from ``path`` (default: the packaged days_off.yaml; cached)."""
    global _DEFAULT
    if path is None and _DEFAULT is not None:
        return _DEFAULT
    file = Path(path) if path is not None else DAYS_OFF_FILE
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_PlainLoader)
    except yaml.YAMLError as exc:
        raise CalendarDataError(f"{file.name}: not valid YAML: {exc}") from exc
    overrides, every = parse_days_off(data, file.name)
    calendar = WorkCalendar(overrides, every)
    if path is None:
        _DEFAULT = calendar
    return calendar
