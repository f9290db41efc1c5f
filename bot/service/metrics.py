"""Prometheus metrics of the running assistant, on a registry of its own (served at /metrics by
``bot/service/health.py``).

- ``trolyvks_updates_total{platform, outcome}``: messages and button presses handled, by the outcome
  their replies carry (``bot.chat.messages.Outcome``, set by the handler or the dispatcher, never read
  from the wording): ``answered``, ``asked`` (choices offered), ``unanswered`` (the assistant did not
  know), ``refused`` (not registered, no permission, locked, a group chat), ``error`` (the error
  boundary answered with a reference code), and ``duplicate`` (a redelivery, ignored: no reply).
- ``trolyvks_handler_errors_total{platform}``: the same errors, as their own counter for alerts.
- ``trolyvks_reply_seconds{platform}``: how long the dispatcher took to produce the replies.
- ``trolyvks_outbox_depth`` and ``trolyvks_outbox_oldest_seconds``: messages waiting to be sent and
  the age of the oldest (read from the database at each scrape).
- ``trolyvks_rate_limited_total{platform}``: 429 / flood-control answers to proactive sends.
- ``trolyvks_reply_rate_limited_total{platform}``: 429 / flood-control answers to interactive replies
  (counted by the adapters' retry loop, ``bot/adapters/retrying.py``).
- ``trolyvks_sends_total{platform, outcome}``: proactive sends by outcome (sent, retry_after,
  retry, unreachable, uncertain).
"""

from __future__ import annotations

import time
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from bot.chat.dispatcher import Dispatcher
from bot.chat.messages import Incoming, Outcome, Reply

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
REPLY_RATE_LIMITED = Counter(
    "trolyvks_reply_rate_limited",
    "Interactive replies answered with 429 / flood control",
    ["platform"],
    registry=REGISTRY,
)

# When the replies to one update carry different outcomes, the first of these present counts: an
# error reference appended to an answer (the conversation could not be saved) makes it an error.
_PRECEDENCE = (Outcome.ERROR, Outcome.REFUSED, Outcome.UNANSWERED, Outcome.ASKED, Outcome.ANSWERED)


def outcome_of(replies: list[Reply]) -> str:
    if not replies:
        return "duplicate"
    present = {r.outcome for r in replies}
    return next(o.value for o in _PRECEDENCE if o in present)


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


def count_reply_rate_limited(platform: str) -> None:
    """One 429 / flood-control answer to an interactive reply (called by the adapters' retry loop)."""
    REPLY_RATE_LIMITED.labels(platform).inc()


def set_outbox(depth: int, oldest: datetime | None, now: datetime) -> None:
    OUTBOX_DEPTH.set(depth)
    OUTBOX_OLDEST.set(max((now - oldest).total_seconds(), 0.0) if oldest else 0.0)


def exposition() -> bytes:
    return generate_latest(REGISTRY)
