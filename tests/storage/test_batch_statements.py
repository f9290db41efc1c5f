"""Register creation and the outbox write in multi-row statements: a few statements for a whole
sheet, not several per row. Counted with SQLite's own statement trace on the writer connection
(the contract suite checks on both stores that what is stored is the same as row by row)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from storage.db import SqliteDatabase, open_database
from storage.outbox import NewMessage
from storage.register_model import NewItem
from storage.reports import Reminder
from storage.repositories import Repositories
from storage.users import Role, User
from tests.storage.contract.conftest import NOW


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[SqliteDatabase]:
    opened = await open_database(tmp_path / "bot.sqlite3")
    assert isinstance(opened, SqliteDatabase)
    try:
        yield opened
    finally:
        await opened.close()


async def _traced(db: SqliteDatabase) -> list[str]:
    """Every statement the writer connection runs from now on (sqlite3's own trace)."""
    seen: list[str] = []
    await db._conn.set_trace_callback(seen.append)
    return seen


def _inserts(seen: list[str]) -> list[str]:
    return [s for s in seen if "INSERT INTO" in s]


async def _staff(repos: Repositories) -> User:
    unit = await repos.units.add("P", "VKSND tỉnh P", "tinh")
    return await repos.users.create("test", "s", "Kiểm sát viên", unit.id, Role.STAFF)


async def test_creating_a_sheet_of_items_is_a_few_statements(db: SqliteDatabase) -> None:
    repos = Repositories.over(db)
    user = await _staff(repos)
    news = [
        NewItem(user.unit_id, f"{n}/2026", user.id, {"kind": "tam_giu"}, later=[("extend", {})]) for n in range(300)
    ]

    def plan(item_id: int, version: int) -> list[NewMessage]:
        return [NewMessage(f"reg:{item_id}:{version}:{k}", user, "Nhắc") for k in ("a", "b")]

    seen = await _traced(db)
    ids = await repos.register.create(user, news, NOW, plan)
    inserts = _inserts(seen)
    assert len(ids) == 300
    # A few statements each for the 300 items (256 + 32 + 12 rows), their 600 events, 300 audit
    # rows and 600 messages (512 + 64 + 16 + 8): 14 in all, where row by row it was 1,800.
    tables = [s.split("INSERT INTO ")[1].split()[0] for s in inserts]
    assert tables == ["register_items"] * 3 + ["register_events"] * 4 + ["audit"] * 3 + ["outbox"] * 4
    assert await db.fetchval("SELECT COUNT(*) FROM outbox") == 600


async def test_queueing_many_messages_is_a_few_statements(db: SqliteDatabase) -> None:
    repos = Repositories.over(db)
    user = await _staff(repos)
    seen = await _traced(db)
    assert await repos.outbox.queue([NewMessage(f"k{n}", user, f"Tin {n}") for n in range(2_500)], NOW) == 2_500
    assert len(_inserts(seen)) == 8  # 4 × 512 + 256 + 128 + 64 + 4 rows (row by row it was 2,500)


async def test_report_reminders_are_one_statement_and_each_keeps_its_own_guard(db: SqliteDatabase) -> None:
    repos = Repositories.over(db)
    province = await repos.units.add("P", "VKSND tỉnh P", "tinh")
    units = [await repos.units.add(f"K{n}", f"VKSND khu vực {n}", "khu_vuc", "P") for n in range(3)]
    head = await repos.users.create("test", "h", "Lãnh đạo tỉnh", province.id, Role.HEAD)
    await repos.reports.mark_sent(head, "ct", "2026-02", units[1].id, date(2026, 3, 5), NOW)
    reminders = [
        Reminder("ct", period, unit.id, NewMessage(f"rem:{period}:{unit.id}:{n}", head, "Nhắc báo cáo"))
        for n in range(200)
        for unit in units
        for period in ("2026-02", "2026-03")
    ]
    seen = await _traced(db)
    assert await repos.reports.queue_reminders(reminders, NOW) == 1000  # 1,200 less K1's 200 for 02/2026
    assert len(_inserts(seen)) == 5  # 512 + 512 + 128 + 32 + 16 rows (one by one it was 1,200)
    held = await db.fetchval("SELECT COUNT(*) FROM outbox WHERE key LIKE ?", (f"rem:2026-02:{units[1].id}:%",))
    assert held == 0
    assert await db.fetchval("SELECT COUNT(*) FROM outbox WHERE key LIKE ?", (f"rem:2026-03:{units[1].id}:%",)) == 200
