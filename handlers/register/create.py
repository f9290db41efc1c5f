"""The engine of the creation flow (the table is in ``flow.py``): ask, read typed input or a
choice, confirm with the computed expiry, save. Also "Theo dõi" under a calculator card."""

from __future__ import annotations

from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from handlers.deadline_reminders import LAST
from handlers.register import service
from handlers.register.buttons import Choose, TrackCard
from handlers.register.flow import BY_STATE, CANCEL, CATEGORIES, DRAFT, KINDS, next_step
from handlers.register.views import show_item
from knowledge.deadlines.register_rules import ChainError
from knowledge.deadlines.reminders import expiry_text, time_left
from storage.register_model import NewItem, RegisterScopeError


def _draft(ctx: Context) -> dict[str, Any] | None:
    draft = ctx.conversation.data.get(DRAFT)
    return draft if isinstance(draft, dict) else None


async def start(ctx: Context) -> list[Reply]:
    ctx.conversation.data[DRAFT] = {}
    return ask(ctx)


def ask(ctx: Context) -> list[Reply]:
    draft = _draft(ctx)
    if draft is None:
        return [Reply("Phiên tạo mục theo dõi đã kết thúc. Gõ /theodoi để bắt đầu lại.")]
    step = next_step(draft)
    if step is not None:
        ctx.conversation.state = step.state
        return [step.prompt(draft)]
    ctx.conversation.state = None
    return [_summary(ctx, draft)]


def _new_item(ctx: Context, draft: dict[str, Any]) -> NewItem:
    start = {k: draft.get(k) for k in ("kind", "start", "category", "months", "days", "tam_giu_days")}
    start = {k: v for k, v in start.items() if v not in (None, "")}
    return NewItem(ctx.member.unit_id, draft["label"], ctx.member.id, start, draft.get("case_number") or None)


def _summary(ctx: Context, draft: dict[str, Any]) -> Reply:
    try:
        state = service.validate(_new_item(ctx, draft), ctx.local_now())
    except ChainError as exc:
        ctx.conversation.data.pop(DRAFT, None)
        return Reply(f"{exc.message_vi}\nGõ /theodoi_moi để nhập lại.")
    step = state.step
    assert step is not None
    now = ctx.local_now().replace(tzinfo=None)
    lines = [
        f"Theo dõi «{draft['label']}»: {KINDS.get(draft['kind'], draft['kind'])}",
        f"Loại tội: {CATEGORIES[draft['category']]}" if draft.get("category") else "",
        f"Hết hạn: {expiry_text(step)} — {time_left(step.expiry, now)} ({step.basis})",
        f"Việc cần làm trước hạn: {step.due}.",
        "Trợ lý sẽ nhắc anh/chị trước hạn và báo lãnh đạo đơn vị nếu quá hạn chưa cập nhật.",
    ]
    text = "\n".join(line for line in lines if line)
    return reply(text, [Button("Lưu", Choose("save", "1").pack()), CANCEL])


async def typed(ctx: Context) -> list[Reply]:
    """Typed input in one of the flow's states."""
    draft = _draft(ctx)
    step = BY_STATE.get(ctx.conversation.state or "")
    if draft is None or step is None:
        ctx.conversation.state = None
        return [Reply("Phiên tạo mục theo dõi đã kết thúc. Gõ /theodoi để bắt đầu lại.")]
    problem = step.parse(ctx, ctx.text, draft)
    if problem is not None:
        return [Reply(problem)]
    return ask(ctx)


async def choose(ctx: Context, data: Choose) -> list[Reply]:
    if data.field == "new":
        return await start(ctx)
    if data.field == "cancel":
        ctx.conversation.state = None
        ctx.conversation.data.pop(DRAFT, None)
        return [Reply("Đã hủy. Gõ /theodoi để xem danh sách.")]
    draft = _draft(ctx)
    if draft is None:
        return [Reply("Phiên tạo mục theo dõi đã kết thúc. Gõ /theodoi để bắt đầu lại.")]
    if data.field == "save" and next_step(draft) is None:
        return await _save(ctx, draft)
    allowed = {"kind": KINDS, "category": CATEGORIES}
    if data.field in allowed and data.value in allowed[data.field]:
        if data.field == "kind":
            draft.clear()
        draft[data.field] = data.value
    elif data.field == "start" and data.value == "now" and "kind" in draft:
        now = ctx.local_now().replace(tzinfo=None, second=0, microsecond=0)
        problem = BY_STATE["td_start"].parse(ctx, now.strftime("%d/%m/%Y %H:%M"), draft)
        if problem:
            return [Reply(problem)]
    elif data.field == "tam_giu_days" and data.value == "0":
        draft["tam_giu_days"] = 0
    elif data.field == "case_number" and data.value == "-":
        draft["case_number"] = ""
    else:
        return [Reply("Nút này không còn hiệu lực. Gõ /theodoi để bắt đầu lại.")]
    return ask(ctx)


async def _save(ctx: Context, draft: dict[str, Any]) -> list[Reply]:
    tz = ctx.services.settings.timezone
    try:
        (item_id,) = await service.create(ctx.repos, ctx.member, [_new_item(ctx, draft)], ctx.now(), tz)
    except ChainError as exc:
        return [Reply(f"{exc.message_vi}\nGõ /theodoi_moi để nhập lại.")]
    except RegisterScopeError:
        return [Reply("Anh/chị không tạo được mục theo dõi cho đơn vị này.")]
    ctx.conversation.data.pop(DRAFT, None)
    ctx.conversation.state = None
    item = await ctx.repos.register.get(ctx.member, item_id)
    assert item is not None
    return [Reply("Đã lưu mục theo dõi."), show_item(ctx, item)]


async def from_card(ctx: Context, data: TrackCard) -> list[Reply]:
    """ "Theo dõi" under a calculator card: the card's inputs fill the draft; the label is asked."""
    last = ctx.conversation.data.get(LAST)
    if not isinstance(last, dict) or last.get("kind") not in KINDS:
        return [Reply("Loại thời hạn này chưa theo dõi được trong sổ. Gõ /theodoi_moi để tạo mục theo dõi từng bước.")]
    inputs = ("kind", "start", "category", "months", "days", "tam_giu_days")  # not the card's "label"
    draft = {k: last[k] for k in inputs if last.get(k) not in (None, "")}
    ctx.conversation.data[DRAFT] = draft
    return ask(ctx)
