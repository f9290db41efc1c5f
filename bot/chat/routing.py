"""Explicit registration of what the assistant does: commands, button callbacks,
conversation states and free text, each with the least role that may use it.

Roles are checked in one place, the dispatcher, from what is declared here.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from bot.chat import texts
from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
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


class Router:
    def __init__(self) -> None:
        self.commands: dict[str, CommandRoute] = {}
        self.callbacks: dict[str, CallbackRoute] = {}
        self.states: dict[str, StateRoute] = {}
        self.text_route: StateRoute | None = None

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
    ) -> None:
        """Register typed button data: the handler receives the unpacked fields, and a press whose
        data does not unpack exactly (stale, forged) gets the stale-button answer instead."""

        async def unpacked(ctx: Context) -> list[Reply]:
            data = kind.from_args(ctx.args)
            if data is None:
                return [Reply(texts.STALE_BUTTON)]
            return await handler(ctx, data)

        self.callback(kind.prefix, unpacked, min_role=min_role)

    def state(self, name: str, handler: Handler, *, min_role: Role = Role.STAFF, accepts_numbers: bool = False) -> None:
        if name in self.states:
            raise ValueError(f"state {name!r} registered twice")
        self.states[name] = StateRoute(name, handler, min_role, accepts_numbers)

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
