"""Logs for a service: BOT_LOG_FILE (owner-only file; the console chat then shows only chat),
BOT_LOG_FORMAT=json (one JSON object per line, secrets still redacted), and the settings."""

from __future__ import annotations

import io
import json
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from bot.logs import JsonFormatter, RedactSecrets
from tests import REPO_ROOT

TOKEN = "123456:" + "B" * 35


def test_json_lines_carry_time_level_logger_message_and_a_redacted_traceback() -> None:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(RedactSecrets([TOKEN]))
    handler.setFormatter(JsonFormatter())
    log = logging.getLogger("tests.service_logs")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("calling https://api.telegram.org/bot%s/getMe for %s", TOKEN, "Lãnh đạo A")
        try:
            raise RuntimeError(f"token {TOKEN} refused")
        except RuntimeError:
            log.exception("start failed")
    finally:
        log.removeHandler(handler)
        log.propagate = True
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert set(first) == {"time", "level", "logger", "message"}
    assert first["level"] == "WARNING" and first["logger"] == "tests.service_logs"
    assert first["message"] == "calling https://api.telegram.org/bot***/getMe for Lãnh đạo A"
    assert first["time"].endswith("+00:00")
    assert second["message"] == "start failed" and "RuntimeError: token *** refused" in second["exception"]
    assert TOKEN not in out.getvalue()


def test_settings_for_the_service() -> None:
    settings = load_settings({"BOT_LOG_FILE": "/var/log/tro-ly/bot.log", "BOT_LOG_FORMAT": "JSON"}, Path("/absent"))
    assert (settings.log_file, settings.log_format, settings.health_port) == ("/var/log/tro-ly/bot.log", "json", None)
    assert load_settings({"BOT_HEALTH_PORT": "9464"}, Path("/absent")).health_port == 9464
    with pytest.raises(ConfigError, match="BOT_LOG_FORMAT"):
        load_settings({"BOT_LOG_FORMAT": "xml"}, Path("/absent"))
    with pytest.raises(ConfigError, match="BOT_HEALTH_PORT"):
        load_settings({"BOT_HEALTH_PORT": "70000"}, Path("/absent"))


def _console(tmp_path: Path, lines: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "BOT_"))}
    base.update(
        BOT_DB=str(tmp_path / "bot.sqlite3"),
        BOT_ENV_FILE=str(tmp_path / "absent.env"),
        PYTHONPATH=str(REPO_ROOT),
        PYTHONIOENCODING="utf-8",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", "--platform", "console"],
        input=lines,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=base,
        timeout=60,
    )


def test_console_with_a_log_file_shows_only_chat(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "bot.log"
    result = _console(tmp_path, "/start\n", BOT_LOG_FILE=str(log), BOT_LOG_LEVEL="INFO", BOT_LOG_FORMAT="json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("Chào Quản trị demo!") and "INFO" not in result.stdout
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert any(e["message"] == "seeded the demo province with 4 units" for e in entries), entries
    assert {e["level"] for e in entries} >= {"INFO"}


def test_console_without_a_log_file_keeps_info_out_of_the_chat(tmp_path: Path) -> None:
    result = _console(tmp_path, "/start\n", BOT_LOG_LEVEL="INFO")
    assert result.returncode == 0, result.stderr
    assert "seeded the demo province" not in result.stdout + result.stderr
    assert result.stdout.startswith("Chào Quản trị demo!")
