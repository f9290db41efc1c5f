"""A mistyped ``BOT_DB`` is refused at start instead of becoming a new, empty database; only the
default ``data/`` folder is created, owner-only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from storage.database import DatabaseUnavailable
from storage.db import open_database
from storage.files import write_private
from tests import REPO_ROOT
from tests.bot.console_run import run_console


def test_missing_folder_is_refused_naming_variable_and_folder(tmp_path: Path) -> None:
    folder = tmp_path / "nonexistent" / "dir"
    done = run_console(tmp_path, tmp_path, BOT_DB=str(folder / "x.sqlite3"))
    assert done.returncode != 0
    assert f"BOT_DB={folder / 'x.sqlite3'}" in done.stderr
    assert f"{folder} không tồn tại" in done.stderr
    assert not (tmp_path / "nonexistent").exists()  # nothing created


def test_path_through_a_file_names_the_file(tmp_path: Path) -> None:
    file = tmp_path / "passwd"
    file.write_text("root:x:0:0\n")
    done = run_console(tmp_path, tmp_path, BOT_DB=str(file / "x.db"))
    assert done.returncode != 0
    assert f"{file} là một tệp, không phải thư mục" in done.stderr
    assert "File exists" not in done.stderr
    assert file.read_text() == "root:x:0:0\n"


def test_every_command_reading_settings_refuses_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"BOT_DB=.*không tồn tại"):
        load_settings({"BOT_DB": str(tmp_path / "typo" / "bot.sqlite3")}, env_file=tmp_path / "none.env")


def test_existing_folder_urls_and_default_are_accepted(tmp_path: Path) -> None:
    none = tmp_path / "none.env"
    assert load_settings({"BOT_DB": str(tmp_path / "bot.sqlite3")}, env_file=none).db_path == str(
        tmp_path / "bot.sqlite3"
    )
    assert load_settings({}, env_file=none).db_path == "data/bot.sqlite3"  # created on first run
    assert load_settings({"BOT_DB": "./data/bot.sqlite3"}, env_file=none).db_path == "./data/bot.sqlite3"
    url = "postgresql://bot@/vks?host=/run/postgresql"
    assert load_settings({"BOT_DB": url}, env_file=none).db_path == url


def test_default_folder_is_created_owner_only_on_first_run(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--platform", "console"],
        cwd=tmp_path,
        env={
            **{k: v for k, v in os.environ.items() if k not in ("BOT_DB", "TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN")},
            "BOT_ENV_FILE": str(tmp_path / "none.env"),
            "PYTHONPATH": str(REPO_ROOT),
        },
        input="/start\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Chào" in done.stdout
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "data" / "bot.sqlite3").stat().st_mode) == 0o600


async def test_storage_names_a_file_in_the_path(tmp_path: Path) -> None:
    file = tmp_path / "plain"
    file.write_text("x")
    with pytest.raises(DatabaseUnavailable, match="là một tệp, không phải thư mục"):
        await open_database(file / "sub" / "bot.sqlite3")


def test_folders_made_for_exports_and_media_are_owner_only(tmp_path: Path) -> None:
    existing = tmp_path / "shared"
    existing.mkdir(mode=0o755)
    existing.chmod(0o755)
    write_private(existing / "data" / "exports" / "p.xlsx", b"x")
    for folder in (existing / "data", existing / "data" / "exports"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(existing.stat().st_mode) == 0o755  # an existing folder is left as it is
