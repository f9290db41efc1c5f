"""Zalo's interactive replies on the shared retry loop (bot/adapters/retrying.py), over real HTTP
against the loopback fake Bot API, with the real dispatcher and SQLite:

- every 429 while answering someone is counted (``trolyvks_reply_rate_limited_total``);
- at shutdown the adapter stops retrying: a wait already begun is cut short and the reply goes to
  the outbox with Zalo's wait (it used to keep waiting, and the reply was lost with the process);
- a 429 asking for a longer wait than the adapter holds a chat for goes to the outbox at once.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx

from bot.adapters.zalo.sending import MAX_WAIT
from bot.adapters.zalo.updates import PLATFORM
from bot.service import metrics
from bot.service.health import HealthServer, HealthState
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeClock, eventually
from tests.zalo_harness import zalo_running

ANH = "6ede9afa66b88fe6d6a9"


def _reply_429s() -> float:
    return metrics.REGISTRY.get_sample_value("trolyvks_reply_rate_limited_total", {"platform": PLATFORM}) or 0.0


async def test_429s_on_replies_are_counted_and_shown_at_metrics(world: World) -> None:
    async with zalo_running(world.app) as h:
        before = _reply_429s()
        h.fake.fail("sendMessage", 429, times=2)
        [welcome] = await h.say(ANH, "/start")
        assert "mã mời" in welcome
        assert _reply_429s() == before + 2
        h.fake.fail("sendMessage", 502)  # a server error is retried, but is no flood control
        assert len(await h.say(ANH, "/start")) == 1
        assert _reply_429s() == before + 2
    app = world.app
    server = HealthServer(HealthState(app.repos, app.services.clock, lambda: True, lambda: False), 0)
    port = await server.start()
    try:
        async with httpx.AsyncClient() as http:
            page = (await http.get(f"http://127.0.0.1:{port}/metrics")).text
    finally:
        await server.close()
    assert f'trolyvks_reply_rate_limited_total{{platform="zalo"}} {before + 2}' in page


async def test_shutdown_cuts_a_429_wait_short_and_queues_the_reply(world: World, clock: FakeClock) -> None:
    await world.app.repos.users.create(PLATFORM, ANH, "Cán bộ Zalo", world.staff_a.unit_id, Role.STAFF)
    async with zalo_running(world.app) as h:
        h.fake.fail("sendMessage", 429, times=10, retry_after=30)  # under MAX_WAIT: waited while running
        h.fake.queue(h.fake.text(ANH, "/help"))
        await eventually(lambda: [c.method for c in h.fake.refused] == ["sendMessage"], what="the first 429")
        h.stop.set()  # while the reply waits out Zalo's 30 seconds
        await asyncio.wait_for(h.task, timeout=30)
        outbox = world.app.repos.outbox
        assert await outbox.count_by_status() == {"pending": 1}
        assert [c.method for c in h.fake.refused] == ["sendMessage"]  # not sent again after the stop
        assert h.fake.texts(ANH) == []
        assert await outbox.next_due((PLATFORM,)) == clock.now() + timedelta(seconds=30)


async def test_a_429_asking_longer_than_max_wait_goes_to_the_outbox_at_once(world: World, clock: FakeClock) -> None:
    await world.app.repos.users.create(PLATFORM, ANH, "Cán bộ Zalo", world.staff_a.unit_id, Role.STAFF)
    async with zalo_running(world.app) as h:
        h.fake.fail("sendMessage", 429, times=10, retry_after=MAX_WAIT + 60)
        assert await h.say(ANH, "/help") == []
        assert [c.method for c in h.fake.refused] == ["sendMessage"]
        outbox = world.app.repos.outbox
        assert await outbox.count_by_status() == {"pending": 1}
        assert await outbox.next_due((PLATFORM,)) == clock.now() + timedelta(seconds=MAX_WAIT + 60)
