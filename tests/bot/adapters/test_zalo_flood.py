"""A flood through the real webhook with the production intake limits: one user's 60 messages
at once are answered up to the burst limit plus one "gửi quá nhanh"; another user is answered
meanwhile; on stop (what SIGTERM sets) every accepted update is still answered (drained)."""

from __future__ import annotations

import asyncio

from bot.adapters.intake import TOO_FAST, IntakeLimits
from tests.conftest import World
from tests.zalo_harness import zalo_running

FLOODER = "f100d000f100d000f100"
OTHER = "0the40000the40000the"


async def test_one_users_flood_is_bounded_and_another_user_is_answered(world: World) -> None:
    limits = IntakeLimits()  # production defaults
    async with zalo_running(world.app, webhook=True, limits=limits) as h:
        assert h.webhook is not None and h.secret is not None
        url, secret = h.webhook, h.secret
        flood = [h.fake.text(FLOODER, "/start") for _ in range(60)]
        statuses = await asyncio.gather(*(h.fake.push(url, u, secret) for u in flood))
        assert statuses == [200] * 60  # taken (and dropped above the limit): Zalo need not retry
        started = asyncio.get_running_loop().time()
        [answer] = await h.answer(OTHER, h.fake.text(OTHER, "/start"))
        waited = asyncio.get_running_loop().time() - started  # reported, not asserted
        assert "mã mời" in answer
        await h.adapter.drain()
        flooder = h.fake.texts(FLOODER)
    assert flooder.count(TOO_FAST) == 1
    answered = [t for t in flooder if t != TOO_FAST]
    assert len(answered) == limits.per_user_burst
    assert limits.dropped == 60 - limits.per_user_burst
    print(f"flood: 60 from one user -> {len(answered)} answered + 1 notice; another user answered in {waited:.3f} s")


async def test_accepted_updates_are_answered_across_a_stop(world: World) -> None:
    users = [f"{i:020x}" for i in range(25)]
    async with zalo_running(world.app, webhook=True) as h:
        assert h.webhook is not None
        statuses = await asyncio.gather(*(h.fake.push(h.webhook, h.fake.text(u, "/start"), h.secret) for u in users))
        assert statuses == [200] * len(users)
        h.stop.set()  # what SIGTERM does: the webhook closes, accepted work is drained
        await asyncio.wait_for(h.task, timeout=30)
        assert all(len(h.fake.texts(u)) == 1 for u in users)
