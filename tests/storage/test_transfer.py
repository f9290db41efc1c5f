"""``python -m bot admin migrate-db --from data/bot.sqlite3 --to postgresql://…``: every table
copied with its ids, triggers silent while copying, counts checked, the copy usable at once."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import maintenance
from storage.checkins import CheckinContent
from storage.db import open_database
from storage.facilities import FacilityInput
from storage.repositories import Repositories
from storage.transfer import TransferError, copy_database, tables_of
from storage.users import Role
from tests import REPO_ROOT

NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


async def _fill(repos: Repositories) -> None:
    province = await repos.units.add("P", "VKSND tỉnh P", "tinh")
    unit = await repos.units.add("A", "VKSND khu vực A", "khu_vuc", "P")
    admin = await repos.users.create("test", "admin", "Quản trị", province.id, Role.ADMIN)
    staff = await repos.users.create("test", "staff", "Cán bộ A", unit.id, Role.STAFF)
    [site] = await repos.facilities.import_rows(unit.id, [FacilityInput("Nhà tạm giữ A", "nha_tam_giu")])
    content = CheckinContent(site.id, "hang_ngay", 3, 2, 1, 0, 0, latitude=10.762622, longitude=106.660172)
    stored, _ = await repos.checkins.submit(staff, "d1", content, checked_at=NOW, now=NOW)
    await repos.checkins.edit(staff, stored.id, {"held_tam_giu": 4}, now=NOW)
    await repos.invites.create(unit.id, Role.STAFF, created_by=admin, ttl=timedelta(days=3), now=NOW)
    await repos.outbox.enqueue(key="k1", user=staff, text="Nhắc: báo cáo tháng", now=NOW, buttons=[[("Đã gửi", "x")]])
    await repos.reports.mark_sent(admin, "r", "2026-11", unit.id, NOW.date(), NOW)
    conv = await repos.conversations.load("test", "staff", "staff")
    conv.state, conv.data = "ks:counts", {"draft": "nháp"}
    await repos.conversations.save("test", "staff", "staff", conv)


async def _dump(repos: Repositories) -> dict[str, list[tuple[object, ...]]]:
    found = {}
    for table in await tables_of(repos.db):
        order = ", ".join(table.key)
        found[table.name] = [tuple(r) for r in await repos.db.fetchall(f"SELECT * FROM {table.name} ORDER BY {order}")]
    return found


async def test_an_sqlite_database_copied_to_postgres_reads_the_same_and_goes_on(tmp_path: Path, pg_url: str) -> None:
    source = Repositories.over(await open_database(tmp_path / "bot.sqlite3"))
    target = Repositories.over(await open_database(pg_url))
    try:
        await _fill(source)
        copied = await copy_database(source.db, target.db)
        assert copied["audit"] > 5 and copied["checkins"] == 1 and copied["units"] == 2
        assert await _dump(target) == await _dump(source)  # every row, every value, ids kept
        # The copy goes on where the source stopped: new ids after the copied ones, triggers back on.
        unit = await target.units.add("B", "VKSND khu vực B", "khu_vuc", "P")
        assert unit.id == 3
        staff = await target.users.get(2)
        assert staff is not None
        [site] = await target.facilities.list_in_scope(staff)
        await target.checkins.submit(
            staff, "d2", CheckinContent(site.id, "hang_ngay", 1, 1, 0, 0, 0), checked_at=NOW, now=NOW
        )
        assert await target.db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'checkin.create'") == 2
        # A second copy into the now filled database is refused and changes nothing.
        with pytest.raises(TransferError, match="already holds data"):
            await copy_database(source.db, target.db)
        assert await target.checkins.count() == 2
    finally:
        await source.db.close()
        await target.db.close()


def test_the_admin_command_copies_and_reports_the_counts(tmp_path: Path, pg_url: str) -> None:
    async def prepare() -> None:
        db = await open_database(tmp_path / "bot.sqlite3")
        try:
            await _fill(Repositories.over(db))
        finally:
            await db.close()

    asyncio.run(prepare())
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(BOT_ENV_FILE=str(tmp_path / "absent.env"), PYTHONPATH=str(REPO_ROOT), PYTHONIOENCODING="utf-8")
    command = [
        sys.executable,
        "-m",
        "bot",
        "admin",
        "migrate-db",
        "--from",
        str(tmp_path / "bot.sqlite3"),
        "--to",
        pg_url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "checkins\t1" in done.stdout and "số dòng hai bên khớp nhau" in done.stdout
    again = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=60)
    assert again.returncode == 2 and "already holds data" in again.stdout


def test_backup_and_restore_of_a_postgres_database_point_to_its_own_tools(tmp_path: Path) -> None:
    url = "postgresql://bot@/vks?host=/run/postgresql"
    for attempt in (lambda: maintenance.backup(url, tmp_path / "b"), lambda: maintenance.restore(tmp_path / "b", url)):
        with pytest.raises(maintenance.MaintenanceError, match="pg_dump"):
            attempt()
    assert not list(tmp_path.iterdir())  # nothing written
