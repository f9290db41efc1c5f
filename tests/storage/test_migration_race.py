"""Two processes starting together on an empty database both come up: the migration runner
takes the write lock before it reads what is applied."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from storage.db import _migrations, open_database, split_statements
from tests import REPO_ROOT

STARTER = textwrap.dedent(
    """
    import asyncio, os, sys, time
    from storage.db import open_database

    go = sys.argv[2]
    while not os.path.exists(go):
        time.sleep(0.001)

    async def main():
        db = await open_database(sys.argv[1])
        print(await db.schema_version())
        await db.close()

    asyncio.run(main())
    """
)


def _assert_migrated_once(path: Path) -> None:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    assert [r[0] for r in rows] == [v for v, _, _ in _migrations()]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_two_processes_starting_together_both_come_up(tmp_path: Path) -> None:
    latest = str(max(v for v, _, _ in _migrations()))
    for round_ in range(3):
        path, go = tmp_path / f"race{round_}.sqlite3", tmp_path / f"go{round_}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", STARTER, str(path), str(go)],
                cwd=REPO_ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        go.touch()
        outputs = [p.communicate(timeout=60) for p in procs]
        for proc, (out, err) in zip(procs, outputs, strict=True):
            assert proc.returncode == 0, err
            assert out.strip() == latest
        _assert_migrated_once(path)


async def test_two_databases_opened_at_once_in_one_process(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    first, second = await asyncio.gather(open_database(path), open_database(path))
    try:
        assert await first.schema_version() == await second.schema_version() == max(v for v, _, _ in _migrations())
    finally:
        await first.close()
        await second.close()
    _assert_migrated_once(path)


def test_statements_split_keeps_triggers_whole() -> None:
    sql = (
        "-- a comment; with a semicolon\n"
        "CREATE TABLE a (x TEXT DEFAULT ';');\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO a VALUES ('y');\n  SELECT 1;\nEND;\n"
        "-- trailing comment\n"
    )
    parts = split_statements(sql)
    assert len(parts) == 2
    assert parts[1].startswith("CREATE TRIGGER") and parts[1].endswith("END;")


def _one_migration_pending(path: Path) -> None:
    """A database one migration behind (the last one undone), as after an upgrade is deployed."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("DROP TRIGGER checkins_audit_create")
    conn.execute("DELETE FROM schema_migrations WHERE version = 7")
    conn.close()


async def test_two_processes_upgrading_an_existing_database_together(tmp_path: Path) -> None:
    """With the schema table present, reading the applied set before taking the write lock lets
    both see the migration pending; the second then fails on its stale snapshot."""
    path = tmp_path / "bot.sqlite3"
    first = await open_database(path)
    await first.close()
    for _ in range(5):
        _one_migration_pending(path)
        opened = await asyncio.gather(*(open_database(path) for _ in range(4)), return_exceptions=True)
        failures = [o for o in opened if isinstance(o, BaseException)]
        for db in opened:
            if not isinstance(db, BaseException):
                await db.close()
        assert not failures, failures
        _assert_migrated_once(path)
