"""Exports and media are owner-only (0600), also when they replace a wider file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from storage.files import write_private
from tests import REPO_ROOT


def test_write_private_creates_and_replaces_with_0600(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "bao-cao.xlsx"
    write_private(target, b"one")
    assert target.read_bytes() == b"one" and target.stat().st_mode & 0o777 == 0o600
    target.chmod(0o644)
    write_private(target, b"two")
    assert target.read_bytes() == b"two" and target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["bao-cao.xlsx"]  # no temporary left


def test_cli_export_is_written_0600(tmp_path: Path) -> None:
    env = {**os.environ, "BOT_DB": str(tmp_path / "bot.sqlite3"), "BOT_ENV_FILE": str(tmp_path / "none.env")}

    def bot(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True
        )

    assert bot("admin", "unit", "add", "--code", "P", "--name", "VKSND tỉnh P", "--level", "tinh").returncode == 0
    out = tmp_path / "exports" / "p.csv"
    done = bot("export", "checkins", "--unit", "P", "--month", "2026-03", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.stat().st_mode & 0o777 == 0o600
