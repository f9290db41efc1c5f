"""Fan-out on virtual time: 200 reminders to 50 people through the real outbox worker, rate
limiter and SQLite file, against a scripted platform that answers with latency, floods (429
with retry-after), one blocked recipient and one network error. Checks exactly-once delivery,
the pace (overall and per chat) as the platform saw it, the bot-wide pause after each 429 and
what the database records."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta

from bot.app import build_app
from bot.chat.messages import Reply
from bot.config import Settings
from bot.delivery.outbox_worker import DeliveryError, OutboxWorker, RetryLater, Unreachable
from bot.delivery.pace import RateLimiter
from knowledge.kb.library import Library
from storage.outbox import backoff
from storage.users import Role
from tests.conftest import ESTABLISHED
from tests.virtual_time import LoopClock, VirtualTimeLoop

PEOPLE = 50
PER_PERSON = 4
RATE = 25.0
PER_CHAT = 1.0
RETRY_AFTER = 3.0
LATENCY = 0.03
FLOOD_EVERY = 23  # every 23rd call is answered 429
BLOCKED = "u-7"
FLAKY = "u-11"
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Attempt:
    chat: str
    text: str
    arrived: float  # when the request reached the platform (loop time)
    answered: float  # when the platform answered
    outcome: str  # ok | flood | blocked | network


class ScriptedPlatform:
    """A chat platform on the loop's (virtual) time: answers after ``LATENCY``, floods every
    ``FLOOD_EVERY``-th call, refuses the blocked recipient, drops the flaky one's first call."""

    platforms = ("test",)

    def __init__(self) -> None:
        self.attempts: list[Attempt] = []
        self.calls = 0
        self.flaky_failed = False

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        loop = asyncio.get_running_loop()
        arrived = loop.time()
        self.calls += 1
        call = self.calls
        await asyncio.sleep(LATENCY)
        text = replies[0].text
        if chat_id == BLOCKED:
            outcome, error = "blocked", Unreachable("Forbidden: bot was blocked by the user")
        elif chat_id == FLAKY and not self.flaky_failed:
            self.flaky_failed = True
            outcome, error = "network", DeliveryError("ConnectError")
        elif call % FLOOD_EVERY == 0:
            outcome, error = "flood", RetryLater(RETRY_AFTER)
        else:
            outcome, error = "ok", None
        self.attempts.append(Attempt(chat_id, text, arrived, loop.time(), outcome))
        if error is not None:
            raise error


async def _fan_out(settings: Settings, library: Library) -> tuple[ScriptedPlatform, dict[str, tuple[str, int, str]]]:
    clock = LoopClock()
    app = await build_app(settings, clock=clock, library=library)
    try:
        repos = app.repos
        await repos.units.add("P", "VKSND tỉnh P", "tinh", now=ESTABLISHED)
        unit = await repos.units.add("A", "VKSND khu vực A", "khu_vuc", "P", now=ESTABLISHED)
        people = [await repos.users.create("test", f"u-{i}", f"Người {i}", unit.id, Role.HEAD) for i in range(PEOPLE)]
        now = clock.now()
        for person in people:  # each person's reminders one after another: the per-chat pace binds
            for k in range(PER_PERSON):
                text = f"Nhắc {k}: báo cáo tháng gửi {person.platform_user_id}"
                assert await repos.outbox.enqueue(key=f"fan:{person.id}:{k}", user=person, text=text, now=now)
        platform = ScriptedPlatform()
        loop = asyncio.get_running_loop()
        limiter = RateLimiter(RATE, PER_CHAT, monotonic=loop.time)
        worker = OutboxWorker(repos, platform, clock, limiter=limiter, window=64)
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop, idle=1.0))
        while True:
            counts = await repos.outbox.count_by_status()
            if not counts.keys() & {"pending", "sending"}:
                break
            assert loop.time() < 3600, f"still not done after an hour of virtual time: {counts}"
            await asyncio.sleep(0.5)
        stop.set()
        await task
        stored = {}
        for person in people:
            for k in range(PER_PERSON):
                message = await repos.outbox.for_key(f"fan:{person.id}:{k}")
                assert message is not None
                stored[message.text] = (message.status, message.attempts, message.last_error or "")
        return platform, stored
    finally:
        await app.close()


def test_fan_out_is_exactly_once_within_the_pace_and_honours_retry_after(settings: Settings, library: Library) -> None:
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        platform, stored = runner.run(_fan_out(settings, library))
    attempts = platform.attempts
    outcomes = Counter(a.outcome for a in attempts)
    assert outcomes["flood"] >= 5 and outcomes["network"] == 1 and outcomes["blocked"] == PER_PERSON

    # Exactly once: every reminder but the blocked person's reached the platform once.
    delivered = Counter(a.text for a in attempts if a.outcome == "ok")
    assert len(stored) == PEOPLE * PER_PERSON
    for text, (status, tries, error) in stored.items():
        platform_tries = sum(1 for a in attempts if a.text == text)
        assert tries == platform_tries, f"{text}: {tries} attempts recorded, {platform_tries} made"
        if text.endswith(BLOCKED):
            assert (status, tries, delivered[text]) == ("unreachable", 1, 0) and "blocked" in error
        else:
            assert (status, delivered[text]) == ("sent", 1), text

    # Per chat: every attempt (failed ones included) starts a full interval after the previous one ended.
    by_chat: dict[str, list[Attempt]] = defaultdict(list)
    for a in attempts:
        by_chat[a.chat].append(a)
    for chat, calls in by_chat.items():
        for before, after in itertools.pairwise(calls):
            assert after.arrived - before.answered >= PER_CHAT - TOLERANCE, (chat, before, after)

    # Overall: no window of one second holds more than RATE attempts.
    starts = sorted(a.arrived for a in attempts)
    worst = max(sum(1 for t in starts if s <= t < s + 1.0 - TOLERANCE) for s in starts)
    assert worst <= RATE

    # A 429 pauses every send for retry_after, and the flooded message is retried after it.
    for flood in (a for a in attempts if a.outcome == "flood"):
        resume = flood.answered + RETRY_AFTER
        early = [a for a in attempts if flood.answered < a.arrived < resume - TOLERANCE]
        assert early == [], f"sent during the pause asked at {flood.answered:.3f}: {early[:3]}"
        retry = next(a for a in attempts if a.text == flood.text and a.arrived > flood.arrived)
        assert retry.arrived >= resume - TOLERANCE

    # The network error is retried after the backoff, then succeeds.
    failed, retried = [a for a in attempts if a.chat == FLAKY and a.text == f"Nhắc 0: báo cáo tháng gửi {FLAKY}"]
    assert (failed.outcome, retried.outcome) == ("network", "ok")
    assert retried.arrived - failed.answered >= backoff(1) / timedelta(seconds=1) - TOLERANCE
