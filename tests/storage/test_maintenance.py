"""Backups (online, consistent under load, checked, 0600), restores (refused while the assistant
runs; the old database kept) and retention (old update keys, questions, finished outbox rows
go; audit rows and pending or uncertain messages stay), on real SQLite files."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import maintenance
from storage.db import open_database
from storage.maintenance import MaintenanceError, Retention, apply_retention
from tests import REPO_ROOT
from tests.conftest import World
from tests.pg import sqlite_only


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


async def _write_questions(world: World, stop: asyncio.Event, written: list[int], going: asyncio.Event) -> None:
    clock = world.app.services.clock
    while not stop.is_set():
        if len(written) >= 50:
            going.set()
        await world.app.repos.questions.record(
            unit_id=None, text="câu hỏi", folded="cau hoi", outcome="answer", entry_id=None, score=1.0, now=clock.now()
        )
        written.append(1)
        await asyncio.sleep(0)


@sqlite_only  # the backup API works on the SQLite file
async def test_backup_under_load_is_consistent_checked_and_private(world: World, tmp_path: Path) -> None:
    stop, going, written = asyncio.Event(), asyncio.Event(), []
    writer = asyncio.create_task(_write_questions(world, stop, written, going))
    await going.wait()
    before = len(written)
    out = tmp_path / "backups" / "bot-1.sqlite3"
    out.parent.mkdir()  # backup refuses a missing folder (a typo in a cron line)
    size = await asyncio.to_thread(maintenance.backup, world.app.db.path, out)
    during = len(written)
    stop.set()
    await writer
    assert size == out.stat().st_size > 0
    assert out.stat().st_mode & 0o777 == 0o600
    assert maintenance.integrity(out) == "ok"
    copied = _count(out, "questions")
    assert before <= copied <= during  # a snapshot taken while the writes went on
    assert _count(out, "users") == _count(Path(world.app.db.path), "users")
    assert not list(out.parent.glob(".*partial"))
    with pytest.raises(MaintenanceError, match="already exists"):
        maintenance.backup(world.app.db.path, out)


@sqlite_only  # the backup API works on the SQLite file
async def test_restore_is_refused_while_the_assistant_holds_the_lease(world: World, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    maintenance.backup(world.app.db.path, out)
    now = datetime.now(UTC)
    assert await world.app.repos.leases.acquire("outbox:telegram", "host:123:abc", now, timedelta(seconds=60))
    with pytest.raises(MaintenanceError, match="running"):
        maintenance.restore(out, world.app.db.path, now)
    await world.app.repos.leases.release("outbox:telegram", "host:123:abc")


@sqlite_only  # the backup API works on the SQLite file
async def test_restore_puts_the_backup_in_place_and_keeps_the_old_database(world: World, tmp_path: Path) -> None:
    db_path = Path(world.app.db.path)
    out = tmp_path / "b.sqlite3"
    maintenance.backup(db_path, out)
    users_then = _count(db_path, "users")
    await world.app.repos.units.add("Z", "VKSND khu vực Z", "khu_vuc", "P")  # after the backup
    await world.app.db.close()
    kept = maintenance.restore(out, db_path)
    assert kept is not None and kept.exists()
    assert _count(kept, "units") == _count(db_path, "units") + 1  # the newer state is kept aside
    assert os.stat(db_path).st_mode & 0o777 == 0o600
    db = await open_database(db_path)
    try:
        assert await db.integrity_ok()
        assert await db.fetchval("SELECT COUNT(*) FROM users") == users_then
        assert await db.fetchval("SELECT COUNT(*) FROM units WHERE code = 'Z'") == 0
    finally:
        await db.close()


def test_restore_refuses_a_broken_backup(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database" * 100)
    target = tmp_path / "bot.sqlite3"
    target.write_bytes(b"")
    with pytest.raises(MaintenanceError, match="not a sound database"):
        maintenance.restore(broken, target)
    assert target.read_bytes() == b""  # nothing touched
    with pytest.raises(MaintenanceError, match="no such backup"):
        maintenance.restore(tmp_path / "missing.sqlite3", target)


async def test_retention_keeps_audit_and_unfinished_messages(world: World) -> None:
    db, repos = world.app.db, world.app.repos
    now = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    old, recent = now - timedelta(days=400), now - timedelta(days=1)
    for moment in (old, recent):
        await repos.questions.record(
            unit_id=None, text="q", folded="q", outcome="answer", entry_id=None, score=1.0, now=moment
        )
    for index, (status, moment) in enumerate(
        [("sent", old), ("failed", old), ("uncertain", old), ("pending", old), ("sent", recent)]
    ):
        assert await repos.outbox.enqueue(key=f"k{index}", user=world.staff_a, text="t", now=moment)
        await db.execute_one("UPDATE outbox SET status = ? WHERE key = ?", (status, f"k{index}"))
    await db.execute_one(
        "INSERT INTO processed_updates (platform, update_key, processed_at) VALUES ('t', 'old', ?), ('t', 'new', ?)",
        (old.isoformat(), now.isoformat()),
    )
    audit_before = len(await repos.audit.all())
    pruned = await apply_retention(db, now, Retention(2, 365, 180))
    assert pruned == {"processed_updates": 1, "questions": 1, "outbox": 2}
    left = {r[0] for r in await db.fetchall("SELECT key FROM outbox")}
    assert left == {"k2", "k3", "k4"}  # uncertain, pending and recent stay
    assert len(await repos.audit.all()) == audit_before
    assert await apply_retention(db, now, Retention(2, 365, 180)) == {
        "processed_updates": 0,
        "questions": 0,
        "outbox": 0,
    }


def test_backup_and_restore_drill_through_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "bot.sqlite3"
    env = {**os.environ, "BOT_DB": str(db), "BOT_ENV_FILE": str(tmp_path / "none.env")}

    def admin(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "admin", *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True
        )

    assert admin("unit", "add", "--code", "P", "--name", "VKSND tỉnh P", "--level", "tinh").returncode == 0
    done = admin("backup", "--out", str(tmp_path / "b1.sqlite3"))
    assert done.returncode == 0 and "integrity_check ok" in done.stdout
    assert admin("backup", "--out", str(tmp_path / "b1.sqlite3")).returncode == 2
    assert admin("unit", "add", "--code", "Q", "--name", "VKSND tỉnh Q", "--level", "tinh").returncode == 0
    restored = admin("restore", str(tmp_path / "b1.sqlite3"))
    assert restored.returncode == 0 and "before-restore" in restored.stdout
    listing = admin("unit", "list").stdout
    assert "P\t" in listing and "Q\t" not in listing
    assert admin("retention").returncode == 0


def test_a_backup_that_fails_its_check_is_refused_and_removed(tmp_path: Path) -> None:
    from tests.bot.test_startup import _corrupt_index

    source = tmp_path / "bot.sqlite3"
    _corrupt_index(source)  # pages copied verbatim: the copy is as broken as the source
    out = tmp_path / "backups" / "b.sqlite3"
    out.parent.mkdir()  # backup refuses a missing folder (a typo in a cron line)
    with pytest.raises(MaintenanceError, match="integrity"):
        maintenance.backup(source, out)
    assert not out.exists() and not list(out.parent.iterdir())
