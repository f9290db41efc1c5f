"""Test-only entry point: ``python -m tests.e2e.run_bot`` is ``python -m bot run --platform telegram``
(same settings from the environment, same composition root, same adapter) except that the Bot API
requests go through ``EmulatorRequest``, which absorbs the emulator's quirks.

``E2E_HTTP_TIMEOUT`` (seconds, default python-telegram-bot's 5) sets the client's connect, read and
write timeouts, so the fault tests can make a response "slower than the timeout" without waiting
long. ``E2E_WEBHOOK_LOCAL_URL`` is where setWebhook points the emulator in webhook mode.
``E2E_CLOCK_FILE`` names a file holding the seconds the test has moved the process's clock forward (see
``tests/e2e/clock.py``): a test brings a reminder due in two minutes to now instead of waiting for it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from typing import Any

from bot import __main__ as cli
from bot import app as bot_app
from bot.adapters import telegram as telegram_adapter
from tests.e2e.clock import ShiftedClock
from tests.e2e.emulator_request import EmulatorRequest


def _request(pool: int) -> EmulatorRequest:
    timeout = float(os.environ.get("E2E_HTTP_TIMEOUT") or 5.0)
    return EmulatorRequest(
        connection_pool_size=pool,  # what ApplicationBuilder uses when it builds the requests itself
        read_timeout=timeout,
        write_timeout=timeout,
        connect_timeout=timeout,
        webhook_local_url=os.environ.get("E2E_WEBHOOK_LOCAL_URL") or None,
    )


class EmulatorAdapter(telegram_adapter.TelegramAdapter):
    """The production adapter, given the emulator-aware requests through its ``request`` parameters."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("request", _request(256))
        kwargs.setdefault("get_updates_request", _request(1))
        super().__init__(*args, **kwargs)


def _stop_when_orphaned() -> None:
    """If the test run that started this process dies (killed, timed out), stop like on SIGTERM
    instead of polling a vanished emulator forever."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def main() -> int:
    _stop_when_orphaned()
    # bot.app.run imports the adapter class from its module when it starts the platform.
    telegram_adapter.TelegramAdapter = EmulatorAdapter  # type: ignore[misc]
    shifts = os.environ.get("E2E_CLOCK_FILE")
    if shifts:  # bot.app.build_app builds the process's one clock from this name
        bot_app.SystemClock = lambda: ShiftedClock(shifts)  # type: ignore[misc,assignment]
    return cli.main(["run", "--platform", "telegram"])


if __name__ == "__main__":
    sys.exit(main())
