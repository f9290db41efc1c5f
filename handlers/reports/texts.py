"""The words and buttons of proactive report messages: a reminder to a unit's heads, the
province's escalation summary, and the heads' morning digest. Pure builders: the planner
(``bot/delivery/planner.py``) decides who gets what and when."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime, tzinfo

from bot.chat.messages import Button
from handlers.reports.callbacks import ReportAction, ReportButton, StatusButton
from knowledge.deadlines.calendar import weekday_vi
from knowledge.reports.config import Moment, Period, ReportType, Schedule
from knowledge.reports.periods import period_text
from storage.outbox import NewMessage
from storage.reports import Reminder, report_topic
from storage.units import Unit
from storage.users import User

# One wording for the reminder and /baocao: the shipped due days are an example configuration.
EXAMPLE_NOTE = "(Hạn gửi theo cấu hình ví dụ; hạn thực tế do VKSND tỉnh quy định, không phải quy định của luật.)"
# A unit where no active head or administrator uses the assistant: its reminders reach nobody.
NO_HEAD = "chưa có lãnh đạo dùng Trợ lý"


def fmt_day(d: date) -> str:
    return f"{weekday_vi(d)} {d:%d/%m/%Y}"


def days_left_text(due: date, today: date) -> str:
    left = (due - today).days
    if left > 1:
        return f"còn {left} ngày"
    if left == 1:
        return "hạn là ngày mai"
    if left == 0:
        return "hạn là hôm nay"
    return f"đã trễ {-left} ngày"


def report_buttons(report: ReportType, period: Period, unit_id: int) -> list[list[Button]]:
    """The buttons "Đã gửi báo cáo", "Nhắc lại sau", "Chi tiết" for one report period of one unit."""

    def data(action: ReportAction) -> str:
        return ReportButton.of(action, report, period, unit_id).pack()

    return [
        [Button("Đã gửi báo cáo", data(ReportAction.SENT))],
        [Button("Nhắc lại sau", data(ReportAction.SNOOZE)), Button("Chi tiết", data(ReportAction.DETAILS))],
    ]


def snooze_buttons(report: ReportType, period: Period, unit_id: int) -> list[list[Button]]:
    return [
        [
            Button("Sau 2 giờ", ReportButton.of(ReportAction.SNOOZE_2H, report, period, unit_id).pack()),
            Button("8:00 sáng mai", ReportButton.of(ReportAction.SNOOZE_MORNING, report, period, unit_id).pack()),
        ]
    ]


def reminder_text(schedule: Schedule, unit_name: str, today: date, *, example: bool, snoozed: bool = False) -> str:
    head = "🔔 Nhắc lại báo cáo" if snoozed else "🔔 Nhắc gửi báo cáo"
    lines = [
        f"{head}: {schedule.report.name}, kỳ {schedule.period.label}.",
        f"Đơn vị: {unit_name}.",
        f"Hạn gửi: {fmt_day(schedule.due)} ({days_left_text(schedule.due, today)}).",
        "Khi đã gửi, anh/chị bấm «Đã gửi báo cáo» để Trợ lý dừng nhắc.",
    ]
    if example:
        lines.append(EXAMPLE_NOTE)
    return "\n".join(lines)


def escalation_text(
    schedule: Schedule,
    province_name: str,
    late: Sequence[tuple[str, int]],
    total: int,
    no_head: Collection[str] = (),
) -> str:
    """``late``: (unit name, days late) of the units that have not marked the report as sent;
    ``no_head``: the names of those where nobody got the reminders (no head uses the assistant)."""
    lines = [
        f"📋 {schedule.report.name}, kỳ {schedule.period.label} (hạn {schedule.due:%d/%m/%Y}):",
        f"{len(late)}/{total} đơn vị thuộc {province_name} chưa báo đã gửi:",
    ]
    lines += [f"• {name}: trễ {days} ngày" + (f" — {NO_HEAD}" if name in no_head else "") for name, days in late]
    lines.append("Xem toàn bộ: /tinhhinh " + schedule.report.code + " " + period_text(schedule.period))
    return "\n".join(lines)


def escalation_buttons(schedule: Schedule) -> list[list[Button]]:
    return [[Button("Xem tình hình", StatusButton(schedule.report.code, schedule.period.key).pack())]]


def digest_text(day: date, facility_lines: Sequence[str], personal_lines: Sequence[str]) -> str:
    lines = [f"☀️ Việc trong ngày {fmt_day(day)}:"]
    if facility_lines:
        lines.append(f"Cơ sở cần kiểm sát ({len(facility_lines)}):")
        lines += [f"• {line}" for line in facility_lines]
    if personal_lines:
        lines.append("Thời hạn anh/chị đã đặt nhắc hôm nay:")
        lines += [f"• {line}" for line in personal_lines]
    lines.append("Chi tiết: /homnay · Báo cáo định kỳ: /baocao")
    return "\n".join(lines)


def local_hhmm(moment: datetime, tz: tzinfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M")


def reminder_message(
    schedule: Schedule,
    unit: Unit,
    user: User,
    moment: Moment,
    today: date,
    *,
    example: bool,
    skip_reason: str | None = None,
    key_suffix: str = "",
) -> Reminder:
    """The reminder of one report period for one recipient at one scheduled moment; its key
    makes it unique per (report, period, unit, recipient, moment)."""
    report, period = schedule.report, schedule.period
    key = f"rem:{report.code}:{period.key}:{unit.id}:{user.id}:{moment.code}{key_suffix}"
    message = NewMessage(
        key,
        user,
        reminder_text(schedule, unit.name, today, example=example),
        report_buttons(report, period, unit.id),
        not_before=moment.at,
        expires_at=schedule.useful_until,
        topic=report_topic(report.code, period.key, unit.id),
        skip_reason=skip_reason,
    )
    return Reminder(report.code, period.key, unit.id, message)
