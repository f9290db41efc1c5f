"""Leases: one row per name, held by one process until it expires.

A process that sends reminders holds the lease for its platform and renews it; a second
process on the same database does not get it (and sends nothing) until the holder stops
renewing and the lease expires. Taking and renewing is one atomic statement.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from storage.db import Database, parse_utc, utc_now_text

LOCK_PREFIX = "lease:"
# How long an expired row must stay unchanged before its holder is taken for hung (PostgreSQL).
HUNG_CHECK_SECONDS = 0.5


class LeaseRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def acquire(self, name: str, holder: str, now: datetime, ttl: timedelta) -> bool:
        """Take or renew the lease; True if ``holder`` holds it until ``now + ttl``. One statement:
        of several processes asking at once, the row they all change says who got it.

        On PostgreSQL a session advisory lock decides first: the server frees it the moment its
        holder's connection dies (a crash on any host), so the next process asking takes the lease
        without waiting for the row to expire; the row is then written as this holder's."""
        kept = await self._db.keep_lock(LOCK_PREFIX + name)
        if kept is False:
            # Another session holds the lock. If its row has expired and stays unchanged for a
            # moment (a live holder that just took the lock writes its row at once), that holder
            # stopped renewing while its connection stayed open: a hung process. End its session,
            # as SQLite's row expiry would pass the lease on, and ask once more.
            stale = await self._expired_row(name, now)
            if stale is None:
                return False
            await asyncio.sleep(HUNG_CHECK_SECONDS)
            if await self._expired_row(name, now) != stale or not await self._db.break_lock(LOCK_PREFIX + name):
                return False
            kept = await self._db.keep_lock(LOCK_PREFIX + name)
            if kept is False:
                return False
        if kept:
            await self._db.execute_one(
                "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE "
                "SET holder = excluded.holder, expires_at = excluded.expires_at",
                (name, holder, utc_now_text(now + ttl)),
            )
            return True
        taken = await self._db.write_fetchall(
            "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
            "WHERE leases.holder = excluded.holder OR leases.expires_at <= ? RETURNING holder",
            (name, holder, utc_now_text(now + ttl), utc_now_text(now)),
        )
        return bool(taken) and taken[0][0] == holder

    async def _expired_row(self, name: str, now: datetime) -> tuple[str, str] | None:
        row = await self._db.fetchone("SELECT holder, expires_at FROM leases WHERE name = ?", (name,))
        if row is None or parse_utc(row["expires_at"]) > now:
            return None
        return str(row["holder"]), str(row["expires_at"])

    async def take_over(self, name: str, dead: str, holder: str, now: datetime, ttl: timedelta) -> bool:
        """Take the lease from ``dead`` (a holder known to have stopped) before it expires; atomic:
        only if ``dead`` still holds it."""
        changed = await self._db.execute_one(
            "UPDATE leases SET holder = ?, expires_at = ? WHERE name = ? AND holder = ?",
            (holder, utc_now_text(now + ttl), name, dead),
        )
        return changed == 1

    async def holder(self, name: str, now: datetime) -> str | None:
        row = await self._db.fetchone("SELECT holder, expires_at FROM leases WHERE name = ?", (name,))
        if row is None or parse_utc(row["expires_at"]) <= now:
            return None
        return str(row["holder"])

    async def release(self, name: str, holder: str) -> None:
        await self._db.execute_one("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))
        await self._db.release_lock(LOCK_PREFIX + name)
