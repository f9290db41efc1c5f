"""The database interface every repository is written against, and what both stores share.

Two implementations: SQLite (``storage/db.py``, the embedded default) and PostgreSQL
(``storage/pg.py``, when ``BOT_DB`` is a ``postgresql://`` URL). Repositories write one
plain SQL text for both, with ``?`` placeholders (translated for PostgreSQL in one place),
and read rows by column name or position, which both stores' rows allow.

A transaction (``Database.transaction()``) yields a ``Tx``: ``execute`` returns a cursor
(``rowcount``, ``fetchone``, ``fetchall``), ``execute_fetchall`` its rows at once, and
``lock(key)`` serialises transactions that touch one thing no row stands for yet (a
PostgreSQL transaction-level advisory lock; a no-op on SQLite, where one writer at a time
holds the whole database anyway).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Iterable, Iterator
from contextlib import AbstractAsyncContextManager, nullcontext
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Protocol

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(target: str) -> bool:
    return target.startswith(POSTGRES_SCHEMES)


class DatabaseUnavailable(RuntimeError):
    """The database could not be opened or migrated (permissions, locked, disk, an unreachable
    server); the message names it (never with a password)."""


def redacted(target: str) -> str:
    """``target`` with any password in it replaced by ``***`` (a URL's ``user:password@`` or ``password=``)."""
    target = re.sub(r"(://[^:/@?]*):[^@/?]*@", r"\1:***@", target)
    return re.sub(r"(password=)[^&\s]*", r"\1***", target, flags=re.IGNORECASE)


def utc_now_text(now: datetime | None = None) -> str:
    """ISO-8601 UTC timestamp as stored in every table."""
    moment = now or datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


class Row(Protocol):
    """A result row: ``row["name"]`` or ``row[0]``, iterable like a tuple (``sqlite3.Row`` and ``storage.pg.PgRow``)."""

    def __getitem__(self, key: int | str, /) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __len__(self) -> int: ...
    def keys(self) -> list[str]: ...


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...
    async def fetchone(self) -> Any: ...
    async def fetchall(self) -> Iterable[Any]: ...


async def inserted_id(cursor: Cursor) -> int:
    """The id an ``INSERT … RETURNING id`` produced (there is no ``lastrowid`` on PostgreSQL)."""
    row = await cursor.fetchone()
    return int(row[0])


class Tx(Protocol):
    """The statements of one transaction (see the module docstring)."""

    def execute(self, sql: str, parameters: Iterable[Any] = ..., /) -> Awaitable[Cursor]: ...
    async def execute_fetchall(self, sql: str, parameters: Iterable[Any] = ..., /) -> Iterable[Any]: ...
    async def lock(self, key: str) -> None: ...


class Database(ABC):
    """One store. ``dialect`` is ``"sqlite"`` or ``"postgres"``; ``integrity_errors`` the driver's
    exceptions for a broken constraint (a unique key taken meanwhile), to catch around a
    ``transaction()`` block (on PostgreSQL the transaction cannot go on after one)."""

    dialect: str
    path: str
    integrity_errors: tuple[type[Exception], ...]

    @abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Tx]:
        """A write transaction; commits on success, rolls back on any error."""

    @abstractmethod
    async def execute_one(self, sql: str, params: Iterable[Any] = ()) -> int:
        """One write statement, committed on its own; the number of rows it changed."""

    @abstractmethod
    async def write_fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """One write statement with ``RETURNING``, committed on its own; its rows."""

    @abstractmethod
    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """Rows of a read (inside a ``transaction()`` block: that transaction's view)."""

    async def fetchone(self, sql: str, params: Iterable[Any] = ()) -> Any:
        rows = await self.fetchall(sql, params)
        return next(iter(rows), None)

    async def fetchval(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    async def schema_version(self) -> int:
        return int(await self.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") or 0)

    def exclusive(self, key: str) -> AbstractAsyncContextManager[None]:
        """Held by one process at a time for ``key`` (e.g. one person's messages across the
        workers sharing a PostgreSQL database). SQLite: nothing to add, as one process serves a
        database file (in-process order is the caller's own lock)."""
        return nullcontext()

    async def keep_lock(self, key: str) -> bool | None:
        """Hold ``key`` for this process until ``release_lock`` or its end (the server frees it if
        the process dies): True while held, False when another process holds it, None where the
        store has no such locks (SQLite: a lease row alone decides, see ``storage/leases.py``)."""
        return None

    async def release_lock(self, key: str) -> None:
        return None

    async def break_lock(self, key: str) -> bool:
        """End the session of the process that holds ``key`` (a holder found hung: its lease row
        expired while its connection stayed open); True if one was ended. No such locks: False."""
        return False

    @abstractmethod
    async def integrity_ok(self) -> bool: ...

    @abstractmethod
    async def close(self) -> None: ...


# The table of applied migrations, the same on both stores (created before the first migration).
SCHEMA_MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL)"
)


def migration_files() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every numbered migration in ``storage/migrations/``, in order."""
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
