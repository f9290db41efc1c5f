"""Start-up failures end the process at once, non-zero, naming the file or variable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.app import StartupError, build_app
from bot.config import Settings
from storage.db import DatabaseUnusable, open_database
from tests.bot.console_run import run_console


def test_missing_reports_file_exits_nonzero_naming_the_variable(tmp_path: Path) -> None:
    done = run_console(tmp_path, BOT_REPORTS_FILE="/nonexistent.yaml")
    assert done.returncode != 0
    assert "BOT_REPORTS_FILE=/nonexistent.yaml" in done.stderr
    assert "cannot start" in done.stderr


def test_file_that_is_not_a_database_exits_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "bot.sqlite3"
    bad.write_bytes(b"this is not a database" * 200)
    done = run_console(tmp_path)
    assert done.returncode != 0
    assert f"BOT_DB={bad}" in done.stderr
    assert "admin restore" in done.stderr
    assert bad.read_bytes().startswith(b"this is not a database")  # left as it was


def _corrupt_index(path: Path) -> None:
    """A real database whose index pages are overwritten: opens fine, fails quick_check."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (a TEXT)")
    conn.execute("CREATE INDEX t_a ON t (a)")
    conn.executemany("INSERT INTO t VALUES (?)", [(f"value {i:05d}",) for i in range(3000)])
    conn.commit()
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 't_a'").fetchone()[0]
    conn.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size + 100)
        file.write(b"\xff" * (page_size - 200))


async def test_corrupted_database_refuses_to_start(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    _corrupt_index(path)
    with pytest.raises(StartupError, match="restore"):
        await build_app(Settings(db_path=str(path)))


async def test_quick_check_can_be_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    _corrupt_index(path)
    with pytest.raises(DatabaseUnusable):
        await open_database(path)
    db = await open_database(path, quick_check=False)  # the operator's choice on a huge database
    try:
        assert await db.schema_version() > 0
    finally:
        await db.close()


def test_skip_flag_is_read_from_the_environment() -> None:
    from bot.config import load_settings

    assert load_settings({}, env_file=Path("/nonexistent.env")).db_quick_check is True
    assert load_settings({"BOT_DB_QUICK_CHECK": "false"}, env_file=Path("/nonexistent.env")).db_quick_check is False


async def test_bad_report_file_leaves_no_database_open(tmp_path: Path) -> None:
    with pytest.raises(StartupError, match="BOT_REPORTS_FILE"):
        await build_app(Settings(db_path=str(tmp_path / "bot.sqlite3"), reports_file=str(tmp_path / "none.yaml")))
    assert not (tmp_path / "bot.sqlite3").exists()  # nothing was opened before the failure
