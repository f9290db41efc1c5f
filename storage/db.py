"""The SQLite database: opening it (WAL, foreign keys), migrations, transactions.

``open_database`` opens either store: a path is SQLite (this module), a ``postgresql://``
URL is PostgreSQL (``storage/pg.py``); both implement ``storage.database.Database``.

Two aiosqlite connections serve the process, each with its own thread. The writer
takes every write: ``Database.transaction()`` holds an asyncio lock around an explicit
``BEGIN IMMEDIATE`` … ``COMMIT`` so that concurrent coroutines never interleave
statements inside one another's transaction, and single statements (``execute_one``,
``write_fetchall``, the coalesced batches of ``storage/coalesce.py``) take the same lock.
The reader (``query_only``) takes plain reads: in WAL mode it sees every committed
write and never waits behind the writer, and it never sees another coroutine's
uncommitted transaction. Reads made inside a ``transaction()`` block go to the writer,
so they see that transaction's own changes.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from storage.database import (
    SCHEMA_MIGRATIONS_TABLE,
    Database,
    DatabaseUnavailable,
    Row,
    Tx,
    inserted_id,
    is_postgres_url,
    parse_utc,
    utc_now_text,
)
from storage.database import migration_files as _migrations
from storage.db_folder import create_private_folder

__all__ = [
    "Database",
    "DatabaseUnavailable",
    "DatabaseUnusable",
    "Row",
    "SqliteDatabase",
    "Tx",
    "inserted_id",
    "open_database",
    "parse_utc",
    "utc_now_text",
]

logger = logging.getLogger(__name__)

# Set while the current task is inside ``Database.transaction()``: its reads use the writer.
_IN_TRANSACTION: contextvars.ContextVar[bool] = contextvars.ContextVar("in_transaction", default=False)


class DatabaseUnusable(RuntimeError):
    """The file is not a usable database (not SQLite, corrupted); the message names it."""


class _SqliteTx:
    """The writer connection inside ``transaction()``: one writer holds the whole database, so
    ``lock`` has nothing to add."""

    __slots__ = ("_conn",)

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, parameters: Iterable[Any] = ()) -> Awaitable[aiosqlite.Cursor]:
        return self._conn.execute(sql, tuple(parameters))

    async def execute_fetchall(self, sql: str, parameters: Iterable[Any] = ()) -> Iterable[Row]:
        return await self._conn.execute_fetchall(sql, tuple(parameters))

    async def lock(self, key: str) -> None:
        return None


class SqliteDatabase(Database):
    dialect = "sqlite"
    integrity_errors: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)

    def __init__(self, conn: aiosqlite.Connection, path: str, reader: aiosqlite.Connection | None = None) -> None:
        self._conn = conn
        self._reader = reader or conn
        self.path = path
        self._write_lock = asyncio.Lock()

    def _read_conn(self) -> aiosqlite.Connection:
        return self._conn if _IN_TRANSACTION.get() else self._reader

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """A write transaction; commits on success, rolls back on any error."""
        async with self._write_lock:
            token = _IN_TRANSACTION.set(True)
            try:
                await self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield _SqliteTx(self._conn)
                except BaseException:
                    await self._conn.execute("ROLLBACK")
                    raise
                else:
                    await self._conn.execute("COMMIT")
            finally:
                _IN_TRANSACTION.reset(token)

    async def execute_one(self, sql: str, params: Iterable[Any] = ()) -> int:
        """One write statement, committed on its own (SQLite makes a single statement atomic).
        Holds the write lock for one round trip to the database thread instead of three."""
        async with self._write_lock:
            cur = await self._conn.execute(sql, tuple(params))
            count = cur.rowcount
            await cur.close()
            return count

    async def write_fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """One write statement with ``RETURNING``, committed on its own; its rows, in one round trip."""
        async with self._write_lock:
            return list(await self._conn.execute_fetchall(sql, tuple(params)))

    async def fetchone(self, sql: str, params: Iterable[Any] = ()) -> Any:
        rows = await self._read_conn().execute_fetchall(sql, tuple(params))
        return next(iter(rows), None)

    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        return list(await self._read_conn().execute_fetchall(sql, tuple(params)))

    async def integrity_ok(self) -> bool:
        return await self.fetchval("PRAGMA integrity_check") == "ok"

    async def close(self) -> None:
        if self._reader is not self._conn:
            await self._reader.close()
        await self._conn.close()


def split_statements(sql: str) -> list[str]:
    """The statements of a migration script, one by one (``CREATE TRIGGER ... END;`` stays whole)."""
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    rest = "\n".join(ln for ln in pending.splitlines() if ln.strip() and not ln.strip().startswith("--"))
    if rest.strip():
        raise RuntimeError(f"incomplete SQL statement at the end of a migration: {rest[:80]!r}")
    return statements


async def _apply_migrations(conn: aiosqlite.Connection) -> None:
    """Apply what is missing, in one transaction that takes the write lock *before* reading what
    is applied: a second process starting at the same moment waits (busy timeout), then finds
    everything applied and applies nothing."""
    await conn.execute("BEGIN IMMEDIATE")
    try:
        await conn.execute(SCHEMA_MIGRATIONS_TABLE)
        async with conn.execute("SELECT version FROM schema_migrations") as cur:
            applied = {row[0] for row in await cur.fetchall()}
        for version, name, sql in _migrations():
            if version in applied:
                continue
            logger.info("applying migration %s", name)
            for statement in split_statements(sql):
                await conn.execute(statement)
            await conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, utc_now_text()),
            )
        await conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            await conn.execute("ROLLBACK")
        raise


def _prepare_file(text_path: str) -> None:
    """Create the database file with owner-only permissions before SQLite opens it."""
    file = Path(text_path)
    create_private_folder(text_path)
    fd = os.open(file, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(file, 0o600)


async def _connect(path: str) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path, isolation_level=None)
    conn.row_factory = aiosqlite.Row
    await conn.execute("PRAGMA busy_timeout=5000")
    await conn.execute("PRAGMA foreign_keys=ON")
    return conn


async def open_database(path: str | os.PathLike[str], *, quick_check: bool = True) -> Database:
    """Open (creating if needed, owner-only permissions), check and migrate the database; a
    ``postgresql://`` URL opens PostgreSQL instead (``storage/pg.py``).

    ``PRAGMA quick_check`` runs first unless ``quick_check`` is False (huge databases); a file that
    is not a database or fails the check raises ``DatabaseUnusable``. Whatever fails, the
    connections opened here are closed (their threads would keep the process alive)."""
    text_path = str(path)
    if is_postgres_url(text_path):
        from storage.pg import open_postgres  # psycopg is imported only when PostgreSQL is used

        return await open_postgres(text_path)
    try:
        return await _open(text_path, quick_check)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseUnavailable(f"{text_path}: {exc}") from exc


async def _open(text_path: str, quick_check: bool) -> Database:
    if text_path != ":memory:":
        _prepare_file(text_path)
    opened: list[aiosqlite.Connection] = []
    try:
        conn = await _connect(text_path)
        opened.append(conn)
        try:
            await _set_wal(conn)
            if quick_check:
                await _check(conn, text_path, "quick_check")
        except sqlite3.OperationalError:
            raise  # locked, unreadable: not a verdict on the file's content
        except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
            raise DatabaseUnusable(f"{text_path}: {exc}") from None
        await conn.execute("PRAGMA synchronous=NORMAL")
        await _apply_migrations(conn)
        if text_path == ":memory:":  # a second connection would open a different, empty database
            return SqliteDatabase(conn, text_path)
        reader = await _connect(text_path)
        opened.append(reader)
        await reader.execute("PRAGMA query_only=ON")
        return SqliteDatabase(conn, text_path, reader)
    except BaseException:
        for connection in reversed(opened):
            await connection.close()
        raise


async def _set_wal(conn: aiosqlite.Connection, attempts: int = 100) -> None:
    """WAL mode. Switching a new file's mode needs a moment alone with it, and SQLite does not
    always wait (busy timeout) for that: a process starting beside another retries."""
    for attempt in range(attempts):
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            await asyncio.sleep(0.05)


async def _check(conn: aiosqlite.Connection, path: str, pragma: str) -> None:
    async with conn.execute(f"PRAGMA {pragma}") as cur:
        found = [str(row[0]) for row in await cur.fetchall()]
    if found != ["ok"]:
        raise DatabaseUnusable(f"{path}: {pragma} failed: {'; '.join(found[:5])}")
