"""The reminder's buttons (``handlers/reports/callbacks.py``): ``ReportButton`` (sent, sent early,
undo with its confirmation, keep, the snooze menu and its two choices, details) and
``StatusButton`` (the escalation's status view). Callback data is input: every part is checked
(unit in the actor's scope, report applies to it, period not in the future)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from bot.clock import local
from handlers.reports.callbacks import ReportAction, ReportButton, StatusButton
from handlers.reports.lookup import label_with_dates, report_book, schedule_of, today_of
from handlers.reports.marking import mark
from handlers.reports.overview import status_view
from handlers.reports.texts import fmt_day, reminder_message, report_buttons, snooze_buttons
from knowledge.reports.config import ReportType, Schedule, period_by_key
from storage.outbox import NewMessage
from storage.reports import UNDO_WINDOW, ReportAccessError, UndoTooLate, report_topic
from storage.units import Unit

STALE = "Nút này không còn hiệu lực. Anh/chị gõ /baocao để xem các báo cáo."


async def status_button(ctx: Context, data: StatusButton) -> list[Reply]:
    return await status_view(ctx, data.report, data.period)


async def report_button(ctx: Context, data: ReportButton) -> list[Reply]:
    action, unit_id = data.action, data.unit_id
    report = report_book(ctx).config.get(data.report)
    period = period_by_key(report.period, data.period) if report else None
    if report is None or period is None:
        return [Reply("Báo cáo hoặc kỳ báo cáo này không còn trong cấu hình. Anh/chị gõ /baocao để xem lại.")]
    unit = await ctx.repos.units.get(unit_id)
    if unit is None or not await ctx.repos.units.in_scope(ctx.member.unit_id, unit_id):
        return [
            Reply(
                "Anh/chị chỉ thao tác được với báo cáo của đơn vị mình và các đơn vị cấp dưới. "
                "Gõ /baocao để xem báo cáo của đơn vị anh/chị."
            )
        ]
    if not report.applies(unit.code, unit.level):
        return [Reply(f"{report.name} không áp dụng cho {unit.name}. Gõ /baocao để xem các báo cáo của đơn vị.")]
    if period.start > today_of(ctx):
        return [Reply(f"Kỳ {period.label} chưa bắt đầu. Anh/chị gõ /baocao để xem các kỳ đang nhắc.")]
    schedule = schedule_of(ctx, report, period)
    match action:
        case ReportAction.SENT | ReportAction.SENT_EARLY:
            return await mark(ctx, report, schedule, unit_id, early=action is ReportAction.SENT_EARLY)
        case ReportAction.CONFIRM_UNDO:
            return await _confirm_undo(ctx, schedule, unit_id)
        case ReportAction.UNDO:
            return await _undo(ctx, report, schedule, unit_id)
        case ReportAction.KEEP:
            kept = await ctx.repos.reports.get(report.code, period.key, unit_id)
            state = "đã gửi" if kept else "chưa gửi"
            return [Reply(f"Không thay đổi gì: {report.name} kỳ {period.label} vẫn là «{state}».")]
        case ReportAction.SNOOZE:
            return [reply("Anh/chị muốn được nhắc lại khi nào?", *snooze_buttons(report, period, unit_id))]
        case ReportAction.SNOOZE_2H | ReportAction.SNOOZE_MORNING:
            return await _snooze(ctx, schedule, unit, action)
        case ReportAction.DETAILS:
            return [await _details(ctx, schedule, unit)]


async def _confirm_undo(ctx: Context, schedule: Schedule, unit_id: int) -> list[Reply]:
    """Ask before undoing: on numbered platforms the undo button is option 1 right after a
    "sent" mark, so a "1" typed twice must not withdraw the mark."""
    report, period = schedule.report, schedule.period
    sub = await ctx.repos.reports.get(report.code, period.key, unit_id)
    if sub is None:
        return [Reply("Báo cáo kỳ này chưa được báo đã gửi, không có gì để hoàn tác.")]
    if ctx.now() - sub.sent_at > UNDO_WINDOW:
        return [Reply(TOO_LATE_TO_UNDO)]
    return [
        reply(
            f"Anh/chị muốn hoàn tác việc báo đã gửi {report.name} kỳ {period.label}? Trợ lý sẽ nhắc lại theo lịch.",
            [Button("Giữ nguyên «đã gửi»", ReportButton.of(ReportAction.KEEP, report, period, unit_id).pack())],
            [Button("Hoàn tác", ReportButton.of(ReportAction.UNDO, report, period, unit_id).pack())],
        )
    ]


TOO_LATE_TO_UNDO = "Đã quá 24 giờ kể từ khi báo đã gửi, không hoàn tác được. Anh/chị liên hệ quản trị viên."


async def _undo(ctx: Context, report: ReportType, schedule: Schedule, unit_id: int) -> list[Reply]:
    try:
        await ctx.repos.reports.undo(ctx.member, report.code, schedule.period.key, unit_id, ctx.now())
    except ReportAccessError:
        return [Reply("Chỉ lãnh đạo đơn vị được hoàn tác việc báo đã gửi.")]
    except LookupError:
        return [Reply("Báo cáo kỳ này chưa được báo đã gửi, không có gì để hoàn tác.")]
    except UndoTooLate:
        return [Reply(TOO_LATE_TO_UNDO)]
    return [
        reply(
            f"Đã hoàn tác: {report.name} kỳ {schedule.period.label} trở lại «chưa gửi»; "
            "Trợ lý sẽ nhắc ở các lần nhắc còn lại trong lịch (xem «Chi tiết»).",
            report_buttons(report, schedule.period, unit_id)[0],
        )
    ]


async def _snooze(ctx: Context, schedule: Schedule, unit: Unit, action: ReportAction) -> list[Reply]:
    report, period = schedule.report, schedule.period
    if await ctx.repos.reports.get(report.code, period.key, unit.id):
        return [Reply(f"{report.name} kỳ {period.label} đã được báo gửi, không cần nhắc lại.")]
    tz = ctx.services.settings.timezone
    now = ctx.now()
    if action is ReportAction.SNOOZE_2H:
        until = now + timedelta(hours=2)
    else:
        until = datetime.combine(local(now, tz).date() + timedelta(days=1), time(8, 0), tz)
    until = until.replace(second=0, microsecond=0)
    base = reminder_message(
        schedule,
        unit,
        ctx.member,
        schedule.reminders[-1],
        local(until, tz).date(),
        example=report_book(ctx).config.example,
    )
    key = f"snz:{report.code}:{period.key}:{unit.id}:{ctx.member.id}:{until.astimezone(tz):%Y%m%d%H%M}"
    earlier = await ctx.repos.outbox.for_key(key)
    if earlier is not None and earlier.status != "pending":
        # The same snooze was cancelled by a "sent" mark that was then undone: set it again.
        key += f":{now.astimezone(tz):%H%M%S}"
    message = NewMessage(
        key,
        ctx.member,
        base.message.text.replace("🔔 Nhắc gửi báo cáo", "🔔 Nhắc lại báo cáo", 1),
        base.message.buttons,
        not_before=until,
        topic=report_topic(report.code, period.key, unit.id),
    )
    await ctx.repos.outbox.queue([message], now)
    return [Reply(f"Trợ lý sẽ nhắc lại lúc {local(until, tz):%H:%M ngày %d/%m/%Y}.")]


async def _details(ctx: Context, schedule: Schedule, unit: Unit) -> Reply:
    report, tz = schedule.report, ctx.services.settings.timezone
    sub = await ctx.repos.reports.get(report.code, schedule.period.key, unit.id)
    lines = [
        f"{report.name} — {unit.name}",
        f"Kỳ: {label_with_dates(schedule.period)}.",
        f"Hạn gửi: {fmt_day(schedule.due)} ({report.describe_due()}; ngày nghỉ thì "
        f"{'lùi về ngày làm việc trước' if report_book(ctx).config.shift_due_day == 'previous' else 'sang ngày làm việc sau'}).",
        "Lịch nhắc: " + "; ".join(local(m.at, tz).strftime("%H:%M %d/%m/%Y") for m in schedule.reminders) + ".",
        f"Báo cáo tỉnh nếu chưa gửi: {local(schedule.escalation.at, tz):%H:%M %d/%m/%Y}.",
        "Tình trạng: " + (f"đã gửi {local(sub.sent_at, tz):%d/%m/%Y}" if sub else "chưa báo đã gửi") + ".",
    ]
    if report_book(ctx).config.example:
        lines.append("(Cấu hình ví dụ: hạn thực tế do VKSND tỉnh quy định, không phải quy định của luật.)")
    return Reply("\n".join(lines))
