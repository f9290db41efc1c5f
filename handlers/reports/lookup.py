"""Shared by the report commands and buttons: the configuration in service, the schedule of a
period, the periods being reminded, and reading what the user typed (report, period, unit)."""

from __future__ import annotations

from datetime import date, timedelta

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.reports.config import Period, ReportBook, ReportType, Schedule, parse_period, periods_between
from storage.units import Unit


def report_book(ctx: Context) -> ReportBook:
    book = ctx.services.reports
    if book is None:
        raise RuntimeError("report configuration not loaded")
    return book


def schedule_of(ctx: Context, report: ReportType, period: Period) -> Schedule:
    book = report_book(ctx)
    return book.config.schedule(report, period, book.calendar, ctx.services.settings.timezone)


def today_of(ctx: Context) -> date:
    return ctx.local_now().date()


def reported_periods(ctx: Context, report: ReportType, unit: Unit | None = None) -> list[Schedule]:
    """Periods of ``report`` whose reminders have started, newest first (the last ~13 months);
    with ``unit``, only the periods it tracks (due on or after its "tracked from" day)."""
    now, today, tz = ctx.now(), today_of(ctx), ctx.services.settings.timezone
    found = []
    for period in periods_between(report.period, today - timedelta(days=400), today):
        schedule = schedule_of(ctx, report, period)
        if unit is not None and not unit.tracks(schedule.due, tz):
            continue
        if schedule.reminders and schedule.reminders[0].at <= now:
            found.append(schedule)
    return sorted(found, key=lambda s: s.period.start, reverse=True)


def report_names(ctx: Context) -> str:
    return ", ".join(f"{r.code} ({r.name})" for r in report_book(ctx).config.reports.values())


def find_report(ctx: Context, text: str, command: str) -> ReportType | Reply:
    """The report the user named, or a reply saying which names exist (none or several matched)."""
    hits = report_book(ctx).matching(text)
    if len(hits) == 1:
        return hits[0]
    example = f"ví dụ «/{command} {next(iter(report_book(ctx).config.reports))}»"
    if hits:
        names = ", ".join(f"{r.code} ({r.name})" for r in hits)
        return Reply(f"«{text[:40]}» khớp nhiều báo cáo: {names}. Anh/chị gõ mã báo cáo, {example}.")
    return Reply(
        f"Không có báo cáo «{text[:40]}». Anh/chị gõ mã báo cáo, {example}.\nCác báo cáo: {report_names(ctx)}."
    )


PERIOD_EXAMPLES = {
    "month": "10/2026 (hoặc 2026-10)",
    "quarter": "quý 3/2026 (hoặc Q3/2026)",
    "half_year": "«6 tháng 2026» (6 tháng đầu năm 2026, từ 01/12/2025 đến 31/05/2026)",
    "year": "«năm 2026» (12 tháng năm 2026, từ 01/12/2025 đến 30/11/2026)",
}


def bad_period(report: ReportType, text: str) -> Reply:
    return Reply(
        f"Kỳ «{text[:20]}» không hợp lệ với {report.name}. Anh/chị ghi kỳ như {PERIOD_EXAMPLES[report.period]}."
    )


def typed_schedule(ctx: Context, report: ReportType, text: str) -> Schedule | Reply:
    """The schedule of the period the user typed, or the polite answer that it does not fit."""
    period = parse_period(report.period, text)
    return bad_period(report, text) if period is None else schedule_of(ctx, report, period)


async def units_for_report(ctx: Context, report: ReportType) -> list[Unit]:
    units = await ctx.repos.units.subtree(ctx.member.unit_id)
    return [u for u in units if report.applies(u.code, u.level)]


def split_period(report: ReportType, words: list[str]) -> tuple[str | None, list[str]]:
    """The period typed after the report's code, in one to five words ("11/2026", "tháng 11/2026",
    "quý IV/2026", "6 tháng đầu năm 2026"), and the words after it."""
    for size in range(min(len(words), 5), 1, -1):
        text = " ".join(words[:size])
        if parse_period(report.period, text):
            return text, words[size:]
    # A period of another kind ("quý 4/2026" for a monthly report) is still the period, not a
    # unit code: the caller answers that it does not fit this report.
    for size in range(min(len(words), 5), 1, -1):
        text = " ".join(words[:size])
        if any(parse_period(kind, text) for kind in PERIOD_EXAMPLES):
            return text, words[size:]
    return (words[0], words[1:]) if words else (None, [])


def label_with_dates(period: Period) -> str:
    dates = f"{period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"
    return period.label if dates in period.label else f"{period.label} ({dates})"
