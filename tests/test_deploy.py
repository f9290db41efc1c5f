"""The service files under deploy/ agree with the program: a dedicated user, an owner-only
environment file, restart on failure, a stop timeout longer than the drain, the real entry
point; systemd-analyze checks the unit when it is installed."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.app import FLUSH_SECONDS
from bot.config import ConfigError, Settings, load_settings, read_env_file
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
    # An outage is waited out with a back-off, never given up on; a wrong setting is not retried.
    assert int(service["RestartSec"]) >= 30 and unit()["Unit"]["StartLimitIntervalSec"] == "0"
    assert service["RestartPreventExitStatus"].split() == ["2", "3"]
    assert service["KillSignal"] == "SIGTERM"
    assert int(service["TimeoutStopSec"]) > DRAIN_SECONDS
    # The platform is explicit: a missing token stops the start instead of a silent console.
    assert service["ExecStart"] == "/opt/tro-ly-vks/.venv/bin/python -m bot run --platform zalo"
    assert service["UMask"] == "0077" and service["NoNewPrivileges"] == "yes"
    text = (DEPLOY / "tro-ly-vks.service").read_text(encoding="utf-8")
    assert "install -m 0600 -o root -g root deploy/env.example /etc/tro-ly-vks/env" in text
    # How the code gets there without the development tools, and the admin wrapper.
    assert "python3 -m venv /opt/tro-ly-vks/.venv && /opt/tro-ly-vks/.venv/bin/pip install ." in text
    assert "install -m 0755 deploy/tro-ly-vks-admin /usr/local/sbin/tro-ly-vks-admin" in text


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


def _example_settings(tmp_path: Path) -> Settings:
    """env.example's settings; its database folder (/var/lib/tro-ly-vks, made by the install) stands
    in a temporary folder here, since a BOT_DB whose folder is missing is refused at start."""
    values = read_env_file(DEPLOY / "env.example")
    assert values["BOT_DB"] == "/var/lib/tro-ly-vks/bot.sqlite3"
    if not Path("/var/lib/tro-ly-vks").is_dir():  # not installed on this machine: the one refusal
        with pytest.raises(ConfigError, match="/var/lib/tro-ly-vks"):
            load_settings(values, DEPLOY / "absent")
    return load_settings({**values, "BOT_DB": str(tmp_path / "bot.sqlite3")}, DEPLOY / "absent")


def test_the_example_environment_is_valid_settings(tmp_path: Path) -> None:
    settings = _example_settings(tmp_path)
    assert settings.demo is False and settings.log_format == "json" and settings.health_port == 9464
    assert settings.log_file == "/var/log/tro-ly-vks/bot.log"


def test_dockerfile_and_compose() -> None:
    docker = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^USER tro-ly-vks$", docker, re.M)
    assert 'CMD ["python", "-m", "bot", "run", "--platform", "zalo"]' in docker and "STOPSIGNAL SIGTERM" in docker
    assert "http://127.0.0.1:9464/healthz" in docker and "BOT_HEALTH_PORT=9464" in docker
    for folder in ("bot", "handlers", "knowledge", "storage"):
        assert f"COPY {folder} ./{folder}" in docker
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    assert bot["restart"] == "on-failure" and bot["env_file"] == "env"
    assert bot["command"] == ["python", "-m", "bot", "run", "--platform", "zalo"]
    assert bot["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert int(bot["stop_grace_period"].removesuffix("s")) > DRAIN_SECONDS
    assert "data:/data" in bot["volumes"]
    assert "/deploy/env" in (REPO_ROOT / ".gitignore").read_text(encoding="utf-8")  # the tokens stay out of git


def test_compose_postgres_option() -> None:
    """The PostgreSQL override: a private database (no published port) the bot waits for, and a
    BOT_DB the settings read as a PostgreSQL URL without a password in it (PGPASSWORD carries it)."""
    override = yaml.safe_load((DEPLOY / "compose.postgres.yaml").read_text(encoding="utf-8"))
    db, bot = override["services"]["db"], override["services"]["bot"]
    assert "ports" not in db and db["env_file"] == "env" and "healthcheck" in db
    assert bot["depends_on"] == {"db": {"condition": "service_healthy"}}
    url = bot["environment"]["BOT_DB"]
    assert url.startswith("postgresql://bot@db:") and ":" not in url.split("//", 1)[1].split("@", 1)[0]
    assert load_settings({"BOT_DB": url}, DEPLOY / "absent").db_path == url
    example = (DEPLOY / "env.example").read_text(encoding="utf-8")
    assert "POSTGRES_PASSWORD=" in example and "PGPASSWORD=" in example


def test_one_layout_everywhere() -> None:
    """The README, the unit, the wrapper and env.example name the same folders; no third path."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    files = [readme] + [
        (DEPLOY / name).read_text(encoding="utf-8") for name in ("tro-ly-vks.service", "tro-ly-vks-admin")
    ]
    for text in files:
        assert "/srv/tro-ly-vks" not in text
    assert read_env_file(DEPLOY / "env.example")["BOT_DB"] == "/var/lib/tro-ly-vks/bot.sqlite3"
    assert unit()["Service"]["WorkingDirectory"] == "/var/lib/tro-ly-vks"
    assert "/var/lib/tro-ly-vks/backups" in readme and "tro-ly-vks-admin admin restore" in readme
    assert "make .venv/.installed` there" not in readme  # no development tools on the server
    assert "docker compose -f deploy/compose.yaml run --rm bot python -m bot admin" in readme


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("runuser") is None, reason="needs root and runuser")
def test_admin_wrapper_acts_on_the_services_database(tmp_path: Path) -> None:
    """deploy/tro-ly-vks-admin, run from any folder, reads the service's EnvironmentFile and works
    on its database, in its folder (here: root stands in for the service user)."""
    service_dir = tmp_path / "var-lib"
    service_dir.mkdir()
    env_file = tmp_path / "env"
    env_file.write_text(
        (DEPLOY / "env.example")
        .read_text(encoding="utf-8")
        .replace("/var/lib/tro-ly-vks/bot.sqlite3", str(service_dir / "bot.sqlite3"))
        .replace("/var/log/tro-ly-vks/bot.log", str(tmp_path / "bot.log")),
        encoding="utf-8",
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ".env").write_text(f"BOT_DB={elsewhere / 'stray.sqlite3'}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "BOT_"))}
    env.update(
        TRO_LY_VKS_ENV_FILE=str(env_file),
        TRO_LY_VKS_USER="root",
        TRO_LY_VKS_DATA_DIR=str(service_dir),
        TRO_LY_VKS_PYTHON=sys.executable,
        PYTHONPATH=str(REPO_ROOT),
    )

    def admin(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(DEPLOY / "tro-ly-vks-admin"), *args],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )

    added = admin("admin", "unit", "add", "--code", "HN", "--name", "VKSND TP Hà Nội", "--level", "tinh")
    assert added.returncode == 0, added.stderr
    assert (service_dir / "bot.sqlite3").is_file() and not (elsewhere / "stray.sqlite3").exists()
    assert not (elsewhere / "data").exists()
    (service_dir / "backups").mkdir()
    backup = service_dir / "backups" / "bot-1.sqlite3"
    assert admin("admin", "backup", "--out", str(backup)).returncode == 0
    assert backup.stat().st_mode & 0o777 == 0o600
    restored = admin("admin", "restore", str(backup))
    assert restored.returncode == 0 and "Đã khôi phục" in restored.stdout
    assert admin("admin", "unit", "list").stdout.startswith("HN\t")
