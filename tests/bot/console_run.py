"""The assistant started as a real process on the console, without tokens, for start-up tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests import REPO_ROOT


def run_console(tmp_path: Path, cwd: Path = REPO_ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m bot run --platform console`` with no .env file and no platform token, its database
    in ``tmp_path`` unless ``env`` names another; stdin closed, so a healthy start ends by itself
    (the timeout only guards against a hang)."""
    full = {**os.environ, "BOT_ENV_FILE": str(tmp_path / "none.env"), "BOT_DB": str(tmp_path / "bot.sqlite3"), **env}
    full["PYTHONPATH"] = str(REPO_ROOT)
    full.pop("TELEGRAM_BOT_TOKEN", None)
    full.pop("ZALO_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", "--platform", "console"],
        cwd=cwd,
        env=full,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
