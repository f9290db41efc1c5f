"""The lease store's contract: one holder at a time, until it stops renewing."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from storage.repositories import Repositories
from tests.storage.contract.conftest import NOW

TTL = timedelta(seconds=60)


class TestLeases:
    async def test_one_holder_until_the_lease_expires(self, repos: Repositories) -> None:
        leases = repos.leases
        assert await leases.acquire("outbox:zalo", "a", NOW, TTL) is True
        assert await leases.acquire("outbox:zalo", "b", NOW + timedelta(seconds=30), TTL) is False
        assert await leases.holder("outbox:zalo", NOW + timedelta(seconds=30)) == "a"
        assert await leases.acquire("outbox:zalo", "a", NOW + timedelta(seconds=50), TTL) is True  # renewed
        assert await leases.acquire("outbox:zalo", "b", NOW + timedelta(seconds=100), TTL) is False
        assert await leases.holder("outbox:zalo", NOW + timedelta(seconds=110)) is None  # expired
        assert await leases.acquire("outbox:zalo", "b", NOW + timedelta(seconds=110), TTL) is True
        assert await leases.acquire("outbox:telegram", "a", NOW, TTL) is True  # another name, another lease

    async def test_two_taking_at_once_one_gets_it(self, repos: Repositories) -> None:
        results = await asyncio.gather(*(repos.leases.acquire("planner", f"p{i}", NOW, TTL) for i in range(8)))
        assert results.count(True) == 1
        assert await repos.leases.holder("planner", NOW) == f"p{results.index(True)}"

    async def test_take_over_only_from_the_named_holder_and_release_only_by_it(self, repos: Repositories) -> None:
        leases = repos.leases
        await leases.acquire("planner", "dead", NOW, TTL)
        assert await leases.take_over("planner", "someone-else", "new", NOW, TTL) is False
        assert await leases.take_over("planner", "dead", "new", NOW, TTL) is True
        assert await leases.take_over("planner", "dead", "third", NOW, TTL) is False
        await leases.release("planner", "dead")  # not the holder any more: nothing happens
        assert await leases.holder("planner", NOW) == "new"
        await leases.release("planner", "new")
        assert await leases.holder("planner", NOW) is None
