"""Logging: every configured secret is replaced by ``***`` wherever it appears in a record,
and the HTTP client loggers (whose lines carry Bot API URLs) stay quiet."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.logs import RedactSecrets, setup_logging

TOKEN = "123456:" + "A" * 35
WEBHOOK_SECRET = "webhook-secret-0123456789"
URL = f"https://api.telegram.org/bot{TOKEN}/sendMessage"


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    """setup_logging writing to a string; the root logger and HTTP loggers restored afterwards."""
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    out = io.StringIO()
    setup_logging("DEBUG", [TOKEN, WEBHOOK_SECRET], out)
    yield out
    for handler in list(root.handlers):
        if any(isinstance(f, RedactSecrets) for f in handler.filters):
            root.removeHandler(handler)
    # Put back the session-wide handlers; pytest attaches and detaches its per-phase capture itself.
    for handler in saved_handlers:
        if handler not in root.handlers and type(handler).__name__ != "LogCaptureHandler":
            root.addHandler(handler)
    root.setLevel(saved_level)
    for name, level in quiet.items():
        logging.getLogger(name).setLevel(level)


def _assert_redacted(output: str) -> None:
    assert output, "nothing was logged"
    assert TOKEN not in output
    assert "A" * 35 not in output
    assert WEBHOOK_SECRET not in output
    assert "***" in output


def test_secret_in_the_message_is_redacted(stream: io.StringIO) -> None:
    logging.getLogger("bot.test").info(f"POST {URL}")
    _assert_redacted(stream.getvalue())
    assert "https://api.telegram.org/bot***/sendMessage" in stream.getvalue()


def test_secret_in_the_arguments_is_redacted(stream: io.StringIO) -> None:
    logging.getLogger("telegram.ext").warning("request to %s failed with %d", URL, 502)
    line = stream.getvalue()
    _assert_redacted(line)
    assert "request to https://api.telegram.org/bot***/sendMessage failed with 502" in line


def test_secret_in_mapping_arguments_is_redacted(stream: io.StringIO) -> None:
    logging.getLogger("bot.test").error("webhook %(secret)s on %(port)d", {"secret": WEBHOOK_SECRET, "port": 8443})
    _assert_redacted(stream.getvalue())
    assert "webhook *** on 8443" in stream.getvalue()


def test_secret_in_an_exception_traceback_is_redacted(stream: io.StringIO) -> None:
    def call_api() -> None:
        raise ConnectionError(f"could not reach {URL}")

    try:
        try:
            call_api()
        except ConnectionError as exc:
            raise RuntimeError(f"sending failed (token {TOKEN})") from exc
    except RuntimeError:
        logging.getLogger("bot.adapters.telegram").exception("error while handling an update")
    output = stream.getvalue()
    _assert_redacted(output)
    assert "Traceback (most recent call last)" in output
    assert "ConnectionError: could not reach https://api.telegram.org/bot***/sendMessage" in output
    assert "RuntimeError: sending failed (token ***)" in output


def test_exc_info_passed_explicitly_is_redacted(stream: io.StringIO) -> None:
    error = PermissionError(f"Forbidden: {TOKEN}")
    logging.getLogger("bot.adapters.telegram").error("giving up", exc_info=error)
    _assert_redacted(stream.getvalue())
    assert "PermissionError: Forbidden: ***" in stream.getvalue()


def test_records_without_secrets_are_untouched(stream: io.StringIO) -> None:
    logging.getLogger("bot.test").info("sent %d of %d parts (%s)", 2, 3, "100%")
    assert stream.getvalue().rstrip().endswith("bot.test: sent 2 of 3 parts (100%)")
    assert "***" not in stream.getvalue()


def test_setting_up_twice_does_not_duplicate_lines(stream: io.StringIO) -> None:
    setup_logging("INFO", [TOKEN], stream)
    logging.getLogger("bot.test").info("một dòng %s", TOKEN)
    lines = [line for line in stream.getvalue().splitlines() if "một dòng" in line]
    assert len(lines) == 1 and lines[0].endswith("một dòng ***")


def test_level_is_applied(stream: io.StringIO) -> None:
    setup_logging("WARNING", [TOKEN], stream)
    logging.getLogger("bot.test").info("hidden")
    logging.getLogger("bot.test").warning("shown")
    assert "hidden" not in stream.getvalue() and "shown" in stream.getvalue()


def test_http_client_loggers_are_at_warning(stream: io.StringIO) -> None:
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("httpcore").getEffectiveLevel() == logging.WARNING
    logging.getLogger("httpx").info(f'HTTP Request: POST {URL} "HTTP/1.1 200 OK"')
    logging.getLogger("bot.test").debug("debug lines still pass")
    output = stream.getvalue()
    assert "HTTP Request" not in output
    assert "debug lines still pass" in output


def test_short_values_are_not_treated_as_secrets() -> None:
    # A one-letter "secret" would turn every log line into asterisks.
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "a b c", None, None)
    RedactSecrets(["a", ""]).filter(record)
    assert record.getMessage() == "a b c"


def test_malformed_log_call_does_not_raise_into_the_caller(stream: io.StringIO) -> None:
    logging.raiseExceptions = False  # what handleError honours; the call must simply not raise
    try:
        logging.getLogger("some.library").info("two %s %s", "only-one")
    finally:
        logging.raiseExceptions = True


def test_malformed_log_call_does_not_leak_the_secret(stream: io.StringIO, capsys: pytest.CaptureFixture[str]) -> None:
    assert logging.raiseExceptions  # the default: handleError reports the call on stderr
    logging.getLogger("some.library").info("two %s %s", URL)
    reported = capsys.readouterr().err + stream.getvalue()
    assert TOKEN not in reported
