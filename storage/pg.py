"""The PostgreSQL store (``BOT_DB=postgresql://…``): psycopg 3 with a connection pool.

Repositories' SQL is shared with SQLite; what differs is handled here, once:

- placeholders: ``?`` becomes ``%s`` (and a literal ``%`` becomes ``%%``), cached per text;
- parameters: a Python ``int`` is sent as ``bigint`` (ids are identity ``bigint`` columns, and a
  recursive CTE needs one type on both sides), a ``bool`` as the integer SQLite stores for it,
  a ``str`` as ``text``;
- rows: ``PgRow`` reads like ``sqlite3.Row`` (by column name or position, or unpacked);
- transactions: READ COMMITTED on a pooled connection; reads made inside a ``transaction()``
  block use that block's connection (they see its changes), others any pooled connection.
  ``Tx.lock(key)`` takes a transaction-level advisory lock for writes that must be serialised
  where no row exists yet to lock.
"""

from __future__ import annotations

import contextvars
import functools
import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, ClassVar

import psycopg
from psycopg.types.numeric import Int8BinaryDumper, Int8Dumper
from psycopg.types.string import StrDumper
from psycopg_pool import AsyncConnectionPool

from storage.database import Database, DatabaseUnavailable, Tx, redacted
from storage.pg_locks import SharedLocks
from storage.pg_migrations import apply_migrations

logger = logging.getLogger(__name__)

POOL_MIN = 2
POOL_MAX = 10


@functools.lru_cache(maxsize=4096)
def translate(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s`` (outside quoted text), ``%`` to ``%%``."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


# psycopg parses a query's placeholders again on every execution unless the query is short (it
# caches those of at most 4,096 characters and 50 parameters): a multi-row statement
# (storage/multirow.py) would spend more time there than the server spends on it. A statement with
# more parameters goes with PostgreSQL's own $1, $2 … through a raw cursor, which parses nothing.
_PARSED_UP_TO = 50


@functools.lru_cache(maxsize=256)
def numbered(sql: str) -> str:
    """``?`` placeholders (outside quoted text) to ``$1``, ``$2``, … (``%`` stays as it is)."""
    out: list[str] = []
    quote = ""
    count = 0
    for ch in sql:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            count += 1
            out.append(f"${count}")
            continue
        out.append(ch)
    return "".join(out)


async def _run(conn: psycopg.AsyncConnection[Any], sql: str, params: tuple[Any, ...]) -> psycopg.AsyncCursor[Any]:
    if len(params) > _PARSED_UP_TO:
        cursor: psycopg.AsyncCursor[Any] = psycopg.AsyncRawCursor(conn)
        return await cursor.execute(numbered(sql), params)
    return await conn.execute(translate(sql), params)


class PgRow(tuple[Any, ...]):
    """A row read by column name (``row["id"]``) or position; one subclass per column list."""

    __slots__ = ()
    _index: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


_ROW_CLASSES: dict[tuple[str, ...], type[PgRow]] = {}


def _row_class(names: tuple[str, ...]) -> type[PgRow]:
    cls = _ROW_CLASSES.get(names)
    if cls is None:
        index: dict[str, int] = {}
        for i, name in enumerate(names):
            index.setdefault(name, i)  # a repeated name reads as its first column, as in sqlite3.Row
        cls = type("PgRow", (PgRow,), {"__slots__": (), "_index": index})
        _ROW_CLASSES[names] = cls
    return cls


def pg_row(cursor: Any) -> Any:
    """psycopg row factory making ``PgRow``s."""
    description = cursor.description
    if description is None:
        return tuple
    return _row_class(tuple(column.name for column in description))


class _BoolAsInt(Int8Dumper):
    def dump(self, obj: Any) -> bytes:
        return b"1" if obj else b"0"


class _BoolAsIntBinary(Int8BinaryDumper):
    def dump(self, obj: Any) -> bytes:
        return (1 if obj else 0).to_bytes(8, "big")


def _adapt(conn: psycopg.AsyncConnection[Any]) -> None:
    conn.adapters.register_dumper(int, Int8Dumper)
    conn.adapters.register_dumper(int, Int8BinaryDumper)
    conn.adapters.register_dumper(bool, _BoolAsInt)
    conn.adapters.register_dumper(bool, _BoolAsIntBinary)
    conn.adapters.register_dumper(str, StrDumper)


async def _configure(conn: psycopg.AsyncConnection[Any]) -> None:
    _adapt(conn)
    conn.row_factory = pg_row


class _PgTx:
    __slots__ = ("_conn",)

    def __init__(self, conn: psycopg.AsyncConnection[Any]) -> None:
        self._conn = conn

    async def execute(self, sql: str, parameters: Iterable[Any] = ()) -> psycopg.AsyncCursor[Any]:
        return await _run(self._conn, sql, tuple(parameters))

    async def execute_fetchall(self, sql: str, parameters: Iterable[Any] = ()) -> list[Any]:
        return await (await _run(self._conn, sql, tuple(parameters))).fetchall()

    async def lock(self, key: str) -> None:
        await self._conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))


class PostgresDatabase(Database):
    dialect = "postgres"
    integrity_errors: tuple[type[Exception], ...] = (psycopg.IntegrityError,)

    def __init__(self, pool: AsyncConnectionPool[Any], url: str) -> None:
        self._pool = pool
        self._locks = SharedLocks(url)
        self.path = url
        # The connection of the transaction the current task is in (one variable per database:
        # a process may hold two, as the race tests do).
        self._current: contextvars.ContextVar[psycopg.AsyncConnection[Any] | None] = contextvars.ContextVar(
            f"pg_tx_{id(self)}", default=None
        )

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        async with self._pool.connection() as conn:
            token = self._current.set(conn)
            try:
                async with conn.transaction():
                    yield _PgTx(conn)
            finally:
                self._current.reset(token)

    async def execute_one(self, sql: str, params: Iterable[Any] = ()) -> int:
        async with self._pool.connection() as conn:
            return (await _run(conn, sql, tuple(params))).rowcount

    async def write_fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        async with self._pool.connection() as conn:
            return await (await _run(conn, sql, tuple(params))).fetchall()

    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        current = self._current.get()
        if current is not None:
            return await (await _run(current, sql, tuple(params))).fetchall()
        async with self._pool.connection() as conn:
            return await (await _run(conn, sql, tuple(params))).fetchall()

    def exclusive(self, key: str) -> AbstractAsyncContextManager[None]:
        """A session advisory lock on ``key``, freed by the server if this process dies
        (``storage/pg_locks.py``)."""
        return self._locks.hold(key)

    async def keep_lock(self, key: str) -> bool | None:
        return await self._locks.keep(key)

    async def release_lock(self, key: str) -> None:
        await self._locks.let_go(key)

    async def break_lock(self, key: str) -> bool:
        return await self._locks.break_holder(key)

    async def integrity_ok(self) -> bool:
        """Every constraint validated (PostgreSQL checks pages itself; there is no quick_check)."""
        return await self.fetchval("SELECT COUNT(*) FROM pg_constraint WHERE NOT convalidated") == 0

    async def close(self) -> None:
        await self._locks.close()
        await self._pool.close()


async def open_postgres(url: str, *, min_size: int = POOL_MIN, max_size: int = POOL_MAX) -> PostgresDatabase:
    """Connect (a libpq URL, e.g. ``postgresql://bot@/vks?host=/run/postgresql``) and migrate."""
    try:
        conn = await psycopg.AsyncConnection.connect(url, autocommit=True)
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailable(f"{redacted(url)}: {str(exc).strip()}") from None
    async with conn:
        _adapt(conn)
        await apply_migrations(conn)
    pool: AsyncConnectionPool[Any] = AsyncConnectionPool(
        url,
        min_size=min_size,
        max_size=max_size,
        kwargs={"autocommit": True},
        configure=_configure,
        open=False,
        name="bot",
    )
    await pool.open(wait=True)
    return PostgresDatabase(pool, url)
