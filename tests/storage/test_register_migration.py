"""Migration 0010 on SQLite copies the register's events into a table whose CHECK allows a stage's
extension decision: a database made before it keeps every event (ids, data, soft deletions),
accepts ``stage_extend`` afterwards, and still refuses an unknown type."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage.db import _migrations, open_database, split_statements

BEFORE = 9  # the last migration before 0010


def _database_before_0010(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    for version, name, sql in _migrations():
        if version > BEFORE:
            break
        for statement in split_statements(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, '2026-12-01T00:00:00Z')", (version, name))
    conn.execute(
        "INSERT INTO units (id, code, name, level, created_at) VALUES (1, 'P', 'VKSND P', 'tinh', '2026-12-01T00:00:00Z')"
    )
    conn.execute(
        "INSERT INTO users (id, platform, platform_user_id, display_name, unit_id, role, active, created_at, updated_at) "
        "VALUES (1, 'test', 'u1', 'Người u1', 1, 'staff', 1, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')"
    )
    conn.execute(
        "INSERT INTO register_items (id, unit_id, label, assignee_id, created_at, version) "
        "VALUES (7, 1, '1/2026 NVA', 1, '2026-12-01T00:00:00Z', 2)"
    )
    rows = [
        (40, 7, 1, "start", '{"kind": "tam_giu", "start": "2026-12-01T08:00:00"}', None, None),
        (41, 7, 2, "extend", '{"hours": 72}', "2026-12-02T00:00:00Z", "ghi nhầm"),
        (42, 7, 3, "extend", '{"hours": 48}', None, None),
    ]
    conn.executemany(
        "INSERT INTO register_events (id, item_id, seq, type, data_json, recorded_by, recorded_at, deleted_at, "
        "delete_reason) VALUES (?, ?, ?, ?, ?, 1, '2026-12-01T00:00:00Z', ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()


async def test_events_made_before_0010_are_kept_and_the_new_type_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_before_0010(path)
    db = await open_database(path)
    try:
        assert await db.schema_version() >= 10
        rows = await db.fetchall(
            "SELECT id, seq, type, data_json, deleted_at, delete_reason FROM register_events ORDER BY id"
        )
        assert [tuple(r) for r in rows] == [
            (40, 1, "start", '{"kind": "tam_giu", "start": "2026-12-01T08:00:00"}', None, None),
            (41, 2, "extend", '{"hours": 72}', "2026-12-02T00:00:00Z", "ghi nhầm"),
            (42, 3, "extend", '{"hours": 48}', None, None),
        ]
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO register_events (item_id, seq, type, data_json, recorded_at) "
                "VALUES (7, 4, 'stage_extend', '{}', '2026-12-03T00:00:00Z')"
            )
        with pytest.raises(db.integrity_errors):
            async with db.transaction() as conn:
                await conn.execute(
                    "INSERT INTO register_events (item_id, seq, type, data_json, recorded_at) "
                    "VALUES (7, 5, 'bogus', '{}', '2026-12-03T00:00:00Z')"
                )
        with pytest.raises(db.integrity_errors):  # the unique (item, seq) and the item reference survive
            async with db.transaction() as conn:
                await conn.execute(
                    "INSERT INTO register_events (item_id, seq, type, data_json, recorded_at) "
                    "VALUES (7, 4, 'close', '{}', '2026-12-03T00:00:00Z')"
                )
        with pytest.raises(db.integrity_errors):
            async with db.transaction() as conn:
                await conn.execute(
                    "INSERT INTO register_events (item_id, seq, type, data_json, recorded_at) "
                    "VALUES (99, 1, 'close', '{}', '2026-12-03T00:00:00Z')"
                )
    finally:
        await db.close()
