"""The lease store's contract: one holding process at a time (each process opens the store
itself, as the sender of a second worker would)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from tests.storage.contract.conftest import NOW, Opened

TTL = timedelta(seconds=60)


class TestLeases:
    async def test_one_process_holds_it_and_renews_it(self, store: Opened) -> None:
        a = store.repos.leases
        b = (await store.another_process())[0].leases
        assert await a.acquire("outbox:zalo", "a", NOW, TTL) is True
        assert await b.acquire("outbox:zalo", "b", NOW + timedelta(seconds=30), TTL) is False
        assert await a.holder("outbox:zalo", NOW + timedelta(seconds=30)) == "a"
        assert await a.acquire("outbox:zalo", "a", NOW + timedelta(seconds=50), TTL) is True  # renewed
        assert await b.acquire("outbox:zalo", "b", NOW + timedelta(seconds=100), TTL) is False
        assert await b.acquire("outbox:telegram", "b", NOW, TTL) is True  # another name, another lease

    async def test_a_lease_not_renewed_passes_on_when_it_expires(self, store: Opened) -> None:
        """Also on PostgreSQL, where the lease is a session advisory lock: a holder whose connection
        stays open but who stopped renewing (hung) has its session ended, and the lease passes on."""
        a = store.repos.leases
        b = (await store.another_process())[0].leases
        assert await a.acquire("outbox:zalo", "a", NOW, TTL) is True
        assert await b.holder("outbox:zalo", NOW + timedelta(seconds=110)) is None  # expired
        assert await b.acquire("outbox:zalo", "b", NOW + timedelta(seconds=110), TTL) is True

    async def test_processes_taking_at_once_one_gets_it(self, store: Opened) -> None:
        processes = [store.repos] + [(await store.another_process())[0] for _ in range(3)]
        results = await asyncio.gather(
            *(p.leases.acquire("planner", f"p{i}", NOW, TTL) for i, p in enumerate(processes))
        )
        assert results.count(True) == 1
        assert await store.repos.leases.holder("planner", NOW) == f"p{results.index(True)}"

    async def test_a_stopped_holder_is_taken_over_and_release_is_the_holders_only(self, store: Opened) -> None:
        dead_repos, dead_db = await store.another_process()
        assert await dead_repos.leases.acquire("planner", "dead", NOW, TTL) is True
        await store.stop_process(dead_db)  # the process stopped without releasing
        leases = store.repos.leases
        assert await leases.take_over("planner", "someone-else", "new", NOW, TTL) is False
        assert await leases.take_over("planner", "dead", "new", NOW, TTL) is True
        assert await leases.take_over("planner", "dead", "third", NOW, TTL) is False
        assert await leases.acquire("planner", "new", NOW + timedelta(seconds=10), TTL) is True  # renewed
        await leases.release("planner", "dead")  # not the holder: nothing happens
        assert await leases.holder("planner", NOW + timedelta(seconds=10)) == "new"
        await leases.release("planner", "new")
        assert await leases.holder("planner", NOW) is None
