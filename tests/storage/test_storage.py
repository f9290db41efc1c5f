"""The database file: WAL, foreign keys, migrations recorded once, owner-only permissions."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage.db import open_database
from storage.repositories import Repositories
from storage.units import UnitError


async def test_database_is_created_with_wal_foreign_keys_and_private_permissions(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "bot.sqlite3"
    db = await open_database(path)
    try:
        assert await db.fetchval("PRAGMA journal_mode") == "wal"
        assert await db.fetchval("PRAGMA foreign_keys") == 1
        assert await db.schema_version() >= 1
        assert await db.integrity_ok()
    finally:
        await db.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_migrations_apply_once(store: str) -> None:
    path = store
    first = await open_database(path)
    version = await first.schema_version()
    rows = await first.fetchval("SELECT COUNT(*) FROM schema_migrations")
    await first.close()
    second = await open_database(path)
    try:
        assert await second.schema_version() == version
        assert await second.fetchval("SELECT COUNT(*) FROM schema_migrations") == rows
    finally:
        await second.close()


async def test_foreign_keys_are_enforced(store: str) -> None:
    db = await open_database(store)
    try:
        with pytest.raises(Exception, match=r"(?i)foreign key"):
            async with db.transaction() as conn:
                await conn.execute(
                    "INSERT INTO users (platform, platform_user_id, unit_id, role, created_at, updated_at) "
                    "VALUES ('t', 'x', 999, 'staff', 'now', 'now')"
                )
        assert await db.fetchval("SELECT COUNT(*) FROM users") == 0
    finally:
        await db.close()


async def test_failed_transaction_rolls_back(store: str) -> None:
    db = await open_database(store)
    try:
        with pytest.raises(RuntimeError):
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO units (code, name, level, created_at) VALUES ('X', 'X', 'tinh', 'now')")
                raise RuntimeError("interrupted")
        assert await db.fetchval("SELECT COUNT(*) FROM units") == 0
    finally:
        await db.close()


async def test_unit_tree_rules_and_scope(store: str) -> None:
    db = await open_database(store)
    try:
        units = Repositories.over(db).units
        top = await units.add("TC", "VKSND tối cao", "toi_cao")
        province = await units.add("HN", "VKSND TP Hà Nội", "tinh", "TC")
        region = await units.add("HN-KV1", "VKSND khu vực 1 - Hà Nội", "khu_vuc", "hn")
        other = await units.add("HP", "VKSND TP Hải Phòng", "tinh", "TC")
        assert set(await units.subtree_ids(province.id)) == {province.id, region.id}
        assert set(await units.subtree_ids(top.id)) == {top.id, province.id, region.id, other.id}
        assert await units.in_scope(province.id, region.id)
        assert not await units.in_scope(other.id, region.id)
        assert not await units.in_scope(region.id, province.id)
        for bad in [
            ("HN", "trùng mã", "tinh", "TC"),
            ("KV9", "khu vực không có tỉnh", "khu_vuc", None),
            ("KV8", "khu vực dưới tối cao", "khu_vuc", "TC"),
            ("X Y", "mã có dấu cách", "tinh", None),
            ("Q", "cấp lạ", "huyen", None),
            ("Q2", "cha không có", "khu_vuc", "NOPE"),
        ]:
            with pytest.raises(UnitError):
                await units.add(*bad)
        assert len(await units.all()) == 4
    finally:
        await db.close()


async def test_processed_update_keys_are_pruned_after_two_days(store: str) -> None:
    db = await open_database(store)
    try:
        updates = Repositories.over(db).updates
        assert await updates.claim("telegram", "1")
        assert not await updates.claim("telegram", "1")
        later = datetime.now(UTC) + timedelta(days=3)
        assert await updates.prune(timedelta(days=2), later) == 1
        assert await updates.claim("telegram", "1")  # forgotten: a reused id is processed again
    finally:
        await db.close()
