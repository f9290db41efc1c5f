"""Settings: defaults, ``.env`` under the environment, one clear error per bad variable,
and secrets that never show up in messages, reprs or the CLI's output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.config import ConfigError, Secret, Settings, load_settings
from tests import REPO_ROOT

REPO = REPO_ROOT
TOKEN = "987654321:" + "Zq9_" * 9
WEBHOOK_SECRET = "s3cr3t-webhook-value-xyz"


def _load(tmp_path: Path, env: dict[str, str], dotenv: str | None = None) -> Settings:
    env_file = tmp_path / ".env"
    if dotenv is not None:
        env_file.write_text(dotenv, encoding="utf-8")
    return load_settings(env=env, env_file=env_file)


def test_defaults(tmp_path: Path) -> None:
    settings = _load(tmp_path, {})
    assert settings.db_path == "data/bot.sqlite3"
    assert settings.timezone == ZoneInfo("Asia/Ho_Chi_Minh")
    assert settings.log_level == "INFO"
    assert settings.invite_ttl_days == 7
    assert settings.demo is True
    assert settings.telegram_token is None and settings.zalo_token is None
    assert settings.telegram_webhook_url is None and settings.telegram_api_base is None
    assert settings.default_platform() == "console"
    assert settings.secrets() == []


def test_env_file_is_read_and_the_environment_wins(tmp_path: Path) -> None:
    dotenv = (
        "# comment line\n"
        "\n"
        "export BOT_DB=from-file.sqlite3\n"
        'BOT_INVITE_TTL_DAYS="14"\n'
        "BOT_LOG_LEVEL='debug'\n"
        f"TELEGRAM_BOT_TOKEN={TOKEN}\n"
        "BOT_DEMO=off\n"
    )
    settings = _load(tmp_path, {"BOT_DB": "from-env.sqlite3", "BOT_INVITE_TTL_DAYS": "30"}, dotenv)
    assert settings.db_path == "from-env.sqlite3"
    assert settings.invite_ttl_days == 30
    assert settings.log_level == "DEBUG"
    assert settings.demo is False
    assert settings.telegram_token == Secret(TOKEN)
    assert settings.default_platform() == "telegram"


def test_missing_env_file_is_fine(tmp_path: Path) -> None:
    settings = load_settings(env={"BOT_TIMEZONE": "Asia/Bangkok"}, env_file=tmp_path / "nowhere" / ".env")
    assert settings.timezone == ZoneInfo("Asia/Bangkok")


def test_env_file_with_a_bad_line_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        _load(tmp_path, {}, f"BOT_DB=x\nthis line has no equals sign {TOKEN}\n")
    assert ".env:2" in str(error.value)
    assert TOKEN not in str(error.value)


def test_webhook_settings(tmp_path: Path) -> None:
    settings = _load(
        tmp_path,
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_WEBHOOK_URL": "https://vks.example.vn/bot/",
            "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "TELEGRAM_WEBHOOK_PORT": "9000",
        },
    )
    assert settings.telegram_webhook_url == "https://vks.example.vn/bot"
    assert settings.telegram_webhook_secret == Secret(WEBHOOK_SECRET)
    assert settings.telegram_webhook_port == 9000
    assert sorted(settings.secrets()) == sorted([TOKEN, WEBHOOK_SECRET])


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"BOT_INVITE_TTL_DAYS": "abc"}, "BOT_INVITE_TTL_DAYS"),
        ({"BOT_INVITE_TTL_DAYS": "0"}, "BOT_INVITE_TTL_DAYS"),
        ({"BOT_INVITE_TTL_DAYS": "91"}, "BOT_INVITE_TTL_DAYS"),
        ({"BOT_TIMEZONE": "Mars/Olympus"}, "BOT_TIMEZONE"),
        ({"BOT_LOG_LEVEL": "LOUD"}, "BOT_LOG_LEVEL"),
        ({"BOT_DEMO": "maybe"}, "BOT_DEMO"),
        ({"TELEGRAM_WEBHOOK_PORT": "70000"}, "TELEGRAM_WEBHOOK_PORT"),
        ({"TELEGRAM_API_BASE": "ftp://api.example"}, "TELEGRAM_API_BASE"),
        (
            {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_WEBHOOK_URL": "http://vks.example.vn",
                "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
            },
            "TELEGRAM_WEBHOOK_URL",
        ),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_URL": "https://vks.example.vn"}, "TELEGRAM_WEBHOOK_SECRET"),
        (
            {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_WEBHOOK_URL": "https://vks.example.vn:8444/bot",  # not a port Telegram delivers to
                "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
            },
            "TELEGRAM_WEBHOOK_URL",
        ),
        (
            {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_WEBHOOK_URL": "https://vks.example.vn:99999",
                "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
            },
            "TELEGRAM_WEBHOOK_URL",
        ),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": "short"}, "TELEGRAM_WEBHOOK_SECRET"),
        ({"TELEGRAM_BOT_TOKEN": "987654321-" + "Zq9_" * 9}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN + "!"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "12:" + "Zq9_" * 9}, "TELEGRAM_BOT_TOKEN"),
        ({"ZALO_BOT_TOKEN": "short"}, "ZALO_BOT_TOKEN"),
        ({"ZALO_WEBHOOK_URL": "https://vks.example.vn/zalo"}, "ZALO_WEBHOOK_SECRET"),
    ],
)
def test_bad_value_names_the_variable_and_hides_secrets(tmp_path: Path, env: dict[str, str], variable: str) -> None:
    with pytest.raises(ConfigError) as error:
        _load(tmp_path, env)
    message = str(error.value)
    assert variable in message
    for value in (TOKEN, WEBHOOK_SECRET, env.get("TELEGRAM_BOT_TOKEN", "\0"), env.get("ZALO_BOT_TOKEN", "\0")):
        assert value not in message


@pytest.mark.parametrize(
    "url", ["https://vks.example.vn", "https://vks.example.vn:8443/x", "https://h:88", "https://h:80"]
)
def test_telegram_webhook_ports_telegram_accepts(tmp_path: Path, url: str) -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_URL": url, "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET}
    assert _load(tmp_path, env).telegram_webhook_url == url.rstrip("/")


def test_bad_value_in_env_file_is_reported_like_the_environment(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="BOT_LOG_LEVEL"):
        _load(tmp_path, {}, "BOT_LOG_LEVEL=LOUD\n")


def test_secret_never_shows_its_value() -> None:
    secret = Secret(TOKEN)
    assert secret.value == TOKEN
    for shown in (repr(secret), str(secret), f"{secret}", f"{secret!r}", repr([secret])):
        assert TOKEN not in shown and "***" in shown
    settings = Settings(telegram_token=secret, telegram_webhook_secret=Secret(WEBHOOK_SECRET))
    assert TOKEN not in repr(settings) and WEBHOOK_SECRET not in repr(settings)
    assert Secret(TOKEN) == secret and Secret("other") != secret


def test_default_platform() -> None:
    assert Settings().default_platform() == "console"
    assert Settings(zalo_token=Secret("z" * 20)).default_platform() == "zalo"
    assert Settings(telegram_token=Secret(TOKEN)).default_platform() == "telegram"
    assert Settings(telegram_token=Secret(TOKEN), zalo_token=Secret("z" * 20)).default_platform() == "telegram"


def test_cli_refuses_a_malformed_token_without_printing_it(tmp_path: Path) -> None:
    bad_token = "987654321:" + "Zq9!" * 9
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "BOT_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=bad_token,
        BOT_DB=str(tmp_path / "bot.sqlite3"),
        BOT_ENV_FILE=str(tmp_path / "absent.env"),
        PYTHONPATH=str(REPO),
        PYTHONIOENCODING="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input="",
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert bad_token not in result.stderr and bad_token not in result.stdout
    assert "Zq9!" not in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "bot.sqlite3").exists(), "started despite a bad configuration"
