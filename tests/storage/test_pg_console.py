"""``BOT_DB=postgresql://… python -m bot run --platform console`` works like the SQLite default:
the demo is seeded, /start and /help answer, a check-in is stored, and a second run keeps it."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.database import DatabaseUnavailable
from storage.db import open_database
from tests import REPO_ROOT

_DROPPED = ("TELEGRAM_", "ZALO_", "BOT_")
# /kiemsat by numbers: the first facility, "Hằng ngày", five counts, no violation, skip the
# optional steps, then "1. Gửi" on the summary card.
CHECKIN = ["/kiemsat", "1", "1", "10", "2", "1", "0", "0", "1", "1", "1", "1", "1", "1"]


def _console(url: str, home: Path, lines: list[str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_DROPPED)}
    env.update(
        BOT_DB=url,
        BOT_ENV_FILE=str(home / "absent.env"),
        PYTHONPATH=os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p),
        PYTHONIOENCODING="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--platform", "console"],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=home,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
    return result


async def _stored(url: str) -> tuple[int, int, int, str]:
    db = await open_database(url)
    try:
        return (
            await db.fetchval("SELECT COUNT(*) FROM units"),
            await db.fetchval("SELECT COUNT(*) FROM checkins"),
            await db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'checkin.create'"),
            db.dialect,
        )
    finally:
        await db.close()


def test_console_on_postgres_seeds_the_demo_answers_and_stores_a_check_in(pg_url: str, tmp_path: Path) -> None:
    first = _console(pg_url, tmp_path, ["/start", "/help", *CHECKIN])
    assert "Chào Quản trị demo!" in first.stdout
    assert "Các lệnh anh/chị dùng được:" in first.stdout and "/kiemsat" in first.stdout
    assert "Đã gửi phiếu kiểm sát số 1" in first.stdout, first.stdout[-1500:]
    units, checkins, audited, dialect = asyncio.run(_stored(pg_url))
    assert dialect == "postgres" and units > 1 and checkins == 1 and audited == 1
    assert not list(tmp_path.glob("*.sqlite3*")) and not (tmp_path / "data").exists()  # nothing went to a file

    # A second process on the same database: the demo is not seeded twice, the record is there.
    second = _console(pg_url, tmp_path, ["/start", *CHECKIN])
    assert "Đã gửi phiếu kiểm sát số 2" in second.stdout, second.stdout[-1500:]
    assert asyncio.run(_stored(pg_url))[:3] == (units, 2, 2)


async def test_an_unreachable_postgres_is_named_without_its_password(tmp_path: Path) -> None:
    url = f"postgresql://bot:s3cret-word@/vks?host={tmp_path}"  # no server listens there
    with pytest.raises(DatabaseUnavailable) as caught:
        await open_database(url)
    message = str(caught.value)
    assert message.startswith(f"postgresql://bot:***@/vks?host={tmp_path}:") and "s3cret" not in message


def test_the_start_up_error_names_bot_db_without_its_password(tmp_path: Path) -> None:
    url = f"postgresql://bot:s3cret-word@/vks?host={tmp_path}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(_DROPPED)}
    env.update(
        BOT_DB=url, BOT_ENV_FILE=str(tmp_path / "absent.env"), PYTHONPATH=str(REPO_ROOT), PYTHONIOENCODING="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--platform", "console"],
        input="/start\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode != 0
    assert "BOT_DB=postgresql://bot:***@" in done.stderr and "s3cret" not in done.stdout + done.stderr
