"""The processed-update store: a redelivered platform update is recognised and ignored."""

from __future__ import annotations

from datetime import datetime, timedelta

from storage.db import Database, utc_now_text


class ProcessedUpdates:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def claim(self, platform: str, update_key: str) -> bool:
        """Record the update; False when it was already recorded (a redelivery)."""
        inserted = await self._db.execute_one(
            "INSERT OR IGNORE INTO processed_updates (platform, update_key, processed_at) VALUES (?, ?, ?)",
            (platform, update_key, utc_now_text()),
        )
        return inserted == 1

    async def prune(self, older_than: timedelta, now: datetime) -> int:
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "DELETE FROM processed_updates WHERE processed_at < ?", (utc_now_text(now - older_than),)
            )
            return cur.rowcount
