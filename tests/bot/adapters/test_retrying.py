"""The shared reply-retry loop on its own, with a scripted platform call (no SDK): what is retried,
after which wait, when it gives up, what a stop does, and which 429s are counted."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Sequence

import pytest

from bot.adapters.retrying import Failure, RetryPolicy, send_or_queue, with_retries
from bot.service import metrics

PLATFORM = "retry-test"


class Flood(Exception):
    def __init__(self, wait: float | None) -> None:
        super().__init__("flood")
        self.wait = wait


class Outage(Exception):
    pass


class Refused(Exception):
    pass


def classify(exc: Exception) -> Failure | None:
    if isinstance(exc, Flood):
        return Failure("flood control", exc.wait, rate_limited=True)
    if isinstance(exc, Outage):
        return Failure("outage")
    return None


class Script:
    """A platform call that fails as scripted, then answers "ok"."""

    def __init__(self, failures: Iterable[Exception]) -> None:
        self.failures = list(failures)
        self.calls = 0
        self.called = asyncio.Event()

    async def __call__(self) -> str:
        self.calls += 1
        self.called.set()
        if self.failures:
            raise self.failures.pop(0)
        return "ok"


def counted() -> float:
    return metrics.REGISTRY.get_sample_value("trolyvks_reply_rate_limited_total", {"platform": PLATFORM}) or 0.0


async def run(script: Script, policy: RetryPolicy, stopping: asyncio.Event | None = None) -> str:
    return await with_retries(
        script, "sendMessage", platform=PLATFORM, classify=classify, policy=policy, stopping=stopping
    )


def waits(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage().rsplit("retrying in ", 1)[1] for r in caplog.records if "retrying in" in r.getMessage()]


async def test_waits_as_asked_or_with_a_backoff_that_doubles(caplog: pytest.LogCaptureFixture) -> None:
    script = Script([Outage(), Flood(0.03), Outage(), Outage()])
    with caplog.at_level(logging.WARNING, logger="bot.adapters.retrying"):
        assert await run(script, RetryPolicy(attempts=5, first_delay=0.01)) == "ok"
    assert script.calls == 5
    # The platform's own wait does not grow the backoff.
    assert waits(caplog) == ["0.01 s", "0.03 s", "0.02 s", "0.04 s"]
    assert "sendMessage: flood control, retrying in 0.03 s" in caplog.text


async def test_gives_up_after_the_last_attempt_and_on_a_final_error() -> None:
    script = Script([Outage()] * 3)
    with pytest.raises(Outage):
        await run(script, RetryPolicy(attempts=3, first_delay=0.001))
    assert script.calls == 3
    refused = Script([Refused()])
    with pytest.raises(Refused):
        await run(refused, RetryPolicy(attempts=3, first_delay=0.001))
    assert refused.calls == 1


async def test_a_wait_longer_than_max_wait_is_left_to_the_caller() -> None:
    script = Script([Flood(6.0)])
    with pytest.raises(Flood):
        await run(script, RetryPolicy(attempts=4, max_wait=5.0))
    assert script.calls == 1


async def test_no_retry_once_stopping() -> None:
    stopping = asyncio.Event()
    stopping.set()
    script = Script([Outage()])
    with pytest.raises(Outage):
        await run(script, RetryPolicy(attempts=4, first_delay=0.001), stopping)
    assert script.calls == 1


async def test_a_stop_cuts_a_wait_short() -> None:
    stopping = asyncio.Event()
    script = Script([Flood(3600.0)] * 2)
    attempt = asyncio.create_task(run(script, RetryPolicy(attempts=4, max_wait=7200.0), stopping))
    await script.called.wait()
    await asyncio.sleep(0.01)
    assert not attempt.done()  # waiting out the hour
    stopping.set()
    with pytest.raises(Flood):
        await asyncio.wait_for(attempt, timeout=10)
    assert script.calls == 1


async def test_only_interactive_429s_are_counted_here() -> None:
    before = counted()
    assert await run(Script([Flood(0.001), Flood(None), Outage()]), RetryPolicy(first_delay=0.001)) == "ok"
    assert counted() == before + 2
    with pytest.raises(Flood):  # an outbox delivery: the outbox worker counts its own
        await run(Script([Flood(1.0)]), RetryPolicy(attempts=1, interactive=False))
    assert counted() == before + 2


async def test_what_the_platform_will_not_take_is_queued_with_its_wait() -> None:
    sent: list[str] = []
    queued: list[tuple[list[str], str, float | None]] = []
    failures = {"b": Flood(90.0)}

    async def send(item: str) -> None:
        async def call() -> None:
            if item in failures:
                raise failures.pop(item)
            sent.append(item)

        await with_retries(call, "sendMessage", platform=PLATFORM, classify=classify, policy=RetryPolicy(max_wait=5.0))

    async def queue(rest: Sequence[str], reason: str, retry_after: float | None) -> None:
        queued.append((list(rest), reason, retry_after))

    await send_or_queue(["a", "b", "c"], send, errors=Exception, classify=classify, queue=queue)
    assert sent == ["a"] and queued == [(["b", "c"], "Flood", 90.0)]

    async def down(item: str) -> None:  # the platform is down for good: every retry fails
        script = Script([Outage()] * 4)
        await with_retries(
            script, "sendMessage", platform=PLATFORM, classify=classify, policy=RetryPolicy(first_delay=0.001)
        )

    await send_or_queue(["x", "y"], down, errors=Exception, classify=classify, queue=queue)
    assert queued[-1] == (["x", "y"], "Outage", None)  # no wait was asked: the outbox's own backoff
