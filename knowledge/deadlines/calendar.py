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
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path

import holidays
import yaml

from knowledge import DATA_DIR
from knowledge.deadlines.days_off import CalendarDataError, YearOverrides, parse_days_off

__all__ = ["CalendarDataError", "WorkCalendar", "load_calendar", "weekday_vi"]

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
# Holidays whose date the Labour Code fixes (Đ112 BLLĐ 2019: 1/1, 30/4, 1/5, 2/9): never provisional.
# Tết, Giỗ Tổ, the day next to 2/9 and every swap depend on the yearly plan.
FIXED_HOLIDAYS: frozenset[tuple[int, int]] = frozenset({(1, 1), (4, 30), (5, 1), (9, 2)})


def weekday_vi(d: date) -> str:
    """Vietnamese weekday name: ``Thứ Hai`` … ``Chủ nhật``."""
    return WEEKDAYS_VI[d.weekday()]


def _tidy(name: str) -> str:
    name = name.replace("Nguyên Đán", "Nguyên đán")
    return _NAME_FIXES.get(name, name)


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

    def swap_words(self, d: date) -> str | None:
        """The other half of a swap ``d`` belongs to, as days_off.yaml names it: a working Saturday's "Làm bù cho
        thứ Sáu 02/01/2026", or for that Friday "làm bù thứ Bảy 10/01/2026"; None when no entry names one."""
        for year in (d.year, d.year - 1, d.year + 1):
            ov = self._overrides.get(year)
            for saturday, name in ov.working_saturdays.items() if ov is not None else ():
                if saturday == d:
                    return name
                if f"{d:%d/%m/%Y}" in name:
                    return f"làm bù thứ Bảy {saturday:%d/%m/%Y}"
        return None

    def source_of(self, d: date) -> str | None:
        """The text days_off.yaml gives for a day off or a working Saturday it lists ("Công văn 12729/VPCP-KGVX …")."""
        ov = self._overrides.get(d.year)
        return ov.sources.get(d) if ov is not None else None

    def is_removed(self, d: date) -> bool:
        """Whether days_off.yaml takes ``d`` out of the package's days off (``remove``, ``remove_every_year``):
        a day whose status is open (24/11, FACTS §13 U), not to be stated either way."""
        ov = self._overrides.get(d.year)
        return (ov is not None and d in ov.removed) or (d.month, d.day) in self._remove_every_year

    def is_confirmed(self, year: int) -> bool:
        """Whether days_off.yaml says the Government's plan for ``year`` is announced and entered."""
        ov = self._overrides.get(year)
        return bool(ov and ov.confirmed)

    def unconfirmed_reason(self, d: date) -> str | None:
        """Why ``d``'s status (off or worked) is not confirmed in a confirmed year (days_off.yaml), or None."""
        ov = self._overrides.get(d.year)
        return ov.unconfirmed.get(d) if ov is not None else None

    def holidays_of(self, year: int) -> dict[date, str]:
        """Every holiday or announced day off of ``year`` (not plain weekends), by date."""
        return dict(sorted(self._year(year)[0].items()))

    def working_saturdays_of(self, year: int) -> list[date]:
        return sorted(d for d in self._year(year)[1] if d.year == year)

    def is_provisional(self, d: date) -> bool:
        """A day off of a year whose plan is not confirmed, other than a fixed-date holiday (FACTS §15), or a
        day (off or worked) that days_off.yaml lists as unconfirmed."""
        if self.unconfirmed_reason(d) is not None:
            return True
        if self.is_confirmed(d.year) or (d.month, d.day) in FIXED_HOLIDAYS:
            return False
        if d.weekday() == 6 or (d.weekday() == 5 and not self._is_working_saturday(d)):
            return False  # a weekend day is off whatever the plan says
        return d in self._year(d.year)[0]

    def provisional_words(self, days: Iterable[date]) -> list[tuple[str, tuple[date, ...]]]:
        """What is not certain about provisional ``days``, in Vietnamese, with the days it concerns: a year's
        plan not announced ("lịch nghỉ Tết 2027 chưa được công bố chính thức"), or the reason days_off.yaml
        gives for an unconfirmed day."""
        days = sorted(set(days))
        groups: dict[str, list[date]] = {}
        for day in days:
            why = self.unconfirmed_reason(day)
            if why is None:
                of_year = [d for d in days if d.year == day.year and self.unconfirmed_reason(d) is None]
                tet = any("Tết" in (self.holiday_name(d) or "") for d in of_year)
                plan = f"lịch nghỉ Tết {day.year}" if tet else f"lịch nghỉ lễ năm {day.year}"
                why = f"{plan} chưa được công bố chính thức"
            groups.setdefault(why, []).append(day)
        return [(why, tuple(of)) for why, of in groups.items()]

    def provisional_between(self, first: date, last: date) -> list[date]:
        """Provisional days off from ``first`` to ``last`` inclusive."""
        out: list[date] = []
        day = first
        while day <= last:
            if self.is_provisional(day):
                out.append(day)
            day += timedelta(days=1)
        return out

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
