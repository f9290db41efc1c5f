"""Register creation, check-in alerts and the outbox write in multi-row statements: a few statements for a whole
sheet, not several per row. Counted with SQLite's own statement trace on the writer connection
(the contract suite checks on both stores that what is stored is the same as row by row)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from storage.checkins import Checkin, CheckinContent
from storage.db import SqliteDatabase, open_database
from storage.facilities import FacilityInput
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


async def test_the_alerts_of_a_batch_of_check_ins_are_one_statement_each_at_its_own_time(db: SqliteDatabase) -> None:
    repos = Repositories.over(db)
    user = await _staff(repos)
    admin = await repos.users.create("test", "a", "Quản trị", user.unit_id, Role.ADMIN)
    head = await repos.users.create("test", "h", "Lãnh đạo", user.unit_id, Role.HEAD)
    site = await repos.facilities.add(admin, FacilityInput("Nhà tạm giữ P", "nha_tam_giu"), now=NOW)

    def alerts(checkin: Checkin, heads: list[User]) -> list[NewMessage]:
        return [NewMessage(f"checkin-alert:{checkin.id}:{h.id}", h, f"phiếu {checkin.draft_id}") for h in heads]

    async def submit(n: int) -> tuple[Checkin, bool]:
        content = CheckinContent(site.id, "hang_ngay", 3, 0, 0, 0, 1 + n % 2)
        at = NOW + timedelta(minutes=n)
        return await repos.checkins.submit(user, f"d{n}", content, checked_at=at, now=at, alerts=alerts)

    seen = await _traced(db)
    stored = await asyncio.gather(*(submit(n) for n in range(40)))
    assert all(created for _, created in stored) and repos.checkins._submits.batches.runs == 1
    inserts = _inserts(seen)
    # One statement for the 40 check-ins (traced again at each row's audit trigger); their 80
    # alerts (two heads each) in two, of 64 + 16 rows, where one insert per check-in was 40.
    assert len({s for s in inserts if "INSERT INTO checkins" in s}) == 1
    assert len([s for s in inserts if s.startswith("INSERT INTO outbox")]) == 2
    rows = await db.fetchall("SELECT key, text, created_at FROM outbox ORDER BY id")
    expected = [
        (f"checkin-alert:{c.id}:{h.id}", f"phiếu d{n}", (NOW + timedelta(minutes=n)).isoformat())
        for n, (c, _) in enumerate(stored)
        for h in (admin, head)
    ]
    assert [(r["key"], r["text"], r["created_at"]) for r in rows] == expected
