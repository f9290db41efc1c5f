"""The service files under deploy/ agree with the program: a dedicated user, an owner-only
environment file, restart on failure, a stop timeout longer than the drain, the real entry
point; systemd-analyze checks the unit when it is installed."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess

import pytest
import yaml

from bot.app import FLUSH_SECONDS
from bot.config import load_settings, read_env_file
from tests import REPO_ROOT

DEPLOY = REPO_ROOT / "deploy"
# The drain: the outbox's final sends, then the adapter's own stop (a reply in flight, closing
# the HTTP client); tests/e2e/test_crash.py sees an idle SIGTERM end within 10 s.
DRAIN_SECONDS = FLUSH_SECONDS + 10


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DEPLOY / "tro-ly-vks.service", encoding="utf-8")
    return parser


def test_systemd_unit() -> None:
    service = unit()["Service"]
    assert service["User"] == "tro-ly-vks" and service["User"] != "root"
    assert service["EnvironmentFile"] == "/etc/tro-ly-vks/env"
    assert service["Restart"] == "on-failure"
    assert service["KillSignal"] == "SIGTERM"
    assert int(service["TimeoutStopSec"]) > DRAIN_SECONDS
    assert service["ExecStart"].endswith("python -m bot run")
    assert service["UMask"] == "0077" and service["NoNewPrivileges"] == "yes"
    text = (DEPLOY / "tro-ly-vks.service").read_text(encoding="utf-8")
    assert "install -m 0600 -o root -g root env.example /etc/tro-ly-vks/env" in text


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_finds_nothing_but_the_absent_install() -> None:
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(DEPLOY / "tro-ly-vks.service")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "is not executable: No such file or directory" not in line
    ]
    assert problems == []


def test_the_example_environment_is_valid_settings() -> None:
    values = read_env_file(DEPLOY / "env.example")
    settings = load_settings(values, DEPLOY / "absent")
    assert settings.demo is False and settings.log_format == "json" and settings.health_port == 9464
    assert settings.log_file == "/var/log/tro-ly-vks/bot.log"


def test_dockerfile_and_compose() -> None:
    docker = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^USER tro-ly-vks$", docker, re.M)
    assert 'CMD ["python", "-m", "bot", "run"]' in docker and "STOPSIGNAL SIGTERM" in docker
    assert "http://127.0.0.1:9464/healthz" in docker and "BOT_HEALTH_PORT=9464" in docker
    for folder in ("bot", "handlers", "knowledge", "storage"):
        assert f"COPY {folder} ./{folder}" in docker
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    assert bot["restart"] == "on-failure" and bot["env_file"] == "env"
    assert bot["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert int(bot["stop_grace_period"].removesuffix("s")) > DRAIN_SECONDS
    assert "data:/data" in bot["volumes"]
    assert "/deploy/env" in (REPO_ROOT / ".gitignore").read_text(encoding="utf-8")  # the tokens stay out of git
