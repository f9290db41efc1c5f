"""The buttons of the administrator's preview of a reminder (``rpv:<action>:<report>:<period>:<unit
id>``, sent by /thu_nhac): each says what the same button does on the real reminder, and
changes nothing."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Reply
from bot.chat.routing import int_arg
from handlers.reports.lookup import report_book
from knowledge.reports.config import period_by_key

WHAT = {
    "s": "ghi nhận báo cáo là đã gửi và dừng nhắc (kỳ chưa kết thúc thì lãnh đạo được hỏi xác nhận đã gửi sớm)",
    "z": "cho lãnh đạo chọn nhắc lại sau 2 giờ hoặc 8:00 sáng mai",
    "i": "cho xem kỳ báo cáo, hạn gửi, lịch nhắc và tình trạng",
}
BUTTONS = {"s": "Đã gửi báo cáo", "z": "Nhắc lại sau", "i": "Chi tiết"}


async def preview_button(ctx: Context) -> list[Reply]:
    action = ctx.args[0] if ctx.args else ""
    unit_id = int_arg(ctx.args[3]) if len(ctx.args) == 4 else None
    report = report_book(ctx).config.get(ctx.args[1]) if len(ctx.args) == 4 else None
    period = period_by_key(report.period, ctx.args[2]) if report else None
    unit = await ctx.repos.units.get(unit_id) if unit_id is not None else None
    if action not in WHAT or report is None or period is None or unit is None:
        return [Reply("Nút này không còn hiệu lực. Đây là bản xem trước, không thay đổi gì.")]
    if not await ctx.repos.units.in_scope(ctx.member.unit_id, unit.id):
        return [Reply("Đơn vị này không thuộc phạm vi anh/chị quản lý. Bản xem trước không thay đổi gì.")]
    return [
        Reply(
            f"Bản xem trước: trên bản nhắc thật, lãnh đạo {unit.name} bấm «{BUTTONS[action]}» thì Trợ lý "
            f"{WHAT[action]} — {report.name}, kỳ {period.label}.\n"
            "Bấm trên bản xem trước này không thay đổi gì."
        )
    ]
