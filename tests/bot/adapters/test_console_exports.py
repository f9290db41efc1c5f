"""Console exports (review8 D27) go to ``exports/`` beside the database BOT_DB names, whatever the
working folder, owner-only, and never over another file: two people's, or one person's twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.adapters.console import exports_dir
from tests import REPO_ROOT


def _console(tmp_path: Path, db: Path, typed: str, *extra: str) -> str:
    env = {**os.environ, "BOT_ENV_FILE": str(tmp_path / "none.env"), "BOT_DB": str(db), "PYTHONPATH": str(REPO_ROOT)}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    env.pop("ZALO_BOT_TOKEN", None)
    run = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--platform", "console", *extra],
        cwd=tmp_path / "elsewhere",
        env=env,
        input=typed,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_exports_dir_follows_the_database() -> None:
    assert exports_dir("/srv/vks/bot.sqlite3") == Path("/srv/vks/exports")
    assert exports_dir("postgresql://bot@/vks?host=/run/postgresql") == Path("data/exports")


def test_console_files_beside_the_database_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    db_folder = tmp_path / "db"
    db_folder.mkdir()
    db = db_folder / "prov.sqlite3"
    first = _console(tmp_path, db, "/tinhhinh\n")
    second = _console(tmp_path, db, "/tinhhinh\n")
    saved = sorted((db_folder / "exports").iterdir())
    assert [p.name for p in saved] == ["tinhhinh-quan-tri-demo-2.png", "tinhhinh-quan-tri-demo.png"], first + second
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in saved)
    assert saved[0].read_bytes().startswith(b"\x89PNG") and saved[1].read_bytes().startswith(b"\x89PNG")
    assert not (tmp_path / "elsewhere" / "data").exists()  # nothing in the working folder
    assert str(db_folder / "exports") in first
