"""The update-key store's contract: an update is handled once, however often it is delivered."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from storage.repositories import Repositories
from tests.storage.contract.conftest import Opened


class TestUpdateKeys:
    async def test_the_first_claim_wins_and_a_redelivery_is_refused(self, repos: Repositories) -> None:
        assert await repos.updates.claim("telegram", "1001") is True
        assert await repos.updates.claim("telegram", "1001") is False
        assert await repos.updates.claim("zalo", "1001") is True  # keys are per platform

    async def test_the_same_key_twice_at_once_is_claimed_once(self, repos: Repositories) -> None:
        claims = [repos.updates.claim("zalo", "message.text.received:7") for _ in range(5)]
        claims += [repos.updates.claim("zalo", f"other:{i}") for i in range(20)]
        results = await asyncio.gather(*claims)
        assert results[:5].count(True) == 1 and all(results[5:])

    async def test_a_claim_survives_a_restart(self, store: Opened) -> None:
        assert await store.repos.updates.claim("telegram", "42") is True
        repos = await store.reopen()
        assert await repos.updates.claim("telegram", "42") is False

    async def test_pruning_forgets_only_old_keys(self, repos: Repositories) -> None:
        assert await repos.updates.claim("telegram", "old") is True
        now = datetime.now(UTC)
        assert await repos.updates.prune(timedelta(days=1), now) == 0
        assert await repos.updates.prune(timedelta(days=1), now + timedelta(days=2)) == 1
        assert await repos.updates.claim("telegram", "old") is True
