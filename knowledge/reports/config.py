"""Periodic reports as data (``knowledge/data/reports.yaml``): report types, their periods,
due days, reminder times and escalation times.

Pure: dates and times are computed from the calendar and the configuration only; the
only I/O is reading the YAML file. Nothing here says when "now" is.
"""

from __future__ import annotations

import logging
import re
from calendar import monthrange
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

import yaml

from knowledge import DATA_DIR
from knowledge.deadlines.calendar import WorkCalendar, load_calendar
from knowledge.reports.periods import (  # noqa: F401  (re-exported: the periods are part of this API)
    PERIOD_RULE_LABELS,
    PERIOD_RULES,
    Period,
    parse_period,
    period_by_key,
    periods_between,
)

logger = logging.getLogger(__name__)

REPORTS_FILE = DATA_DIR / "reports.yaml"
LEVELS = ("toi_cao", "tinh", "khu_vuc")
_CODE = re.compile(r"^[a-z0-9_]{1,20}$")
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class ReportConfigError(ValueError):
    """reports.yaml is malformed; the message names the report and the field."""


# -- configuration ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Offset:
    """A moment relative to the due day: ``days`` before it (negative: after), counted in
    working days or calendar days, at a local time of day."""

    days: int
    working: bool
    at: time

    @property
    def code(self) -> str:
        """Stable identity for exactly-once keys: 'w3@08:00', 'd0@08:00', 'w-1@09:00'."""
        return f"{'w' if self.working else 'd'}{self.days}@{self.at:%H:%M}"

    def describe(self) -> str:
        unit = "ngày làm việc" if self.working else "ngày"
        if self.days == 0:
            return f"ngày đến hạn, {self.at:%H:%M}"
        side = "trước hạn" if self.days > 0 else "sau hạn"
        return f"{abs(self.days)} {unit} {side}, {self.at:%H:%M}"


@dataclass(frozen=True, slots=True)
class ReportType:
    code: str
    name: str
    period: str
    due_day_of_next_month: int | None
    due_working_days_after_end: int | None
    reminders: tuple[Offset, ...]
    escalation: Offset
    applies_to: tuple[str, ...]

    def applies(self, unit_code: str, unit_level: str) -> bool:
        return unit_level in self.applies_to or unit_code in self.applies_to

    def describe_due(self) -> str:
        if self.due_day_of_next_month is not None:
            return f"ngày {self.due_day_of_next_month} tháng sau kỳ báo cáo"
        return f"ngày làm việc thứ {self.due_working_days_after_end} sau khi hết kỳ"


@dataclass(frozen=True, slots=True)
class Moment:
    """One scheduled moment of a report period: a reminder or the escalation."""

    code: str  # the offset's code, or "escalation"
    at: datetime  # timezone-aware


@dataclass(frozen=True, slots=True)
class Schedule:
    report: ReportType
    period: Period
    due: date
    reminders: tuple[Moment, ...]  # in time order, distinct moments
    escalation: Moment
    useful_until: datetime  # a missed reminder is still worth sending before this


@dataclass(frozen=True, slots=True)
class ReportConfig:
    reports: Mapping[str, ReportType]
    shift_due_day: str  # previous | next
    grace: timedelta
    digest_at: time
    example: bool

    def get(self, code: str) -> ReportType | None:
        return self.reports.get(code)

    def schedule(self, report: ReportType, period: Period, calendar: WorkCalendar, tz: tzinfo) -> Schedule:
        due = self.due_day(report, period, calendar)
        moments: dict[datetime, Moment] = {}
        for offset in report.reminders:
            day = _offset_day(due, offset, calendar)
            at = datetime.combine(day, offset.at, tz)
            moments.setdefault(at, Moment(offset.code, at))
        esc_day = _offset_day(due, report.escalation, calendar)
        escalation = Moment("escalation", datetime.combine(esc_day, report.escalation.at, tz))
        useful_until = datetime.combine(due + timedelta(days=1), time(0), tz) + self.grace
        return Schedule(
            report, period, due, tuple(sorted(moments.values(), key=lambda m: m.at)), escalation, useful_until
        )

    def due_day(self, report: ReportType, period: Period, calendar: WorkCalendar) -> date:
        if report.due_working_days_after_end is not None:
            return calendar.add_working_days(period.end, report.due_working_days_after_end)
        first = period.end + timedelta(days=1)
        day = date(
            first.year, first.month, min(report.due_day_of_next_month or 1, monthrange(first.year, first.month)[1])
        )
        if calendar.is_working_day(day):
            return day
        return (
            calendar.previous_working_day(day) if self.shift_due_day == "previous" else calendar.next_working_day(day)
        )

    def schedules_around(self, moment: date, calendar: WorkCalendar, tz: tzinfo, days: int = 120) -> Iterator[Schedule]:
        """Schedules of every report whose period ended within ``days`` before ``moment`` or
        is still running at ``moment`` (their reminders can fall before the period ends)."""
        for report in self.reports.values():
            for period in periods_between(report.period, moment - timedelta(days=days), moment + timedelta(days=days)):
                if period.end - timedelta(days=days) <= moment:
                    yield self.schedule(report, period, calendar, tz)


def _offset_day(due: date, offset: Offset, calendar: WorkCalendar) -> date:
    if offset.working:
        return calendar.add_working_days(due, -offset.days) if offset.days else due
    day = due - timedelta(days=offset.days)
    if offset.days > 0 and not calendar.is_working_day(day):
        # A reminder "1 day before" a Monday goes out on the Friday, not on Sunday.
        return calendar.previous_working_day(day)
    return day


# -- parsing ------------------------------------------------------------------------------
def _hhmm(raw: Any, where: str) -> time:
    match = _HHMM.match(str(raw or "").strip())
    if not match:
        # An unquoted 9:30 reaches us as the integer 570 (YAML 1.1 base-60): say how to write it.
        raise ReportConfigError(
            f"reports.yaml: {where}: giờ '{raw}' không đúng dạng HH:MM; viết trong ngoặc kép, ví dụ at: \"08:00\""
        )
    return time(int(match.group(1)), int(match.group(2)))


def _int_in(raw: Any, low: int, high: int, where: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
        raise ReportConfigError(f"reports.yaml: {where}: '{raw}' phải là số nguyên từ {low} đến {high}")
    return raw


def _offset(raw: Any, where: str, *, after: bool = False) -> Offset:
    if not isinstance(raw, dict):
        example = "working_days_after" if after else "working_days_before"
        raise ReportConfigError(f'reports.yaml: {where}: cần dạng {{{example}: N, at: "08:00"}}')
    at = _hhmm(raw.get("at"), where)
    keys = set(raw) - {"at"}
    allowed = {"working_days_after"} if after else {"working_days_before", "days_before"}
    if len(keys) != 1 or not keys <= allowed:
        raise ReportConfigError(f"reports.yaml: {where}: cần đúng một trong {sorted(allowed)}")
    key = keys.pop()
    value = _int_in(raw[key], 1 if after else 0, 30, f"{where}.{key}")
    return Offset(-value if after else value, key.startswith("working"), at)


def _report(code: str, raw: Any) -> ReportType:
    where = f"reports.{code}"
    if not _CODE.match(str(code)):
        raise ReportConfigError(f"reports.yaml: mã báo cáo '{code}' chỉ gồm a-z, 0-9, _ (tối đa 20 ký tự)")
    if not isinstance(raw, dict):
        raise ReportConfigError(f"reports.yaml: {where}: cần một mapping")
    missing = {"name", "period", "due", "reminders", "escalation", "applies_to"} - set(raw)
    if missing:
        raise ReportConfigError(f"reports.yaml: {where}: thiếu {', '.join(sorted(missing))}")
    if raw["period"] not in PERIOD_RULES:
        raise ReportConfigError(
            f"reports.yaml: {where}.period: '{raw['period']}' không thuộc {', '.join(PERIOD_RULES)}"
        )
    due = raw["due"]
    if not isinstance(due, dict) or len(due) != 1:
        raise ReportConfigError(f"reports.yaml: {where}.due: cần day_of_next_month hoặc working_days_after_end")
    day_of_month = working_after = None
    if "day_of_next_month" in due:
        day_of_month = _int_in(due["day_of_next_month"], 1, 31, f"{where}.due.day_of_next_month")
    elif "working_days_after_end" in due:
        working_after = _int_in(due["working_days_after_end"], 1, 30, f"{where}.due.working_days_after_end")
    else:
        raise ReportConfigError(f"reports.yaml: {where}.due: cần day_of_next_month hoặc working_days_after_end")
    reminders = raw["reminders"]
    if not isinstance(reminders, list) or not reminders:
        raise ReportConfigError(f"reports.yaml: {where}.reminders: cần ít nhất một lần nhắc")
    offsets = tuple(_offset(r, f"{where}.reminders[{i}]") for i, r in enumerate(reminders))
    applies = raw["applies_to"]
    if not isinstance(applies, list) or not applies or not all(isinstance(a, str) and a for a in applies):
        raise ReportConfigError(f"reports.yaml: {where}.applies_to: cần danh sách cấp đơn vị hoặc mã đơn vị")
    for entry in applies:
        # Unit codes are stored in capitals: a lower-case entry that is not a level (a typo such
        # as "khuvuc") would silently match no unit and nobody would ever be reminded.
        if entry not in LEVELS and entry != entry.upper():
            raise ReportConfigError(
                f"reports.yaml: {where}.applies_to: '{entry}' không phải cấp đơn vị ({', '.join(LEVELS)}); "
                "mã đơn vị viết hoa, ví dụ HN01"
            )
    name = str(raw["name"]).strip()
    if not name:
        raise ReportConfigError(f"reports.yaml: {where}.name: trống")
    return ReportType(
        code,
        name,
        raw["period"],
        day_of_month,
        working_after,
        offsets,
        _offset(raw["escalation"], f"{where}.escalation", after=True),
        tuple(applies),
    )


def parse_reports(data: Any) -> ReportConfig:
    if not isinstance(data, dict) or not isinstance(data.get("reports"), dict) or not data["reports"]:
        raise ReportConfigError("reports.yaml: cần mục 'reports' với ít nhất một loại báo cáo")
    shift = data.get("shift_due_day", "previous")
    if shift not in ("previous", "next"):
        raise ReportConfigError(f"reports.yaml: shift_due_day '{shift}' phải là previous hoặc next")
    grace = _int_in(data.get("grace_hours", 0), 0, 72, "grace_hours")
    reports = {str(code): _report(str(code), raw) for code, raw in data["reports"].items()}
    return ReportConfig(
        reports,
        shift,
        timedelta(hours=grace),
        _hhmm(data.get("digest_at", "07:30"), "digest_at"),
        bool(data.get("example_configuration", False)),
    )


def load_reports(path: str | Path | None = None) -> ReportConfig:
    file = Path(path) if path else REPORTS_FILE
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ReportConfigError(f"{file.name}: không đọc được: {exc}") from exc
    return parse_reports(data)


class ReportBook:
    """The report configuration in service, with the calendar; swapped whole on reload.
    A reload that fails validation keeps the old configuration and returns the error."""

    def __init__(self, path: str | Path | None = None, calendar: WorkCalendar | None = None) -> None:
        self.path = path
        self.calendar = calendar or load_calendar()
        self.config = load_reports(path)

    def upcoming(self, tz: tzinfo, now: datetime) -> list[tuple[Schedule, int]]:
        """Schedules with a reminder still to come after ``now``, soonest first, with that
        reminder's index."""
        today = now.astimezone(tz).date()
        found = []
        for schedule in self.config.schedules_around(today, self.calendar, tz):
            index = next((i for i, m in enumerate(schedule.reminders) if m.at > now), None)
            if index is not None:
                found.append((schedule.reminders[index].at, schedule.report.code, schedule, index))
        found.sort(key=lambda item: (item[0], item[1]))
        return [(schedule, index) for _, _, schedule, index in found]

    def reload(self) -> str | None:
        try:
            config = load_reports(self.path)
        except ReportConfigError as exc:
            logger.warning("reports reload refused: %s", exc)
            return str(exc)
        self.config = config
        logger.info("report configuration reloaded: %d report types", len(config.reports))
        return None

    def find(self, text: str) -> ReportType | None:
        """A report by its code, or by a unique match of the typed words in its name."""
        hits = self.matching(text)
        return hits[0] if len(hits) == 1 else None

    def matching(self, text: str) -> list[ReportType]:
        """The report with this code, else every report whose name (or code) has all the typed
        words, without diacritics."""
        from knowledge.kb.normalize import fold

        wanted = text.strip().lower()
        if wanted in self.config.reports:
            return [self.config.reports[wanted]]
        words = fold(text).split()
        if not words:
            return []
        return [r for r in self.config.reports.values() if all(w in fold(r.name) or w in r.code for w in words)]
