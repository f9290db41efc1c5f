"""/kiemsat: a guided check-in as a named-state flow stored with the conversation.

The state is ``ks.<step>`` and the draft is ``ctx.conversation.data``; the dispatcher
saves both after every message, so a restart never loses a half-filled form. Every
button is ``ks:<action>[:<arg>]`` (short ids, never text). The step a button belongs to
is checked against the stored state, so an old or forged button cannot skip a step.
"""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from bot.clock import local
from handlers.checkin import inputs
from handlers.checkin.draft import (
    COUNT_STEPS,
    OPTIONAL_STEPS,
    new_draft,
    next_step,
    previous_step,
    started,
    state_of,
    step_of,
    too_old,
    word_action,
)
from handlers.checkin.steps import prompt
from handlers.checkin.submit import send

OFFER_STATE = "ks.offer"
NO_DRAFT = "Phiếu nháp này không còn. Anh/chị gõ /kiemsat để làm phiếu kiểm sát mới."
OTHER_STEP = "Nút này thuộc một bước khác của phiếu. Anh/chị trả lời câu hỏi hiện tại:"
CANCELLED = "Đã hủy phiếu nháp, không có gì được lưu. Gõ /kiemsat khi anh/chị muốn làm phiếu mới."


async def go(ctx: Context, step: str, note: str = "") -> list[Reply]:
    """Move the draft to ``step`` and ask its question (with ``note`` first, if any)."""
    ctx.conversation.state = state_of(step)
    if step != "facility":
        ctx.conversation.data.pop("offered", None)  # the facility choices, once one is made
    if step == "summary":
        ctx.conversation.data.pop("editing", None)
    replies = await prompt(ctx, step)
    return ([Reply(note)] if note else []) + replies


async def advance(ctx: Context, step: str, note: str = "") -> list[Reply]:
    return await go(ctx, next_step(step, ctx.conversation.data), note)


async def start(ctx: Context) -> list[Reply]:
    """/kiemsat: a new draft, or the choice to continue (or discard) the one in progress."""
    state = ctx.conversation.state
    draft = ctx.conversation.data
    if (step_of(state) or state == OFFER_STATE) and draft.get("draft_id"):
        return offer(ctx, draft.get("resume") or step_of(state) or "facility")
    return await begin(ctx)


async def begin(ctx: Context) -> list[Reply]:
    ctx.conversation.state = state_of("facility")
    ctx.conversation.data = new_draft(ctx.now())
    return await prompt(ctx, "facility")


def offer(ctx: Context, step: str) -> list[Reply]:
    draft = ctx.conversation.data
    draft["resume"] = step
    ctx.conversation.state = OFFER_STATE
    when = local(started(draft), ctx.services.settings.timezone).strftime("%H:%M %d/%m/%Y")
    name = draft.get("facility_name") or "chưa chọn cơ sở"
    if too_old(draft, ctx.now()):
        return [
            reply(
                f"Anh/chị có một phiếu nháp ({name}) bắt đầu lúc {when}, đã quá 7 ngày nên không gửi được nữa.\n"
                "Anh/chị xóa phiếu nháp này để làm phiếu mới:",
                [Button("Xóa nháp, làm phiếu mới", "ks:new")],
                [Button("Chỉ xóa nháp", "ks:discard")],
            )
        ]
    return [
        reply(
            f"Anh/chị đang có phiếu nháp ({name}) bắt đầu lúc {when}. Tiếp tục phiếu này hay làm phiếu mới?",
            [Button("Tiếp tục phiếu nháp", "ks:resume")],
            [Button("Làm phiếu mới (xóa nháp)", "ks:new")],
            [Button("Xóa nháp", "ks:discard")],
        )
    ]


async def _offer_action(ctx: Context, action: str) -> list[Reply]:
    draft = ctx.conversation.data
    if action == "new":
        return await begin(ctx)
    if action == "discard":
        ctx.conversation.clear()
        return [Reply("Đã xóa phiếu nháp. Gõ /kiemsat khi anh/chị muốn làm phiếu mới.")]
    if not draft.get("draft_id"):
        ctx.conversation.clear()
        return [Reply(NO_DRAFT)]
    step = draft.get("resume") or step_of(ctx.conversation.state) or "facility"
    if too_old(draft, ctx.now()):
        return offer(ctx, step)
    draft.pop("resume", None)
    return await go(ctx, step)


async def act(ctx: Context, step: str, action: str) -> list[Reply]:
    """Skip, back, cancel, done (``ok``) and send, typed or pressed."""
    draft = ctx.conversation.data
    if action == "cancel":
        ctx.conversation.clear()
        return [Reply(CANCELLED)]
    if action == "back":
        previous = previous_step(step, draft)
        if previous is None:
            return [Reply("Đây là bước đầu tiên. Anh/chị chọn cơ sở, hoặc bấm Hủy."), *await prompt(ctx, step)]
        return await go(ctx, previous)
    if action == "skip" and step in OPTIONAL_STEPS:
        inputs.skip(draft, step)
        return await advance(ctx, step)
    if action == "skip":
        why = (
            "Số liệu này bắt buộc. Nếu không có người nào, anh/chị nhập 0."
            if step in COUNT_STEPS
            else "Bước này không bỏ qua được."
        )
        return [Reply(why), *await prompt(ctx, step)]
    if action == "ok" and step == "violation_items":
        draft["violations"] = draft.get("violations") or []
        return await advance(ctx, step)
    if action == "ok" and step == "photos":
        return await advance(ctx, step)
    if action == "send" and step == "summary":
        return await send(ctx, draft["draft_id"], go)
    return [Reply(OTHER_STEP), *await prompt(ctx, step)]


async def on_message(ctx: Context) -> list[Reply]:
    """A message (text, photo or location) while a ``ks.*`` state is active."""
    draft = ctx.conversation.data
    word = word_action(ctx.text) if ctx.text else None
    if ctx.conversation.state == OFFER_STATE:
        if word == "cancel":
            return await _offer_action(ctx, "discard")
        return offer(ctx, draft.get("resume") or "facility")
    step = step_of(ctx.conversation.state)
    if step is None or not draft.get("draft_id"):
        ctx.conversation.clear()
        return [Reply(NO_DRAFT)]
    if too_old(draft, ctx.now()):
        return offer(ctx, step)
    if word is not None:
        return await act(ctx, step, word)
    return await inputs.handle(ctx, step, go, advance)


async def on_button(ctx: Context) -> list[Reply]:
    """``ks:<action>[:<arg>]``."""
    args = ctx.args
    action = args[0] if args else ""
    if action == "send" and len(args) == 2:
        return await send(ctx, args[1], go)
    draft = ctx.conversation.data
    if action in ("resume", "new", "discard"):
        return await _offer_action(ctx, action)
    step = step_of(ctx.conversation.state)
    if ctx.conversation.state == OFFER_STATE and action == "cancel":
        return await _offer_action(ctx, "discard")
    if step is None or not draft.get("draft_id"):
        return [Reply(NO_DRAFT)]
    if too_old(draft, ctx.now()):
        return offer(ctx, step)
    if action in ("skip", "back", "cancel", "ok") and len(args) == 1:
        return await act(ctx, step, action)
    return await inputs.button(ctx, step, action, args[1:], go, advance)
