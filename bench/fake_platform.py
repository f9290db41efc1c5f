"""Fake chat platforms for the fan-out benchmark: they record when each send arrived and what
they answered, and answer some sends with a 429 and retry-after, as Telegram does under load.

- ``InProcessPlatform``: an outbox ``Sender`` called directly (no network).
- ``FakeBotApi``: a loopback HTTP server speaking the Telegram Bot API's ``getMe`` and
  ``sendMessage`` (form or JSON bodies, keep-alive), run in its own thread with its own event
  loop, so the real ``TelegramAdapter`` (PTB + httpx) can be pointed at it via
  ``TELEGRAM_API_BASE``.

Times are ``time.monotonic()``, shared by every thread of the process.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from bot.chat.messages import Reply
from bot.delivery.outbox_worker import RetryLater, Unreachable

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Trợ lý VKS", "username": "tro_ly_vks_bench_bot"}


@dataclass(frozen=True, slots=True)
class Receipt:
    chat_id: str
    text: str
    arrived: float
    answered: float
    outcome: str  # ok | flood | blocked


class Script:
    """What the platform answers: blocked chats get 403, a seeded fraction of sends get 429."""

    def __init__(self, flood: float, retry_after: int, blocked: set[str], latency: float, seed: int = 6) -> None:
        self.flood = flood
        self.retry_after = retry_after
        self.blocked = blocked
        self.latency = latency
        self._random = random.Random(seed)
        self.receipts: list[Receipt] = []
        self._lock = threading.Lock()

    def decide(self, chat_id: str) -> str:
        with self._lock:
            if chat_id in self.blocked:
                return "blocked"
            return "flood" if self._random.random() < self.flood else "ok"

    def record(self, chat_id: str, text: str, arrived: float, outcome: str) -> None:
        with self._lock:
            self.receipts.append(Receipt(chat_id, text, arrived, time.monotonic(), outcome))


class InProcessPlatform:
    """An outbox ``Sender``: answers after ``latency`` seconds, raising as the adapter would."""

    def __init__(self, script: Script, platform: str) -> None:
        self.script = script
        self.platforms = (platform,)

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        arrived = time.monotonic()
        outcome = self.script.decide(chat_id)
        if self.script.latency:
            await asyncio.sleep(self.script.latency)
        self.script.record(chat_id, replies[0].text, arrived, outcome)
        if outcome == "blocked":
            raise Unreachable("Forbidden: bot was blocked by the user")
        if outcome == "flood":
            raise RetryLater(self.script.retry_after)


class FakeBotApi:
    """A loopback Telegram Bot API in a thread of its own: ``with FakeBotApi(script) as api: api.base``."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._main, name="fake-bot-api", daemon=True)
        self._messages = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FakeBotApi:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the fake Bot API did not start")
        return self

    def __exit__(self, *_: object) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)

    def _main(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        async with server:
            await self._stop.wait()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request_line = await reader.readline()
                if not request_line:
                    return
                _, target, _ = request_line.decode("latin-1").split(" ", 2)
                headers: dict[str, str] = {}
                while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                status, answer = await self._answer(target, headers.get("content-type", ""), body)
                payload = json.dumps(answer).encode()
                writer.write(
                    b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                    % (status, len(payload), payload)
                )
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()

    async def _answer(self, target: str, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        method = target.rstrip("/").rsplit("/", 1)[-1]
        if method == "getMe":
            return 200, {"ok": True, "result": BOT_USER}
        if method != "sendMessage":
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        arrived = time.monotonic()
        if content_type.startswith("application/json"):
            params = {k: str(v) for k, v in json.loads(body).items()}
        else:
            params = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
        chat_id, text = params.get("chat_id", ""), params.get("text", "")
        outcome = self.script.decide(chat_id)
        if self.script.latency:
            await asyncio.sleep(self.script.latency)
        self.script.record(chat_id, text, arrived, outcome)
        if outcome == "blocked":
            return 403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
        if outcome == "flood":
            wait = self.script.retry_after
            return 429, {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {wait}",
                "parameters": {"retry_after": wait},
            }
        self._messages += 1
        chat = {"id": int(chat_id), "type": "private", "first_name": "Cán bộ"}
        message = {"message_id": self._messages, "date": int(time.time()), "chat": chat, "from": BOT_USER, "text": text}
        return 200, {"ok": True, "result": message}
