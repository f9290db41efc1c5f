"""/baocao (a head's open reports) and /danop (mark a report period as sent by text).

Roles are checked by the dispatcher; which units an actor may mark is checked in
``storage.reports``."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, clip, fit, reply
from bot.clock import local
from handlers.reports.callbacks import ReportAction, ReportButton
from handlers.reports.lookup import (
    PERIOD_EXAMPLES,
    bad_period,
    find_report,
    report_book,
    report_names,
    reported_periods,
    schedule_of,
    split_period,
    today_of,
    typed_schedule,
)
from handlers.reports.texts import EXAMPLE_NOTE, days_left_text, fmt_day
from knowledge.reports.config import ReportType, Schedule, parse_period
from knowledge.reports.periods import period_by_key, short_label
from storage.reports import UNDO_WINDOW, ReportAccessError
from storage.units import Unit


# -- /baocao ------------------------------------------------------------------------------------
async def open_reports(ctx: Context) -> list[Reply]:
    """The actor's unit: each report period already being reminded, sent or not."""
    unit = await ctx.repos.units.get(ctx.member.unit_id)
    assert unit is not None
    book = report_book(ctx)
    reports = [r for r in book.config.reports.values() if r.applies(unit.code, unit.level)]
    if not reports:
        return [
            Reply(
                "Đơn vị của anh/chị không phải gửi báo cáo định kỳ nào theo cấu hình. "
                "Để xem các đơn vị cấp dưới, anh/chị gõ /tinhhinh."
            )
        ]
    today = today_of(ctx)
    lines = [f"Báo cáo định kỳ của {unit.name}:"]
    rows: list[list[Button]] = []
    # Marks still undoable: a period marked early (after /thu_nhac, before its reminders start)
    # is listed with its undo button, not hidden until its reminders would have begun.
    recent = await ctx.repos.reports.for_unit(unit.id, ctx.now() - UNDO_WINDOW)
    # Periods reminded ahead of their schedule (/thu_nhac) too: the reminder said to send them.
    reminded = await ctx.repos.reports.reminded_periods(unit.id, ctx.now())
    for report in reports:
        schedules = reported_periods(ctx, report, unit)[:2]
        shown = {s.period.key for s in schedules}
        keys = [m.period for m in recent if m.report == report.code] + sorted(reminded.get(report.code, ()))
        for key in keys:
            period = period_by_key(report.period, key)
            if period is not None and period.key not in shown:
                schedules.append(schedule_of(ctx, report, period))
                shown.add(period.key)
        for schedule in sorted(schedules, key=lambda s: s.period.start, reverse=True):
            line, button = await _period_line(ctx, report, schedule, unit)
            lines.append(line)
            if button is not None:
                rows.append([button])
    if len(lines) == 1:
        lines.append("Chưa có kỳ báo cáo nào đang được nhắc.")
    since = unit.tracked_from(ctx.services.settings.timezone)
    if (today - since).days < 400:
        lines.append(f"Trợ lý theo dõi báo cáo của đơn vị từ {fmt_day(since)}: kỳ có hạn trước ngày đó không tính.")
    if book.config.example:
        lines.append(EXAMPLE_NOTE)
    return [reply("\n".join(lines), *rows)]


async def _period_line(ctx: Context, report: ReportType, schedule: Schedule, unit: Unit) -> tuple[str, Button | None]:
    """One period on /baocao: sent or not, with its button (mark it sent, or undo within a day)."""
    sub = await ctx.repos.reports.get(report.code, schedule.period.key, unit.id)
    label = f"{report.name}, kỳ {schedule.period.label}"
    if sub is None:
        line = f"⏳ {label}: chưa gửi — hạn {fmt_day(schedule.due)} ({days_left_text(schedule.due, today_of(ctx))})"
        mark_label = fit("Đã gửi: ", report.name, f", {short_label(schedule.period)}", 60)
        return line, Button(mark_label, ReportButton.of(ReportAction.SENT, report, schedule.period, unit.id).pack())
    sent_day = local(sub.sent_at, ctx.services.settings.timezone).date()
    line = (
        f"✅ {label}: đã gửi {sent_day:%d/%m/%Y}"
        + (f" ({sub.sent_by_name})" if sub.sent_by_name else "")
        + (f", sớm — hạn {fmt_day(schedule.due)}" if sent_day <= schedule.period.end else "")
    )
    if ctx.now() - sub.sent_at >= UNDO_WINDOW:
        return line, None
    undo_label = fit("Hoàn tác «đã gửi»: ", report.name, f", {short_label(schedule.period)}", 60)
    return line, Button(undo_label, ReportButton.of(ReportAction.CONFIRM_UNDO, report, schedule.period, unit.id).pack())


# -- /danop <report> [period] [unit code] --------------------------------------------------------
async def mark_command(ctx: Context) -> list[Reply]:
    if not ctx.args:
        return [
            Reply(
                f"Anh/chị gõ /danop <mã báo cáo> [kỳ], ví dụ «/danop cong_tac_thang 10/2026».\n"
                f"Các báo cáo: {report_names(ctx)}."
            )
        ]
    report = find_report(ctx, ctx.args[0], "danop")
    if isinstance(report, Reply):
        return [report]
    period_text, rest = split_period(report, ctx.args[1:])
    if period_text is not None and parse_period(report.period, period_text) is None:
        return [bad_period(report, period_text)]  # before the unit: «quý 4/2026» is not a unit code
    unit = await _unit_named(ctx, rest[0] if rest else None)
    if isinstance(unit, Reply):
        return [unit]
    if not report.applies(unit.code, unit.level):
        hint = " Lãnh đạo cấp trên ghi thêm mã đơn vị, ví dụ «/danop " + report.code + " 10/2026 MÃ-ĐƠN-VỊ»."
        return [Reply(f"{report.name} không áp dụng cho {unit.name}.{'' if rest else hint}")]
    schedule = await _period_to_mark(ctx, report, period_text, unit)
    if isinstance(schedule, Reply):
        return [schedule]
    return await mark(ctx, report, schedule, unit.id)


async def _unit_named(ctx: Context, code: str | None) -> Unit | Reply:
    """The unit whose report is marked: the actor's own, or one below it named by its code."""
    if code is None:
        unit = await ctx.repos.units.get(ctx.member.unit_id)
        assert unit is not None
        return unit
    unit = await ctx.repos.units.by_code(code.upper())
    if unit is None or not await ctx.repos.units.in_scope(ctx.member.unit_id, unit.id):
        return Reply(
            f"Không tìm thấy đơn vị «{code[:20]}» trong phạm vi của anh/chị. "
            "Anh/chị kiểm tra lại mã đơn vị (quản trị viên xem bằng /donvi)."
        )
    return unit


async def _period_to_mark(ctx: Context, report: ReportType, period_text: str | None, unit: Unit) -> Schedule | Reply:
    """The typed period, else the one open period of those /baocao shows (the two newest being
    reminded); when several are open the head picks (a guess could stop the wrong reminders)."""
    if period_text is not None:
        return typed_schedule(ctx, report, period_text)
    example = f"«/danop {report.code} {PERIOD_EXAMPLES[report.period].split()[0]}»"
    candidates = reported_periods(ctx, report, unit)[:2]
    if not candidates:
        return Reply(f"{report.name} chưa có kỳ nào đến lúc nhắc. Anh/chị ghi rõ kỳ, ví dụ {example}.")
    sent = [await ctx.repos.reports.get(report.code, s.period.key, unit.id) for s in candidates]
    open_ = [s for s, sub in zip(candidates, sent, strict=True) if sub is None]
    if len(open_) <= 1:
        return open_[0] if open_ else candidates[0]
    rows = [
        [Button(clip(f"Kỳ {s.period.label}", 60), ReportButton.of(ReportAction.SENT, report, s.period, unit.id).pack())]
        for s in open_[:4]
    ]
    return reply(
        f"{unit.name} còn {len(open_)} kỳ {report.name} chưa báo đã gửi. "
        f"Anh/chị chọn kỳ đã gửi (hoặc gõ kỳ, ví dụ {example}):",
        *rows,
    )


async def mark(
    ctx: Context, report: ReportType, schedule: Schedule, unit_id: int, *, early: bool = False
) -> list[Reply]:
    """Mark the unit's report period as sent. A period that has not ended yet is marked only
    when the head confirms it was sent early (``early``, the confirmation button): a "1" typed
    on a reminder sent ahead of time must not stop the reminders of a report not yet written."""
    refused = _not_markable(ctx, schedule)
    if refused:
        return [refused]
    period = schedule.period
    running = not early and today_of(ctx) <= period.end
    if running and await ctx.repos.reports.get(report.code, period.key, unit_id) is None:
        return [
            reply(
                f"Kỳ {period.label} chưa kết thúc (đến hết {fmt_day(period.end)}). "
                f"Anh/chị đã gửi {report.name} kỳ này sớm, trước khi hết kỳ?",
                [Button("Đúng, đã gửi sớm", ReportButton.of(ReportAction.SENT_EARLY, report, period, unit_id).pack())],
                [Button("Chưa gửi, để sau", ReportButton.of(ReportAction.KEEP, report, period, unit_id).pack())],
            )
        ]
    try:
        sub, created = await ctx.repos.reports.mark_sent(
            ctx.member, report.code, schedule.period.key, unit_id, schedule.due, ctx.now()
        )
    except ReportAccessError:
        return [Reply("Chỉ lãnh đạo đơn vị được báo đã gửi báo cáo của đơn vị mình.")]
    tz = ctx.services.settings.timezone
    if not created:
        return [
            Reply(
                f"{report.name} kỳ {schedule.period.label} đã được báo gửi lúc "
                f"{local(sub.sent_at, tz):%H:%M %d/%m/%Y}"
                + (f" bởi {sub.sent_by_name}" if sub.sent_by_name else "")
                + ". Trợ lý không nhắc kỳ này nữa."
            )
        ]
    unit = await ctx.repos.units.get(unit_id)
    late = sub.days_late(local(sub.sent_at, tz).date())
    if unit is not None and not unit.tracks(schedule.due, tz):
        # Due before the unit's "tracked from" day: recorded, never late (as /tinhhinh shows it).
        status = (
            f"không tính trễ: hạn {fmt_day(schedule.due)} trước ngày bắt đầu theo dõi {fmt_day(unit.tracked_from(tz))}"
        )
    elif late:
        status = f"trễ {late} ngày"
    else:
        status = "đúng hạn"
    undo = [
        Button(
            "Hoàn tác (trong 24 giờ)",
            ReportButton.of(ReportAction.CONFIRM_UNDO, report, schedule.period, unit_id).pack(),
        )
    ]
    return [
        reply(
            f"Đã ghi nhận: {report.name} kỳ {schedule.period.label} đã gửi ({status}). Trợ lý dừng nhắc kỳ này.", undo
        )
    ]


def _not_markable(ctx: Context, schedule: Schedule) -> Reply | None:
    """A period that has not started cannot be marked as sent (most likely a mistyped year)."""
    period, today = schedule.period, today_of(ctx)
    if period.start > today:
        return Reply(
            f"Kỳ {period.label} chưa bắt đầu, chưa thể báo đã gửi. "
            "Anh/chị kiểm tra lại kỳ; gõ /baocao để xem các kỳ đang nhắc."
        )
    return None
