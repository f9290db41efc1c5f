"""Recording events on a tracked item from chat: extension, tạm giữ → tạm giam, a new stage,
release, close, and (heads) deleting a wrong last event with a reason.

Every action re-reads the item in the actor's scope; the version shown with a button or kept in
the draft must still be the item's, so a press made after someone else's change does nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from handlers.register import service, stage_steps
from handlers.register.buttons import Act, Choose, Confirm, ItemAction
from handlers.register.decided import day_problem, parse_length, split_decided, typed_day
from handlers.register.event_shown import kind_name
from handlers.register.kinds import CANCEL, CATEGORIES
from handlers.register.plan import state_of
from handlers.register.views import show_item
from knowledge.deadlines.register_approvers import approver
from knowledge.deadlines.register_chain import State
from knowledge.deadlines.register_rules import (
    CONVERSIONS,
    EXTENSION_SCOPE,
    NEXT_STAGES,
    ChainError,
    extension_steps,
    open_step,
)
from storage.register_model import Item, RegisterConflict, RegisterScopeError
from storage.users import Role

EVENT = "tde"
PICK = "tde_pick"  # a choice asked with buttons only: a stage, a person, the ANQG extension (event_form.py)
NOT_FOUND = "Không tìm thấy mục này trong phạm vi của anh/chị. Gõ /theodoi để xem danh sách."
CHANGED = "Mục này vừa được cập nhật hoặc đã kết thúc. Anh/chị mở lại mục (/theodoi) rồi thao tác tiếp."
CONFIRM_TEXT = {
    Act.RELEASE: "Ghi nhận người này đã được trả tự do / thay đổi biện pháp ngăn chặn, dừng nhắc hạn?",
    Act.CLOSE: "Kết thúc theo dõi mục này, dừng nhắc hạn?",
}


async def _item(ctx: Context, item_id: int) -> Item | None:
    return await ctx.repos.register.get(ctx.member, item_id)


async def open_item(ctx: Context, item_id: int, closed: str) -> tuple[Item, State] | Reply:
    """The item of a card's button and its state while it is still followed; otherwise the reply saying
    why: not in the member's scope, changed so its chain no longer folds, or ``closed``."""
    item = await _item(ctx, item_id)
    if item is None:
        return Reply(NOT_FOUND)
    try:
        state = state_of(item)
    except ChainError:
        return Reply(CHANGED)
    if state.current is None or state.closed:
        return Reply(closed)
    return item, state


async def record_event(ctx: Context, item: Item, kind: str, data: dict[str, Any]) -> list[Reply]:
    try:
        await service.record(ctx.repos, ctx.member, item, kind, data, ctx.now(), ctx.services.settings.timezone)
    except ChainError as exc:
        return [Reply(f"{exc.message_vi}\nKhông có gì được lưu.")]
    except (RegisterConflict, RegisterScopeError):
        return [Reply(CHANGED)]
    ctx.conversation.state = None
    ctx.conversation.data.pop(EVENT, None)
    fresh = await _item(ctx, item.id)
    assert fresh is not None
    return [Reply("Đã ghi sự kiện."), show_item(ctx, fresh)]


async def on_action(ctx: Context, data: ItemAction) -> list[Reply]:
    item = await _item(ctx, data.item_id)
    if item is None:
        return [Reply(NOT_FOUND)]
    try:
        state = state_of(item)
    except ChainError:
        state = State()
    if data.action is Act.UNDO:
        if not ctx.member.role.at_least(Role.HEAD):
            return [Reply("Chỉ lãnh đạo đơn vị xóa được sự kiện cuối (ghi nhầm). Anh/chị báo lãnh đạo đơn vị để sửa.")]
        if len(item.live_events) < 2:
            return [Reply("Mục này chỉ còn sự kiện tạo mục, không có sự kiện nào để xóa. Gõ /theodoi để xem lại.")]
        keep(ctx, item, data.action)
        ctx.conversation.state = "tde_reason"
        return [reply("Lý do xóa sự kiện cuối (ví dụ «ghi nhầm ngày»)?", [CANCEL])]
    step = state.current
    if step is None or state.closed:
        return [
            Reply(
                "Mục này đã kết thúc theo dõi: không ghi thêm sự kiện được. Gõ /theodoi để xem các mục đang theo dõi."
            )
        ]
    if data.action is Act.OPEN:
        return [stage_steps.open_confirm(item, state)]
    if data.action in CONFIRM_TEXT:
        yes = Button("Xác nhận", Confirm(item.id, data.action, item.version).pack())
        return [reply(CONFIRM_TEXT[data.action], [yes, CANCEL])]
    if state.open is not None and data.action in (Act.EXTEND, Act.CONVERT):
        return [Reply(f"Đang {state.open.label.lower()}: không có ngày hết hạn để gia hạn. Gõ /theodoi để xem lại.")]
    keep(ctx, item, data.action)
    if data.action is Act.EXTEND:
        return [_extend_prompt(ctx, state, step.anqg)]
    if data.action is Act.CONVERT:
        ctx.conversation.state = "tde_len"
        return [stage_steps.convert_prompt(step.kind)]
    stages = NEXT_STAGES.get(step.kind, ())
    rows = [[Button(kind_name(k), Choose("stage", k).pack())] for k in stages]
    ctx.conversation.state = PICK
    return [reply("Chuyển sang giai đoạn nào?", *rows, [CANCEL])]


def _extend_prompt(ctx: Context, state: State, anqg: bool) -> Reply:
    """The next extension's limit, or why there is none (and, where Đ172 k3 / Đ173 k5 would allow
    one more for a crime against national security, a button to record it as such)."""
    step = state.current
    assert step is not None
    kd, steps = extension_steps(step.kind, step.category, anqg)
    n = state.extensions + 1
    if n > len(steps):
        after = open_step(step.kind, step.category, anqg, state.extensions)
        more = f" Nếu có quyết định tạm giam cho đến khi {after.until}, anh/chị bấm nút đó trên thẻ." if after else ""
        text = f"{kd.label} đã gia hạn đủ {len(steps)} lần theo {kd.basis}: không gia hạn thêm được.{more}"
        by_anqg = extension_steps(step.kind, step.category, True)[1]
        if anqg or len(by_anqg) < n:
            return Reply(text)
        button = Button("Tội xâm phạm ANQG: gia hạn thêm", Choose("ext_anqg", "1").pack())
        ctx.conversation.state = PICK
        return reply(f"{text}\nNếu là tội xâm phạm an ninh quốc gia: {by_anqg[n - 1].basis}.", [button], [CANCEL])
    ctx.conversation.data[EVENT]["anqg"] = anqg
    most = steps[n - 1].length_for(step.category)
    assert most is not None
    ctx.conversation.state = "tde_len"
    unit = "ngày hoặc giờ" if step.counting == "clock" else "tháng hoặc ngày"
    maximum = Button(f"Tối đa: {most.text()}", Choose("ext", "max").pack())
    who = approver(kd.kind, step.category, n, steps[n - 1], ctx.local_now().date())
    text = f"Gia hạn lần {n}: tối đa {most.text()} ({steps[n - 1].basis}). Người quyết định: {who}.\n"
    text += (
        f"Nhập thời hạn trong quyết định ({unit}), kèm ngày quyết định nếu có (ví dụ «{most.text()} ngày 05/12/2026»)."
    )
    scope = EXTENSION_SCOPE.get(step.kind)  # a plain order: Đ173 holds only in the investigation
    return reply(f"{text}\n{scope}" if scope else text, [maximum], [CANCEL])


def anqg_mark(draft: dict[str, Any]) -> dict[str, Any]:
    """An extension recorded under the ANQG rules marks the item ANQG from then on."""
    return {"anqg": True} if draft.get("anqg") else {}


def keep(ctx: Context, item: Item, action: Act) -> None:
    ctx.conversation.data[EVENT] = {"item": item.id, "version": item.version, "act": action.value, "label": item.label}


async def kept(ctx: Context, act: Act | None = None) -> tuple[Item | None, dict[str, Any]]:
    """The item of the event in progress (of ``act``, when given; None when gone or changed since)
    and its draft."""
    draft = ctx.conversation.data.get(EVENT)
    if not isinstance(draft, dict) or (act is not None and draft.get("act") != act.value):
        return None, {}
    item = await _item(ctx, int(draft["item"]))
    if item is None or item.version != draft.get("version"):
        return None, draft
    return item, draft


async def on_confirm(ctx: Context, data: Confirm) -> list[Reply]:
    item = await _item(ctx, data.item_id)
    if item is None:
        return [Reply(NOT_FOUND)]
    if item.version != data.version or (data.action not in CONFIRM_TEXT and data.action is not Act.OPEN):
        return [Reply(CHANGED)]
    if data.action is Act.OPEN:
        return await record_event(ctx, item, "extend", {"open_ended": True})
    if data.action is Act.RELEASE:  # a «Xác nhận» shown before the day was asked (release_day.py): today
        return await record_event(ctx, item, "release", {"released_on": ctx.local_now().date().isoformat()})
    return await record_event(ctx, item, "close", {})


async def typed(ctx: Context) -> list[Reply]:
    """Typed input while recording an event: a length, a stage's start, or a deletion's reason."""
    item, draft = await kept(ctx)
    if item is None:
        ctx.conversation.state = None
        return [Reply(CHANGED)]
    act = Act(draft["act"])
    if ctx.conversation.state == "tde_reason":
        reason = " ".join(ctx.text.split())[:200]
        if len(reason) < 3:
            return [Reply("Anh/chị nhập lý do (ít nhất 3 ký tự). Gõ /huy để dừng.")]
        try:
            await service.undo_last(ctx.repos, ctx.member, item, reason, ctx.now(), ctx.services.settings.timezone)
        except (RegisterConflict, RegisterScopeError, ChainError):
            return [Reply(CHANGED)]
        ctx.conversation.state = None
        fresh = await _item(ctx, item.id)
        assert fresh is not None
        return [Reply("Đã xóa sự kiện cuối (lưu lại lý do)."), show_item(ctx, fresh)]
    if ctx.conversation.state == "tde_start":
        day = typed_day(ctx.text, ctx.local_now())
        if isinstance(day, str):
            return [Reply(day)]
        if "start" in draft and stage_steps.capped(draft):
            return _stage_length(ctx, draft, day)
        return await _stage_start(ctx, item, draft, day)
    if act is Act.STAGE and stage_steps.capped(draft) and stage_steps.skipped(ctx.text):
        return await record_event(ctx, item, "stage", stage_steps.stage_data(draft, {}))
    text, decided = split_decided(ctx.text) if act is Act.EXTEND else (ctx.text, {})
    data = parse_length(text)
    if data is None or ("hours" in data and act is not Act.EXTEND):
        if act is Act.EXTEND and (problem := day_problem(ctx.text)) is not None:
            again = "Anh/chị nhập lại, ví dụ «2 tháng, quyết định ngày 25/03/2026». Gõ /huy để dừng."
            return [Reply(f"{problem} Không có gì được lưu. {again}")]
        return [Reply("Anh/chị nhập thời hạn, ví dụ «3 ngày», «2 tháng», «48 giờ». Gõ /huy để dừng.")]
    if act is Act.EXTEND:
        return await record_event(ctx, item, "extend", {**data, **anqg_mark(draft), **decided})
    if act is Act.CONVERT:
        step = state_of(item).step
        if step is not None and step.category is None and CONVERSIONS.get(step.kind) == ("tam_giam",):
            draft["length"] = data
            ctx.conversation.state = PICK  # buttons only: kept (and numbered) on the console and Zalo
            return [stage_steps.category_prompt()]
        return await record_event(ctx, item, "convert", data)
    return await record_event(ctx, item, "stage", stage_steps.stage_data(draft, data))


def _stage_length(ctx: Context, draft: dict[str, Any], stage_start: date) -> list[Reply]:
    draft["stage_start"] = stage_start.isoformat()
    ctx.conversation.state = "tde_len"
    return [stage_steps.length_prompt()]


async def _stage_start(ctx: Context, item: Item, draft: dict[str, Any], start: date) -> list[Reply]:
    if draft["stage"] == "tam_giam":
        ctx.conversation.state = "tde_len"
        draft["start"] = start.isoformat()
        return [stage_steps.detention_prompt()]
    if stage_steps.capped(draft):  # detention tied to a stage: capped by the stage, from its start
        draft["start"] = start.isoformat()
        return [stage_steps.stage_start_prompt(draft, start)]
    return await record_event(ctx, item, "stage", {"kind": draft["stage"], "start": start.isoformat()})


def item_kind(item: Item) -> str:
    try:
        step = state_of(item).current  # an open-ended step keeps the kind of the step it followed
    except ChainError:
        return ""
    return step.kind if step else ""


async def choose(ctx: Context, data: Choose) -> list[Reply] | None:
    """Choices while recording an event; None when the choice is not about an event."""
    if data.field not in ("ext_anqg", "stage", "stage_today", "stage_same", "stage_len", "conv_cat"):
        return None
    item, draft = await kept(ctx)
    if item is None:
        return [Reply(CHANGED)]
    if data.field == "ext_anqg":
        return [_extend_prompt(ctx, state_of(item), True)]
    if data.field == "conv_cat" and data.value in CATEGORIES and isinstance(draft.get("length"), dict):
        return await record_event(ctx, item, "convert", {**draft["length"], "category": data.value})
    if data.field == "stage_today" and "stage" in draft:
        return await _stage_start(ctx, item, draft, ctx.local_now().date())
    if data.field == "stage_same" and "start" in draft and stage_steps.capped(draft):
        return _stage_length(ctx, draft, date.fromisoformat(draft["start"]))
    if data.field == "stage_len" and draft.get("stage_start") and stage_steps.capped(draft):
        return await record_event(ctx, item, "stage", stage_steps.stage_data(draft, {}))
    if data.field != "stage" or data.value not in NEXT_STAGES.get(item_kind(item), ()):
        return [Reply(CHANGED)]
    draft["stage"] = data.value
    ctx.conversation.state = "tde_start"
    today = Button("Hôm nay", Choose("stage_today", "1").pack())
    for name in ("start", "stage_start"):
        draft.pop(name, None)
    return [reply(f"{kind_name(data.value)}: ngày bắt đầu (ví dụ 06/12/2026)?", [today], [CANCEL])]
