"""Recording a stage's extension decision on a detention tied to the stage, from chat: the card's
«Gia hạn giai đoạn», then the decided length («Tối đa» for the law's longest), then the day it was
decided («Hôm nay»). The law check is ``knowledge.deadlines.register_decision``; the detention's
cap then follows the decision. Extending such a detention whose stage decision is not recorded
asks for the decision first: its cap would otherwise be a guess.

The steps are register event steps (state ``tde_dec_len``, ``tde_dec_day``; draft ``tde`` with
``act`` «gg»), so «Hủy» and /huy end them as they end the other event steps, and the event form
(``event_form.py``) sets them aside and brings them back (``STEPS``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from handlers.register import events, service
from handlers.register.buttons import Act, Choose, ItemAction
from handlers.register.decided import parse_length, typed_day
from handlers.register.kinds import CANCEL
from handlers.register.plan import state_of
from handlers.register.views import show_item
from knowledge.deadlines.register_chain import Event, Step
from knowledge.deadlines.register_decision import NextDecision, decide, next_decision, refusal
from knowledge.deadlines.register_rules import ChainError
from knowledge.deadlines.validate import fmt_date
from storage.register_model import Item, RegisterConflict, RegisterScopeError

LENGTH, DAY = "tde_dec_len", "tde_dec_day"
STATES = (LENGTH, DAY)
FIELDS = ("dec_max", "dec_today")


def _current(item: Item) -> Step | None:
    """The dated step running now, if any (none once closed or open-ended, or when the chain no
    longer folds)."""
    try:
        state = state_of(item)
    except ChainError:
        return None
    return None if state.closed or state.open is not None else state.step


def _length_prompt(found: NextDecision) -> Reply:
    text = (
        f"Quyết định gia hạn thời hạn «{found.stage_label}»: tối đa {found.longest.text()} ({found.basis}), "
        f"chậm nhất ngày {fmt_date(found.stage_end)}. Người quyết định: {found.approver(found.stage_end)}.\n"
        "Anh/chị nhập thời hạn gia hạn ghi trong quyết định (ví dụ «10 ngày»)."
    )
    return reply(text, [Button(f"Tối đa: {found.longest.text()}", Choose("dec_max", "1").pack())], [CANCEL])


def _day_prompt() -> Reply:
    text = "Ngày ra quyết định gia hạn (ví dụ 28/11/2026)?"
    return reply(text, [Button("Hôm nay", Choose("dec_today", "1").pack())], [CANCEL])


async def on_action(ctx: Context, data: ItemAction) -> list[Reply]:
    """The card's buttons: «Gia hạn giai đoạn» here; «Gia hạn» here only when the stage's decision
    must come first; every other action as ``events.on_action`` does it."""
    if data.action not in (Act.DECIDE, Act.EXTEND):
        return await events.on_action(ctx, data)
    item = await ctx.repos.register.get(ctx.member, data.item_id)
    if item is None:
        return await events.on_action(ctx, data)
    step = _current(item)
    found = next_decision(step) if step is not None else None
    if data.action is Act.EXTEND:
        if step is None or found is None or found.number != step.index + 1:
            return await events.on_action(ctx, data)
        decide = Button("Ghi quyết định gia hạn giai đoạn", ItemAction(item.id, Act.DECIDE).pack())
        text = (
            f"Tạm giam này không được vượt thời hạn «{found.stage_label}» ({step.cap_basis}), và thời hạn đó chỉ "
            f"kéo dài khi có quyết định gia hạn ({found.basis}). Anh/chị ghi quyết định gia hạn giai đoạn trước "
            "(số ngày, ngày quyết định), rồi ghi gia hạn tạm giam."
        )
        return [reply(text, [decide], [CANCEL])]
    if step is None:
        return [Reply("Mục này hiện không ghi được quyết định gia hạn giai đoạn. Gõ /theodoi để xem lại.")]
    if found is None:
        return [Reply(refusal(step).message_vi)]
    draft = {"item": item.id, "version": item.version, "act": Act.DECIDE.value, "label": item.label}
    ctx.conversation.data[events.EVENT] = draft
    ctx.conversation.state = LENGTH
    return [_length_prompt(found)]


async def _record(ctx: Context, item: Item, draft: dict[str, Any], day: date) -> list[Reply]:
    if day > ctx.local_now().date():
        return [Reply(f"Ngày {fmt_date(day)} ở tương lai. Anh/chị nhập ngày ghi trong quyết định. Gõ /huy để dừng.")]
    data = {**draft.get("length", {}), "decided_on": day.isoformat()}
    try:
        state = await service.record(
            ctx.repos, ctx.member, item, "stage_extend", data, ctx.now(), ctx.services.settings.timezone
        )
    except ChainError as exc:  # the length was checked at its step: this is about the day
        return [Reply(f"{exc.message_vi}\nKhông có gì được lưu. Anh/chị nhập lại ngày hoặc gõ /huy để dừng.")]
    except (RegisterConflict, RegisterScopeError):
        ctx.conversation.state = None
        return [Reply(events.CHANGED)]
    ctx.conversation.state = None
    ctx.conversation.data.pop(events.EVENT, None)
    fresh = await ctx.repos.register.get(ctx.member, item.id)
    assert fresh is not None and state.step is not None
    cap = state.step.stage_ext[-1].text()
    return [Reply(f"Đã ghi quyết định gia hạn giai đoạn ({cap}, ngày {fmt_date(day)})."), show_item(ctx, fresh)]


async def typed(ctx: Context) -> list[Reply]:
    item, draft = await events.kept(ctx, Act.DECIDE)
    if item is None:
        ctx.conversation.state = None
        return [Reply(events.CHANGED)]
    if ctx.conversation.state == LENGTH:
        length = parse_length(ctx.text)
        if length is None or "hours" in length:
            return [Reply("Anh/chị nhập thời hạn gia hạn, ví dụ «10 ngày» hoặc «1 tháng». Gõ /huy để dừng.")]
        step = _current(item)
        found = next_decision(step) if step is not None else None
        if step is None or found is None:
            return [Reply(events.CHANGED)]
        try:  # the length alone, on the last lawful day: the day is asked next
            decide(step, Event(0, "stage_extend", {**length, "decided_on": found.stage_end.isoformat()}))
        except ChainError as exc:
            return [Reply(f"{exc.message_vi} Gõ /huy để dừng.")]
        draft["length"] = length
        ctx.conversation.state = DAY
        return [_day_prompt()]
    day = typed_day(ctx.text, ctx.local_now())
    return [Reply(day)] if isinstance(day, str) else await _record(ctx, item, draft, day)


async def choose(ctx: Context, data: Choose) -> list[Reply] | None:
    """«Tối đa» and «Hôm nay»; None when the choice is not this step's."""
    if data.field not in FIELDS:
        return None
    item, draft = await events.kept(ctx, Act.DECIDE)
    if item is None:
        return [Reply(events.CHANGED)]
    if data.field == "dec_max" and ctx.conversation.state == LENGTH:
        draft["length"] = {}  # the law's longest
        ctx.conversation.state = DAY
        return [_day_prompt()]
    if data.field == "dec_today" and ctx.conversation.state == DAY:
        return await _record(ctx, item, draft, ctx.local_now().date())
    return [Reply("Nút này không còn hiệu lực. Gõ /theodoi để bắt đầu lại.")]


async def resume(ctx: Context) -> list[Reply]:
    """The question of the step the conversation is on, asked again (a draft brought back)."""
    item, _ = await events.kept(ctx, Act.DECIDE)
    step = _current(item) if item is not None else None
    found = next_decision(step) if step is not None else None
    if found is None:
        ctx.conversation.state = None
        return [Reply(events.CHANGED)]
    return [_length_prompt(found) if ctx.conversation.state == LENGTH else _day_prompt()]


# The event form's view of these steps (``event_form.EventForm``): the step in a few words, and
# its question asked again when the event is brought back.
STEPS = {LENGTH: ("thời hạn gia hạn giai đoạn", resume), DAY: ("ngày quyết định gia hạn giai đoạn", resume)}
