"""/tinhhan: the guided calculator, one table (``STEPS``) run by ``bot/chat/flow.py``.

The kind is picked from a paged list (/tinhhan; a kind button, even an old one, starts a new
calculation). The flow then asks only what that kind needs and what is not known yet, which is
also how free text that leaves something out continues (``begin``):

    dl:k:<kind> ──> category? → length? → start → decision? → tg? → stage? ──> the card (end)
    free text without the category, or for detention capped by its stage ──> the first step missing
    free text on detention during điều tra bổ sung that does not say who returned the file
        ──> returned (VKS: 2 months, Tòa án: 1 month, Đ174 k2) → stage? ──> the card

    (? = only for the kinds that need it; "Quay lại" goes back, "Hủy" ends. stage: the day the
     stage began (Đ174 k4, Đ241, Đ278 k2, Đ347 k2), so the card shows the capped expiry and offers
     the reminder; "Bỏ qua" gives the card with its warning and no reminder. decision: the summary
     hearing's decision to bring the case to trial, Đ462 k2, Đ464 k3; "Chưa có quyết định" gives the
     card with the last day to decide and what the hearing's day needs.)

The state is ``dl.<step>``, the draft ``ctx.conversation.data``; the last card's inputs and the
Q&A context are carried across; the date steps are ``deadline_dates.py``. Drafts of the earlier engine (state ``dl_length``, ``dl_start``,
``dl_tg`` or none, the draft under ``dl``) resume on the step they need.
"""

from __future__ import annotations

import secrets
from typing import Any

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.flow import DRAFT_ID, TYPED_HINT, Action, Again, Flow, Outcome, Step
from bot.chat.messages import Button, Reply, reply
from handlers.deadline_buttons import Nav, NoTamGiu, PickCategory, PickReturned, StartNow
from handlers.deadline_cards import computed, kinds
from handlers.deadline_dates import skip_decision, skip_stage, start_now, take_decision, take_stage, take_start
from handlers.deadline_draft import go_on, needed, onward, query_of, stage_day
from handlers.deadline_extension_length import extension_order_length
from handlers.deadline_inputs import (
    CATEGORY_PROBLEM,
    CUSTODY_PROBLEM,
    CUSTODY_QUESTION,
    LENGTH_PROBLEM,
    NO_CUSTODY,
    STOP,
    custody_days,
    order_length,
)
from handlers.deadline_questions import (
    CATEGORY_CODES,
    NAV,
    TEXTS,
    ask_category,
    ask_decision,
    ask_returned,
    ask_stage,
    ask_start,
)
from handlers.deadline_reminders import CARRY
from knowledge.deadlines.crime_category import typed_category
from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.detention_kinds import RETURNED_BY, returned_by
from knowledge.kb.normalize import fold

LEGACY = "dl"  # where the earlier engine kept the draft
LEGACY_STATES = {"dl_length": "length", "dl_start": "start", "dl_tg": "tg"}  # state: the step it was


async def begin(ctx: Context, draft: dict[str, Any]) -> list[Reply]:
    """Ask what ``draft`` (the kind and what is known) still lacks, or show the card."""
    step = onward(draft)
    if step is None:
        return computed(ctx, query_of(draft), stage_day(draft))
    return await FLOW.begin(ctx, draft, at=step)


# -- what each step takes ------------------------------------------------------------------------
async def take_category(ctx: Context) -> Outcome:
    """The category typed as staff type it (the free-text calculator's reading), or asked again."""
    category = typed_category(fold_text(ctx.text))
    if category is None:
        return Again(CATEGORY_PROBLEM)
    ctx.conversation.data["category"] = category
    return await go_on(ctx)


async def pick_category(ctx: Context, data: PickCategory) -> Outcome:
    if data.code not in CATEGORY_CODES:
        return Again(TEXTS.bad_button)
    ctx.conversation.data["category"] = CATEGORY_CODES[data.code]
    return await go_on(ctx)


async def returned(ctx: Context, code: str | None) -> Outcome:
    if code not in RETURNED_BY:
        return Again("Anh/chị cho biết hồ sơ do «VKS» hay «Tòa án» trả." + STOP)
    ctx.conversation.data["returned"], ctx.conversation.data["kind"] = code, RETURNED_BY[code]
    return await go_on(ctx)


async def take_returned(ctx: Context) -> Outcome:
    return await returned(ctx, returned_by(fold(ctx.text)))


async def pick_returned(ctx: Context, data: PickReturned) -> Outcome:
    return await returned(ctx, data.code)


async def take_length(ctx: Context) -> Outcome:
    """The order's length; an extension order's ("gia hạn 4 tháng") checked against Đ173 as free text does."""
    draft = ctx.conversation.data
    extension = extension_order_length(ctx.text, draft.get("category"), bool(draft.get("anqg")))
    if isinstance(extension, str):
        return Again(extension + STOP)
    length = extension or order_length(ctx.text)
    if length is None:
        return Again(LENGTH_PROBLEM)
    draft["months"], draft["days"] = length
    return await go_on(ctx)


async def take_tam_giu(ctx: Context) -> Outcome:
    days = custody_days(ctx.text)
    if days is None:
        return Again(CUSTODY_PROBLEM)
    ctx.conversation.data["tam_giu_days"] = days
    return await go_on(ctx)


async def no_tam_giu(ctx: Context, data: NoTamGiu) -> Outcome:
    ctx.conversation.data["tam_giu_days"] = 0
    return await go_on(ctx)


STEPS = (
    Step(
        "returned",
        ask_returned,
        take=take_returned,
        press={PickReturned: pick_returned},
        applies=lambda d: needed("returned", d),
    ),
    Step(
        "category",
        ask_category,
        take=take_category,
        press={PickCategory: pick_category},
        applies=lambda d: needed("category", d),
    ),
    Step(
        "length",
        reply(
            "Thời hạn ghi trong lệnh tạm giam là bao lâu? Ví dụ: «2 tháng», «57 ngày», «1 tháng 15 ngày».\n"
            + TYPED_HINT,
            NAV,
        ),
        take=take_length,
        applies=lambda d: needed("length", d),
        numbers=True,
    ),
    Step("start", ask_start, take=take_start, press={StartNow: start_now}, numbers=True),
    Step(
        "decision",
        ask_decision,
        take=take_decision,
        actions={Action.SKIP: skip_decision},
        optional=True,
        applies=lambda d: needed("decision", d),
        numbers=True,
    ),
    Step(
        "tg",
        reply(CUSTODY_QUESTION, [Button(NO_CUSTODY, NoTamGiu().pack())], NAV),
        take=take_tam_giu,
        press={NoTamGiu: no_tam_giu},
        applies=lambda d: needed("tg", d),
        numbers=True,
    ),
    Step(
        "stage",
        ask_stage,
        take=take_stage,
        actions={Action.SKIP: skip_stage},
        optional=True,
        applies=lambda d: needed("stage", d),
    ),
)
FLOW = Flow(LEGACY, STEPS, nav=Nav, texts=TEXTS, carry=CARRY)


# -- drafts of the earlier engine ----------------------------------------------------------------
def resume_legacy(ctx: Context) -> None:
    conversation = ctx.conversation
    old = conversation.data.get(LEGACY)
    if not isinstance(old, dict) or old.get("kind") not in kinds():
        return
    if conversation.state is not None and conversation.state not in LEGACY_STATES:
        return
    draft = {k: v for k, v in conversation.data.items() if k in FLOW.carry}
    draft.update(old)
    draft[DRAFT_ID] = secrets.token_hex(8)
    conversation.data = draft
    conversation.state = FLOW.state_of(onward(draft) or "start")


async def guard(ctx: Context, pressed: CallbackData | None) -> Step | list[Reply]:
    resume_legacy(ctx)
    return await FLOW.locate(ctx, pressed)
