"""``python -m bot admin backup|restore`` refuse what would silently act on the wrong place: a
backup into a folder that does not exist, a restore where no database exists."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests import REPO_ROOT


def _admin(tmp_path: Path, *args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "BOT_"))}
    env.update(BOT_ENV_FILE=str(tmp_path / "absent.env"), BOT_DB=str(db))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return subprocess.run(
        [sys.executable, "-m", "bot", "admin", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_backup_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "bot.sqlite3"
    assert (
        _admin(tmp_path, "unit", "add", "--code", "HN", "--name", "VKSND HN", "--level", "tinh", db=db).returncode == 0
    )
    done = _admin(tmp_path, "backup", "--out", str(tmp_path / "typo" / "dir" / "b.sqlite3"), db=db)
    assert done.returncode == 2
    assert "không tồn tại" in done.stdout and str(tmp_path / "typo" / "dir") in done.stdout
    assert not (tmp_path / "typo").exists()
    (tmp_path / "backups").mkdir()
    assert _admin(tmp_path, "backup", "--out", str(tmp_path / "backups" / "b.sqlite3"), db=db).returncode == 0


def test_restore_where_no_database_exists_needs_the_flag(tmp_path: Path) -> None:
    db = tmp_path / "bot.sqlite3"
    _admin(tmp_path, "unit", "add", "--code", "HN", "--name", "VKSND HN", "--level", "tinh", db=db)
    backup = tmp_path / "b.sqlite3"
    assert _admin(tmp_path, "backup", "--out", str(backup), db=db).returncode == 0
    elsewhere = tmp_path / "elsewhere" / "data"
    elsewhere.mkdir(parents=True)
    wrong = _admin(tmp_path, "restore", str(backup), db=elsewhere / "bot.sqlite3")
    assert wrong.returncode == 2
    assert "không có cơ sở dữ liệu nào ở đây" in wrong.stdout and "--new-database" in wrong.stdout
    assert "Đã khôi phục" not in wrong.stdout and not (elsewhere / "bot.sqlite3").exists()
    meant = _admin(tmp_path, "restore", "--new-database", str(backup), db=elsewhere / "bot.sqlite3")
    assert meant.returncode == 0 and (elsewhere / "bot.sqlite3").is_file()
    listed = _admin(tmp_path, "unit", "list", db=elsewhere / "bot.sqlite3")
    assert listed.stdout.startswith("HN\t")
