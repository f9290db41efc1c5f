"""Proactive sends: one per key, attempt recorded just before the send, retries, unreachable
recipients, interrupted sends never repeated, cancelled messages never sent, the rate
limiter's pace (on virtual time) and the outbox settings."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.chat.messages import Reply
from bot.config import ConfigError, load_settings
from bot.delivery.outbox_worker import DeliveryError, OutboxWorker, RetryLater, Unreachable
from bot.delivery.pace import RateLimiter
from storage.reports import report_topic
from tests.conftest import World
from tests.fakes import FakeClock
from tests.virtual_time import VirtualTimeLoop


class FakePlatform:
    """Stands in for Telegram/Zalo: records what was delivered, fails on demand."""

    platforms = ("test",)

    def __init__(self) -> None:
        self.delivered: list[tuple[str, str]] = []
        self.failures: dict[str, list[Exception]] = {}

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        queue = self.failures.get(chat_id)
        if queue:
            raise queue.pop(0)
        self.delivered.extend((chat_id, r.text) for r in replies)


def _clock_limiter(clock: FakeClock, per_chat: float = 0.0) -> RateLimiter:
    """A fast limiter whose waits move the test's FakeClock instead of sleeping."""

    async def sleep(seconds: float) -> None:
        target = clock.now() + timedelta(seconds=seconds)
        await asyncio.sleep(0)
        if clock.now() < target:
            clock.set(target)

    return RateLimiter(1000, per_chat, monotonic=lambda: clock.now().timestamp(), sleep=sleep)


def _worker(world: World, platform: FakePlatform) -> OutboxWorker:
    clock = world.app.services.clock
    assert isinstance(clock, FakeClock)
    return OutboxWorker(world.app.repos, platform, clock, max_attempts=3, limiter=_clock_limiter(clock))


async def test_a_key_is_sent_once(world: World) -> None:
    outbox, now = world.app.repos.outbox, world.app.services.clock.now()
    assert await outbox.enqueue(key="k1", user=world.head_a, text="Cảnh báo", now=now)
    assert not await outbox.enqueue(key="k1", user=world.head_a, text="Cảnh báo", now=now)
    platform = FakePlatform()
    worker = _worker(world, platform)
    assert await worker.run_once() == 1
    assert await worker.run_once() == 0
    assert platform.delivered == [("head-a", "Cảnh báo")]
    message = await outbox.for_key("k1")
    assert message is not None and message.status == "sent" and message.attempts == 1


async def test_not_before_and_expiry(world: World) -> None:
    clock = world.app.services.clock
    outbox, now = world.app.repos.outbox, clock.now()
    await outbox.enqueue(key="later", user=world.head_a, text="Sau", now=now, not_before=now + timedelta(hours=1))
    await outbox.enqueue(key="stale", user=world.staff_a, text="Cũ", now=now, expires_at=now + timedelta(minutes=30))
    platform = FakePlatform()
    worker = _worker(world, platform)
    clock.advance(minutes=45)  # type: ignore[attr-defined]
    await worker.run_once()
    assert platform.delivered == []
    clock.advance(minutes=20)  # type: ignore[attr-defined]
    await worker.run_once()
    assert platform.delivered == [("head-a", "Sau")]
    stale = await outbox.for_key("stale")
    assert stale is not None and stale.status == "skipped"


async def test_retry_after_and_network_errors_then_give_up(world: World) -> None:
    clock = world.app.services.clock
    outbox, now = world.app.repos.outbox, clock.now()
    await outbox.enqueue(key="r", user=world.head_a, text="Nhắc", now=now)
    await outbox.enqueue(key="f", user=world.staff_a, text="Hỏng", now=now)
    platform = FakePlatform()
    platform.failures["head-a"] = [RetryLater(7)]
    platform.failures["staff-a"] = [DeliveryError("502"), DeliveryError("502"), DeliveryError("502")]
    worker = _worker(world, platform)
    await worker.run_once()
    retry = await outbox.for_key("r")
    assert retry is not None and retry.status == "pending" and retry.attempts == 1
    # Due no sooner than asked (rounded up to the stored whole second).
    assert now + timedelta(seconds=7) <= retry.next_attempt_at <= now + timedelta(seconds=8)
    assert retry.last_error is not None and "429" in retry.last_error
    clock.set(retry.next_attempt_at)
    await worker.run_once()
    assert platform.delivered == [("head-a", "Nhắc")]
    for _ in range(5):
        clock.advance(minutes=10)  # type: ignore[attr-defined]
        await worker.run_once()
    failed = await outbox.for_key("f")
    assert failed is not None and failed.status == "failed" and failed.attempts == 3
    problems = await outbox.problems_in_scope(world.admin_a, now - timedelta(days=1))
    assert [(p.message.key, p.recipient) for p in problems] == [("f", "Cán bộ A")]
    assert await outbox.problems_in_scope(world.admin_b, now - timedelta(days=1)) == []


async def test_blocked_recipient_is_marked_unreachable_not_retried(world: World) -> None:
    outbox, now = world.app.repos.outbox, world.app.services.clock.now()
    await outbox.enqueue(key="u", user=world.head_a, text="Nhắc", now=now)
    platform = FakePlatform()
    platform.failures["head-a"] = [Unreachable("bot was blocked by the user")]
    worker = _worker(world, platform)
    await worker.run_once()
    world.app.services.clock.advance(hours=1)  # type: ignore[attr-defined]
    assert await worker.run_once() == 0
    message = await outbox.for_key("u")
    assert message is not None and message.status == "unreachable" and message.attempts == 1


async def test_interrupted_send_is_never_repeated(world: World) -> None:
    outbox, now = world.app.repos.outbox, world.app.services.clock.now()
    await outbox.enqueue(key="x", user=world.head_a, text="Nhắc", now=now)
    [due] = await outbox.due(("test",), now)
    assert await outbox.begin_attempt(due, now) is not None  # the process "dies" here, mid-send
    platform = FakePlatform()
    worker = _worker(world, platform)  # a new process on the same database
    assert await worker.start() == 1
    assert await worker.run_once() == 0
    assert platform.delivered == []
    message = await outbox.for_key("x")
    assert message is not None and message.status == "uncertain"


async def test_an_attempt_is_recorded_once_and_only_for_a_still_pending_message(world: World) -> None:
    outbox, now = world.app.repos.outbox, world.app.services.clock.now()
    await outbox.enqueue(key="a", user=world.head_a, text="Nhắc A", now=now)
    await outbox.enqueue(key="b", user=world.staff_a, text="Nhắc B", now=now)
    first, second = await outbox.due(("test",), now)
    started = await outbox.begin_attempt(first, now)
    assert started is not None and started.status == "sending" and started.attempts == 1
    assert await outbox.begin_attempt(first, now) is None  # read before the first attempt: stale
    await outbox.mark_failed(second.id, "hủy")  # no longer pending (as a cancelled reminder)
    assert await outbox.begin_attempt(second, now) is None
    assert await outbox.due(("test",), now) == []


async def test_a_reminder_cancelled_while_waiting_for_its_turn_is_not_sent(world: World) -> None:
    """Two reminders of one report period to one head: the first arrives, the head presses
    "Đã gửi báo cáo" at once; the second, already read by the worker and waiting out the
    per-chat second, must not go."""
    clock = world.app.services.clock
    assert isinstance(clock, FakeClock)
    repos, now = world.app.repos, clock.now()
    topic = report_topic("bc_thang", "2026-03", world.head_a.unit_id)
    for k in (1, 2):
        await repos.outbox.enqueue(key=f"rem:{k}", user=world.head_a, text=f"Nhắc {k}", now=now, topic=topic)

    class HeadMarksSent(FakePlatform):
        async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
            await super().deliver(chat_id, replies)
            await repos.reports.mark_sent(
                world.head_a, "bc_thang", "2026-03", world.head_a.unit_id, date(2026, 4, 5), clock.now()
            )

    platform = HeadMarksSent()
    worker = OutboxWorker(repos, platform, clock, limiter=_clock_limiter(clock, per_chat=1.0))
    assert await worker.run_once() == 1
    assert platform.delivered == [("head-a", "Nhắc 1")]
    second = await repos.outbox.for_key("rem:2")
    assert second is not None and (second.status, second.attempts) == ("skipped", 0)


async def test_an_unexpected_sender_error_is_uncertain_never_repeated(world: World) -> None:
    outbox, now = world.app.repos.outbox, world.app.services.clock.now()
    await outbox.enqueue(key="bug", user=world.head_a, text="Nhắc", now=now)
    platform = FakePlatform()
    platform.failures["head-a"] = [ValueError("a bug in an adapter")]
    worker = _worker(world, platform)
    assert await worker.run_once() == 1
    world.app.services.clock.advance(hours=1)  # type: ignore[attr-defined]
    assert await worker.run_once() == 0
    message = await outbox.for_key("bug")
    assert message is not None and message.status == "uncertain" and "ValueError" in (message.last_error or "")


# -- the rate limiter on virtual time ---------------------------------------------------------


def _on_virtual_time(scenario: Callable[[], Awaitable[None]]) -> None:
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        runner.run(scenario())


def test_rate_limiter_spaces_sends_overall_and_per_chat() -> None:
    sends: list[tuple[str, float]] = []

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        limiter = RateLimiter(per_second=10, per_chat=1.0, monotonic=loop.time)

        async def send(chat: str) -> None:
            async with limiter.chat(chat):
                await limiter.slot()
                await limiter.ready()
                sends.append((chat, loop.time()))
                await asyncio.sleep(0.25)  # the platform takes a while to answer

        await asyncio.gather(*(send(c) for c in ["a", "b", "c", "a", "d"]))

    _on_virtual_time(scenario)
    times = dict.fromkeys("abcd", 0.0)
    for chat, at in sends:
        times[chat] = at
    assert [c for c, _ in sends] == ["a", "b", "c", "d", "a"]
    assert [round(t, 6) for _, t in sends[:4]] == [0.0, 0.1, 0.2, 0.3]  # 10 per second overall
    # Same chat again: one second after the end of its previous send (0.0 + 0.25 answer + 1.0).
    assert sends[4] == ("a", pytest.approx(1.25))


def test_a_pause_stops_every_send_and_requeues_those_waiting() -> None:
    sends: list[float] = []

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        limiter = RateLimiter(per_second=4, per_chat=0, monotonic=loop.time)

        async def send(chat: str) -> None:
            async with limiter.chat(chat):
                await limiter.slot()
                await limiter.ready()
                sends.append(loop.time())
                if chat == "flood":
                    limiter.pause(3)  # the platform answered 429, retry after 3 s

        await asyncio.gather(*(send(c) for c in ["x", "flood", "y", "z", "w"]))

    _on_virtual_time(scenario)
    assert [round(t, 6) for t in sends] == [0.0, 0.25, 3.25, 3.5, 3.75]


def test_no_window_of_one_second_holds_more_than_the_rate() -> None:
    """Sends delayed after their slot (a slow database write, say) do not bunch into a burst."""
    sends: list[float] = []

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        limiter = RateLimiter(per_second=5, per_chat=0, monotonic=loop.time)

        async def send(index: int) -> None:
            await limiter.slot()
            await asyncio.sleep(0.5 if index == 0 else 0.0)  # the first is held up after its slot
            await limiter.ready()
            sends.append(loop.time())

        await asyncio.gather(*(send(i) for i in range(12)))

    _on_virtual_time(scenario)
    sends.sort()
    assert len(sends) == 12
    assert max(sum(1 for t in sends if start <= t < start + 1.0) for start in sends) <= 5


def test_limiter_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        RateLimiter(0, 1.0)
    with pytest.raises(ValueError):
        RateLimiter(10, -1)


# -- settings ---------------------------------------------------------------------------------


def test_telegram_pace_settings(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    defaults = load_settings(env={}, env_file=env_file)
    assert (defaults.telegram_rate_per_second, defaults.telegram_rate_per_chat) == (25.0, 1.0)
    tuned = load_settings(
        env={"TELEGRAM_RATE_PER_SECOND": "30", "TELEGRAM_RATE_PER_CHAT_SECONDS": "1,5"}, env_file=env_file
    )
    assert (tuned.telegram_rate_per_second, tuned.telegram_rate_per_chat) == (30.0, 1.5)
    for name, value in [
        ("TELEGRAM_RATE_PER_SECOND", "0"),
        ("TELEGRAM_RATE_PER_SECOND", "nhanh"),
        ("TELEGRAM_RATE_PER_SECOND", "5000"),
        ("TELEGRAM_RATE_PER_SECOND", "nan"),
        ("TELEGRAM_RATE_PER_CHAT_SECONDS", "-1"),
    ]:
        with pytest.raises(ConfigError, match=name):
            load_settings(env={name: value}, env_file=env_file)
