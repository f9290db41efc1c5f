"""An event being recorded on a tracked item (``events.py``: an extension, tạm giữ → tạm giam, a
new stage, a person to assign, a deletion's reason) is a form (``bot/chat/drafts.py``): starting
another form (/kiemsat, /tinhhan, /theodoi_moi …) sets it aside with «Làm tiếp việc ghi sự
kiện», it survives a restart, and brought back it asks its question again.

Its steps are the states ``tde_*`` (every register event step, those of other modules too) and
its draft the conversation's ``tde``. Asked again, a step's question is rebuilt from the item as
it is now (a limit from law is recomputed, never kept): a choice not yet made is offered anew,
and the answers already given stay. An item changed meanwhile ends the event ("vừa được cập
nhật"), as any press or answer would.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.drafts import Form, Handler
from bot.chat.flow import Action, word_action
from bot.chat.messages import Reply
from bot.chat.routing import Router
from handlers.deadline_reminders import CARRY
from handlers.register import events, extension_day, release_day, stage_steps
from handlers.register.buttons import Act, Choose, Confirm, ItemAction
from knowledge.kb.normalize import fold

KEY = events.EVENT
LABEL = "việc ghi sự kiện"
TYPED = ("tde_len", "tde_start", "tde_reason")  # typed answers (``events.typed``)
ACTS = {
    Act.EXTEND: "gia hạn",
    Act.CONVERT: "chuyển tạm giam",
    Act.STAGE: "chuyển giai đoạn",
    Act.UNDO: "xóa sự kiện cuối",
    Act.ASSIGN: "giao cho KSV",
    Act.DECIDE: "gia hạn giai đoạn",  # stage_decision.py
    Act.RELEASE: "trả tự do / đổi biện pháp",  # release_day.py
}
PICKS = {
    Act.STAGE: "chọn giai đoạn",
    Act.ASSIGN: "chọn người",
    Act.EXTEND: "gia hạn theo tội xâm phạm ANQG",
    Act.CONVERT: "loại tội",
}
BUTTONS_ONLY = "Anh/chị chọn bằng các nút bên dưới (hoặc gõ /huy để dừng):"
# Typed at any event step, these end the event as its «Hủy» button does (nothing is recorded).
STOP_WORDS = frozenset({"huy", "huy bo", "thoi", "dung", "dung lai", "khong ghi nua"})
# Typed at an extension's length, as its «Tối đa» button (not shown where the step takes numbers).
LONGEST_WORDS = frozenset({"toi da", "muc toi da", "theo luat", "toi da theo luat"})


def stops(text: str) -> bool:
    """«hủy», «huy», «Thôi», «hủy bỏ» … typed instead of pressing «Hủy»."""
    return " ".join(fold(text).strip(" .!").split()) in STOP_WORDS


def owns(state: str) -> bool:
    return state.startswith("tde_")


def _draft(data: dict[str, Any]) -> dict[str, Any]:
    draft = data.get(KEY)
    return draft if isinstance(draft, dict) else {}


def _act(draft: dict[str, Any]) -> Act | None:
    try:
        return Act(str(draft.get("act")))
    except ValueError:
        return None


def where(state: str, data: dict[str, Any], titles: Mapping[str, str] = MappingProxyType({})) -> str:
    """«gia hạn «12/2026 NVA»: thời hạn gia hạn»: the event, its item and the step, in words."""
    draft = _draft(data)
    act = _act(draft)
    step = titles.get(state) or _step_title(state, act, draft)
    what = ACTS.get(act, "") if act else ""
    if what and draft.get("label"):
        what = f"{what} «{draft['label']}»"
    return ": ".join(part for part in (what, step) if part)


def _step_title(state: str, act: Act | None, draft: dict[str, Any]) -> str:
    if state == "tde_reason":
        return "lý do xóa"
    if state == extension_day.DAY:
        return "ngày quyết định gia hạn"
    if state == release_day.DAY:
        return "ngày trả tự do / thay đổi biện pháp"
    if state == events.PICK:
        return PICKS.get(act, "") if act else ""
    if state == "tde_start":
        return "ngày bắt đầu giai đoạn" if "start" in draft else "ngày bắt đầu"
    if state == "tde_len":
        if act is Act.CONVERT and "length" in draft:
            return "loại tội"
        return "thời hạn gia hạn" if act is Act.EXTEND else "thời hạn trong lệnh"
    return ""


class EventForm:
    """The form, with the event steps that other modules ask (``more``: a state → the step in
    a few words and how it asks again, for steps outside ``events.py``). A question asked again
    from the start of a step is asked by pressing its button again, through the router
    (whichever module answers that button now)."""

    def __init__(self, more: Mapping[str, tuple[str, Handler]] = MappingProxyType({})) -> None:
        self.more = {state: resume for state, (_, resume) in more.items()}
        self.titles = {state: title for state, (title, _) in more.items()}
        self._router: Router | None = None

    def where(self, state: str, data: dict[str, Any]) -> str:
        return where(state, data, self.titles)

    async def _press(self, ctx: Context, data: CallbackData) -> list[Reply]:
        assert self._router is not None, "EventForm.register first"
        ctx.args = data.pack().split(":")[1:]
        return await self._router.callbacks[data.prefix].handler(ctx)

    async def resume(self, ctx: Context) -> list[Reply]:
        """The question of the step the event is on, asked again from the item as it is now."""
        conversation = ctx.conversation
        state = conversation.state or ""
        if state in self.more:
            return await self.more[state](ctx)
        draft = _draft(conversation.data)
        act = _act(draft)
        item = await ctx.repos.register.get(ctx.member, int(draft["item"])) if "item" in draft else None
        if act is None or item is None or item.version != draft.get("version"):
            conversation.state = None
            conversation.data.pop(KEY, None)
            return [Reply(events.CHANGED)]
        if act is Act.STAGE and state != events.PICK:
            return await self._stage_step(ctx, item.id, state, draft)
        if act is Act.CONVERT and "length" in draft:
            return [stage_steps.category_prompt()]
        if act is Act.EXTEND and state == extension_day.DAY and draft.get("max"):
            return [extension_day.prompt()]  # «Tối đa» chosen: its day again
        if act is Act.EXTEND and draft.get("anqg"):  # the ANQG extension chosen: its limit again
            return await self._press(ctx, Choose("ext_anqg", "1"))
        # Nothing typed or chosen yet on this step: the event's first question, as its button asks it.
        return await self._press(ctx, ItemAction(item.id, act))

    async def _stage_step(self, ctx: Context, item_id: int, state: str, draft: dict[str, Any]) -> list[Reply]:
        """A stage change after its stage was chosen: its start, the stage's start, or a length."""
        start = draft.get("start")
        if state == "tde_start":
            if start and stage_steps.capped(draft):
                return [stage_steps.stage_start_prompt(draft, date.fromisoformat(start))]
            return await self._press(ctx, Choose("stage", str(draft.get("stage"))))  # (checked against the item)
        if draft.get("stage") == "tam_giam" and start:
            return [stage_steps.detention_prompt()]
        if draft.get("stage_start") and stage_steps.capped(draft):
            return [stage_steps.length_prompt()]
        return await self._press(ctx, ItemAction(item_id, Act.STAGE))

    async def on_pick(self, ctx: Context) -> list[Reply]:
        """Typed while a choice is asked with buttons only: «hủy» ends it; anything else is told to
        press, and the choice is offered again."""
        if word_action(ctx.text) is Action.CANCEL or stops(ctx.text):
            return await self._press(ctx, Choose("cancel", "1"))  # as its «Hủy» button
        return [Reply(BUTTONS_ONLY), *await self.resume(ctx)]

    def stoppable(self, handler: Handler) -> Handler:
        """``handler`` for a typed answer, except that «hủy» / «thôi» typed ends the event as the
        «Hủy» button does, on every platform (where the button is not shown, or not matched)."""

        async def typed(ctx: Context) -> list[Reply]:
            if stops(ctx.text):
                return await self._press(ctx, Choose("cancel", "1"))
            words = " ".join(fold(ctx.text).strip(" .!").split())
            longest = ctx.conversation.state == "tde_len" and _act(_draft(ctx.conversation.data)) is Act.EXTEND
            if longest and words in LONGEST_WORDS:
                return await self._press(ctx, Choose("ext", "max"))
            return await handler(ctx)

        return typed

    def register(self, router: Router, typed: Mapping[str, Handler] = MappingProxyType({})) -> None:
        """The event's states (``typed``: more typed states, e.g. a stage decision's) and the form."""
        self._router = router
        for state in TYPED:
            router.state(state, self.stoppable(events.typed), accepts_numbers=True)
        router.state(extension_day.DAY, self.stoppable(extension_day.typed), accepts_numbers=True)
        # No number is typed there (a day is 05/12): the console and Zalo number its buttons (1 Hôm nay …).
        router.state(release_day.DAY, self.stoppable(release_day.typed))
        for state, handler in typed.items():
            router.state(state, self.stoppable(handler), accepts_numbers=True)
        router.state(events.PICK, self.on_pick)  # (a number typed here presses a button on the console)
        prefixes = (ItemAction.prefix, Confirm.prefix, Choose.prefix)
        router.forms.add(Form(KEY, LABEL, "", owns, prefixes, CARRY, self.where, self.resume))
