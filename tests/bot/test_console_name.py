"""The console's local person outside the demo has a proper name (review8 C25): BOT_CONSOLE_NAME, else
the OS user — never «Người dùng trên máy», which a unit head reading /nguoidung or the audit cannot tell
apart. A database that stored that placeholder gets the name at the next start, audited."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from bot.demo import LOCAL_NAME, local_name
from tests.bot.test_no_token import _bot, _users

CODE = re.compile(r"/start (\S+)")


def _province(tmp_path: Path) -> str:
    """A real province (not the demo) and an administrator's invite code."""
    add = _bot(tmp_path, "admin", "unit", "add", "--code", "HN", "--name", "VKSND TP Hà Nội", "--level", "tinh")
    assert add.returncode == 0, add.stdout + add.stderr
    invite = _bot(tmp_path, "admin", "invite", "--unit", "HN", "--role", "admin")
    found = CODE.search(invite.stdout)
    assert found is not None, invite.stdout
    return found[1]


def test_the_local_person_registers_under_the_configured_name(tmp_path: Path) -> None:
    code = _province(tmp_path)
    chat = _bot(
        tmp_path,
        "run",
        "--platform",
        "console",
        stdin=f"/start {code}\n/nguoidung\n",
        BOT_DEMO="false",
        BOT_CONSOLE_NAME="  Phạm   Văn Quản ",
    )
    assert chat.returncode == 0, chat.stderr
    assert "Phạm Văn Quản" in chat.stdout and LOCAL_NAME not in chat.stdout, chat.stdout
    assert _users(tmp_path / "prod.sqlite3") == [("Phạm Văn Quản", "console", "admin")]


def test_without_a_configured_name_the_os_user_names_them_even_under_the_demo_default(tmp_path: Path) -> None:
    code = _province(tmp_path)
    chat = _bot(tmp_path, "run", "--platform", "console", stdin=f"/start {code}\n")  # BOT_DEMO=true, not the demo
    assert chat.returncode == 0, chat.stderr
    [(name, _, _)] = _users(tmp_path / "prod.sqlite3")
    assert name == local_name() and name not in (LOCAL_NAME, "Quản trị demo")


def test_a_stored_placeholder_is_renamed_at_start_and_audited(tmp_path: Path) -> None:
    code = _province(tmp_path)
    old = _bot(tmp_path, "run", "--platform", "console", stdin=f"/start {code}\n", BOT_DEMO="false")
    assert old.returncode == 0, old.stderr
    db = tmp_path / "prod.sqlite3"
    conn = sqlite3.connect(db)
    with conn:  # as an earlier version stored the local person
        conn.execute("UPDATE users SET display_name = ? WHERE platform = 'console'", (LOCAL_NAME,))
    conn.close()
    chat = _bot(
        tmp_path, "run", "--platform", "console", stdin="/nguoidung\n", BOT_DEMO="false", BOT_CONSOLE_NAME="Lê Thị Hà"
    )
    assert chat.returncode == 0, chat.stderr
    assert "Lê Thị Hà" in chat.stdout and LOCAL_NAME not in chat.stdout, chat.stdout
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT actor_id, before_json, after_json FROM audit WHERE action = 'user.rename'"
        ).fetchall()
        [(user_id,)] = conn.execute("SELECT id FROM users").fetchall()
    finally:
        conn.close()
    assert [(r[0], json.loads(r[1]), json.loads(r[2])) for r in rows] == [
        (user_id, {"display_name": LOCAL_NAME}, {"display_name": "Lê Thị Hà"})
    ]
    again = _bot(
        tmp_path, "run", "--platform", "console", stdin="/nguoidung\n", BOT_DEMO="false", BOT_CONSOLE_NAME="Khác"
    )
    assert "Lê Thị Hà" in again.stdout  # a real name is the person's: not renamed by the setting
    assert _users(db) == [("Lê Thị Hà", "console", "admin")]


def test_the_local_name_is_cleaned_and_never_the_placeholder() -> None:
    assert local_name("  Trần   Thị  Lan ") == "Trần Thị Lan"
    assert local_name("x" * 80) == "x" * 60
    assert local_name(None) not in ("", LOCAL_NAME) and len(local_name(None)) <= 60
