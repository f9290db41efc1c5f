"""The stores every repository contract runs against, after aiogram's storage tests (one
parametrised fixture, one test class per contract, every test run once per store).

A store is a function that opens the database kept at a folder: called twice with the same
folder it opens the same data again (the contracts check what survives a restart). SQLite is
the only store today. A PostgreSQL store plugs in as one more entry of ``STORES``, e.g.::

    async def _postgres(place: Path) -> Database:   # one schema per test, named after ``place``
        ...
    STORES["postgres"] = _postgres                   # skipped (pytest.skip) when no server is set up
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage.db import Database, open_database
from storage.repositories import Repositories
from storage.users import Role, User

Store = Callable[[Path], Awaitable[Database]]


async def _sqlite(place: Path) -> Database:
    return await open_database(place / "contract.sqlite3")


STORES: dict[str, Store] = {"sqlite": _sqlite}
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


class Opened:
    """The store under test at one place: ``repos`` is open; ``reopen`` closes and opens it again."""

    def __init__(self, store: Store, place: Path) -> None:
        self._store = store
        self._place = place
        self._db: Database | None = None
        self.repos: Repositories

    async def open(self) -> Repositories:
        self._db = await self._store(self._place)
        self.repos = Repositories.over(self._db)
        return self.repos

    async def reopen(self) -> Repositories:
        await self.close()
        return await self.open()

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None


@pytest.fixture(params=sorted(STORES))
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Opened]:
    opened = Opened(STORES[request.param], tmp_path)
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
