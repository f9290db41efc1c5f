"""Test-only: the real bot process and the command line on a test database.

- ``BotProcess``: ``python -m tests.e2e.run_bot`` (the production entry point with the emulator-aware
  request) on a given database, with its log in a file; start, SIGKILL, SIGTERM.
- ``cli``: ``python -m bot ...`` on the same database, for set-up the way an operator does it.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
READY_LINE = "Telegram long polling started"
WEBHOOK_READY_LINE = "Telegram webhook listening"


def wait_until(condition: Callable[[], Any], timeout: float, what: str, step: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(step)


def bot_env(db_path: Path, token: str, api_base: str, **extra: str) -> dict[str, str]:
    """The process environment without any inherited bot or platform settings, plus ours."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "ZALO_", "E2E_"))}
    env.update(
        BOT_DB=str(db_path),
        BOT_DEMO="false",
        BOT_LOG_LEVEL="INFO",
        BOT_ENV_FILE=str(db_path.parent / "no.env"),
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE=api_base,
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def cli(db_path: Path, *args: str) -> str:
    """``python -m bot <args>`` on the database; returns its standard output (fails on a non-zero exit)."""
    env = bot_env(db_path, "0:unused", "http://127.0.0.1:9")
    del env["TELEGRAM_BOT_TOKEN"], env["TELEGRAM_API_BASE"]
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, f"python -m bot {' '.join(args)} failed: {done.stdout}{done.stderr}"
    return done.stdout


def invite(db_path: Path, unit: str, role: str) -> str:
    out = cli(db_path, "admin", "invite", "--unit", unit, "--role", role)
    found = re.search(r"Mã mời: (\S+)", out)
    assert found, out
    return found.group(1)


class BotProcess:
    def __init__(self, db_path: Path, token: str, api_base: str, log_path: Path, **env: str) -> None:
        self.token = token
        self.env = bot_env(db_path, token, api_base, **env)
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, ready: bool = True) -> BotProcess:
        """Start the process; with ``ready``, wait until it polls (or its webhook listens)."""
        assert self.process is None or self.process.poll() is not None, "already running"
        self.starts += 1
        with self.log_path.open("ab") as log:
            log.write(f"\n===== start {self.starts} =====\n".encode())
            log.flush()
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.e2e.run_bot"],
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        if ready:
            webhook = "TELEGRAM_WEBHOOK_URL" in self.env
            self.wait_for_log(WEBHOOK_READY_LINE if webhook else READY_LINE, occurrences=self.starts)
        return self

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, text: str, occurrences: int = 1, timeout: float = 30.0) -> None:
        def seen() -> bool:
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"the bot exited ({self.process.returncode}):\n{self.log()[-3000:]}")
            return self.log().count(text) >= occurrences

        wait_until(seen, timeout, f"{text!r} in the bot log")

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as in a power cut or the OOM killer."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def terminate(self, timeout: float = 10.0) -> tuple[int, float]:
        """SIGTERM; returns (exit code, seconds until the process was gone). Kills it after ``timeout``."""
        assert self.process is not None
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"the bot did not stop within {timeout} s of SIGTERM:\n{self.log()[-3000:]}") from None
        return code, time.monotonic() - started

    def stop(self) -> None:
        """Teardown: SIGTERM, then SIGKILL if it lingers (tests that care use ``terminate``)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
