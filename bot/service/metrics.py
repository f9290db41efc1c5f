"""Prometheus metrics of the running assistant, on a registry of its own (served at /metrics by
``bot/service/health.py``).

- ``trolyvks_updates_total{platform, outcome}``: messages and button presses handled, by outcome:
  ``answered``, ``duplicate`` (a redelivery, ignored), ``refused`` (not registered, no permission,
  locked), ``error`` (the error boundary answered with a reference code).
- ``trolyvks_handler_errors_total{platform}``: the same errors, as their own counter for alerts.
- ``trolyvks_reply_seconds{platform}``: how long the dispatcher took to produce the replies.
- ``trolyvks_outbox_depth`` and ``trolyvks_outbox_oldest_seconds``: messages waiting to be sent and
  the age of the oldest (read from the database at each scrape).
- ``trolyvks_rate_limited_total{platform}``: 429 / flood-control answers to proactive sends.
- ``trolyvks_sends_total{platform, outcome}``: proactive sends by outcome (sent, retry_after,
  retry, unreachable, uncertain).
"""

from __future__ import annotations

import time
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from bot.chat import texts
from bot.chat.dispatcher import Dispatcher
from bot.chat.messages import Incoming, Reply

REGISTRY = CollectorRegistry(auto_describe=True)
UPDATES = Counter("trolyvks_updates", "Updates handled, by outcome", ["platform", "outcome"], registry=REGISTRY)
HANDLER_ERRORS = Counter("trolyvks_handler_errors", "Handler errors (error boundary)", ["platform"], registry=REGISTRY)
REPLY_SECONDS = Histogram(
    "trolyvks_reply_seconds",
    "Time to produce the replies to one update",
    ["platform"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=REGISTRY,
)
OUTBOX_DEPTH = Gauge("trolyvks_outbox_depth", "Outbox messages waiting to be sent", registry=REGISTRY)
OUTBOX_OLDEST = Gauge(
    "trolyvks_outbox_oldest_seconds", "Age of the oldest outbox message waiting to be sent", registry=REGISTRY
)
RATE_LIMITED = Counter(
    "trolyvks_rate_limited", "Proactive sends answered with 429 / flood control", ["platform"], registry=REGISTRY
)
SENDS = Counter("trolyvks_sends", "Proactive sends, by outcome", ["platform", "outcome"], registry=REGISTRY)

_ERROR_PREFIX = texts.ERROR.split("{", 1)[0]
_REFUSALS = frozenset({texts.NOT_REGISTERED, texts.NO_PERMISSION, texts.INACTIVE})


def outcome_of(replies: list[Reply]) -> str:
    if not replies:
        return "duplicate"
    first = replies[0].text
    if first.startswith(_ERROR_PREFIX):
        return "error"
    if first in _REFUSALS:
        return "refused"
    return "answered"


class UpdateClock:
    """When the last update arrived (monotonic), for /healthz."""

    def __init__(self) -> None:
        self.last: float | None = None

    def age(self) -> float | None:
        return None if self.last is None else time.monotonic() - self.last


LAST_UPDATE = UpdateClock()


class ObservedDispatcher(Dispatcher):
    """The dispatcher, with every update counted by outcome and timed (the composition root
    builds this one; the dispatcher itself knows nothing of metrics)."""

    async def handle(self, incoming: Incoming) -> list[Reply]:
        started = time.monotonic()
        LAST_UPDATE.last = started
        replies = await super().handle(incoming)
        REPLY_SECONDS.labels(incoming.platform).observe(time.monotonic() - started)
        outcome = outcome_of(replies)
        UPDATES.labels(incoming.platform, outcome).inc()
        if outcome == "error":
            HANDLER_ERRORS.labels(incoming.platform).inc()
        return replies


def record_send(platform: str, outcome: str) -> None:
    """One proactive send's outcome (called by the outbox worker)."""
    SENDS.labels(platform, outcome).inc()
    if outcome == "retry_after":
        RATE_LIMITED.labels(platform).inc()


def set_outbox(depth: int, oldest: datetime | None, now: datetime) -> None:
    OUTBOX_DEPTH.set(depth)
    OUTBOX_OLDEST.set(max((now - oldest).total_seconds(), 0.0) if oldest else 0.0)


def exposition() -> bytes:
    return generate_latest(REGISTRY)
