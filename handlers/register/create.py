"""Creating a tracked item: the flow (the table of ``flow.py`` and its last row, ``confirm``: the
computed expiry and "Lưu"), its entry points (/theodoi_moi, "➕ Theo dõi mới", "Theo dõi" under
a calculator card) and the drafts kept by the earlier engine, which resume where they were."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from typing import Any

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.flow import DRAFT_ID, Done, Flow, Outcome, Step
from bot.chat.messages import Button, Reply, reply
from handlers.deadline_reminders import CARRY, last_card
from handlers.register import service
from handlers.register.buttons import Choose, TrackCard
from handlers.register.event_shown import kind_name
from handlers.register.flow import FIELDS, TEXTS, Nav, buttons_only, nav
from handlers.register.flow_special import PickMinor, minor_buttons, own_length, pick_minor, with_special
from handlers.register.flow_summary import with_summary
from handlers.register.kinds import CATEGORIES, INPUTS
from handlers.register.trackable import trackable
from handlers.register.views import binding_lines, show_item
from knowledge.deadlines.decision_day import decision_step
from knowledge.deadlines.register_minors import minor_lines
from knowledge.deadlines.register_rules import ChainError
from knowledge.deadlines.reminders import expiry_text, time_left
from storage.register_model import NewItem, RegisterScopeError

LEGACY = "td"  # where the earlier engine kept the draft; its states were td_<field>
LEGACY_STATES = {
    "td_kind": "kind",
    "td_category": "category",
    "td_start": "start",
    "td_length": "length",
    "td_deduct": "deduct",
    "td_label": "label",
    "td_case": "case",
}
TITLES = {"kind": "loại thời hạn", "category": "loại tội", "anqg": "tội xâm phạm ANQG", "start": "mốc bắt đầu"}
TITLES |= {"stage_start": "ngày bắt đầu giai đoạn", "length": "thời hạn trong lệnh", "order": "thời hạn trong lệnh"}
TITLES |= {"deduct": "số ngày tạm giữ", "label": "nhãn", "case": "số vụ", "confirm": "xác nhận, lưu"}
# ANQG is not among them: a draft begun without the question (an earlier one, or from a card
# without the option) stays as it was begun; an item can be marked ANQG on its first such extension.
FILLS = {"kind": "kind", "category": "category", "start": "start", "stage_start": "stage_start"}
FILLS |= {"length": "months", "order": "months"}
FILLS |= {"deduct": "tam_giu_days", "label": "label", "case": "case_number"}
NOT_YET = (
    "Tạm giam trên thẻ bắt đầu khi hết tạm giữ, chưa đến ngày đó nên chưa đưa vào sổ. Khi có lệnh tạm giam, "
    "anh/chị hỏi lại (ví dụ «tạm giam 2 tháng từ 09/12/2026, đã tạm giữ 3 ngày») rồi bấm «Theo dõi»."
)
HELD_NOW = (
    "Tạm giam trên thẻ bắt đầu khi hết tạm giữ, chưa đến ngày đó: trợ lý đưa tạm giữ vào sổ để nhắc trước khi "
    "hết hạn. Khi có lệnh tạm giam, anh/chị bấm «Chuyển tạm giam» trên mục (ngày tạm giữ được trừ tự động)."
)
FILLING = "filling"  # draft key: asking only what a card (or an earlier version) left out


@dataclass(frozen=True, slots=True)
class Save(CallbackData, prefix="tdf", tag="save"):
    value: str = "1"


def _new_item(ctx: Context, draft: dict[str, Any]) -> NewItem:
    start = {k: draft.get(k) for k in INPUTS}
    start = {k: v for k, v in start.items() if v not in (None, "") and (k != "anqg" or v is True)}
    if draft.get("stage_start") and not draft.get("months") and not draft.get("days"):
        for name in ("months", "days"):  # no length of its own: the law's limit
            start.pop(name, None)
    decided = draft.get("decided_on") if decision_step(draft["kind"]) else None  # a card's hearing (Đ462 k2)
    later = [("extend", {"decided_on": decided})] if decided else []
    return NewItem(
        ctx.member.unit_id, draft["label"], ctx.member.id, start, draft.get("case_number") or None, later=later
    )


async def ask_confirm(ctx: Context) -> list[Reply]:
    draft = ctx.conversation.data
    missing = _first_unfilled(draft)
    if missing != "confirm":  # a field a card or an earlier version left out: asked first, and
        draft[FILLING] = True  # then only the steps not filled yet (never the card's own inputs)
        return await FLOW.go(ctx, missing)
    draft.pop(FILLING, None)  # all there: «Quay lại» goes back step by step again
    try:
        state = service.validate(_new_item(ctx, draft), ctx.local_now())
    except ChainError as exc:
        FLOW.end(ctx)  # the law refuses these inputs: the form ends, nothing is stored
        return [Reply(f"{exc.message_vi}\nGõ /theodoi_moi để nhập lại.")]
    step = state.step
    assert step is not None
    now = ctx.local_now().replace(tzinfo=None)
    lines = [
        f"Theo dõi «{draft['label']}»: {kind_name(draft['kind'])}",
        f"Loại tội: {CATEGORIES[draft['category']]}" if draft.get("category") else "",
        "Tội xâm phạm an ninh quốc gia" if draft.get("anqg") else "",
        f"Hết hạn: {expiry_text(step)} — {time_left(step.expiry, now)} ({step.basis})",
        *binding_lines(step),
        f"Việc cần làm trước hạn: {step.due}.",
        "⚠️ Đã quá hạn: khi anh/chị bấm Lưu, Trợ lý báo ngay lãnh đạo đơn vị."
        if step.expiry <= now
        else "Trợ lý sẽ nhắc anh/chị trước hạn và báo lãnh đạo đơn vị nếu quá hạn chưa cập nhật.",
        *minor_lines(step.custody, draft.get("minor")),
    ]
    text = "\n".join(line for line in lines if line)
    return [reply(text, [Button("Lưu", Save().pack())], *minor_buttons(step.custody, draft.get("minor")), nav())]


async def save(ctx: Context, data: Save) -> Outcome:
    draft = ctx.conversation.data
    tz = ctx.services.settings.timezone
    try:
        (item_id,) = await service.create(ctx.repos, ctx.member, [_new_item(ctx, draft)], ctx.now(), tz)
    except ChainError as exc:
        return [Reply(f"{exc.message_vi}\nGõ /theodoi_moi để nhập lại.")]
    except RegisterScopeError:
        return [Reply("Anh/chị không tạo được mục theo dõi cho đơn vị này.")]
    item = await ctx.repos.register.get(ctx.member, item_id)
    assert item is not None
    return Done([Reply("Đã lưu mục theo dõi."), show_item(ctx, item)])


def _unless_filled(step: Step) -> Step:
    """While the missing fields are asked (``FILLING``), a step whose field is filled is passed."""
    key, applies = FILLS.get(step.name), step.applies
    if key is None:
        return step
    return replace(step, applies=lambda d: (applies is None or applies(d)) and not (d.get(FILLING) and key in d))


FLOW = Flow(
    "tdf",
    (
        *map(_unless_filled, with_summary(with_special(FIELDS))),
        Step("confirm", ask_confirm, take=buttons_only, press={Save: save, PickMinor: pick_minor}),
    ),
    nav=Nav,
    texts=TEXTS,
    carry=CARRY,  # the calculator's last card and the Q&A context outlive the form
)


async def start(ctx: Context) -> list[Reply]:
    """/theodoi_moi, "➕ Theo dõi mới": a new draft; with one begun and partly filled, that one is
    asked on (typing the command again must not throw away what was entered), with a way to
    start anew."""
    step = FLOW.current(ctx)
    if step is None or not any(ctx.conversation.data.get(k) not in (None, "") for k in FILLS.values()):
        return await FLOW.begin(ctx, {})
    where = TITLES.get(step.name, "")
    at = f" (đến bước «{where}»)" if where else ""
    fresh = Button("Làm mục mới (bỏ bản đang nhập)", Choose("new", "fresh").pack())
    note = (
        f"Anh/chị đang nhập dở một mục theo dõi mới{at}: trợ lý hỏi tiếp bước đó. Muốn bỏ bản này để làm "
        "mục mới, anh/chị gõ /huy rồi /theodoi_moi."
    )
    return [reply(note, [fresh]), *await FLOW.ask(ctx, step)]


async def from_card(ctx: Context, data: TrackCard) -> list[Reply]:
    """ "Theo dõi" under a calculator card: the card's inputs fill the draft; the label is asked."""
    last = last_card(ctx.conversation.data)
    kind = str(last.get("kind")) if last is not None else ""
    if last is None or not trackable(kind):
        return [Reply("Loại thời hạn này chưa theo dõi được trong sổ. Gõ /theodoi_moi để tạo mục theo dõi từng bước.")]
    draft = {k: last[k] for k in INPUTS if last.get(k) not in (None, "")}  # not the card's "label"
    if last.get("decided_on"):  # the hearing's decision on the card: recorded with the item (Đ462 k2)
        draft["decided_on"] = last["decided_on"]
    if last.get("custody_start") and "tam_giu_days" not in draft:  # counted from the custody's first day:
        draft["tam_giu_days"] = 0  # nothing deducted (asked again, a true count would end days early)
    custody = str(last.get("custody_start") or "")
    if "T" in custody and str(draft.get("start", ""))[:10] > ctx.local_now().date().isoformat():
        # The tạm giam on the card begins when a tạm giữ held now ends: that order does not exist yet. The
        # tạm giữ is tracked (its end reminded); «Chuyển tạm giam» records the order when it comes, deducting
        # the days held (the card's end again).
        held = {"kind": "tam_giu", "start": custody, **{k: draft[k] for k in ("anqg",) if k in draft}}
        return [Reply(HELD_NOW), *await FLOW.begin(ctx, held, at="label")]
    try:  # a start days ahead: refused now, not after every question
        service.check_start(draft, ctx.local_now())
    except ChainError as exc:
        return [Reply(f"{exc.message_vi}\n{NOT_YET}" if custody else exc.message_vi)]
    at = "order" if own_length(draft["kind"]) and "months" not in draft else "label"  # the order's own length first
    return await FLOW.begin(ctx, draft, at=at)


def resume_legacy(ctx: Context) -> None:
    """A draft kept by the earlier engine (``{"td": {...}}``, state ``td_<field>``, or no state
    once it showed the summary) becomes a draft of this flow, on the step it was on."""
    conversation = ctx.conversation
    old = conversation.data.get(LEGACY)
    in_old_state = conversation.state in LEGACY_STATES
    if not isinstance(old, dict) or not (in_old_state or conversation.state is None):
        return
    draft = {k: v for k, v in conversation.data.items() if k in FLOW.carry}
    draft.update(old)
    draft[DRAFT_ID] = draft.get(DRAFT_ID) or secrets.token_hex(8)
    conversation.data = draft
    conversation.state = FLOW.state_of(_first_unfilled(draft))  # where the earlier engine asked


def _first_unfilled(draft: dict[str, Any]) -> str:
    """Where the earlier engine would have asked next: the first step that applies and is not filled."""
    if "kind" not in draft:
        return "kind"
    for name in FLOW.order:
        applies = FLOW.steps[name].applies
        if name in FILLS and FILLS[name] not in draft and (applies is None or applies(draft)):
            return name
    return "confirm"


async def guard(ctx: Context, pressed: CallbackData | None) -> Step | list[Reply]:
    resume_legacy(ctx)
    return await FLOW.locate(ctx, pressed)


async def choose(ctx: Context, data: Choose) -> list[Reply]:
    """The register's choices that are not an event's (events.py): "➕ Theo dõi mới", and "Hủy"
    under an event's question (it ends whatever register step the person is on)."""
    if data.field == "new":
        return await (FLOW.begin(ctx, {}) if data.value == "fresh" else start(ctx))
    if data.field == "cancel":
        if FLOW.current(ctx) is not None:
            FLOW.end(ctx)
        ctx.conversation.state = None
        for key in (LEGACY, "tde"):
            ctx.conversation.data.pop(key, None)
        return [Reply("Đã hủy. Gõ /theodoi để xem danh sách.")]
    return [Reply("Nút này không còn hiệu lực. Gõ /theodoi để bắt đầu lại.")]
