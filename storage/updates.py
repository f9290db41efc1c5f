"""The processed-update store: a redelivered platform update is recognised and ignored.

Claims made while another batch of claims is at the database are written together, in
one committed multi-row ``INSERT``: a caller's claim is durable when its await returns.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from storage.coalesce import Coalescer
from storage.db import Database, utc_now_text

Key = tuple[str, str]


class ProcessedUpdates:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._claims: Coalescer[Key, bool] = Coalescer(self._claim_many)

    def claim(self, platform: str, update_key: str) -> asyncio.Future[bool]:
        """Record the update; resolves False when it was already recorded (a redelivery).

        Returns a future rather than a coroutine, so a caller can start its other lookups
        before awaiting this one."""
        return self._claims.submit((platform, update_key))

    async def _claim_many(self, keys: list[Key]) -> list[bool]:
        unique = list(dict.fromkeys(keys))
        stamp = utc_now_text()
        values = ", ".join(["(?, ?, ?)"] * len(unique))
        rows = await self._db.write_fetchall(
            f"INSERT INTO processed_updates (platform, update_key, processed_at) VALUES {values} "
            "ON CONFLICT DO NOTHING RETURNING platform, update_key",
            [value for platform, key in unique for value in (platform, key, stamp)],
        )
        inserted = {(row[0], row[1]) for row in rows}
        # The same key twice in one batch: the first is the delivery, the second the redelivery.
        results = []
        for key in keys:
            results.append(key in inserted)
            inserted.discard(key)
        return results

    async def prune(self, older_than: timedelta, now: datetime) -> int:
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "DELETE FROM processed_updates WHERE processed_at < ?", (utc_now_text(now - older_than),)
            )
            return cur.rowcount
