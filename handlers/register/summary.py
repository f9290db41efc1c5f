"""Cancelling the summary procedure on a tracked item, from chat (BLTTHS 2015 Đ458): the card's
«Hủy thủ tục rút gọn», the day of the cancellation decision («Hôm nay»), the crime category where
the general limits need it, and for a detention the new order's start («Cùng ngày …») and length
(optional for detention tied to a stage: «Bỏ qua» for the law's limit within the stage's). One
``stage`` event with ``summary_cancelled`` is appended; the chain (``register_summary``) checks it
and counts the general limit from the decision. Nothing is stored before the last answer.

The steps are register event steps (states ``tde_sc_*``, draft ``tde`` with ``act`` «hb»): «Hủy»
and /huy end them, the event form sets them aside and brings them back (``STEPS``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from handlers.register import events, service, stage_decision
from handlers.register.buttons import Act, Choose, ItemAction
from handlers.register.decided import parse_length, typed_day
from handlers.register.event_shown import kind_name
from handlers.register.kinds import CANCEL, CATEGORIES
from handlers.register.plan import state_of
from handlers.register.stage_steps import skipped
from handlers.register.views import show_item
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_rules import ChainError
from knowledge.deadlines.register_step import Step
from knowledge.deadlines.register_summary import BASIS, needs_category, new_order, target
from knowledge.deadlines.validate import fmt_date
from storage.register_model import Item, RegisterConflict, RegisterScopeError

DAY, CAT, START, LENGTH = "tde_sc_day", "tde_sc_cat", "tde_sc_start", "tde_sc_len"
STATES = (DAY, CAT, START, LENGTH)
FIELDS = ("sc_today", "sc_cat", "sc_same", "sc_skip")
STALE = "Nút này không còn hiệu lực. Gõ /theodoi để bắt đầu lại."


def _current(item: Item) -> Step | None:
    try:
        state = state_of(item)
    except ChainError:
        return None
    return None if state.closed or state.open is not None else state.step


def _day_prompt(step: Step, general: str) -> Reply:
    text = (
        f"Hủy bỏ quyết định áp dụng thủ tục rút gọn ({BASIS}): Cơ quan điều tra, Viện kiểm sát hoặc Tòa án đang "
        "giải quyết vụ án ra quyết định hủy bỏ; vụ án giải quyết theo thủ tục chung, thời hạn tố tụng tính tiếp "
        f"theo thủ tục chung kể từ khi có quyết định hủy bỏ.\n«{step.label}» sẽ tiếp tục là «{kind_name(general)}».\n"
        "Nếu hủy bỏ vì tạm đình chỉ hoặc trả hồ sơ để điều tra bổ sung: anh/chị bấm «Hủy», ghi «Kết thúc theo dõi» "
        "và tạo mục mới cho thời hạn đó.\nNgày ra quyết định hủy bỏ (ví dụ 02/03/2026)?"
    )
    return reply(text, [Button("Hôm nay", Choose("sc_today", "1").pack())], [CANCEL])


def _category_prompt() -> Reply:
    rows = [[Button(label, Choose("sc_cat", code).pack())] for code, label in CATEGORIES.items()]
    text = "Tội phạm thuộc loại nào (thời hạn theo thủ tục chung tính theo loại tội)?"
    return reply(text, *rows, [CANCEL])


def _start_prompt(draft: dict[str, Any]) -> Reply:
    decided = date.fromisoformat(draft["decided_on"])
    same = Button(f"Cùng ngày {fmt_date(decided)}", Choose("sc_same", "1").pack())
    return reply("Lệnh tạm giam theo thủ tục chung bắt đầu ngày nào (ví dụ 02/03/2026)?", [same], [CANCEL])


def _length_prompt(draft: dict[str, Any]) -> Reply:
    if load_periods().kinds[draft["to"]].stage is None:
        return reply("Lệnh tạm giam theo thủ tục chung bao lâu? Ví dụ «2 tháng», «45 ngày».", [CANCEL])
    text = "Thời hạn ghi trong lệnh là bao lâu? Ví dụ «15 ngày». Bấm «Bỏ qua» nếu lệnh theo mức tối đa của luật."
    return reply(text, [Button("Bỏ qua", Choose("sc_skip", "-").pack())], [CANCEL])


async def on_action(ctx: Context, data: ItemAction) -> list[Reply]:
    """The card's «Hủy thủ tục rút gọn»; every other action as before (``stage_decision``)."""
    if data.action is not Act.SUMMARY:
        return await stage_decision.on_action(ctx, data)
    item = await ctx.repos.register.get(ctx.member, data.item_id)
    if item is None:
        return [Reply(events.NOT_FOUND)]
    step = _current(item)
    general = target(step.kind) if step is not None else None
    if step is None or general is None:
        return [Reply("Mục này hiện không theo thủ tục rút gọn: không có gì để hủy bỏ. Gõ /theodoi để xem lại.")]
    draft = {"item": item.id, "version": item.version, "act": Act.SUMMARY.value, "label": item.label, "to": general}
    ctx.conversation.data[events.EVENT] = draft
    ctx.conversation.state = DAY
    return [_day_prompt(step, general)]


def _next(ctx: Context, draft: dict[str, Any]) -> Reply | None:
    """The next question, or None when everything the event needs is there."""
    general = draft["to"]
    if needs_category(general) and "category" not in draft:
        ctx.conversation.state = CAT
        return _category_prompt()
    if new_order(general) and "start" not in draft:
        ctx.conversation.state = START
        return _start_prompt(draft)
    if new_order(general) and "length" not in draft:
        ctx.conversation.state = LENGTH
        return _length_prompt(draft)
    return None


def event_data(draft: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": draft["to"], "summary_cancelled": True, "decided_on": draft["decided_on"]}
    data.update({k: draft[k] for k in ("category", "start") if draft.get(k)})
    return {**data, **draft.get("length", {})}


async def _go_on(ctx: Context, item: Item, draft: dict[str, Any]) -> list[Reply]:
    question = _next(ctx, draft)
    if question is not None:
        return [question]
    try:
        await service.record(
            ctx.repos, ctx.member, item, "stage", event_data(draft), ctx.now(), ctx.services.settings.timezone
        )
    except ChainError as exc:
        ctx.conversation.state = None
        ctx.conversation.data.pop(events.EVENT, None)
        return [Reply(f"{exc.message_vi}\nKhông có gì được lưu. Anh/chị bấm lại «Hủy thủ tục rút gọn» trên thẻ.")]
    except (RegisterConflict, RegisterScopeError):
        ctx.conversation.state = None
        return [Reply(events.CHANGED)]
    ctx.conversation.state = None
    ctx.conversation.data.pop(events.EVENT, None)
    fresh = await ctx.repos.register.get(ctx.member, item.id)
    assert fresh is not None
    done = f"Đã ghi quyết định hủy bỏ thủ tục rút gọn ngày {fmt_date(date.fromisoformat(draft['decided_on']))}."
    return [Reply(done), show_item(ctx, fresh)]


def _take_day(ctx: Context, item: Item, draft: dict[str, Any], day: date) -> str | None:
    """Why the cancellation's day cannot be; None: kept."""
    step = _current(item)
    if step is None:
        return events.CHANGED
    if day > ctx.local_now().date():
        return f"Ngày {fmt_date(day)} ở tương lai. Anh/chị nhập ngày ghi trong quyết định hủy bỏ. Gõ /huy để dừng."
    begun = step.start.date() if isinstance(step.start, datetime) else step.start
    if day < begun:
        return (
            f"Ngày {fmt_date(day)} trước ngày bắt đầu «{step.label}» ({fmt_date(begun)}). "
            "Anh/chị nhập ngày ghi trong quyết định hủy bỏ. Gõ /huy để dừng."
        )
    draft["decided_on"] = day.isoformat()
    return None


def _take_start(ctx: Context, draft: dict[str, Any], day: date) -> str | None:
    decided = date.fromisoformat(draft["decided_on"])
    if day < decided:
        return (
            f"Lệnh tạm giam theo thủ tục chung không bắt đầu trước ngày hủy bỏ thủ tục rút gọn ({fmt_date(decided)}). "
            "Anh/chị nhập lại ngày. Gõ /huy để dừng."
        )
    draft["start"] = day.isoformat()
    return None


async def typed(ctx: Context) -> list[Reply]:
    item, draft = await events.kept(ctx, Act.SUMMARY)
    if item is None:
        ctx.conversation.state = None
        return [Reply(events.CHANGED)]
    state = ctx.conversation.state
    if state == CAT:
        return [Reply("Anh/chị chọn loại tội bằng các nút bên dưới (hoặc gõ /huy để dừng):"), _category_prompt()]
    if state == LENGTH:
        if skipped(ctx.text) and load_periods().kinds[draft["to"]].stage is not None:
            draft["length"] = {}
            return await _go_on(ctx, item, draft)
        length = parse_length(ctx.text)
        if length is None or "hours" in length:
            return [Reply("Anh/chị nhập thời hạn ghi trong lệnh, ví dụ «2 tháng», «45 ngày». Gõ /huy để dừng.")]
        draft["length"] = length
        return await _go_on(ctx, item, draft)
    day = typed_day(ctx.text, ctx.local_now())
    if isinstance(day, str):
        return [Reply(day)]
    problem = _take_day(ctx, item, draft, day) if state == DAY else _take_start(ctx, draft, day)
    return [_again(state, draft, problem)] if problem else await _go_on(ctx, item, draft)


def _again(state: str | None, draft: dict[str, Any], problem: str) -> Reply:
    """A refused day, with the button of its question again («Hôm nay», «Cùng ngày …»)."""
    if state == START:
        return reply(problem, *_start_prompt(draft).buttons)
    if state == DAY and problem != events.CHANGED:
        return reply(problem, [Button("Hôm nay", Choose("sc_today", "1").pack())], [CANCEL])
    return Reply(problem)


async def choose(ctx: Context, data: Choose) -> list[Reply] | None:
    """«Hôm nay», a category, «Cùng ngày», «Bỏ qua»; None when the choice is not this event's."""
    if data.field not in FIELDS:
        return None
    item, draft = await events.kept(ctx, Act.SUMMARY)
    if item is None:
        return [Reply(events.CHANGED)]
    state = ctx.conversation.state
    problem: str | None = STALE
    if data.field == "sc_today" and state == DAY:
        problem = _take_day(ctx, item, draft, ctx.local_now().date())
    elif data.field == "sc_cat" and state == CAT and data.value in CATEGORIES:
        draft["category"], problem = data.value, None
    elif data.field == "sc_same" and state == START:
        problem = _take_start(ctx, draft, date.fromisoformat(draft["decided_on"]))
    elif data.field == "sc_skip" and state == LENGTH and load_periods().kinds[draft["to"]].stage is not None:
        draft["length"], problem = {}, None
    return [Reply(problem)] if problem else await _go_on(ctx, item, draft)


async def resume(ctx: Context) -> list[Reply]:
    """The question of the step the conversation is on, asked again (a draft brought back)."""
    item, draft = await events.kept(ctx, Act.SUMMARY)
    step = _current(item) if item is not None else None
    if step is None or target(step.kind) != draft.get("to"):
        ctx.conversation.state = None
        ctx.conversation.data.pop(events.EVENT, None)
        return [Reply(events.CHANGED)]
    state = ctx.conversation.state
    if state == DAY:
        return [_day_prompt(step, draft["to"])]
    if state == CAT:
        return [_category_prompt()]
    return [_start_prompt(draft) if state == START else _length_prompt(draft)]


# The event form's view of these steps (``event_form.EventForm``): the step in a few words, and
# its question asked again when the event is brought back.
STEPS = {
    DAY: ("ngày quyết định hủy bỏ thủ tục rút gọn", resume),
    CAT: ("loại tội theo thủ tục chung", resume),
    START: ("ngày bắt đầu lệnh tạm giam mới", resume),
    LENGTH: ("thời hạn lệnh tạm giam mới", resume),
}
