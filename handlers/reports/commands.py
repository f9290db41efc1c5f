"""Report reminders in chat: /baocao (a head's open reports), /danop (mark as sent by text),
the reminder buttons (sent, snooze, details, undo), /tinhhinh and /tinhhinh_xuat (the
province's overview, text + chart + XLSX), /thu_nhac (send the next reminder now, for a
demo) and /baocao_nap (reload the configuration).

Roles are checked by the dispatcher; which units an actor may act on is checked in
``storage.reports`` (marking) and by the unit-scope query here (viewing)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from bot.clock import local
from bot.context import Context
from bot.messages import Button, OutFile, Reply, reply
from bot.routing import callback_data, int_arg
from handlers.reports.chart import render_chart
from handlers.reports.export import build_status_workbook
from handlers.reports.status import unit_statuses
from handlers.reports.texts import (
    days_left_text,
    fmt_day,
    reminder_message,
    report_buttons,
    snooze_buttons,
)
from knowledge.reports import Period, ReportBook, ReportType, Schedule, parse_period, period_by_key, periods_between
from storage.outbox import NewMessage
from storage.reports import UNDO_WINDOW, Reminder, ReportAccessError, UndoTooLate, report_topic
from storage.units import Unit

NO_CONFIG = "Cấu hình báo cáo đang không sẵn sàng. Anh/chị vui lòng báo quản trị viên."
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _book(ctx: Context) -> ReportBook:
    book = ctx.services.reports
    if book is None:
        raise RuntimeError("report configuration not loaded")
    return book


def _schedule(ctx: Context, report: ReportType, period: Period) -> Schedule:
    book = _book(ctx)
    return book.config.schedule(report, period, book.calendar, ctx.services.settings.timezone)


def _today(ctx: Context) -> date:
    return ctx.local_now().date()


def _reported_periods(ctx: Context, report: ReportType) -> list[Schedule]:
    """Periods of ``report`` whose reminders have started, newest first (the last ~13 months)."""
    now, today = ctx.now(), _today(ctx)
    found = []
    for period in periods_between(report.period, today - timedelta(days=400), today):
        schedule = _schedule(ctx, report, period)
        if schedule.reminders and schedule.reminders[0].at <= now:
            found.append(schedule)
    return sorted(found, key=lambda s: s.period.start, reverse=True)


def _report_names(ctx: Context) -> str:
    return ", ".join(f"{r.code} ({r.name})" for r in _book(ctx).config.reports.values())


def _find_report(ctx: Context, text: str, command: str) -> ReportType | Reply:
    """The report the user named, or a reply saying which names exist (none or several matched)."""
    hits = _book(ctx).matching(text)
    if len(hits) == 1:
        return hits[0]
    example = f"ví dụ «/{command} {next(iter(_book(ctx).config.reports))}»"
    if hits:
        names = ", ".join(f"{r.code} ({r.name})" for r in hits)
        return Reply(f"«{text[:40]}» khớp nhiều báo cáo: {names}. Anh/chị gõ mã báo cáo, {example}.")
    return Reply(
        f"Không có báo cáo «{text[:40]}». Anh/chị gõ mã báo cáo, {example}.\nCác báo cáo: {_report_names(ctx)}."
    )


PERIOD_EXAMPLES = {
    "month": "10/2026 (tháng 10/2026)",
    "quarter": "Q3/2026 (quý III/2026)",
    "half_year": "2026 (6 tháng năm 2026, từ 01/12/2025 đến 31/05/2026)",
    "year": "2026 (12 tháng năm 2026, từ 01/12/2025 đến 30/11/2026)",
}


def _bad_period(report: ReportType, text: str) -> Reply:
    return Reply(
        f"Kỳ «{text[:20]}» không hợp lệ với {report.name}. Anh/chị ghi kỳ như {PERIOD_EXAMPLES[report.period]}."
    )


async def _units_for_report(ctx: Context, report: ReportType) -> list[Unit]:
    assert ctx.user is not None
    units = await ctx.repos.units.subtree(ctx.user.unit_id)
    return [u for u in units if report.applies(u.code, u.level)]


# -- /baocao ------------------------------------------------------------------------------------
async def open_reports(ctx: Context) -> list[Reply]:
    """The actor's unit: each report period already being reminded, sent or not."""
    assert ctx.user is not None
    unit = await ctx.repos.units.get(ctx.user.unit_id)
    assert unit is not None
    book = _book(ctx)
    reports = [r for r in book.config.reports.values() if r.applies(unit.code, unit.level)]
    if not reports:
        return [Reply("Đơn vị của anh/chị không phải gửi báo cáo định kỳ nào theo cấu hình. "
                      "Để xem các đơn vị cấp dưới, anh/chị gõ /tinhhinh.")]  # fmt: skip
    today, now = _today(ctx), ctx.now()
    lines = [f"Báo cáo định kỳ của {unit.name}:"]
    rows: list[list[Button]] = []
    for report in reports:
        for schedule in _reported_periods(ctx, report)[:2]:
            sub = await ctx.repos.reports.get(report.code, schedule.period.key, unit.id)
            label = f"{report.name}, kỳ {schedule.period.label}"
            if sub is None:
                lines.append(
                    f"⏳ {label}: chưa gửi — hạn {fmt_day(schedule.due)} ({days_left_text(schedule.due, today)})"
                )
                rows.append([Button(f"Đã gửi: {report.name} {schedule.period.key}"[:60],
                                    _data("s", report, schedule.period, unit.id))])  # fmt: skip
            else:
                lines.append(f"✅ {label}: đã gửi {local(sub.sent_at, ctx.services.settings.timezone):%d/%m/%Y}"
                             + (f" ({sub.sent_by_name})" if sub.sent_by_name else ""))  # fmt: skip
                if now - sub.sent_at < timedelta(days=1):
                    rows.append([Button(f"Hoàn tác «đã gửi»: {report.name} {schedule.period.key}"[:60],
                                        _data("uc", report, schedule.period, unit.id))])  # fmt: skip
    if len(lines) == 1:
        lines.append("Chưa có kỳ báo cáo nào đang được nhắc.")
    if book.config.example:
        lines.append("(Hạn gửi theo cấu hình ví dụ; hạn thực tế do VKSND tỉnh quy định.)")
    return [reply("\n".join(lines), *rows)]


def _data(action: str, report: ReportType, period: Period, unit_id: int) -> str:
    return callback_data("rp", action, report.code, period.key, unit_id)


# -- /danop <report> [period] [unit code] --------------------------------------------------------
async def mark_command(ctx: Context) -> list[Reply]:
    assert ctx.user is not None
    if not ctx.args:
        return [Reply(f"Anh/chị gõ /danop <mã báo cáo> [kỳ], ví dụ «/danop cong_tac_thang 10/2026».\n"
                      f"Các báo cáo: {_report_names(ctx)}.")]  # fmt: skip
    report = _find_report(ctx, ctx.args[0], "danop")
    if isinstance(report, Reply):
        return [report]
    period_text, rest = _split_period(report, ctx.args[1:])
    unit = await ctx.repos.units.get(ctx.user.unit_id)
    if rest:
        unit = await ctx.repos.units.by_code(rest[0].upper())
        if unit is None or not await ctx.repos.units.in_scope(ctx.user.unit_id, unit.id):
            return [Reply(f"Không tìm thấy đơn vị «{rest[0][:20]}» trong phạm vi của anh/chị. "
                          "Anh/chị kiểm tra lại mã đơn vị (quản trị viên xem bằng /donvi).")]  # fmt: skip
    assert unit is not None
    if not report.applies(unit.code, unit.level):
        hint = " Lãnh đạo cấp trên ghi thêm mã đơn vị, ví dụ «/danop " + report.code + " 10/2026 MÃ-ĐƠN-VỊ»."
        return [Reply(f"{report.name} không áp dụng cho {unit.name}.{'' if rest else hint}")]
    if period_text is not None:
        period = parse_period(report.period, period_text)
        if period is None:
            return [_bad_period(report, period_text)]
        schedule = _schedule(ctx, report, period)
    else:
        # The periods /baocao shows: the two newest being reminded.
        candidates = _reported_periods(ctx, report)[:2]
        if not candidates:
            return [Reply(f"{report.name} chưa có kỳ nào đến lúc nhắc. Anh/chị ghi rõ kỳ, ví dụ "
                          f"«/danop {report.code} {PERIOD_EXAMPLES[report.period].split()[0]}».")]  # fmt: skip
        sent = [await ctx.repos.reports.get(report.code, s.period.key, unit.id) for s in candidates]
        open_ = [s for s, sub in zip(candidates, sent, strict=True) if sub is None]
        if len(open_) > 1:
            # Several periods are open (one late, one current): marking a guess could stop the
            # reminders of the wrong one. The head picks.
            rows = [[Button(f"Kỳ {s.period.label}"[:60], _data("s", report, s.period, unit.id))] for s in open_[:4]]
            return [reply(f"{unit.name} còn {len(open_)} kỳ {report.name} chưa báo đã gửi. "
                          "Anh/chị chọn kỳ đã gửi (hoặc gõ kỳ, ví dụ "
                          f"«/danop {report.code} {PERIOD_EXAMPLES[report.period].split()[0]}»):", *rows)]  # fmt: skip
        schedule = open_[0] if open_ else candidates[0]
    return await _mark(ctx, report, schedule, unit.id)


def _split_period(report: ReportType, words: list[str]) -> tuple[str | None, list[str]]:
    """The period typed after the report's code, in one or two words ("11/2026", "tháng 11/2026",
    "quý IV/2026"), and the words after it."""
    if len(words) >= 2 and parse_period(report.period, f"{words[0]} {words[1]}"):
        return f"{words[0]} {words[1]}", words[2:]
    return (words[0], words[1:]) if words else (None, [])


async def _mark(ctx: Context, report: ReportType, schedule: Schedule, unit_id: int) -> list[Reply]:
    assert ctx.user is not None
    refused = _not_markable(ctx, schedule)
    if refused:
        return [refused]
    try:
        sub, created = await ctx.repos.reports.mark_sent(
            ctx.user, report.code, schedule.period.key, unit_id, schedule.due, ctx.now()
        )
    except ReportAccessError:
        return [Reply("Chỉ lãnh đạo đơn vị được báo đã gửi báo cáo của đơn vị mình.")]
    tz = ctx.services.settings.timezone
    if not created:
        return [Reply(f"{report.name} kỳ {schedule.period.label} đã được báo gửi lúc "
                      f"{local(sub.sent_at, tz):%H:%M %d/%m/%Y}" + (f" bởi {sub.sent_by_name}" if sub.sent_by_name else "")
                      + ". Trợ lý không nhắc kỳ này nữa.")]  # fmt: skip
    late = sub.days_late(local(sub.sent_at, tz).date())
    status = f"trễ {late} ngày" if late else "đúng hạn"
    undo = [Button("Hoàn tác (trong 24 giờ)", _data("uc", report, schedule.period, unit_id))]
    return [reply(f"Đã ghi nhận: {report.name} kỳ {schedule.period.label} đã gửi ({status}). "
                  "Trợ lý dừng nhắc kỳ này.", undo)]  # fmt: skip


def _not_markable(ctx: Context, schedule: Schedule) -> Reply | None:
    """A period that has not started, or is still running and not yet reminded, cannot be
    marked as sent (most likely a mistyped year)."""
    period, today = schedule.period, _today(ctx)
    if period.start > today:
        return Reply(f"Kỳ {period.label} chưa bắt đầu, chưa thể báo đã gửi. "
                     "Anh/chị kiểm tra lại kỳ; gõ /baocao để xem các kỳ đang nhắc.")  # fmt: skip
    if period.end > today and schedule.reminders[0].at > ctx.now():
        return Reply(f"Kỳ {period.label} chưa kết thúc (đến hết {period.end:%d/%m/%Y}), chưa thể báo đã gửi. "
                     "Anh/chị kiểm tra lại kỳ; gõ /baocao để xem các kỳ đang nhắc.")  # fmt: skip
    return None


# -- the reminder buttons: rp:<action>:<report>:<period>:<unit id> -------------------------------
async def report_button(ctx: Context) -> list[Reply]:
    assert ctx.user is not None
    book = _book(ctx)
    action = ctx.args[0] if ctx.args else ""
    if action == "t" and len(ctx.args) == 3:
        return await status_view(ctx, ctx.args[1], ctx.args[2])
    unit_id = int_arg(ctx.args[3]) if len(ctx.args) == 4 else None
    if unit_id is None:
        return [Reply("Nút này không còn hiệu lực. Anh/chị gõ /baocao để xem các báo cáo.")]
    report = book.config.get(ctx.args[1])
    period = period_by_key(report.period, ctx.args[2]) if report else None
    if report is None or period is None:
        return [Reply("Báo cáo hoặc kỳ báo cáo này không còn trong cấu hình. Anh/chị gõ /baocao để xem lại.")]
    unit = await ctx.repos.units.get(unit_id)
    if unit is None or not await ctx.repos.units.in_scope(ctx.user.unit_id, unit_id):
        return [Reply("Anh/chị chỉ thao tác được với báo cáo của đơn vị mình và các đơn vị cấp dưới. "
                      "Gõ /baocao để xem báo cáo của đơn vị anh/chị.")]  # fmt: skip
    if not report.applies(unit.code, unit.level):
        return [Reply(f"{report.name} không áp dụng cho {unit.name}. Gõ /baocao để xem các báo cáo của đơn vị.")]
    if period.start > _today(ctx):
        return [Reply(f"Kỳ {period.label} chưa bắt đầu. Anh/chị gõ /baocao để xem các kỳ đang nhắc.")]
    schedule = _schedule(ctx, report, period)
    if action == "s":
        return await _mark(ctx, report, schedule, unit_id)
    if action == "uc":
        return await _confirm_undo(ctx, schedule, unit_id)
    if action == "u":
        return await _undo(ctx, report, schedule, unit_id)
    if action == "k":
        kept = await ctx.repos.reports.get(report.code, period.key, unit_id)
        state = "đã gửi" if kept else "chưa gửi"
        return [Reply(f"Không thay đổi gì: {report.name} kỳ {period.label} vẫn là «{state}».")]
    if action == "z":
        return [reply("Anh/chị muốn được nhắc lại khi nào?", *snooze_buttons(report, period, unit_id))]
    if action in ("z2", "zm"):
        return await _snooze(ctx, schedule, unit, action)
    if action == "i":
        return [await _details(ctx, schedule, unit)]
    return [Reply("Nút này không còn hiệu lực. Anh/chị gõ /baocao để xem các báo cáo.")]


async def _confirm_undo(ctx: Context, schedule: Schedule, unit_id: int) -> list[Reply]:
    """Ask before undoing: on numbered platforms the undo button is option 1 right after a
    "sent" mark, so a "1" typed twice must not withdraw the mark."""
    report, period = schedule.report, schedule.period
    sub = await ctx.repos.reports.get(report.code, period.key, unit_id)
    if sub is None:
        return [Reply("Báo cáo kỳ này chưa được báo đã gửi, không có gì để hoàn tác.")]
    if ctx.now() - sub.sent_at > UNDO_WINDOW:
        return [Reply(TOO_LATE_TO_UNDO)]
    return [reply(f"Anh/chị muốn hoàn tác việc báo đã gửi {report.name} kỳ {period.label}? "
                  "Trợ lý sẽ nhắc lại theo lịch.",
                  [Button("Giữ nguyên «đã gửi»", _data("k", report, period, unit_id))],
                  [Button("Hoàn tác", _data("u", report, period, unit_id))])]  # fmt: skip


TOO_LATE_TO_UNDO = "Đã quá 24 giờ kể từ khi báo đã gửi, không hoàn tác được. Anh/chị liên hệ quản trị viên."


async def _undo(ctx: Context, report: ReportType, schedule: Schedule, unit_id: int) -> list[Reply]:
    assert ctx.user is not None
    try:
        await ctx.repos.reports.undo(ctx.user, report.code, schedule.period.key, unit_id, ctx.now())
    except ReportAccessError:
        return [Reply("Chỉ lãnh đạo đơn vị được hoàn tác việc báo đã gửi.")]
    except LookupError:
        return [Reply("Báo cáo kỳ này chưa được báo đã gửi, không có gì để hoàn tác.")]
    except UndoTooLate:
        return [Reply(TOO_LATE_TO_UNDO)]
    return [reply(f"Đã hoàn tác: {report.name} kỳ {schedule.period.label} trở lại «chưa gửi»; "
                  "Trợ lý sẽ nhắc tiếp theo lịch.", report_buttons(report, schedule.period, unit_id)[0])]  # fmt: skip


async def _snooze(ctx: Context, schedule: Schedule, unit: Unit, action: str) -> list[Reply]:
    assert ctx.user is not None
    report, period = schedule.report, schedule.period
    if await ctx.repos.reports.get(report.code, period.key, unit.id):
        return [Reply(f"{report.name} kỳ {period.label} đã được báo gửi, không cần nhắc lại.")]
    tz = ctx.services.settings.timezone
    now = ctx.now()
    if action == "z2":
        until = now + timedelta(hours=2)
    else:
        until = datetime.combine(local(now, tz).date() + timedelta(days=1), time(8, 0), tz)
    until = until.replace(second=0, microsecond=0)
    base = reminder_message(schedule, unit, ctx.user, schedule.reminders[-1], local(until, tz).date(),
                            example=_book(ctx).config.example)  # fmt: skip
    key = f"snz:{report.code}:{period.key}:{unit.id}:{ctx.user.id}:{until.astimezone(tz):%Y%m%d%H%M}"
    earlier = await ctx.repos.outbox.for_key(key)
    if earlier is not None and earlier.status != "pending":
        # The same snooze was cancelled by a "sent" mark that was then undone: set it again.
        key += f":{now.astimezone(tz):%H%M%S}"
    message = NewMessage(
        key, ctx.user, base.message.text.replace("🔔 Nhắc gửi báo cáo", "🔔 Nhắc lại báo cáo", 1), base.message.buttons,
        not_before=until, topic=report_topic(report.code, period.key, unit.id),
    )  # fmt: skip
    await ctx.repos.outbox.queue([message], now)
    return [Reply(f"Trợ lý sẽ nhắc lại lúc {local(until, tz):%H:%M ngày %d/%m/%Y}.")]


async def _details(ctx: Context, schedule: Schedule, unit: Unit) -> Reply:
    report, tz = schedule.report, ctx.services.settings.timezone
    sub = await ctx.repos.reports.get(report.code, schedule.period.key, unit.id)
    lines = [
        f"{report.name} — {unit.name}",
        f"Kỳ: {_label_with_dates(schedule.period)}.",
        f"Hạn gửi: {fmt_day(schedule.due)} ({report.describe_due()}; ngày nghỉ thì "
        f"{'lùi về ngày làm việc trước' if _book(ctx).config.shift_due_day == 'previous' else 'sang ngày làm việc sau'}).",
        "Lịch nhắc: " + "; ".join(local(m.at, tz).strftime("%H:%M %d/%m") for m in schedule.reminders) + ".",
        f"Báo cáo tỉnh nếu chưa gửi: {local(schedule.escalation.at, tz):%H:%M %d/%m/%Y}.",
        "Tình trạng: " + (f"đã gửi {local(sub.sent_at, tz):%d/%m/%Y}" if sub else "chưa báo đã gửi") + ".",
    ]
    if _book(ctx).config.example:
        lines.append("(Cấu hình ví dụ: hạn thực tế do VKSND tỉnh quy định, không phải quy định của luật.)")
    return Reply("\n".join(lines))


def _label_with_dates(period: Period) -> str:
    dates = f"{period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"
    return period.label if dates in period.label else f"{period.label} ({dates})"


# -- /tinhhinh [report] [period], /tinhhinh_xuat --------------------------------------------------
async def _resolve(ctx: Context, report_text: str | None, period_text: str | None) -> Schedule | Reply:
    book = _book(ctx)
    if report_text:
        found = _find_report(ctx, report_text, "tinhhinh")
        if isinstance(found, Reply):
            return found
        report = found
    else:
        report = next(iter(book.config.reports.values()))
    if period_text:
        period = parse_period(report.period, period_text)
        if period is None:
            return _bad_period(report, period_text)
        if period.start > _today(ctx):
            return Reply(f"Kỳ {period.label} chưa bắt đầu, chưa có gì để xem.")
        return _schedule(ctx, report, period)
    periods = _reported_periods(ctx, report)
    due_passed = [s for s in periods if s.due <= _today(ctx)]
    chosen = (due_passed or periods or [None])[0]
    if chosen is None:
        return Reply(f"{report.name} chưa có kỳ nào đến lúc nhắc.")
    return chosen


async def status_view(ctx: Context, report_text: str | None = None, period_text: str | None = None) -> list[Reply]:
    if report_text is None and ctx.args:
        report_text = ctx.args[0]
        period_text = " ".join(ctx.args[1:]) or None
    resolved = await _resolve(ctx, report_text, period_text)
    if isinstance(resolved, Reply):
        return [resolved]
    schedule, tz = resolved, ctx.services.settings.timezone
    units = await _units_for_report(ctx, schedule.report)
    if not units:
        return [Reply(f"{schedule.report.name} không áp dụng cho đơn vị nào trong phạm vi của anh/chị.")]
    sent = await ctx.repos.reports.for_period_in_scope(ctx.user, schedule.report.code, schedule.period.key)  # type: ignore[arg-type]
    statuses = unit_statuses(schedule, units, sent, _today(ctx), tz)
    title = f"{schedule.report.name}, kỳ {schedule.period.label} (hạn {schedule.due:%d/%m/%Y})"
    lines = [title + ":"] + [s.line(tz) for s in statuses]
    chart_title = f"{schedule.report.name}\nkỳ {schedule.period.label}, hạn {schedule.due:%d/%m/%Y}"
    lines.append(f"Xuất Excel: /tinhhinh_xuat {schedule.report.code} {schedule.period.key}")
    png = await asyncio.to_thread(render_chart, chart_title, statuses)
    return [Reply("\n".join(lines)), Reply(title, photo=OutFile("tinhhinh.png", png, "image/png"))]


async def status_export(ctx: Context) -> list[Reply]:
    resolved = await _resolve(ctx, ctx.args[0] if ctx.args else None, " ".join(ctx.args[1:]) or None)
    if isinstance(resolved, Reply):
        return [resolved]
    schedule, tz = resolved, ctx.services.settings.timezone
    units = await _units_for_report(ctx, schedule.report)
    if not units:
        return [Reply(f"{schedule.report.name} không áp dụng cho đơn vị nào trong phạm vi của anh/chị.")]
    sent = await ctx.repos.reports.for_period_in_scope(ctx.user, schedule.report.code, schedule.period.key)  # type: ignore[arg-type]
    statuses = unit_statuses(schedule, units, sent, _today(ctx), tz)
    data = await asyncio.to_thread(build_status_workbook, schedule, statuses, tz)
    name = f"tinhhinh_{schedule.report.code}_{schedule.period.key}.xlsx"
    return [Reply(f"Tình hình gửi {schedule.report.name}, kỳ {schedule.period.label}: {len(statuses)} đơn vị.",
                  file=OutFile(name, data, XLSX))]  # fmt: skip


# -- /thu_nhac, /baocao_nap -----------------------------------------------------------------------
async def try_reminder(ctx: Context) -> list[Reply]:
    """Send the next scheduled reminder now to the heads of the units in scope that have not
    sent (the real reminder, with its real key: it will not be sent again at its time), and a
    copy to the administrator who asked, so a demo shows it arriving."""
    assert ctx.user is not None
    book, tz, now = _book(ctx), ctx.services.settings.timezone, ctx.now()
    units = await ctx.repos.units.subtree(ctx.user.unit_id)
    recipients = await ctx.repos.reports.recipients_by_unit()
    for schedule, index in book.upcoming(tz, now):
        targets = [u for u in units if schedule.report.applies(u.code, u.level)]
        sent = await ctx.repos.reports.for_period(schedule.report.code, schedule.period.key)
        targets = [u for u in targets if u.id not in sent]
        if not targets:
            continue
        moment = schedule.reminders[index]
        today = local(now, tz).date()
        others: list[Reminder] = []
        own: list[Reminder] = []
        for unit in targets:
            for user in recipients.get(unit.id, []):
                made = _now(reminder_message(schedule, unit, user, moment, today, example=book.config.example), now)
                (own if user.id == ctx.user.id else others).append(made)
        new_heads = await ctx.repos.reports.queue_reminders(others, now) if others else 0
        new_own = await ctx.repos.reports.queue_reminders(own, now) if own else 0
        if not new_own:
            # The admin's copy (or a fresh one, when their own reminder went out before).
            copy = reminder_message(schedule, targets[0], ctx.user, moment, today, example=book.config.example,
                                    key_suffix=f":thu:{now:%Y%m%d%H%M%S}")  # fmt: skip
            await ctx.repos.reports.queue_reminders([_now(copy, now)], now)
        which = f"{schedule.report.name}, kỳ {schedule.period.label} (lịch {local(moment.at, tz):%H:%M %d/%m})"
        if new_heads:
            return [Reply(f"Đã gửi ngay lần nhắc {which} cho {new_heads} lãnh đạo của {len(targets)} đơn vị "
                          "chưa gửi, kèm một bản cho anh/chị.")]  # fmt: skip
        if others:
            return [Reply(f"Lần nhắc {which} đã được gửi trước đó cho lãnh đạo của {len(targets)} đơn vị chưa gửi; "
                          "Trợ lý không gửi lại. Anh/chị nhận một bản để xem.")]  # fmt: skip
        return [Reply(f"Lần nhắc {which}: {len(targets)} đơn vị chưa gửi chưa có lãnh đạo nào đăng ký nhận nhắc. "
                      "Anh/chị nhận một bản để xem; gõ /moi để mời lãnh đạo đơn vị.")]  # fmt: skip
    return [Reply("Không có lần nhắc nào sắp tới cho các đơn vị trong phạm vi của anh/chị.")]


def _now(reminder: Reminder, now: datetime) -> Reminder:
    return replace(reminder, message=replace(reminder.message, not_before=now))


async def reload_config(ctx: Context) -> list[Reply]:
    book = _book(ctx)
    error = await asyncio.to_thread(book.reload)
    if error:
        return [Reply(f"Không nạp được cấu hình báo cáo, cấu hình cũ vẫn được dùng.\nLỗi: {error}\n"
                      "Anh/chị sửa tệp reports.yaml rồi gõ lại /baocao_nap.")]  # fmt: skip
    names = ", ".join(r.name for r in book.config.reports.values())
    return [Reply(f"Đã nạp lại cấu hình báo cáo: {len(book.config.reports)} loại ({names}).")]
