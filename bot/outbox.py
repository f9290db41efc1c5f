"""Proactive sends (alerts, reminders, digests): from the outbox table to the platform,
under a rate limit, with retries, exactly once per key.

Handlers only enqueue (``repos.outbox.enqueue``); this worker claims due messages (the
attempt is recorded first), delivers them through the adapter and records the outcome.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Protocol

from bot.clock import Clock
from bot.messages import Button, Reply
from storage.outbox import OutboxMessage, backoff
from storage.repositories import Repositories

logger = logging.getLogger(__name__)


class DeliveryError(Exception):
    """A send failed in a way worth retrying later (network, server error)."""


class Unreachable(DeliveryError):
    """The recipient cannot be reached (blocked the bot, chat gone): do not retry."""


class RetryLater(DeliveryError):
    """The platform asked us to wait (HTTP 429 / flood control)."""

    def __init__(self, seconds: float, message: str = "") -> None:
        super().__init__(message or f"retry after {seconds} s")
        self.seconds = seconds


class Sender(Protocol):
    platforms: tuple[str, ...]

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None: ...


class RateLimiter:
    """At most ``per_second`` sends overall, and one send per chat every ``per_chat`` seconds."""

    def __init__(
        self,
        per_second: float,
        per_chat: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._interval = 1.0 / per_second
        self._per_chat = per_chat
        self._next_slot = 0.0
        self._chat_next: dict[str, float] = {}
        self._lock = asyncio.Lock()
        self._now = monotonic
        self._sleep = sleep

    async def acquire(self, chat_id: str) -> None:
        async with self._lock:
            now = self._now()
            start = max(now, self._next_slot, self._chat_next.get(chat_id, 0.0))
            self._next_slot = start + self._interval
            self._chat_next[chat_id] = start + self._per_chat
            if len(self._chat_next) > 10_000:
                self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
        if start > now:
            await self._sleep(start - now)


def to_reply(message: OutboxMessage) -> Reply:
    rows = tuple(tuple(Button(label, data) for label, data in row) for row in message.buttons)
    return Reply(message.text, rows)


class OutboxWorker:
    def __init__(
        self,
        repos: Repositories,
        sender: Sender,
        clock: Clock,
        *,
        per_second: float = 25.0,
        per_chat: float = 1.0,
        max_attempts: int = 6,
        concurrency: int = 8,
    ) -> None:
        self.repos = repos
        self.sender = sender
        self.clock = clock
        self.limiter = RateLimiter(per_second, per_chat)
        self.max_attempts = max_attempts
        self._concurrency = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    async def start(self) -> int:
        """Reconcile sends interrupted by a crash; returns how many were marked uncertain."""
        interrupted = await self.repos.outbox.reconcile_interrupted()
        if interrupted:
            logger.warning("%d outbox messages were being sent when the process stopped: marked uncertain", interrupted)
        return interrupted

    async def run_once(self) -> int:
        """Deliver every message due now; returns how many were attempted."""
        attempted = 0
        while True:
            batch = await self.repos.outbox.claim_due(self.sender.platforms, self.clock.now())
            if not batch:
                return attempted
            attempted += len(batch)
            await asyncio.gather(*(self._deliver(m) for m in batch))

    async def _deliver(self, message: OutboxMessage) -> None:
        async with self._concurrency:
            await self.limiter.acquire(message.chat_id)
            outbox = self.repos.outbox
            try:
                await self.sender.deliver(message.chat_id, [to_reply(message)])
            except Unreachable as exc:
                logger.warning("outbox %s: recipient unreachable", message.id)
                await outbox.mark_unreachable(message.id, str(exc) or "không liên lạc được")
            except RetryLater as exc:
                await self._again(message, timedelta(seconds=max(exc.seconds, 1)), f"429: chờ {exc.seconds:g} giây")
            except DeliveryError as exc:
                await self._again(message, backoff(message.attempts), str(exc) or type(exc).__name__)
            else:
                await outbox.mark_sent(message.id, self.clock.now())

    async def _again(self, message: OutboxMessage, wait: timedelta, error: str) -> None:
        if message.attempts >= self.max_attempts:
            logger.error("outbox %s: giving up after %d attempts (%s)", message.id, message.attempts, error)
            await self.repos.outbox.mark_failed(message.id, error)
            return
        await self.repos.outbox.retry_later(message.id, self.clock.now() + wait, error)

    async def run(self, stop: asyncio.Event, idle: float = 2.0) -> None:
        await self.start()
        while not stop.is_set():
            await self.run_once()
            next_due = await self.repos.outbox.next_due(self.sender.platforms)
            wait = idle
            if next_due is not None:
                wait = min(idle, max((next_due - self.clock.now()).total_seconds(), 0.05))
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(_first(self._wake, stop), timeout=wait)


async def _first(*events: asyncio.Event) -> None:
    waiters = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
