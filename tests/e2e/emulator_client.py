"""Test-only: the telegram-test-api emulator (tests/e2e/emulator.js) and the people who chat through it.

- ``Emulator``: the Node process and its client API (/sendMessage, /sendCommand, /sendCallback, /getUpdates,
  /getUpdatesHistory).
- ``TelegramUser``: one person in a private chat: sends text, commands, locations, photos and button presses,
  and waits for the bot's messages by content (never by elapsed time alone).
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.fakes import free_port

E2E_DIR = Path(__file__).resolve().parent
WAIT = 20.0  # generous upper bound for one reply on a busy 2-core machine; tests never assert times
_tokens = itertools.count(1)


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
