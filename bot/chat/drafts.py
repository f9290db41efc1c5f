"""A half-filled form is never lost by starting another: the form is set aside ("parked") and one
tap brings it back, for every form, whatever starts the other one.

A prosecutor filling in a custody inspection who needs a deadline (/tinhhan) or a new register
item should get it at once, without choosing between losing the form and not getting the answer.
So nothing is asked: when a command or a button that is not the form's own leaves the form
(another form begins, or the conversation leaves it), the form's state and draft are kept under
``parked`` in the conversation data (saved with it: a restart changes nothing), the reply says
so and offers «Làm tiếp <form>». When the other form ends, the same offer comes again. Typing
«làm tiếp» outside a form does the same as the button.

A form's own command brings its parked draft back before it runs, so the command does what it
always did with a draft in progress (/kiemsat offers to continue it; /theodoi_moi asks on where
it was, with a way to start anew; /tinhhan starts anew). A form of the same kind started anew
replaces the one set aside (as starting it did before).
/huy cancels the form in progress only; those set aside stay.

Forms declare themselves (``Flow.register`` does it for every table flow); the dispatcher runs
every route through ``Forms.run``.

Only the person who set a draft aside, while their role reaches the form's, sees it or gets it
back: a draft set aside is stamped with its author's id (an identity later linked to another
account gets nothing of it), and reminders, «làm tiếp», /huy's list and a form's own command
pass over the forms the person's current role does not reach (an account locked: none). Such a
draft stays stored, unseen, and comes back when the role does. A person who loses the role of
the form in progress (a head made staff) has it set aside the same way (``set_aside``, called by
the dispatcher where it refuses the step), not cleared.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.messages import Button, Outcome, Reply
from knowledge.kb.normalize import fold
from storage.users import Role

PARKED = "parked"  # conversation data: {form key: {"state": ..., "data": {...}}}, oldest first
CANCEL_COMMAND = "huy"  # acts on the form in progress, whichever it is
RESUME_WORDS = frozenset({"lam tiep", "tiep tuc"})
GONE = "Bản đang làm dở này không còn. Anh/chị gõ /help để xem các lệnh."
NOT_NOW = "Anh/chị hiện không làm tiếp được việc này. Gõ /help để xem các lệnh."
BY = "by"  # in a draft set aside: the id of the person who set it aside


@dataclass(frozen=True, slots=True)
class Continue(CallbackData, prefix="fm"):
    """«Làm tiếp <form>»: bring back the form set aside under ``key``."""

    key: str


Handler = Callable[[Context], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class Form:
    key: str
    label: str  # what the person is filling in: "phiếu kiểm sát"
    command: str  # its start command, without "/"
    owns: Callable[[str], bool]  # whether a conversation state is one of its steps
    prefixes: tuple[str, ...]  # its buttons' prefixes
    carry: tuple[str, ...]  # conversation keys that are not the form's
    where: Callable[[str, dict[str, Any]], str]  # the step it is on, in words ("" when unknown)
    resume: Handler  # asks its question again, once its state and draft are back
    min_role: Role = Role.STAFF  # the least role its steps are declared with


class Forms:
    def __init__(self) -> None:
        self._forms: dict[str, Form] = {}

    def add(self, form: Form) -> None:
        if form.key in self._forms:
            raise ValueError(f"form {form.key!r} declared twice")
        self._forms[form.key] = form

    def of_state(self, state: str | None) -> Form | None:
        return next((f for f in self._forms.values() if state and f.owns(state)), None)

    def _carried(self) -> set[str]:
        return {key for form in self._forms.values() for key in form.carry}

    # -- the drafts set aside ------------------------------------------------------------------
    def _snapshot(self, ctx: Context) -> dict[str, Any]:
        carried = self._carried()
        data = {k: v for k, v in ctx.conversation.data.items() if k not in carried and k != PARKED}
        return {"state": ctx.conversation.state, "data": data, BY: ctx.user.id if ctx.user else None}

    def _usable(self, ctx: Context, parked: dict[str, Any]) -> list[str]:
        """The forms set aside that this person may see and take up now, oldest first: theirs
        (stamped with their id), and only while their role reaches the form's."""
        role, me = ctx.role, ctx.user.id if ctx.user else None
        return [
            key
            for key, kept in parked.items()
            if (form := self._forms.get(key)) is not None
            and role is not None
            and role.at_least(form.min_role)
            and kept.get(BY, me) == me
        ]

    def _restore(self, ctx: Context, kept: dict[str, Any]) -> None:
        conversation = ctx.conversation
        carried = {k: v for k, v in conversation.data.items() if k in self._carried()}
        conversation.state = kept.get("state")
        conversation.data = {**dict(kept.get("data") or {}), **carried}

    def _kept_note(self, form: Form, kept: dict[str, Any]) -> Reply:
        where = form.where(kept.get("state") or "", dict(kept.get("data") or {}))
        at = f" (đến bước «{where}»)" if where else ""
        return Reply(
            f"{form.label.capitalize()} đang làm dở{at} vẫn được giữ nguyên. Xong việc này, anh/chị bấm "
            f"«Làm tiếp {form.label}» hoặc gõ «làm tiếp».",
            ((Button(f"Làm tiếp {form.label}", Continue(form.key).pack()),),),
        )

    def _reminder(self, parked: dict[str, Any], keys: list[str], lead: str = "") -> Reply:
        lines, rows = [], []
        for key in keys:
            form, kept = self._forms[key], parked[key]
            where = form.where(kept.get("state") or "", dict(kept.get("data") or {}))
            lines.append(f"• {form.label}" + (f" (đến bước «{where}»)" if where else ""))
            rows.append((Button(f"Làm tiếp {form.label}", Continue(key).pack()),))
        text = f"{lead}Anh/chị còn việc đang làm dở:\n" + "\n".join(lines) + "\nBấm để làm tiếp, hoặc gõ «làm tiếp»."
        if lead:
            text += " Muốn bỏ việc nào, anh/chị làm tiếp việc đó rồi bấm Hủy."
        return Reply(text, tuple(rows))

    # -- every route runs through here ---------------------------------------------------------
    async def run(
        self, ctx: Context, handler: Handler, *, command: str | None = None, prefix: str | None = None
    ) -> list[Reply]:
        """Run ``handler`` (reached by ``command``, a button under ``prefix``, or neither: a
        message to the state the conversation is in, or free text) keeping the drafts set aside."""
        conversation = ctx.conversation
        if prefix == Continue.prefix:
            return await handler(ctx)  # ``on_continue`` keeps the drafts itself
        parked: dict[str, Any] = dict(conversation.data.pop(PARKED, None) or {})
        usable = self._usable(ctx, parked)
        live = self.of_state(conversation.state)
        if live is None and usable and command is None and prefix is None and fold(ctx.text) in RESUME_WORDS:
            conversation.data[PARKED] = parked
            return await self.bring_back(ctx, usable[-1])
        if command == CANCEL_COMMAND and conversation.state is None and usable:
            conversation.data[PARKED] = parked  # nothing in progress to cancel: what is set aside is said
            return [self._reminder(parked, usable, "Hiện không có việc nào đang làm. ")]
        owner = next((f for f in self._forms.values() if f.command == command), None) if command else None
        if owner is not None and owner.key in usable and owner is not live:
            if live is not None:  # its own command: the form comes back, the one in progress is set aside
                parked[live.key] = self._snapshot(ctx)
            self._restore(ctx, parked.pop(owner.key))
            live = owner
        before = self._snapshot(ctx) if live is not None else None
        was_in_state = conversation.state is not None
        replies = await handler(ctx)
        after = self.of_state(conversation.state)
        notes: list[Reply] = []
        if live is not None and before is not None:
            own = (command is None and prefix is None) or command in (live.command, CANCEL_COMMAND)
            own = own or prefix in live.prefixes
            # Set aside when something else moved on, or when its own button began another form.
            # (The same form started anew replaces it.)
            if after is not live and (not own or after is not None):
                parked.pop(live.key, None)
                parked[live.key] = before  # the newest last
                if live.key in self._usable(ctx, {live.key: before}):
                    notes.append(self._kept_note(live, before))
        refused = bool(replies) and all(r.outcome is Outcome.REFUSED for r in replies)  # changes nothing
        if live is not None and after is live and command not in (None, live.command, CANCEL_COMMAND) and not refused:
            notes_after = [self._still_open(ctx, live, replies)]  # /help, a list: the form waits on
        else:
            notes_after = []
        if after is not None:
            parked.pop(after.key, None)  # the same form started anew replaces the one set aside
        usable = self._usable(ctx, parked)
        if usable and not notes and was_in_state and conversation.state is None:
            replies = [*replies, self._reminder(parked, usable)]  # what was in progress is over: what is left
        if parked:
            conversation.data[PARKED] = parked
        return replies + notes + notes_after  # the notes last: a command's own options keep their numbers

    def _still_open(self, ctx: Context, live: Form, replies: list[Reply]) -> Reply:
        """Another command answered in the middle of a form (/help, /theodoi, /homnay): the form is
        still the one in progress, and its step's options stay what a typed number presses. When the
        command showed no options of its own, the step's are shown again under the same numbers."""
        where = live.where(ctx.conversation.state or "", ctx.conversation.data)
        at = f" (đang ở bước «{where}»)" if where else ""
        shown = any(r.flat_buttons for r in replies)
        rows = () if shown else tuple((Button(label, data),) for label, data in ctx.conversation.menu)
        again = " Các lựa chọn của bước đó vẫn như trước:" if rows else ""
        return Reply(
            f"{live.label.capitalize()} vẫn đang mở{at}: anh/chị trả lời tiếp bước đó, hoặc gõ /huy để bỏ "
            f"{live.label}.{again}",
            rows,
        )

    async def bring_back(self, ctx: Context, key: str) -> list[Reply]:
        """The form set aside under ``key`` becomes the one in progress (the one in progress, if
        any, is set aside in its place) and asks its question again."""
        conversation = ctx.conversation
        parked: dict[str, Any] = dict(conversation.data.pop(PARKED, None) or {})
        form = self._forms.get(key)
        if form is None or key not in self._usable(ctx, parked):
            if parked:
                conversation.data[PARKED] = parked
            return [Reply(NOT_NOW if key in parked else GONE)]  # (someone else's, or not for this role now)
        kept = parked.pop(key)
        notes: list[Reply] = []
        live = self.of_state(conversation.state)
        if live is not None:
            parked[live.key] = self._snapshot(ctx)
            notes.append(self._kept_note(live, parked[live.key]))
        self._restore(ctx, kept)
        replies = await form.resume(ctx)  # (it may reshape the draft: an earlier engine's)
        if parked:
            conversation.data[PARKED] = parked
        return replies + notes

    async def on_continue(self, ctx: Context, data: Continue) -> list[Reply]:
        return await self.bring_back(ctx, data.key)

    def set_aside(self, ctx: Context) -> list[Reply]:
        """The person (active, but their role no longer reaches the step they are on) has the form
        set aside, not cleared, until their role reaches it again; the note says so."""
        conversation = ctx.conversation
        parked: dict[str, Any] = dict(conversation.data.pop(PARKED, None) or {})
        live = self.of_state(conversation.state)
        notes = []
        if live is not None:
            parked.pop(live.key, None)
            parked[live.key] = self._snapshot(ctx)
            where = live.where(conversation.state or "", conversation.data)
            at = f" (đến bước «{where}»)" if where else ""
            notes.append(
                Reply(
                    f"{live.label.capitalize()} đang làm dở{at} được giữ lại: khi được cấp lại quyền, anh/chị "
                    "gõ «làm tiếp» để làm tiếp."
                )
            )
        carried = self._carried()
        conversation.state = None
        conversation.data = {k: v for k, v in conversation.data.items() if k in carried}
        if parked:
            conversation.data[PARKED] = parked
        return notes
