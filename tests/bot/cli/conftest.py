"""Fixtures of the ``python -m bot track`` tests: a database file with a head and a staff member of unit A."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from storage.db import open_database
from storage.repositories import Repositories
from storage.users import Role


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "bot.sqlite3"
    monkeypatch.setenv("BOT_DB", str(path))
    monkeypatch.setenv("BOT_ENV_FILE", str(tmp_path / "none.env"))

    async def seed() -> None:
        db = await open_database(path)
        repos = Repositories.over(db)
        await repos.units.add("P", "VKSND tỉnh P", "tinh")
        unit = await repos.units.add("A", "VKSND khu vực A", "khu_vuc", "P")
        await repos.users.create("test", "h", "Lãnh đạo A", unit.id, Role.HEAD)
        await repos.users.create("test", "k", "KSV Một", unit.id, Role.STAFF)
        await db.close()

    asyncio.run(seed())
    return path
