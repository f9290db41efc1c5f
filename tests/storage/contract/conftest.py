"""The stores every repository contract runs against, after aiogram's storage tests (one
parametrised fixture, one test class per contract, every test run once per store).

A store is a function that opens the database kept at a folder: called twice with the same
folder it opens the same data again (the contracts check what survives a restart). SQLite
(a file in the folder) and PostgreSQL (``tests/pg.py``: a fresh database of the session's
private server per folder; skipped, or failed under ``CI``, where no server can run). Another
store is one more entry of ``STORES``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage.database import Database
from storage.db import open_database
from storage.repositories import Repositories
from storage.users import Role, User
from tests.pg import open_at

Store = Callable[[Path], Awaitable[Database]]


async def _sqlite(place: Path) -> Database:
    return await open_database(place / "contract.sqlite3")


STORES: dict[str, Store] = {"sqlite": _sqlite, "postgres": open_at}
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


class Opened:
    """The store under test at one place: ``repos`` is open; ``reopen`` closes and opens it again."""

    def __init__(self, store: Store, place: Path) -> None:
        self._store = store
        self._place = place
        self._db: Database | None = None
        self._others: list[Database] = []
        self.repos: Repositories

    async def open(self) -> Repositories:
        self._db = await self._store(self._place)
        self.repos = Repositories.over(self._db)
        return self.repos

    async def reopen(self) -> Repositories:
        await self.close()
        return await self.open()

    async def another_process(self) -> tuple[Repositories, Database]:
        """The same store opened again beside this one, as a second process would (closed with
        this one unless the test closes it first: a process that dies)."""
        db = await self._store(self._place)
        self._others.append(db)
        return Repositories.over(db), db

    async def stop_process(self, db: Database) -> None:
        """The second process stops (its connections close)."""
        self._others.remove(db)
        await db.close()

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None
        for db in self._others:
            await db.close()
        self._others.clear()


@pytest.fixture(params=sorted(STORES))
def store_name(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres":
        request.getfixturevalue("pg_server").ensure_template()  # outside the test's event loop
    return str(request.param)


@pytest.fixture
async def store(store_name: str, tmp_path: Path) -> AsyncIterator[Opened]:
    opened = Opened(STORES[store_name], tmp_path)
    await opened.open()
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def repos(store: Opened) -> Repositories:
    return store.repos


async def person(repos: Repositories, key: str = "u1", platform: str = "test", unit: str = "P") -> User:
    """A registered user in unit ``unit`` (created with the province P if missing)."""
    found = await repos.units.by_code(unit)
    if found is None:
        found = await repos.units.add(unit, f"VKSND {unit}", "tinh")
    return await repos.users.create(platform, key, f"Người {key}", found.id, Role.STAFF)
