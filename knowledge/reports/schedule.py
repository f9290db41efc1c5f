"""A report type and its schedule: the due day of each period, the reminders before it and the
escalation after it. Pure: computed from the calendar and the configuration only; nothing here
says when "now" is. The configuration is read by ``parsing.py``; ``config.py`` is the way in.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from knowledge.deadlines.calendar import WorkCalendar
from knowledge.reports.periods import Period, periods_between


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
