"""Logging set-up with a filter that redacts every configured secret from every record."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = sorted({s for s in secrets if len(s) >= 6}, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            # A malformed log call (wrong number of %-arguments): keep what it says, redacted,
            # rather than let Handler.handleError print the raw arguments with a token in them.
            message = f"{record.msg} {record.args!r}"
            record.args = None
            record.msg = message
        redacted = message
        for secret in self._secrets:
            redacted = redacted.replace(secret, "***")
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            for secret in self._secrets:
                record.exc_text = record.exc_text.replace(secret, "***")
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def setup_logging(level: str, secrets: Iterable[str], stream: object = None) -> None:
    handler = logging.StreamHandler(stream or sys.stderr)  # type: ignore[arg-type]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request URL, and Bot API URLs carry the token: keep them quiet as well.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


class JsonFormatter(logging.Formatter):
    """One JSON object per line for log collectors: time (UTC, ISO 8601), level, logger, message,
    and the traceback when there is one. The message is the one the redaction filter left."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def owner_only_file(path: str) -> Path:
    """Create the log file (and its folder) readable by the owner only: logs name people."""
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    file.chmod(0o600)
    return file


def setup_service_logging(
    level: str, secrets: Iterable[str], *, console: bool, file: str | None = None, json_lines: bool = False
) -> None:
    """Where logs go: to ``file`` (BOT_LOG_FILE) at ``level`` when set, else to stderr; in the
    console chat stderr gets warnings only, so the chat shows only chat. ``json_lines``: one JSON
    object per line (BOT_LOG_FORMAT=json)."""
    if file:
        stream: object = open(owner_only_file(file), "a", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)
    else:
        stream = sys.stderr
        level = "WARNING" if console else level
    setup_logging(level, secrets, stream)
    if json_lines:
        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonFormatter())
