"""/thu_nhac (send the next reminder now, for a demo) and /baocao_nap (reload reports.yaml)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime

from bot.chat.context import Context
from bot.chat.messages import Button, Reply
from bot.clock import local
from handlers.reports.callbacks import PreviewButton, ReportButton
from handlers.reports.lookup import report_book
from handlers.reports.texts import NO_HEAD, reminder_message
from storage.reports import Reminder
from storage.signals import REPORTS_RELOAD
from storage.units import Unit


# -- /thu_nhac, /baocao_nap -----------------------------------------------------------------------
async def try_reminder(ctx: Context) -> list[Reply]:
    """Send the next scheduled reminder now to the heads of the units in scope that have not
    sent (the real reminder, with its real key: it will not be sent again at its time), and a
    copy to the administrator who asked, so a demo shows it arriving."""
    book, tz, now = report_book(ctx), ctx.services.settings.timezone, ctx.now()
    units = await ctx.repos.units.subtree(ctx.member.unit_id)
    recipients = await ctx.repos.reports.recipients_by_unit()
    for schedule, index in book.upcoming(tz, now):
        targets = [u for u in units if schedule.report.applies(u.code, u.level) and u.tracks(schedule.due, tz)]
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
                (own if user.id == ctx.member.id else others).append(made)
        new_heads = await ctx.repos.reports.queue_reminders(others, now) if others else 0
        new_own = await ctx.repos.reports.queue_reminders(own, now) if own else 0
        if not new_own:
            # The admin's copy (or a fresh one, when their own reminder went out before): a
            # preview, whose buttons say what they would do and change nothing.
            copy = reminder_message(
                schedule,
                targets[0],
                ctx.member,
                moment,
                today,
                example=book.config.example,
                key_suffix=f":thu:{now:%Y%m%d%H%M%S}",
            )
            await ctx.repos.reports.queue_reminders([_now(as_preview(copy), now)], now)
        which = f"{schedule.report.name}, kỳ {schedule.period.label} (lịch {local(moment.at, tz):%H:%M %d/%m/%Y})"
        nobody = _nobody_reminded([u for u in targets if not recipients.get(u.id)])
        if new_heads:
            return [
                Reply(
                    f"Đã gửi ngay lần nhắc {which} cho {new_heads} lãnh đạo của {len(targets)} đơn vị "
                    f"chưa gửi, kèm một bản cho anh/chị.{nobody}"
                )
            ]
        if others:
            return [
                Reply(
                    f"Lần nhắc {which} đã được gửi trước đó cho lãnh đạo của {len(targets)} đơn vị chưa gửi; "
                    f"Trợ lý không gửi lại. {PREVIEW_NOTE}{nobody}"
                )
            ]
        return [
            Reply(
                f"Lần nhắc {which}: chưa gửi được cho ai — trong {len(targets)} đơn vị chưa gửi báo cáo, "
                f"chưa có lãnh đạo nào dùng Trợ lý. {PREVIEW_NOTE} Gõ /moi để mời lãnh đạo các đơn vị đó."
            )
        ]
    return [Reply("Không có lần nhắc nào sắp tới cho các đơn vị trong phạm vi của anh/chị.")]


def _nobody_reminded(units: list[Unit]) -> str:
    """The units where nobody gets the reminder (no head or administrator uses the assistant)."""
    if not units:
        return ""
    codes = ", ".join(u.code for u in units[:10]) + ("…" if len(units) > 10 else "")
    return (
        f"\n⚠️ {len(units)} đơn vị {NO_HEAD} ({codes}): không ai ở đó được nhắc. Mời bằng /moi lanhdao {units[0].code}."
    )


PREVIEW_NOTE = "Anh/chị nhận một bản xem trước (các nút trên bản này không thay đổi gì)."
PREVIEW_HEAD = "👁 Bản xem trước cho quản trị viên: các nút chỉ cho biết sẽ làm gì, không thay đổi gì.\n"


def as_preview(reminder: Reminder) -> Reminder:
    """The administrator's copy of a reminder: its ``ReportButton``s become ``PreviewButton``s."""
    message = reminder.message
    rows = tuple(
        tuple(Button(b.text, _preview(b.data)) for b in row if isinstance(b, Button)) for row in message.buttons
    )
    return replace(reminder, message=replace(message, text=PREVIEW_HEAD + message.text, buttons=rows))


def _preview(data: str) -> str:
    button = ReportButton.unpack(data)
    if button is None:
        raise ValueError(f"not a reminder button: {data!r}")
    return PreviewButton.of(button).pack()


def _now(reminder: Reminder, now: datetime) -> Reminder:
    return replace(reminder, message=replace(reminder.message, not_before=now))


async def reload_config(ctx: Context) -> list[Reply]:
    book = report_book(ctx)
    error = await asyncio.to_thread(book.reload)
    if error:
        return [
            Reply(
                f"Không nạp được cấu hình báo cáo, cấu hình cũ vẫn được dùng.\nLỗi: {error}\n"
                "Anh/chị sửa tệp reports.yaml rồi gõ lại /baocao_nap."
            )
        ]
    await ctx.repos.signals.raise_signal(REPORTS_RELOAD, ctx.services.clock.now())  # the other workers follow
    names = ", ".join(r.name for r in book.config.reports.values())
    return [Reply(f"Đã nạp lại cấu hình báo cáo: {len(book.config.reports)} loại ({names}).")]
