"""One retry loop for the sends of every platform (no SDK here: each adapter says what its errors mean).

An adapter turns each failure into a ``Failure`` (``classify``): retry after the wait the platform asked
for (flood control, HTTP 429), retry after a growing backoff (network, server error), or give up
(``None``). The loop tries ``policy.attempts`` times and gives up, so that the caller queues the reply in
the outbox (which waits as asked and keeps the exactly-once bookkeeping), when:

- the platform asks for a longer wait than ``policy.max_wait`` (holding a chat that long would hold up
  the person's next messages and the shutdown);
- the adapter is stopping: no retry once ``stopping`` is set, and a wait already begun is cut short.

A timed-out send may have reached the platform; retrying it risks a duplicate reply, which we prefer to
a lost one for interactive replies. Outbox deliveries use one attempt. Every flood-control answer is
counted (``trolyvks_reply_rate_limited_total``, shown at /metrics).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.service import metrics

logger = logging.getLogger(__name__)

T = TypeVar("T")
Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class Failure:
    """What one failed send means: retried after ``wait`` seconds when the platform said how long,
    else after the loop's backoff. ``reason`` is for the log: never a URL or a token."""

    reason: str
    wait: float | None = None
    rate_limited: bool = False


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4
    first_delay: float = 0.5  # backoff: doubled after each wait it was used for
    max_wait: float = 5.0  # a longer wait asked by the platform is not waited here: the caller queues
    interactive: bool = True  # its 429s are counted here; an outbox delivery's are counted by the outbox


Classify = Callable[[Exception], Failure | None]


async def with_retries(
    call: Callable[[], Awaitable[T]],
    what: str,
    *,
    platform: str,
    classify: Classify,
    policy: RetryPolicy,
    stopping: asyncio.Event | None = None,
) -> T:
    """``call()`` (``what``: the API method, for the log), retried as ``policy`` says; the last failure
    is raised when the loop gives up."""
    delay = policy.first_delay
    for attempt in range(1, policy.attempts + 1):
        try:
            return await call()
        except Exception as exc:
            failure = classify(exc)
            if failure is None:
                raise
            if failure.rate_limited and policy.interactive:
                metrics.count_reply_rate_limited(platform)
            wait = delay if failure.wait is None else failure.wait
            if attempt == policy.attempts or wait > policy.max_wait or _is_set(stopping):
                raise
            logger.warning("%s: %s, retrying in %.2f s", what, failure.reason, wait)
            if await _stopped_while_waiting(stopping, wait):
                logger.info("%s: stopping, not retried", what)
                raise
            if failure.wait is None:
                delay *= 2
    raise AssertionError("unreachable")


async def send_or_queue(
    items: Sequence[Item],
    send: Callable[[Item], Awaitable[object]],
    *,
    errors: type[Exception],
    classify: Classify,
    queue: Callable[[Sequence[Item], str, float | None], Awaitable[object]],
) -> None:
    """Send ``items`` in order (each through ``with_retries``, inside ``send``). From the first one the
    platform would not take, the rest go to ``queue`` (the outbox) with the error's class name as the
    reason (never its message: that is stored and shown to admins) and the wait the platform asked
    for, if it did; so a reply is never lost with only a log line."""
    for index, item in enumerate(items):
        try:
            await send(item)
        except errors as exc:
            failure = classify(exc)
            retry_after = failure.wait if failure is not None and failure.rate_limited else None
            await queue(items[index:], type(exc).__name__, retry_after)
            return


def _is_set(event: asyncio.Event | None) -> bool:
    return event is not None and event.is_set()


async def _stopped_while_waiting(stopping: asyncio.Event | None, seconds: float) -> bool:
    """Wait ``seconds``; True as soon as ``stopping`` is set (the wait is then cut short)."""
    if stopping is None:
        await asyncio.sleep(seconds)
        return False
    sleeper = asyncio.ensure_future(asyncio.sleep(seconds))
    stopper = asyncio.ensure_future(stopping.wait())
    try:
        await asyncio.wait({sleeper, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        sleeper.cancel()
        stopper.cancel()
    return stopping.is_set()
