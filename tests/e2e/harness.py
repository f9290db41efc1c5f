"""Test-only: drive the real bot process through the telegram-test-api emulator.

- ``Emulator``: the Node process (tests/e2e/emulator.js) and its client API (/sendMessage,
  /sendCommand, /sendCallback, /getUpdates, /getUpdatesHistory).
- ``TelegramUser``: one person in a private chat: sends text, commands, locations, photos and button
  presses, and waits for the bot's messages by content (never by elapsed time alone).
- ``BotProcess``: ``python -m tests.e2e.run_bot`` (the production entry point with the emulator-aware
  request) on a given database, with its log in a file; start, SIGKILL, SIGTERM.
- ``cli``: ``python -m bot ...`` on the same database, for set-up the way an operator does it.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx

from storage.db import open_database
from storage.repositories import Repositories
from storage.users import parse_role
from tests.fakes import free_port

E2E_DIR = Path(__file__).resolve().parent
ROOT = E2E_DIR.parents[1]
READY_LINE = "Telegram long polling started"
WEBHOOK_READY_LINE = "Telegram webhook listening"
WAIT = 20.0  # generous upper bound for one reply on a busy 2-core machine; tests never assert times
_tokens = itertools.count(1)
T = TypeVar("T")


def new_token() -> str:
    """A fresh bot token (the format bot/config.py accepts): each bot gets its own emulator queue."""
    return f"{100000 + next(_tokens)}:E2E{uuid.uuid4().hex}"


def node_unavailable() -> str | None:
    """Why the emulator cannot run here, or None."""
    if shutil.which("node") is None:
        return "node is not installed: the end-to-end tests need Node.js for the telegram-test-api emulator"
    if not (E2E_DIR / "node_modules" / "telegram-test-api").is_dir():
        return "tests/e2e/node_modules is missing: run `make test` (it runs `npm ci --prefix tests/e2e`)"
    return None


def wait_until(condition: Callable[[], Any], timeout: float, what: str, step: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(step)


# --- the emulator -------------------------------------------------------------------------------


class Emulator:
    def __init__(self, log_path: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(
            ["node", str(E2E_DIR / "emulator.js"), str(self.port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            cwd=E2E_DIR,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode()
        if not line.startswith("ready "):
            self.stop()
            raise RuntimeError(f"the emulator did not start: {line!r}; see {log_path}")
        self.http = httpx.Client(base_url=self.url, timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()  # emulator.js stops when its stdin closes
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        if hasattr(self, "http"):
            self.http.close()

    def post(self, path: str, payload: dict[str, Any]) -> Any:
        response = self.http.post(path, json=payload)
        response.raise_for_status()
        return response.json()

    def bot_messages(self, token: str) -> list[BotMessage]:
        """Every message the bot sent (read or not), oldest first, from /getUpdatesHistory."""
        history = self.post("/getUpdatesHistory", {"token": token})["result"]
        return [BotMessage.of(item) for item in history if "chat_id" in item.get("message", {})]

    def user(self, token: str, user_id: int, name: str = "Cán bộ") -> TelegramUser:
        return TelegramUser(self, token, user_id, name)


@dataclass
class BotMessage:
    chat_id: int
    message_id: int
    text: str
    buttons: list[tuple[str, str]]

    @classmethod
    def of(cls, stored: dict[str, Any]) -> BotMessage:
        message = stored["message"]
        markup = message.get("reply_markup") or {}
        rows = markup.get("inline_keyboard") or []
        buttons = [(b["text"], b.get("callback_data", "")) for row in rows for b in row]
        return cls(int(message["chat_id"]), int(stored["messageId"]), message.get("text", ""), buttons)


@dataclass
class TelegramUser:
    """A person in a private chat with the bot (chat id = user id, as on Telegram)."""

    emulator: Emulator
    token: str
    user_id: int
    name: str
    inbox: list[BotMessage] = field(default_factory=list)
    cursor: int = 0  # inbox[:cursor] has been consumed by wait_for

    def _base(self) -> dict[str, Any]:
        person = {"id": self.user_id, "first_name": self.name, "is_bot": False}
        chat = {"id": self.user_id, "type": "private", "first_name": self.name}
        return {"botToken": self.token, "from": person, "chat": chat, "date": int(time.time())}

    def send(self, text: str) -> None:
        message = {**self._base(), "text": text}
        if text.startswith("/"):
            length = len(text.split(" ", 1)[0])
            message["entities"] = [{"offset": 0, "length": length, "type": "bot_command"}]
            self.emulator.post("/sendCommand", message)
        else:
            self.emulator.post("/sendMessage", message)

    def send_location(self, latitude: float, longitude: float) -> None:
        self.emulator.post("/sendMessage", {**self._base(), "location": {"latitude": latitude, "longitude": longitude}})

    def send_photo(self, file_id: str, size: int = 50_000) -> None:
        photo = {"file_id": file_id, "file_unique_id": f"u-{file_id}", "width": 800, "height": 600, "file_size": size}
        self.emulator.post("/sendMessage", {**self._base(), "photo": [photo]})

    def press(self, label: str) -> str:
        """Press the button whose label contains ``label`` (or whose data equals it) on the most recent
        message that has buttons; returns the callback data sent."""
        for message in reversed(self.inbox[: self.cursor]):
            exact = [data for text, data in message.buttons if label in (text, data)]
            near = [data for text, data in message.buttons if label in text]
            if exact or near:
                data = (exact or near)[0]
                self.press_data(data, message)
                return data
        raise AssertionError(f"no button {label!r} in {self.inbox[: self.cursor][-3:]}")

    def press_data(self, data: str, message: BotMessage) -> None:
        base = self._base()
        bot = {"id": 666, "first_name": "Bot", "is_bot": True}
        shown = {"message_id": message.message_id, "date": base["date"], "chat": base["chat"], "from": bot}
        self.emulator.post(
            "/sendCallback", {"botToken": self.token, "from": base["from"], "message": shown, "data": data}
        )

    def poll(self) -> list[BotMessage]:
        """Fetch the bot's new messages to this chat into the inbox."""
        found = self.emulator.post("/getUpdates", {"token": self.token, "chatId": self.user_id})["result"]
        messages = [BotMessage.of(item) for item in found]
        self.inbox.extend(messages)
        return messages

    def wait_for(self, expected: str | Callable[[BotMessage], bool], timeout: float = WAIT) -> list[BotMessage]:
        """Wait for a bot message matching ``expected`` (a substring, or a predicate); return the messages
        received since the last wait, up to and including the match."""
        match = (lambda m: expected in m.text) if isinstance(expected, str) else expected
        deadline = time.monotonic() + timeout
        while True:
            for index in range(self.cursor, len(self.inbox)):
                if match(self.inbox[index]):
                    got = self.inbox[self.cursor : index + 1]
                    self.cursor = index + 1
                    return got
            if time.monotonic() > deadline:
                recent = [m.text[:120] for m in self.inbox[self.cursor :]]
                raise AssertionError(f"user {self.user_id}: no reply matching {expected!r}; unread: {recent}")
            if not self.poll():
                time.sleep(0.05)

    def ask(self, text: str, expected: str | Callable[[BotMessage], bool]) -> str:
        """Send ``text`` and return the joined text of the replies up to the one matching ``expected``."""
        self.send(text)
        return "\n".join(m.text for m in self.wait_for(expected))

    def choose(self, label: str, expected: str | Callable[[BotMessage], bool]) -> str:
        self.press(label)
        return "\n".join(m.text for m in self.wait_for(expected))


# --- the bot process and the command line -------------------------------------------------------


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


def with_repos(db_path: Path, action: Callable[[Repositories], Awaitable[T]]) -> T:
    """Run ``action`` on the repositories of the database file (what the bot itself reads and writes)."""

    async def go() -> T:
        db = await open_database(str(db_path))
        try:
            return await action(Repositories.over(db))
        finally:
            await db.close()

    return asyncio.run(go())


async def new_invite(repos: Repositories, unit_code: str, role: str) -> str:
    unit = await repos.units.by_code(unit_code)
    parsed = parse_role(role)
    assert unit is not None and parsed is not None
    return (await repos.invites.create(unit.id, parsed, created_by=None, ttl=timedelta(days=7))).code


def register(
    emulator: Emulator,
    bot: BotProcess,
    db_path: Path,
    user_id: int,
    role: str = "staff",
    unit: str = "HN-KV1",
    name: str = "Cán bộ",
) -> TelegramUser:
    """An invite (from the repositories: quicker than the CLI, which has its own test), redeemed in
    chat with /start CODE."""
    code = with_repos(db_path, lambda repos: new_invite(repos, unit, role))
    user = emulator.user(bot.token, user_id, name)
    assert "Đăng ký thành công" in user.ask(f"/start {code}", "Đăng ký")
    return user


async def checkins_of(repos: Repositories, telegram_user_id: int) -> list[Any]:
    """The check-ins this Telegram user submitted, newest first (the whole database holds no others)."""
    user = await repos.users.by_platform("telegram", str(telegram_user_id))
    assert user is not None
    return await repos.checkins.recent(user)
