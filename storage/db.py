"""The SQLite database: opening it (WAL, foreign keys), migrations, transactions.

One aiosqlite connection serves the process. Every write goes through
``Database.transaction()``, which holds an asyncio lock around an explicit
``BEGIN IMMEDIATE`` … ``COMMIT`` so that concurrent coroutines never interleave
statements inside one another's transaction.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

logger = logging.getLogger(__name__)

Row = aiosqlite.Row


def utc_now_text(now: datetime | None = None) -> str:
    """ISO-8601 UTC timestamp as stored in every table."""
    moment = now or datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("storage") / "migrations"
    found: list[tuple[int, str, str]] = []
    for item in folder.iterdir():
        name = item.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, item.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(versions) != len(set(versions)):
        raise RuntimeError(f"duplicate migration numbers: {versions}")
    return found


class Database:
    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self._conn = conn
        self.path = path
        self._write_lock = asyncio.Lock()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction; commits on success, rolls back on any error."""
        async with self._write_lock:
            await self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            else:
                await self._conn.execute("COMMIT")

    async def execute_one(self, sql: str, params: Iterable[Any] = ()) -> int:
        """One write statement, committed on its own (SQLite makes a single statement atomic).
        Holds the write lock for one round trip to the database thread instead of three."""
        async with self._write_lock:
            cur = await self._conn.execute(sql, tuple(params))
            count = cur.rowcount
            await cur.close()
            return count

    async def fetchone(self, sql: str, params: Iterable[Any] = ()) -> Row | None:
        rows = await self._conn.execute_fetchall(sql, tuple(params))
        return next(iter(rows), None)

    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        return list(await self._conn.execute_fetchall(sql, tuple(params)))

    async def fetchval(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    async def schema_version(self) -> int:
        return int(await self.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") or 0)

    async def integrity_ok(self) -> bool:
        return await self.fetchval("PRAGMA integrity_check") == "ok"

    async def close(self) -> None:
        await self._conn.close()


async def _apply_migrations(conn: aiosqlite.Connection) -> None:
    await conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)"
    )
    async with conn.execute("SELECT version FROM schema_migrations") as cur:
        applied = {row[0] for row in await cur.fetchall()}
    for version, name, sql in _migrations():
        if version in applied:
            continue
        logger.info("applying migration %s", name)
        stamp = utc_now_text()
        # executescript runs the whole file and the bookkeeping row as one transaction.
        script = (
            f"BEGIN IMMEDIATE;\n{sql}\n"
            f"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({version}, '{name}', '{stamp}');\n"
            "COMMIT;"
        )
        try:
            await conn.executescript(script)
        except Exception:
            if conn.in_transaction:
                await conn.execute("ROLLBACK")
            raise


def _prepare_file(text_path: str) -> None:
    """Create the database file with owner-only permissions before SQLite opens it."""
    file = Path(text_path)
    file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(file, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(file, 0o600)


async def open_database(path: str | os.PathLike[str]) -> Database:
    """Open (creating if needed, owner-only permissions) and migrate the database."""
    text_path = str(path)
    if text_path != ":memory:":
        _prepare_file(text_path)
    conn = await aiosqlite.connect(text_path, isolation_level=None)
    conn.row_factory = aiosqlite.Row
    await conn.execute("PRAGMA journal_mode=WAL")
    await conn.execute("PRAGMA foreign_keys=ON")
    await conn.execute("PRAGMA busy_timeout=5000")
    await conn.execute("PRAGMA synchronous=NORMAL")
    await _apply_migrations(conn)
    return Database(conn, text_path)
