"""The adapter contract: what every chat platform's adapter offers the rest of the assistant.

One page to read before adding a platform (as opsdroid documents its connector interface):

- ``platforms``: the platform names whose outbox rows this adapter delivers (``Incoming.platform``).
- ``capabilities``: what the platform can show (buttons, files, photos) and the longest text it
  takes in one message; replies are rendered from it (numbered options where there are no buttons).
- ``run(stop)``: receive updates until ``stop`` is set, turn each into an ``Incoming``, hand it
  to the dispatcher and ``reply`` with what it returns. Raises only when the platform refuses to
  start (bad token); returns when stopped, after the updates being handled are answered.
- ``reply(incoming, replies)``: answer one incoming message, in its chat. Sends are retried by the
  shared loop (``bot.adapters.retrying``: the adapter only says what its errors mean), which stops
  retrying at shutdown; what the platform will not take is queued in the outbox
  (``bot.delivery.undelivered``), never lost.
- ``deliver(chat_id, replies)``: one attempt at a proactive message; this is what the outbox
  worker calls. Failures are raised as ``DeliveryError`` (retry later), ``RetryLater`` (the
  platform asked to wait) or ``Unreachable`` (blocked or gone: not retried).

``app.py`` and the outbox worker depend on this Protocol only, never on an adapter class.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from bot.chat.messages import Incoming, Reply


class DeliveryError(Exception):
    """A send failed in a way worth retrying later (network, server error)."""


class Unreachable(DeliveryError):
    """The recipient cannot be reached (blocked the bot, chat gone): do not retry."""


class RetryLater(DeliveryError):
    """The platform asked us to wait (HTTP 429 / flood control)."""

    def __init__(self, seconds: float, message: str = "") -> None:
        super().__init__(message or f"retry after {seconds} s")
        self.seconds = seconds


@dataclass(frozen=True, slots=True)
class Capabilities:
    buttons: bool  # inline buttons; False: numbered options the user answers by typing a number
    files: bool  # documents (exports) can be sent
    photos: bool  # images (charts) can be sent
    max_text: int  # the longest text one message may carry, in the platform's own units


@runtime_checkable
class Deliverer(Protocol):
    """The part of the contract the outbox worker calls."""

    platforms: tuple[str, ...]

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None: ...


@runtime_checkable
class ChatAdapter(Deliverer, Protocol):
    capabilities: Capabilities

    async def run(self, stop: asyncio.Event) -> None: ...

    async def reply(self, incoming: Incoming, replies: list[Reply]) -> None: ...
