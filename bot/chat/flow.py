"""Declarative multi-step flows (forms), after python-telegram-bot's ``examples/conversationbot.py``
(the whole conversation in one table, its state diagram beside it) and aiogram's ``StatesGroup``.

A flow is a table of ``Step`` records; its state is ``<flow>.<step>`` and its draft
``ctx.conversation.data``, both saved by the dispatcher after every message (a restart loses
nothing). A step says what it asks, what it takes typed (text; photos or a location if it says
so) and pressed (its own button kinds), whether it applies, may be skipped, or takes bare
numbers. Input functions *return* where the flow goes next:

    Next()             the step after this one in the table (the review step when editing)
    Next("summary")    a step by name
    Again("note")      stay: the note, then the step's question again
    Done(replies)      the flow is over: the conversation is cleared (but for the flow's ``carry``)
    [replies]          stay, and answer these

The engine does the rest, the same for every flow: the navigation words and buttons (Bỏ qua,
Quay lại, Hủy, and a step's own actions such as Xong or Gửi), going back (to the previous step
that applies, to the review step after an edit, out of a detour to where it left), draft keys
kept only while on one step, and refusing another step's button (an old or forged button
cannot skip a step).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.drafts import Form
from bot.chat.flow_steps import (
    DRAFT_ID,
    EDITING,
    TYPED_HINT,
    WORDS,
    Action,
    Again,
    Ask,
    Done,
    FlowTexts,
    Guard,
    NavButton,
    Next,
    Outcome,
    Press,
    Step,
    Take,
    word_action,
)
from bot.chat.messages import Reply
from bot.chat.routing import Router
from storage.users import Role

__all__ = [
    "DRAFT_ID",
    "EDITING",
    "TYPED_HINT",
    "WORDS",
    "Action",
    "Again",
    "Ask",
    "Done",
    "Flow",
    "FlowTexts",
    "Guard",
    "NavButton",
    "Next",
    "Outcome",
    "Press",
    "Step",
    "Take",
    "word_action",
]


class Flow:
    """A table of steps under one name (the state prefix and the buttons' prefix), with an
    optional review step that edits return to."""

    def __init__(
        self,
        name: str,
        steps: Sequence[Step],
        *,
        nav: type[NavButton],
        texts: FlowTexts,
        review: str | None = None,
        carry: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.carry = carry  # conversation keys that are not the form's: kept when it begins and ends
        self.steps = {s.name: s for s in steps}
        self.order = [s.name for s in steps if s.detour_of is None]
        self.nav = nav
        self.texts = texts
        self.review = review
        self._owner = {kind: s for s in steps for kind in s.press}
        if len(self.steps) != len(steps) or len(self._owner) != sum(len(s.press) for s in steps):
            raise ValueError(f"flow {name}: a step name or a button kind appears twice")
        if nav.prefix != name or any(kind.prefix != name for kind in self._owner):
            raise ValueError(f"flow {name}: its buttons must use the prefix {name!r}")

    # -- where the flow is ---------------------------------------------------------------------
    def state_of(self, step: str) -> str:
        return f"{self.name}.{step}"

    def current(self, ctx: Context) -> Step | None:
        head, _, step = (ctx.conversation.state or "").partition(".")
        return self.steps.get(step) if head == self.name else None

    def after(self, step: Step, draft: dict[str, Any]) -> str:
        if draft.get(EDITING) and self.review:
            return self.review
        if step.detour_of:
            return self.after(self.steps[step.detour_of], draft)
        index = self.order.index(step.name)
        return next(n for n in self.order[index + 1 :] if self._applies(n, draft))

    def before(self, step: Step, draft: dict[str, Any]) -> str | None:
        if step.detour_of:
            return step.detour_of
        if draft.get(EDITING) and self.review:
            return self.review
        index = self.order.index(step.name)
        return next((n for n in reversed(self.order[:index]) if self._applies(n, draft)), None)

    def _applies(self, name: str, draft: dict[str, Any]) -> bool:
        applies = self.steps[name].applies
        return applies is None or applies(draft)

    # -- moving --------------------------------------------------------------------------------
    async def begin(self, ctx: Context, draft: dict[str, Any], at: str | None = None) -> list[Reply]:
        """A new draft (what is known so far), asked from step ``at`` or the first that applies."""
        draft.setdefault(DRAFT_ID, secrets.token_hex(8))
        ctx.conversation.data = {**self._carried(ctx), **draft}
        return await self.go(ctx, at or next(n for n in self.order if self._applies(n, draft)))

    def end(self, ctx: Context) -> None:
        """The form is over: the conversation is cleared but for the carried keys."""
        kept = self._carried(ctx)
        ctx.conversation.clear()
        ctx.conversation.data = kept

    def _carried(self, ctx: Context) -> dict[str, Any]:
        return {k: ctx.conversation.data[k] for k in self.carry if k in ctx.conversation.data}

    async def go(self, ctx: Context, name: str, note: str = "") -> list[Reply]:
        """Move to step ``name`` and ask its question (``note`` first, if any)."""
        step = self.steps[name]
        draft = ctx.conversation.data
        ctx.conversation.state = self.state_of(name)
        for other in self.steps.values():
            if other is not step:
                for key in other.keeps:
                    draft.pop(key, None)
        if name == self.review:
            draft.pop(EDITING, None)
        replies = await self.ask(ctx, step)
        return ([Reply(note)] if note else []) + replies

    async def ask(self, ctx: Context, step: Step) -> list[Reply]:
        return [step.ask] if isinstance(step.ask, Reply) else await step.ask(ctx)

    async def follow(self, ctx: Context, step: Step | None, outcome: Outcome) -> list[Reply]:
        """Do what an input function returned, ``step`` being the step it was given."""
        if isinstance(outcome, Done):
            self.end(ctx)
            return list(outcome.replies)
        if isinstance(outcome, list):
            return outcome
        if isinstance(outcome, Next):
            target = outcome.step
            if target is None:
                if step is None:
                    raise ValueError("Next() needs the step it goes on from")
                target = self.after(step, ctx.conversation.data)
            return await self.go(ctx, target, outcome.note)
        note = [Reply(outcome.note)] if outcome.note else []
        return note + (await self.ask(ctx, step) if step is not None else [])

    async def again(self, ctx: Context, step: Step, note: str) -> list[Reply]:
        return await self.follow(ctx, step, Again(note))

    # -- what arrives --------------------------------------------------------------------------
    async def on_message(self, ctx: Context, step: Step) -> list[Reply]:
        action = word_action(ctx.text)
        if action is not None:
            return await self.on_action(ctx, step, action)
        if ctx.incoming.photos and not step.photos:
            return await self.again(ctx, step, self.texts.not_a_photo_step)
        if ctx.incoming.location and not step.location:
            return await self.again(ctx, step, self.texts.not_a_location_step)
        if step.take is None:
            return await self.again(ctx, step, self.texts.buttons_only)
        return await self.follow(ctx, step, await step.take(ctx))

    async def on_action(self, ctx: Context, step: Step, action: Action) -> list[Reply]:
        draft = ctx.conversation.data
        if action is Action.CANCEL:
            self.end(ctx)
            return [Reply(self.texts.cancelled)]
        if action is Action.BACK:
            previous = self.before(step, draft)
            if previous is None:
                return await self.again(ctx, step, self.texts.first_step)
            return await self.go(ctx, previous)
        if action is Action.SKIP and action not in step.actions:  # a step's own "Bỏ qua" decides itself
            if not step.optional:
                return await self.again(ctx, step, step.required or self.texts.required)
            if step.skip is not None:
                step.skip(draft)
            return await self.go(ctx, self.after(step, draft))
        handler = step.actions.get(action)
        if handler is None:
            return await self.again(ctx, step, self.texts.other_step)
        return await self.follow(ctx, step, await handler(ctx))

    async def on_press(self, ctx: Context, step: Step, data: CallbackData) -> list[Reply]:
        if self._owner.get(type(data)) is not step:
            return await self.again(ctx, step, self.texts.bad_button)
        return await self.follow(ctx, step, await step.press[type(data)](ctx, data))

    async def locate(self, ctx: Context, pressed: CallbackData | None) -> Step | list[Reply]:
        """The default guard: the current step if a draft is in progress, else the flow's
        "lost" answer (a message also clears what is left of the conversation)."""
        step = self.current(ctx)
        if step is not None and ctx.conversation.data.get(DRAFT_ID):
            return step
        if pressed is None:
            self.end(ctx)
        return [Reply(self.texts.lost)]

    def register(
        self,
        router: Router,
        *,
        guard: Guard | None = None,
        extra_states: Sequence[str] = (),
        old_states: Mapping[str, str] = MappingProxyType({}),
        min_role: Role = Role.STAFF,
        label: str = "",
        command: str = "",
        prefixes: tuple[str, ...] = (),
        resume: Callable[[Context], Awaitable[list[Reply]]] | None = None,
        titles: Mapping[str, str] = MappingProxyType({}),
    ) -> None:
        """One state per step, the navigation buttons and every step's buttons, each behind ``guard``.
        ``old_states``: states an earlier engine left drafts in, each with the step it stands for
        (bare numbers as there); ``guard`` moves such a draft onto this flow.

        ``label`` ("phiếu kiểm sát") and ``command`` (its start, without "/") declare the flow
        a form to ``router.forms``: starting another form sets its draft aside, never loses it
        (``bot/chat/drafts.py``). ``prefixes``: other button prefixes that act on the form;
        ``resume``: how it asks again when brought back (default: the current step's question);
        ``titles``: the steps in a few words, for «… đang làm dở (đến bước «title»)»."""
        where = guard or self.locate
        if label:
            states = {self.state_of(n) for n in self.steps} | set(extra_states) | set(old_states)

            def step_title(state: str, draft: dict[str, Any]) -> str:
                name = old_states.get(state) or state.partition(".")[2]
                return titles.get(name) or titles.get(str(draft.get("resume") or ""), "")

            async def ask_again(ctx: Context) -> list[Reply]:
                found = await where(ctx, self.nav(Action.BACK))  # a press: the guard keeps the draft
                return await self.ask(ctx, found) if isinstance(found, Step) else found

            owned = (self.name, *prefixes)
            again = resume or ask_again
            router.forms.add(
                Form(self.name, label, command, states.__contains__, owned, self.carry, step_title, again, min_role)
            )

        async def message(ctx: Context) -> list[Reply]:
            found = await where(ctx, None)
            return found if isinstance(found, list) else await self.on_message(ctx, found)

        async def nav(ctx: Context, data: NavButton) -> list[Reply]:
            found = await where(ctx, data)
            return found if isinstance(found, list) else await self.on_action(ctx, found, data.action)

        async def press(ctx: Context, data: CallbackData) -> list[Reply]:
            found = await where(ctx, data)
            return found if isinstance(found, list) else await self.on_press(ctx, found, data)

        for step in self.steps.values():
            router.state(self.state_of(step.name), message, min_role=min_role, accepts_numbers=step.numbers)
        for state in extra_states:
            router.state(state, message, min_role=min_role)
        for state, step_name in old_states.items():
            router.state(state, message, min_role=min_role, accepts_numbers=self.steps[step_name].numbers)
        router.button(self.nav, nav, min_role=min_role)
        for kind in self._owner:
            router.button(kind, press, min_role=min_role)
