"""Proactive sends (alerts, reminders, digests): from the outbox table to the platform,
under a rate limit, with retries, exactly once per key.

Handlers only enqueue (``repos.outbox.enqueue``); this worker reads due messages, records
each attempt just before its send (a crash between the send and its outcome leaves an
'uncertain' row, never a second send), delivers through the adapter and records the outcome:
sent; unreachable (blocked the bot: shown to admins by /guiloi, not retried); retried after the
platform's retry_after (every send pauses that long) or after a backoff for network errors;
failed after ``max_attempts``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.adapters.contract import Deliverer, DeliveryError, RetryLater, Unreachable
from bot.chat.messages import Button, Reply
from bot.clock import Clock
from bot.delivery.pace import RateLimiter
from bot.service.metrics import record_send
from storage.outbox import OutboxMessage, backoff
from storage.repositories import Repositories

logger = logging.getLogger(__name__)

__all__ = ["DeliveryError", "OutboxWorker", "RetryLater", "Sender", "Unreachable", "to_reply"]


# The outbox depends on the part of the adapter contract it calls (``bot.adapters.contract``).
Sender = Deliverer


def to_reply(message: OutboxMessage) -> Reply:
    rows = tuple(tuple(Button(label, data) for label, data in row) for row in message.buttons)
    return Reply(message.text, rows)


class OutboxWorker:
    """Delivers due outbox messages through one ``Sender`` under its ``RateLimiter``.

    Due messages are read ``window`` at a time and each gets a task; a task waits for its chat's
    turn, a send slot (at most ``concurrency`` sends in flight), records the attempt
    (``begin_attempt``: a message cancelled meanwhile is dropped here), sends, and records the
    outcome. The window is refilled when half of it is done, so the pace never waits on a batch.
    """

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
        window: int = 256,
        limiter: RateLimiter | None = None,
        on_delivered: Callable[[OutboxMessage], Awaitable[None]] | None = None,
    ) -> None:
        self.repos = repos
        self.sender = sender
        self.clock = clock
        self.limiter = limiter or RateLimiter(per_second, per_chat)
        self.max_attempts = max_attempts
        self.window = max(window, 2)
        self._concurrency = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._retry_due: datetime | None = None  # the earliest retry scheduled during run_once
        # Called after a successful send, e.g. to make its buttons the numbered menu (bot/app.py).
        self.on_delivered = on_delivered

    def wake(self) -> None:
        self._wake.set()

    async def start(self) -> int:
        """Reconcile sends interrupted by a crash; returns how many were marked uncertain."""
        interrupted = await self.repos.outbox.reconcile_interrupted(self.sender.platforms)
        if interrupted:
            logger.warning("%d outbox messages were being sent when the process stopped: marked uncertain", interrupted)
        return interrupted

    async def run_once(self) -> int:
        """Deliver every message due now (and what falls due meanwhile); returns how many were attempted."""
        attempted = 0
        running: dict[asyncio.Task[bool], int] = {}
        try:
            while True:
                retry_due = self._retry_due is not None and self._retry_due <= self.clock.now()
                if len(running) <= self.window // 2 or retry_due:
                    self._retry_due = None
                    busy = set(running.values())
                    due = await self.repos.outbox.due(
                        self.sender.platforms, self.clock.now(), limit=self.window + len(running)
                    )
                    for message in due:
                        if message.id not in busy and len(running) < self.window:
                            running[asyncio.create_task(self._deliver(message))] = message.id
                if not running:
                    return attempted
                done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    del running[task]
                    attempted += task.result()
        finally:
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)

    async def _deliver(self, message: OutboxMessage) -> bool:
        """One attempt at one message; False if it was no longer to be sent."""
        outbox, limiter = self.repos.outbox, self.limiter
        async with limiter.chat(message.chat_id), self._concurrency:
            await limiter.slot()
            started = await outbox.begin_attempt(message, self.clock.now())
            if started is None:
                return False
            message = started
            await limiter.ready()
            try:
                await self.sender.deliver(message.chat_id, [to_reply(message)])
            except Unreachable as exc:
                outcome: BaseException | None = exc
            except RetryLater as exc:
                limiter.pause(exc.seconds)  # before any await: no other send starts meanwhile
                outcome = exc
            except DeliveryError as exc:
                outcome = exc
            except Exception as exc:  # a bug, not the platform: it may have been sent, so never repeat it
                logger.exception("outbox %s: unexpected error while sending", message.id)
                outcome = exc
            else:
                outcome = None
        await self._record(message, outcome)
        return True

    async def _record(self, message: OutboxMessage, outcome: BaseException | None) -> None:
        record_send(message.platform, _outcome_label(outcome))
        outbox = self.repos.outbox
        if outcome is None:
            await outbox.mark_sent(message.id, self.clock.now())
            if self.on_delivered is not None:
                try:
                    await self.on_delivered(message)
                except Exception:  # the message was sent; only the follow-up failed
                    logger.exception("outbox %s: after-delivery hook failed", message.id)
        elif isinstance(outcome, Unreachable):
            logger.warning("outbox %s: recipient unreachable", message.id)
            await outbox.mark_unreachable(message.id, str(outcome) or "không liên lạc được")
        elif isinstance(outcome, RetryLater):
            logger.info("outbox %s: platform asked to wait %.1f s", message.id, outcome.seconds)
            wait = timedelta(seconds=max(outcome.seconds, 1))
            await self._again(message, wait, f"429: chờ {outcome.seconds:g} giây")
        elif isinstance(outcome, DeliveryError):
            await self._again(message, backoff(message.attempts), str(outcome) or type(outcome).__name__)
        else:
            await outbox.mark_uncertain(message.id, f"lỗi không lường trước: {type(outcome).__name__}")

    async def _again(self, message: OutboxMessage, wait: timedelta, error: str) -> None:
        if message.attempts >= self.max_attempts:
            logger.error("outbox %s: giving up after %d attempts (%s)", message.id, message.attempts, error)
            await self.repos.outbox.mark_failed(message.id, error)
            return
        at = await self.repos.outbox.retry_later(message.id, self.clock.now() + wait, error)
        if self._retry_due is None or at < self._retry_due:
            self._retry_due = at

    async def run(self, stop: asyncio.Event, idle: float = 2.0) -> None:
        await self.start()
        while not stop.is_set():
            wait = idle
            try:
                await self.run_once()
                next_due = await self.repos.outbox.next_due(self.sender.platforms)
            except Exception:  # e.g. a locked database: the messages stay queued; try again shortly
                logger.exception("outbox: delivery round failed; retrying in %.0f s", idle)
            else:
                if next_due is not None:
                    wait = min(idle, max((next_due - self.clock.now()).total_seconds(), 0.05))
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(_first(self._wake, stop), timeout=wait)


def _outcome_label(outcome: BaseException | None) -> str:
    if outcome is None:
        return "sent"
    if isinstance(outcome, Unreachable):
        return "unreachable"
    if isinstance(outcome, RetryLater):
        return "retry_after"
    if isinstance(outcome, DeliveryError):
        return "retry"
    return "uncertain"


async def _first(*events: asyncio.Event) -> None:
    waiters = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
