"""Per-key locks shared by every process on one PostgreSQL database (``Database.exclusive``).

One connection of this process holds, as session advisory locks, the keys its coroutines are
working on (a person whose message is being handled). The process's own order per key is the
caller's in-process lock, so this connection never asks for a key it already holds for someone
else. Taking is ``pg_try_advisory_lock``, never a wait on the server: a key another process
holds is tried again after a short pause, so one contended key never holds up the connection
for the others. Takes and releases made while another batch is at the server go together, in
one statement each (``storage/coalesce.py``). If the process dies, the server frees its locks
with the session, at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import psycopg

from storage.coalesce import Coalescer

logger = logging.getLogger(__name__)

RETRY_FIRST = 0.005  # seconds before trying a key held elsewhere again; doubled up to RETRY_MAX
RETRY_MAX = 0.1
# The lock ids: a 64-bit hash of the key text, in a space of its own (seed 1; transaction locks use 0).
_TAKE = (
    "SELECT pg_try_advisory_lock(hashtextextended(k, 1)) FROM unnest(%s::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n"
)
_FREE = "SELECT pg_advisory_unlock(hashtextextended(k, 1)) FROM unnest(%s::text[]) AS t(k)"


_HELD = (
    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 "
    "AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(%s, 2))"
)


class SharedLocks:
    def __init__(self, url: str) -> None:
        self._url = url
        self._conn: psycopg.AsyncConnection[Any] | None = None
        self._opening = asyncio.Lock()
        self._kept: set[str] = set()  # keys held until let go (a sender's lease), on this connection
        self._takes: Coalescer[str, bool] = Coalescer(self._take_many)
        self._frees: Coalescer[str, None] = Coalescer(self._free_many)

    async def _connection(self) -> psycopg.AsyncConnection[Any]:
        async with self._opening:
            if self._conn is None or self._conn.closed:
                if self._conn is not None:
                    logger.warning("the connection holding the per-person locks was lost; reconnecting")
                self._kept.clear()  # whatever it held, the server has freed
                self._conn = await psycopg.AsyncConnection.connect(self._url, autocommit=True)
            return self._conn

    async def _take_many(self, keys: list[str]) -> list[bool]:
        conn = await self._connection()
        rows = await (await conn.execute(_TAKE, (keys,))).fetchall()
        return [bool(r[0]) for r in rows]

    async def _free_many(self, keys: list[str]) -> list[None]:
        conn = await self._connection()
        await conn.execute(_FREE, (keys,))
        return [None] * len(keys)

    async def _take(self, key: str) -> bool:
        taking = self._takes.submit(key)
        try:
            return await asyncio.shield(taking)
        except asyncio.CancelledError:
            # The take still runs (a coalesced call always does): free the key if it was taken.
            taking.add_done_callback(lambda done: self._free_if_taken(done, key))
            raise

    def _free_if_taken(self, done: asyncio.Future[bool], key: str) -> None:
        if not done.cancelled() and done.exception() is None and done.result():
            self._frees.submit(key)

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        pause = RETRY_FIRST
        while not await self._take(key):
            await asyncio.sleep(pause)
            pause = min(pause * 2, RETRY_MAX)
        try:
            yield
        finally:
            await self._frees.submit(key)

    async def keep(self, key: str) -> bool:
        """Take ``key`` until ``let_go`` (or this process's end) if nobody holds it; True while held.
        Asked again, it checks the connection is alive (its locks die with it)."""
        for attempt in (1, 2):
            conn = await self._connection()
            try:
                if key in self._kept:
                    await conn.execute("SELECT 1")
                    return True
                query = "SELECT pg_try_advisory_lock(hashtextextended(%s, 2))"
                row = await (await conn.execute(query, (key,))).fetchone()
            except psycopg.OperationalError:
                if attempt == 2:
                    raise
                await conn.close()  # the locks it held are gone; a new connection asks again
                continue
            if row is not None and row[0]:
                self._kept.add(key)
                return True
            return False
        return False

    async def let_go(self, key: str) -> None:
        if key in self._kept:
            self._kept.discard(key)
            conn = await self._connection()
            await conn.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 2))", (key,))

    async def break_holder(self, key: str) -> bool:
        """End the other session holding advisory lock ``key`` and wait (up to ~2 s) until the
        server has freed it. pg_locks splits a bigint key into classid (high 32 bits) and objid."""
        conn = await self._connection()
        query = (
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND objsubid = 1 AND pid <> pg_backend_pid() "
            "AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(%s, 2)"
        )
        ended = [row[0] for row in await (await conn.execute(query, (key,))).fetchall()]
        if not any(ended):
            return False
        for _ in range(40):
            free = await (await conn.execute(_HELD, (key,))).fetchone()
            if free is not None and not free[0]:
                break
            await asyncio.sleep(0.05)
        return True

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
