"""Telegram unreachable at start (blocked, offline, a wrong TELEGRAM_API_BASE): one line naming the
host and what to do instead, a non-zero exit, and the traceback only at DEBUG. Offline: the Bot API
base points at a closed port on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from telegram.error import InvalidToken, NetworkError

from bot.adapters.telegram import start_error
from tests import REPO_ROOT

TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends: connections are refused


def _run(tmp_path: Path, port: int, level: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BOT_ENV_FILE": str(tmp_path / "none.env"),
        "BOT_DB": str(tmp_path / "bot.sqlite3"),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE": f"http://127.0.0.1:{port}",
        "BOT_LOG_LEVEL": level,
        "PYTHONPATH": str(REPO_ROOT),
    }
    env.pop("ZALO_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", "--platform", "telegram"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_unreachable_api_is_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    port = _closed_port()
    done = _run(tmp_path, port, "INFO")
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "Traceback" not in output and "unexpected error" not in output, output[-3000:]
    last = done.stderr.strip().splitlines()[-1]
    assert f"cannot reach the Telegram API at 127.0.0.1:{port}" in last
    assert "Zalo" in last
    assert TOKEN not in output


def test_traceback_only_at_debug(tmp_path: Path) -> None:
    done = _run(tmp_path, _closed_port(), "DEBUG")
    assert done.returncode != 0
    assert "Traceback" in done.stderr and "ConnectError" in done.stderr
    assert TOKEN not in done.stdout + done.stderr


def test_causes_name_the_host_and_never_the_token() -> None:
    unreachable = start_error(NetworkError(f"httpx.ConnectError: {TOKEN}"), None, TOKEN)
    assert unreachable is not None
    assert "api.telegram.org" in str(unreachable) and TOKEN not in str(unreachable)
    refused = start_error(InvalidToken(f"The token `{TOKEN}` was rejected by the server."), None, TOKEN)
    assert refused is not None and "TELEGRAM_BOT_TOKEN" in str(refused) and TOKEN not in str(refused)
