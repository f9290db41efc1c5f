"""Explicit registration of what the assistant does: commands, button callbacks,
conversation states and free text, each with the least role that may use it.

Roles are checked in one place, the dispatcher, from what is declared here.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from bot.chat import texts
from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.drafts import Forms
from bot.chat.messages import Reply
from storage.users import Role

Handler = Callable[[Context], Awaitable[list[Reply]]]
Data = TypeVar("Data", bound=CallbackData)

_ID = re.compile(r"[0-9]{1,18}")

# ``None`` as a role means: open to people who are not registered (only /start and /help).
PUBLIC: Role | None = None


@dataclass(frozen=True, slots=True)
class CommandRoute:
    name: str
    handler: Handler
    min_role: Role | None
    help: str
    usage: str = ""


@dataclass(frozen=True, slots=True)
class CallbackRoute:
    prefix: str
    handler: Handler
    min_role: Role | None


@dataclass(frozen=True, slots=True)
class StateRoute:
    name: str
    handler: Handler
    min_role: Role
    # When true, a bare number typed in this state is input, not a numbered-menu choice.
    accepts_numbers: bool = False
    # When true, a file the user sends in this state reaches the handler (``incoming.document``).
    accepts_documents: bool = False


class Router:
    def __init__(self) -> None:
        self.document_command: str | None = None
        self.commands: dict[str, CommandRoute] = {}
        self.callbacks: dict[str, CallbackRoute] = {}
        self.states: dict[str, StateRoute] = {}
        self.text_route: StateRoute | None = None
        self.forms = Forms()  # the forms, so that starting one never loses another's draft
        # Button kinds per prefix, in the order they are tried (tagged kinds first).
        self._kinds: dict[str, list[tuple[type[CallbackData], Callable[[Context, Any], Awaitable[list[Reply]]]]]] = {}

    def command(
        self, name: str, handler: Handler, *, min_role: Role | None = Role.STAFF, help: str = "", usage: str = ""
    ) -> None:
        key = name.lower().lstrip("/")
        if key in self.commands:
            raise ValueError(f"command /{key} registered twice")
        self.commands[key] = CommandRoute(key, handler, min_role, help, usage)

    def callback(self, prefix: str, handler: Handler, *, min_role: Role | None = Role.STAFF) -> None:
        if ":" in prefix or not prefix:
            raise ValueError("callback prefix must be non-empty and contain no ':'")
        if prefix in self.callbacks:
            raise ValueError(f"callback prefix {prefix!r} registered twice")
        self.callbacks[prefix] = CallbackRoute(prefix, handler, min_role)

    def button(
        self,
        kind: type[Data],
        handler: Callable[[Context, Data], Awaitable[list[Reply]]],
        *,
        min_role: Role | None = Role.STAFF,
        invalid: str = texts.STALE_BUTTON,
    ) -> None:
        """Register typed button data: the handler receives the unpacked fields, and a press whose
        data does not unpack exactly (stale, forged) gets the stale-button answer instead.

        Several kinds may share a prefix (each with its own tag, or told apart by their fields),
        all with the same least role. ``invalid``: the answer to data under this prefix that no
        kind unpacks (the first kind registered under a prefix sets it)."""
        kinds = self._kinds.get(kind.prefix)
        if kinds is None:
            kinds = self._kinds[kind.prefix] = []
            self.callback(kind.prefix, partial(self._unpacked, kinds, invalid), min_role=min_role)
        elif self.callbacks[kind.prefix].min_role != min_role:
            raise ValueError(f"button kinds under {kind.prefix!r} must share one least role")
        if any(k.tag == kind.tag and (kind.tag or k is kind) for k, _ in kinds):
            raise ValueError(f"button kind {kind.prefix}:{kind.tag} registered twice")
        kinds.append((kind, handler))
        kinds.sort(key=lambda pair: not pair[0].tag)  # stable: tagged kinds first, else in order

    @staticmethod
    async def _unpacked(
        kinds: list[tuple[type[CallbackData], Callable[[Context, Any], Awaitable[list[Reply]]]]],
        invalid: str,
        ctx: Context,
    ) -> list[Reply]:
        for kind, handler in kinds:
            data = kind.from_args(ctx.args)
            if data is not None:
                return await handler(ctx, data)
        return [Reply(invalid)]

    def state(
        self,
        name: str,
        handler: Handler,
        *,
        min_role: Role = Role.STAFF,
        accepts_numbers: bool = False,
        accepts_documents: bool = False,
    ) -> None:
        if name in self.states:
            raise ValueError(f"state {name!r} registered twice")
        self.states[name] = StateRoute(name, handler, min_role, accepts_numbers, accepts_documents)

    def documents_via(self, command: str) -> None:
        """A file sent outside a state that takes files: those who may use ``command`` are told
        to start with it; everyone else gets the usual "text only" answer."""
        self.document_command = command.lower()

    def text(self, handler: Handler, *, min_role: Role = Role.STAFF) -> None:
        self.text_route = StateRoute("*text*", handler, min_role)

    def visible_commands(self, role: Role | None) -> list[CommandRoute]:
        """The commands a person with ``role`` (None: not registered) may use, for /help."""
        allowed = []
        for route in self.commands.values():
            if not route.help:
                continue
            if route.min_role is None or (role is not None and role.at_least(route.min_role)):
                allowed.append(route)
        return allowed


def callback_data(prefix: str, *args: object) -> str:
    """Build callback data ``prefix:arg1:arg2`` (kept short: ids, not text)."""
    return ":".join([prefix, *(str(a) for a in args)])


def int_arg(text: str) -> int | None:
    """A record id or page number from callback data or a command argument, else None.

    ASCII digits only (``"²".isdigit()`` is true but ``int("²")`` fails) and at most 18 of
    them, so the value always fits SQLite's 64-bit integers."""
    return int(text) if _ID.fullmatch(text) else None
