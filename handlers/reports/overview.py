"""/tinhhinh (every unit's status for a report period, as text and a PNG chart) and
/tinhhinh_xuat (the same as XLSX). Only units in the actor's scope are shown."""

from __future__ import annotations

import asyncio

from bot.chat.context import Context
from bot.chat.messages import OutFile, Reply
from handlers.reports.chart import MAX_ROWS, render_chart
from handlers.reports.export import build_status_workbook
from handlers.reports.lookup import (
    find_report,
    report_book,
    reported_periods,
    today_of,
    typed_schedule,
    units_for_report,
)
from handlers.reports.status import State, UnitStatus, unit_statuses
from handlers.reports.texts import NO_HEAD, fmt_day
from knowledge.reports.config import Schedule
from knowledge.reports.periods import period_text as typed_period

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# -- /tinhhinh [report] [period], /tinhhinh_xuat --------------------------------------------------
async def _resolve(ctx: Context, report_text: str | None, period_text: str | None) -> Schedule | Reply:
    book = report_book(ctx)
    if report_text:
        found = find_report(ctx, report_text, "tinhhinh")
        if isinstance(found, Reply):
            return found
        report = found
    else:
        report = next(iter(book.config.reports.values()))
    if period_text:
        typed = typed_schedule(ctx, report, period_text)
        if isinstance(typed, Schedule) and typed.period.start > today_of(ctx):
            return Reply(
                f"Kỳ {typed.period.label} chưa bắt đầu, chưa có gì để xem. "
                f"Anh/chị gõ /tinhhinh {report.code} để xem kỳ gần nhất."
            )
        return typed
    periods = reported_periods(ctx, report)
    due_passed = [s for s in periods if s.due <= today_of(ctx)]
    candidates = due_passed or periods
    if not candidates:
        return Reply(f"{report.name} chưa có kỳ nào đến lúc nhắc.")
    return candidates[0]


async def _statuses(
    ctx: Context, report_text: str | None, period_text: str | None
) -> tuple[Schedule, list[UnitStatus]] | Reply:
    """The schedule asked for and every unit in the actor's scope that it applies to, worst first."""
    resolved = await _resolve(ctx, report_text, period_text)
    if isinstance(resolved, Reply):
        return resolved
    schedule = resolved
    units = await units_for_report(ctx, schedule.report)
    if not units:
        return Reply(f"{schedule.report.name} không áp dụng cho đơn vị nào trong phạm vi của anh/chị.")
    sent = await ctx.repos.reports.for_period_in_scope(ctx.member, schedule.report.code, schedule.period.key)
    tz = ctx.services.settings.timezone
    # Every unit is listed; one that did not track this period yet (its due day is before the
    # unit's "tracked from" day) is "not counted", never late. Units whose reminders reach nobody
    # (no active head or administrator there) say so.
    recipients = await ctx.repos.reports.recipients_by_unit()
    with_head = {unit_id for unit_id, people in recipients.items() if people}
    return schedule, unit_statuses(schedule, units, sent, today_of(ctx), tz, with_head)


def _notes(schedule: Schedule, statuses: list[UnitStatus]) -> list[str]:
    """The count, and what "not counted" and "no head" mean, when they appear."""
    notes = [f"Tổng: {len(statuses)} đơn vị."]
    untracked = sum(s.state is State.UNTRACKED for s in statuses)
    if untracked == len(statuses):
        notes.append(
            f"Hạn {fmt_day(schedule.due)} trước ngày các đơn vị bắt đầu được theo dõi, nên không đơn vị nào bị tính trễ."
        )
    elif untracked:
        notes.append(f"⚪ {untracked} đơn vị bắt đầu được theo dõi sau hạn kỳ này: không tính trễ.")
    no_head = [s.unit.code for s in statuses if s.no_head]
    if no_head:
        notes.append(
            f"{len(no_head)} đơn vị {NO_HEAD} ({', '.join(no_head[:10])}{'…' if len(no_head) > 10 else ''}): "
            "không ai nhận lời nhắc; mời bằng /moi lanhdao MÃ-ĐƠN-VỊ."
        )
    return notes


async def status_view(ctx: Context, report_text: str | None = None, period_text: str | None = None) -> list[Reply]:
    if report_text is None and ctx.args:
        report_text = ctx.args[0]
        period_text = " ".join(ctx.args[1:]) or None
    found = await _statuses(ctx, report_text, period_text)
    if isinstance(found, Reply):
        return [found]
    (schedule, statuses), tz = found, ctx.services.settings.timezone
    title = f"{schedule.report.name}, kỳ {schedule.period.label} (hạn {schedule.due:%d/%m/%Y})"
    lines = [title + ":"] + [s.line(tz) for s in statuses] + _notes(schedule, statuses)
    chart_title = f"{schedule.report.name}\nkỳ {schedule.period.label}, hạn {schedule.due:%d/%m/%Y}"
    lines.append(f"Xuất Excel: /tinhhinh_xuat {schedule.report.code} {typed_period(schedule.period)}")
    parents = None
    if len(statuses) > MAX_ROWS and ctx.user is not None:  # grouped by parent unit: their names
        parents = {u.id: u.name for u in await ctx.repos.units.subtree(ctx.user.unit_id)}
    png = await asyncio.to_thread(render_chart, chart_title, statuses, parents)
    return [Reply("\n".join(lines)), Reply(title, photo=OutFile("tinhhinh.png", png, "image/png"))]


async def status_export(ctx: Context) -> list[Reply]:
    found = await _statuses(ctx, ctx.args[0] if ctx.args else None, " ".join(ctx.args[1:]) or None)
    if isinstance(found, Reply):
        return [found]
    (schedule, statuses), tz = found, ctx.services.settings.timezone
    data = await asyncio.to_thread(build_status_workbook, schedule, statuses, tz)
    name = f"tinhhinh_{schedule.report.code}_{schedule.period.key}.xlsx"
    return [
        Reply(
            f"Tình hình gửi {schedule.report.name}, kỳ {schedule.period.label}: {len(statuses)} đơn vị.",
            file=OutFile(name, data, XLSX),
        )
    ]
