"""Sending a check-in: one record per draft id, and an immediate alert to the unit's heads
when anyone is held past their term or without a valid order."""

from __future__ import annotations

import logging

from bot.chat.context import Context
from bot.chat.flow import Again, Done, Next, Outcome
from bot.chat.messages import Button, Reply
from bot.clock import local
from handlers.checkin.buttons import ViewCheckin
from handlers.checkin.draft import content_of, missing, overdue_problem, started, too_old
from storage.checkins import AlertBuilder, Checkin
from storage.outbox import NewMessage
from storage.users import ScopeError, User

logger = logging.getLogger(__name__)
FIELD_STEP = {"facility_id": "facility"}


def _when(ctx: Context, checkin: Checkin) -> str:
    return local(checkin.submitted_at, ctx.services.settings.timezone).strftime("%H:%M %d/%m/%Y")


async def send(ctx: Context, draft_id: str, step: str | None) -> Outcome:
    """``ks:send:<draft id>`` pressed, or "gửi" typed, while the flow is on ``step``: store the
    draft once; a second tap is told it was sent."""
    draft = ctx.conversation.data
    if step != "summary" or draft.get("draft_id") != draft_id:
        existing = await ctx.repos.checkins.by_draft(ctx.member, draft_id)
        if existing is not None:
            return [
                Reply(
                    f"Phiếu kiểm sát này đã được gửi lúc {_when(ctx, existing)} (phiếu số {existing.id}). "
                    "Anh/chị không cần gửi lại; xem lại bằng /lichsu."
                )
            ]
        if step is not None:
            return Again("Nút Gửi này không thuộc phiếu đang làm. Anh/chị trả lời câu hỏi hiện tại:")
        return [Reply("Nút này đã hết hiệu lực. Anh/chị gõ /kiemsat để làm phiếu kiểm sát mới.")]
    if too_old(draft, ctx.now()):
        return [Reply("Phiếu nháp đã quá 7 ngày nên không gửi được. Anh/chị gõ /kiemsat để xóa nháp và làm phiếu mới.")]
    gaps = missing(draft)
    if gaps:
        first = FIELD_STEP.get(gaps[0], gaps[0])
        draft["editing"] = True
        return Next(first, "Phiếu còn thiếu thông tin bắt buộc. Anh/chị bổ sung:")
    problem = overdue_problem(draft)
    if problem:
        return Again(problem + " Bấm Sửa ở số cần sửa.")  # the summary again
    content = content_of(draft)
    alerted: list[User] = []

    def alerts(checkin: Checkin, heads: list[User]) -> list[NewMessage]:
        """Run as the check-in is stored: one alert per head of its unit, the author excluded."""
        alerted[:] = [h for h in heads if h.id != checkin.author_id]
        return [head_alert(ctx, checkin, head) for head in alerted]

    try:
        checkin, created = await ctx.repos.checkins.submit(
            ctx.member,
            draft_id,
            content,
            checked_at=started(draft),
            now=ctx.now(),
            alerts=alerts if content.overdue else None,
        )
    except ScopeError:
        draft.update(facility_id=None, facility_name="", editing=True)
        return Next("facility", "Cơ sở này không còn trong danh sách của đơn vị. Anh/chị chọn lại cơ sở:")
    lines = [
        f"Đã gửi phiếu kiểm sát số {checkin.id}: {checkin.facility_name}, lúc {_when(ctx, checkin)}.",
        "Anh/chị xem hoặc sửa (trong 24 giờ) bằng /lichsu.",
    ]
    if not created:
        lines[0] = f"Phiếu này đã được gửi trước đó (phiếu số {checkin.id})."
    elif content.overdue:
        if alerted:
            logger.info("check-in %s: alert queued for %d heads", checkin.id, len(alerted))
        lines.append(
            f"⚠️ Đã báo ngay {len(alerted)} lãnh đạo đơn vị về {content.overdue} người bị giữ quá hạn hoặc không có lệnh."
            if alerted
            else f"⚠️ Có {content.overdue} người bị giữ quá hạn hoặc không có lệnh; đơn vị chưa có lãnh đạo nào "
            "dùng Trợ lý để nhận cảnh báo. Anh/chị báo trực tiếp cho lãnh đạo."
        )
    return Done([Reply("\n".join(lines))])


def head_alert(ctx: Context, checkin: Checkin, head: User) -> NewMessage:
    """The alert to one head about people held past their term or without a valid order."""
    text = (
        f"⚠️ Cảnh báo kiểm sát tạm giữ, tạm giam: {checkin.facility_name} có {checkin.content.overdue} người bị giữ "
        f"quá hạn hoặc không có lệnh hợp lệ.\nNgười kiểm sát: {checkin.author_name}, "
        f"lúc {_when(ctx, checkin)} (phiếu số {checkin.id})."
    )
    return NewMessage(
        key=f"checkin-alert:{checkin.id}:{head.id}",
        user=head,
        text=text,
        buttons=[[Button("Xem phiếu", ViewCheckin(checkin.id).pack())]],
    )


def raised_alerts(ctx: Context, before: int) -> AlertBuilder:
    """The alerts for an edit that raises the count of people held past their term (from ``before``):
    one to each head of the unit but the editor, keyed by the new count, so each count is told once."""

    def build(checkin: Checkin, heads: list[User]) -> list[NewMessage]:
        alerted = [h for h in heads if h.id != ctx.member.id]
        overdue = checkin.content.overdue
        text = (
            f"⚠️ Cảnh báo kiểm sát tạm giữ, tạm giam: phiếu số {checkin.id} ({checkin.facility_name}) vừa được sửa, "
            f"số người bị giữ quá hạn hoặc không có lệnh hợp lệ từ {before} lên {overdue}.\n"
            f"Người sửa: {ctx.member.display_name}, lúc {local(ctx.now(), ctx.services.settings.timezone):%H:%M %d/%m/%Y}."
        )
        button = [[Button("Xem phiếu", ViewCheckin(checkin.id).pack())]]
        return [
            NewMessage(
                key=f"checkin-alert:{checkin.id}:{head.id}:quahan{overdue}", user=head, text=text, buttons=button
            )
            for head in alerted
        ]

    return build
