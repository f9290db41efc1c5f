"""The buttons of the administrator's preview of a reminder (``PreviewButton``,
``rpv:<action>:<report>:<period>:<unit id>``, sent by /thu_nhac): each says what the same button
does on the real reminder, and changes nothing."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.reports.callbacks import PreviewButton, ReportAction
from handlers.reports.lookup import report_book
from knowledge.reports.config import period_by_key

STALE = "Nút này không còn hiệu lực. Đây là bản xem trước, không thay đổi gì."
WHAT = {
    ReportAction.SENT: "ghi nhận báo cáo là đã gửi và dừng nhắc (kỳ chưa kết thúc thì lãnh đạo được hỏi xác nhận đã gửi sớm)",
    ReportAction.SNOOZE: "cho lãnh đạo chọn nhắc lại sau 2 giờ hoặc 8:00 sáng mai",
    ReportAction.DETAILS: "cho xem kỳ báo cáo, hạn gửi, lịch nhắc và tình trạng",
}
BUTTONS = {ReportAction.SENT: "Đã gửi báo cáo", ReportAction.SNOOZE: "Nhắc lại sau", ReportAction.DETAILS: "Chi tiết"}


async def preview_button(ctx: Context, data: PreviewButton) -> list[Reply]:
    action = data.action
    report = report_book(ctx).config.get(data.report)
    period = period_by_key(report.period, data.period) if report else None
    unit = await ctx.repos.units.get(data.unit_id)
    if action not in WHAT or report is None or period is None or unit is None:
        return [Reply(STALE)]
    if not await ctx.repos.units.in_scope(ctx.member.unit_id, unit.id):
        return [Reply("Đơn vị này không thuộc phạm vi anh/chị quản lý. Bản xem trước không thay đổi gì.")]
    return [
        Reply(
            f"Bản xem trước: trên bản nhắc thật, lãnh đạo {unit.name} bấm «{BUTTONS[action]}» thì Trợ lý "
            f"{WHAT[action]} — {report.name}, kỳ {period.label}.\n"
            "Bấm trên bản xem trước này không thay đổi gì."
        )
    ]
