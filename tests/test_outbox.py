"""Proactive sends: one per key, attempt recorded before the send, retries, unreachable
recipients, interrupted sends never repeated, and the rate limiter's spacing."""

from __future__ import annotations

from datetime import timedelta

from bot.messages import Reply
from bot.outbox import DeliveryError, OutboxWorker, RateLimiter, RetryLater, Unreachable
from tests.conftest import World


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


def _worker(world: World, platform: FakePlatform) -> OutboxWorker:
    return OutboxWorker(
        world.app.repos, platform, world.app.services.clock, per_second=1000, per_chat=0, max_attempts=3
    )


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
    assert retry is not None and retry.status == "pending" and retry.next_attempt_at == now + timedelta(seconds=7)
    clock.advance(seconds=7)  # type: ignore[attr-defined]
    await worker.run_once()
    assert platform.delivered == [("head-a", "Nhắc")]
    for _ in range(5):
        clock.advance(minutes=10)  # type: ignore[attr-defined]
        await worker.run_once()
    failed = await outbox.for_key("f")
    assert failed is not None and failed.status == "failed" and failed.attempts == 3
    problems = await outbox.problems_in_scope(world.admin_a, now - timedelta(days=1))
    assert [m.key for m in problems] == ["f"]
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
    assert message is not None and message.status == "unreachable"


async def test_interrupted_send_is_never_repeated(world: World) -> None:
    outbox, now = world.app.repos.outbox, world.app.services.clock.now()
    await outbox.enqueue(key="x", user=world.head_a, text="Nhắc", now=now)
    claimed = await outbox.claim_due(("test",), now)  # the process "dies" after this, mid-send
    assert [m.key for m in claimed] == ["x"]
    platform = FakePlatform()
    worker = _worker(world, platform)  # a new process on the same database
    assert await worker.start() == 1
    assert await worker.run_once() == 0
    assert platform.delivered == []
    message = await outbox.for_key("x")
    assert message is not None and message.status == "uncertain"


async def test_rate_limiter_spaces_sends_overall_and_per_chat() -> None:
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    limiter = RateLimiter(per_second=10, per_chat=1.0, monotonic=lambda: now[0], sleep=sleep)
    for chat in ["a", "b", "c"]:
        await limiter.acquire(chat)
    assert slept == [0.1, 0.2]  # 10 per second overall
    slept.clear()
    await limiter.acquire("a")  # same chat again: one second after its previous slot
    assert slept == [1.0]
