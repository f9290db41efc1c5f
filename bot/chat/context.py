"""The one typed object a handler receives: the message, the user, the state, the services."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from bot.chat.messages import Incoming
from bot.clock import Clock, local
from storage.conversations import Conversation
from storage.repositories import Repositories
from storage.users import Role, User

if TYPE_CHECKING:
    from bot.config import Settings
    from knowledge.kb.library import Library
    from knowledge.reports.config import ReportBook


class HelpEntry(Protocol):
    """What /help shows of a command (``bot.chat.routing.CommandRoute`` is one)."""

    @property
    def name(self) -> str: ...
    @property
    def help(self) -> str: ...
    @property
    def usage(self) -> str: ...


class CommandCatalog(Protocol):
    """The commands a role may use; the router is one. A protocol, so that this module does not
    import the router, which imports this module for the handlers' type."""

    def visible_commands(self, role: Role | None) -> Sequence[HelpEntry]: ...


@dataclass(slots=True)
class Services:
    """Everything long-lived that handlers work through; built once by ``bot.app``."""

    repos: Repositories
    settings: Settings
    clock: Clock
    router: CommandCatalog
    library: Library | None = None
    reports: ReportBook | None = None


@dataclass(slots=True)
class Context:
    incoming: Incoming
    user: User | None
    conversation: Conversation
    services: Services
    # Words after the command, or the parts of callback data after its prefix.
    args: list[str] = field(default_factory=list)
    arg_text: str = ""

    @property
    def repos(self) -> Repositories:
        return self.services.repos

    @property
    def member(self) -> User:
        """The registered user. The dispatcher lets a message reach a route that has a least role
        only from a registered, active user with that role, so such a route's handler reads
        ``ctx.member`` (typed ``User``) instead of checking ``ctx.user`` for None itself. On a
        public route (``/start``, ``/help``) there may be no user: reading it there is a bug."""
        if self.user is None:
            raise LookupError("ctx.member read on a route open to unregistered people")
        return self.user

    @property
    def role(self) -> Role | None:
        return self.user.role if self.user and self.user.active else None

    def now(self) -> datetime:
        return self.services.clock.now()

    def local_now(self) -> datetime:
        return local(self.services.clock.now(), self.services.settings.timezone)

    @property
    def text(self) -> str:
        return self.incoming.text or ""
