"""Typed settings, loaded once from the environment and an optional ``.env`` file.

A bad value stops the start with a message naming the variable. Secrets are kept in
``Secret`` objects whose ``repr`` and ``str`` never show the value.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import tzinfo
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage.database import is_postgres_url
from storage.db_folder import folder_problem

PLATFORMS = ("console", "telegram", "zalo")


class ConfigError(ValueError):
    """A configuration variable has a bad value; the message names it."""


class Secret:
    """A token or password: usable via ``.value``, never printed."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    @property
    def value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


# The one database folder the program creates itself (owner-only), on a fresh clone's first run.
DEFAULT_DB = "data/bot.sqlite3"


@dataclass(frozen=True)
class Settings:
    db_path: str = DEFAULT_DB
    # PRAGMA quick_check at start (BOT_DB_QUICK_CHECK=false skips it on a huge database).
    db_quick_check: bool = True
    # Retention (days): processed-update keys, the question log, finished outbox rows.
    retain_update_keys_days: int = 2
    retain_questions_days: int = 365
    retain_outbox_days: int = 180
    timezone: tzinfo = field(default_factory=lambda: ZoneInfo("Asia/Ho_Chi_Minh"))
    log_level: str = "INFO"
    invite_ttl_days: int = 7
    demo: bool = True
    console_name: str | None = None  # the console's local person outside the demo (default: the OS user)
    # The report configuration (None: the packaged example, knowledge/data/reports.yaml).
    reports_file: str | None = None
    telegram_token: Secret | None = None
    telegram_api_base: str | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: Secret | None = None
    telegram_webhook_host: str = "127.0.0.1"
    telegram_webhook_port: int = 8443
    # Outbox pace on Telegram (about 30 messages/s overall and 1/s per chat allowed): sends per
    # second overall, seconds between two sends to one chat.
    telegram_rate_per_second: float = 25.0
    telegram_rate_per_chat: float = 1.0
    zalo_token: Secret | None = None
    zalo_api_base: str = "https://bot-api.zaloplatforms.com"
    zalo_webhook_url: str | None = None
    zalo_webhook_secret: Secret | None = None
    zalo_webhook_host: str = "127.0.0.1"
    zalo_webhook_port: int = 8444
    # Zalo publishes no rate limit: conservative outbox defaults (sends per second, seconds per chat).
    zalo_rate_per_second: float = 10.0
    zalo_rate_per_chat: float = 1.0
    # Charts go out with sendPhoto only from a public URL that serves files written to this folder.
    zalo_media_url: str | None = None
    zalo_media_dir: str = "data/zalo-media"
    # Service settings: a log file instead of stderr, JSON log lines, the loopback health port.
    log_file: str | None = None
    log_format: str = "text"
    health_port: int | None = None

    def with_service(self, env: Mapping[str, str]) -> Settings:
        """These settings plus BOT_LOG_FILE, BOT_LOG_FORMAT (text | json) and BOT_HEALTH_PORT
        (unset: no health endpoint) from ``env``."""
        log_format = (_text(env, "BOT_LOG_FORMAT") or "text").lower()
        if log_format not in ("text", "json"):
            raise ConfigError(f"BOT_LOG_FORMAT must be text or json, got {log_format!r}")
        port = _int(env, "BOT_HEALTH_PORT", 0, 1, 65535) if _text(env, "BOT_HEALTH_PORT") else None
        return replace(self, log_file=_text(env, "BOT_LOG_FILE"), log_format=log_format, health_port=port)

    def default_platform(self) -> str:
        if self.telegram_token:
            return "telegram"
        if self.zalo_token:
            return "zalo"
        return "console"

    def secrets(self) -> list[str]:
        """Every secret value, so the log filter can redact them."""
        found = [self.telegram_token, self.telegram_webhook_secret, self.zalo_token, self.zalo_webhook_secret]
        return [s.value for s in found if s is not None and s.value]


def read_env_file(path: Path) -> dict[str, str]:
    """Parse ``KEY=VALUE`` lines (``#`` comments, optional quotes, optional ``export``)."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.removeprefix("export ").strip()
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not re.fullmatch(r"[A-Z_][A-Z0-9_]*", key):
            raise ConfigError(f"{path}:{number}: expected KEY=VALUE")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key] = value
    return values


def _text(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    value = _text(env, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {value!r}") from None
    if not low <= number <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, got {number}")
    return number


def _float(env: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    value = _text(env, name)
    if value is None:
        return default
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {value!r}") from None
    if not low <= number <= high:  # also refuses nan
        raise ConfigError(f"{name} must be between {low:g} and {high:g}, got {value}")
    return number


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = _text(env, name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be true or false, got {value!r}")


def _url(env: Mapping[str, str], name: str, *, https: bool = False) -> str | None:
    value = _text(env, name)
    if value is None:
        return None
    allowed = ("https://",) if https else ("http://", "https://")
    if not value.startswith(allowed):
        raise ConfigError(f"{name} must start with {' or '.join(allowed)}")
    return value.rstrip("/")


def _token(env: Mapping[str, str], name: str, pattern: str) -> Secret | None:
    value = _text(env, name)
    if value is None:
        return None
    if not re.fullmatch(pattern, value):
        # Never echo the value: it is a secret, possibly mistyped.
        raise ConfigError(f"{name} does not look like a valid token")
    return Secret(value)


# The only ports Telegram delivers webhooks to (Bot API, setWebhook).
TELEGRAM_WEBHOOK_PORTS = (443, 80, 88, 8443)


def _check_telegram_port(url: str) -> None:
    try:
        port = urlsplit(url).port or 443
    except ValueError:
        raise ConfigError("TELEGRAM_WEBHOOK_URL has an invalid port") from None
    if port not in TELEGRAM_WEBHOOK_PORTS:
        raise ConfigError(
            f"TELEGRAM_WEBHOOK_URL uses port {port}; Telegram only delivers to ports 443, 80, 88 or 8443 "
            "(the proxy in front may forward to any local TELEGRAM_WEBHOOK_PORT)"
        )


def _db_path(env: Mapping[str, str]) -> str:
    """``BOT_DB``; a file path whose folder is missing (a typo would otherwise become a new, empty
    database where nobody is registered) is refused, except the default ``data/``."""
    value = _text(env, "BOT_DB") or DEFAULT_DB
    if is_postgres_url(value) or value == ":memory:" or Path(value) == Path(DEFAULT_DB):
        return value
    problem = folder_problem(value)
    if problem is not None:
        raise ConfigError(
            f"BOT_DB={value}: {problem}. Sửa BOT_DB, hoặc tạo thư mục trước (mkdir -m 700 …) nếu đúng là "
            "cơ sở dữ liệu mới / fix BOT_DB, or create the folder first for a new database"
        )
    return value


def load_settings(env: Mapping[str, str] | None = None, env_file: Path | None = None) -> Settings:
    """Build settings from ``env`` (default: the process environment) over an optional ``.env`` file."""
    source = dict(os.environ if env is None else env)
    file = env_file if env_file is not None else Path(source.get("BOT_ENV_FILE", ".env"))
    merged = {**read_env_file(file), **source}

    tz_name = _text(merged, "BOT_TIMEZONE") or "Asia/Ho_Chi_Minh"
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"BOT_TIMEZONE is not a known time zone: {tz_name!r}") from None
    level = (_text(merged, "BOT_LOG_LEVEL") or "INFO").upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"BOT_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")

    telegram_token = _token(merged, "TELEGRAM_BOT_TOKEN", r"\d{3,}:[A-Za-z0-9_-]{20,}")
    tg_webhook = _url(merged, "TELEGRAM_WEBHOOK_URL", https=True)
    if tg_webhook is not None:
        _check_telegram_port(tg_webhook)
    tg_secret = _token(merged, "TELEGRAM_WEBHOOK_SECRET", r"[A-Za-z0-9_-]{16,256}")
    if tg_webhook and not tg_secret:
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL (16-256 of A-Z a-z 0-9 _ -)")
    zalo_webhook = _url(merged, "ZALO_WEBHOOK_URL", https=True)
    zalo_secret = _token(merged, "ZALO_WEBHOOK_SECRET", r"\S{8,256}")
    if zalo_webhook and not zalo_secret:
        raise ConfigError("ZALO_WEBHOOK_SECRET is required with ZALO_WEBHOOK_URL (8-256 characters)")

    return Settings(
        db_path=_db_path(merged),
        db_quick_check=_bool(merged, "BOT_DB_QUICK_CHECK", True),
        # Update keys: platforms redeliver within a day (Telegram may reuse ids after a week of silence).
        retain_update_keys_days=_int(merged, "BOT_RETAIN_UPDATE_KEYS_DAYS", 2, 2, 6),
        retain_questions_days=_int(merged, "BOT_RETAIN_QUESTIONS_DAYS", 365, 30, 3650),
        # Never under 60: a sent reminder's key must outlive any period the planner may look back on.
        retain_outbox_days=_int(merged, "BOT_RETAIN_OUTBOX_DAYS", 180, 60, 3650),
        timezone=timezone,
        log_level=level,
        invite_ttl_days=_int(merged, "BOT_INVITE_TTL_DAYS", 7, 1, 90),
        demo=_bool(merged, "BOT_DEMO", True),
        console_name=_text(merged, "BOT_CONSOLE_NAME"),
        reports_file=_text(merged, "BOT_REPORTS_FILE"),
        telegram_token=telegram_token,
        telegram_api_base=_url(merged, "TELEGRAM_API_BASE"),
        telegram_webhook_url=tg_webhook,
        telegram_webhook_secret=tg_secret,
        telegram_webhook_host=_text(merged, "TELEGRAM_WEBHOOK_HOST") or "127.0.0.1",
        telegram_webhook_port=_int(merged, "TELEGRAM_WEBHOOK_PORT", 8443, 1, 65535),
        telegram_rate_per_second=_float(merged, "TELEGRAM_RATE_PER_SECOND", 25.0, 0.1, 1000.0),
        telegram_rate_per_chat=_float(merged, "TELEGRAM_RATE_PER_CHAT_SECONDS", 1.0, 0.0, 60.0),
        zalo_token=_token(merged, "ZALO_BOT_TOKEN", r"\S{10,}"),
        zalo_api_base=_url(merged, "ZALO_API_BASE") or "https://bot-api.zaloplatforms.com",
        zalo_webhook_url=zalo_webhook,
        zalo_webhook_secret=zalo_secret,
        zalo_webhook_host=_text(merged, "ZALO_WEBHOOK_HOST") or "127.0.0.1",
        zalo_webhook_port=_int(merged, "ZALO_WEBHOOK_PORT", 8444, 1, 65535),
        zalo_rate_per_second=_float(merged, "ZALO_RATE_PER_SECOND", 10.0, 0.1, 100.0),
        zalo_rate_per_chat=_float(merged, "ZALO_RATE_PER_CHAT_SECONDS", 1.0, 0.0, 60.0),
        zalo_media_url=_url(merged, "ZALO_MEDIA_URL", https=True),
        zalo_media_dir=_text(merged, "ZALO_MEDIA_DIR") or "data/zalo-media",
    ).with_service(merged)
