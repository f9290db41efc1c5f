"""A service started without a platform token stops loudly (exit 2, the variables named) and
never creates an account; the console administrator exists only in the demo province."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests import REPO_ROOT


def _bot(tmp_path: Path, *args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "BOT_"))}
    full.update(BOT_ENV_FILE=str(tmp_path / "absent.env"), BOT_DB=str(tmp_path / "prod.sqlite3"), **env)
    full["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), full.get("PYTHONPATH", "")) if p)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=full,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def _users(db: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT display_name, platform, role FROM users").fetchall()
    finally:
        conn.close()


def test_service_without_token_exits_2_and_creates_nobody(tmp_path: Path) -> None:
    add = _bot(tmp_path, "admin", "unit", "add", "--code", "HN", "--name", "VKSND TP Hà Nội", "--level", "tinh")
    assert add.returncode == 0, add.stdout + add.stderr
    done = _bot(tmp_path, "run", BOT_DEMO="false")
    assert done.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in done.stderr and "ZALO_BOT_TOKEN" in done.stderr
    assert done.stderr.count("Cấu hình sai") == 1 and "Traceback" not in done.stderr
    assert _users(tmp_path / "prod.sqlite3") == []


def test_explicit_platform_without_its_token_exits_2(tmp_path: Path) -> None:
    for platform, variable in (("telegram", "TELEGRAM_BOT_TOKEN"), ("zalo", "ZALO_BOT_TOKEN")):
        done = _bot(tmp_path, "run", "--platform", platform, BOT_DEMO="false")
        assert done.returncode == 2, done.stderr
        assert variable in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "prod.sqlite3").exists()  # refused before anything was opened


def test_console_outside_the_demo_registers_like_anyone(tmp_path: Path) -> None:
    _bot(tmp_path, "admin", "unit", "add", "--code", "HN", "--name", "VKSND TP Hà Nội", "--level", "tinh")
    chat = _bot(tmp_path, "run", "--platform", "console", stdin="/nguoidung\n", BOT_DEMO="false")
    assert chat.returncode == 0, chat.stderr
    assert "chưa được cấp quyền" in chat.stdout  # a stranger until /start CODE
    assert _users(tmp_path / "prod.sqlite3") == []
    # The demo default does not make an administrator in a database that is not the demo's either.
    again = _bot(tmp_path, "run", "--platform", "console", stdin="/nguoidung\n")
    assert "chưa được cấp quyền" in again.stdout and "không phải bản demo" in again.stderr
    assert _users(tmp_path / "prod.sqlite3") == []


def test_console_with_no_unit_explains_instead_of_a_traceback(tmp_path: Path) -> None:
    done = _bot(tmp_path, "run", "--platform", "console", BOT_DEMO="false")
    assert done.returncode == 2
    assert "chưa có đơn vị nào" in done.stderr and "admin unit add" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_piped_demo_still_works(tmp_path: Path) -> None:
    chat = _bot(tmp_path, "run", stdin="/start\n/help\n")
    assert chat.returncode == 0, chat.stderr
    assert "Chào Quản trị demo!" in chat.stdout and "/nguoidung" in chat.stdout
    assert _users(tmp_path / "prod.sqlite3") == [("Quản trị demo", "console", "admin")]


def test_start_up_error_is_printed_once_pointing_at_a_real_section(tmp_path: Path) -> None:
    done = _bot(tmp_path, "run", "--platform", "console", BOT_REPORTS_FILE="/nonexistent.yaml")
    assert done.returncode == 3
    assert done.stderr.count("BOT_REPORTS_FILE=/nonexistent.yaml") == 1, done.stderr
    (tmp_path / "prod.sqlite3").write_bytes(b"not a database" * 300)
    broken = _bot(tmp_path, "run", "--platform", "console")
    assert broken.returncode == 3 and broken.stderr.count("not a database") <= 1
    section = broken.stderr.split("mục «")[1].split("»")[0]
    assert f"## {section}" in (REPO_ROOT / "README.md").read_text(encoding="utf-8")
