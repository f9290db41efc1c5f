"""The one typed object a handler receives: the message, the user, the state, the services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.chat.messages import Incoming
from bot.clock import Clock, local
from storage.conversations import Conversation
from storage.repositories import Repositories
from storage.users import Role, User

if TYPE_CHECKING:
    from bot.chat.routing import Router
    from bot.config import Settings
    from knowledge.kb.library import Library
    from knowledge.reports.config import ReportBook


@dataclass(slots=True)
class Services:
    """Everything long-lived that handlers work through; built once by ``bot.app``."""

    repos: Repositories
    settings: Settings
    clock: Clock
    router: Router
    library: Library | None = None
    reports: ReportBook | None = None
    # Capabilities added by later features (knowledge base, calendar, outbox) hang here.
    extras: dict[str, Any] = field(default_factory=dict)


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
    def role(self) -> Role | None:
        return self.user.role if self.user and self.user.active else None

    def now(self) -> datetime:
        return self.services.clock.now()

    def local_now(self) -> datetime:
        return local(self.services.clock.now(), self.services.settings.timezone)

    @property
    def text(self) -> str:
        return self.incoming.text or ""
