"""Test doubles for the world outside our code: a clock we move by hand and a chat
that sends messages through the real dispatcher and reads the replies (transcripts)."""

from __future__ import annotations

import asyncio
import itertools
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.chat.dispatcher import NUMBERED_PLATFORMS, Dispatcher
from bot.chat.menus import menu_of
from bot.chat.messages import Button, Incoming, Location, Photo, Reply


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08:00 Monday in Hà Nội

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += timedelta(**delta)

    def set(self, moment: datetime) -> None:
        self._now = moment


_updates = itertools.count(1)


@dataclass
class FakeChat:
    """One person chatting with the assistant through the real dispatcher."""

    dispatcher: Dispatcher
    user_id: str
    platform: str = "test"
    display_name: str = "Người thử"
    chat_id: str | None = None
    history: list[tuple[str, list[Reply]]] = field(default_factory=list)

    def _incoming(self, **fields: object) -> Incoming:
        return Incoming(
            platform=self.platform,
            chat_id=self.chat_id or self.user_id,
            user_id=self.user_id,
            display_name=self.display_name,
            update_key=str(next(_updates)),
            **fields,  # type: ignore[arg-type]
        )

    async def send(self, text: str) -> list[Reply]:
        replies = await self.dispatcher.handle(self._incoming(text=text))
        self.history.append((text, replies))
        return replies

    def visible(self) -> list[Button]:
        """The buttons on screen: those of the last replies, in the order they are numbered."""
        return menu_of(self.history[-1][1]) if self.history else []

    def label(self, containing: str) -> str:
        """The one label on screen that contains ``containing`` (for labels with a date or a count)."""
        found = [b.text for b in self.visible() if containing in b.text]
        if len(found) != 1:
            raise AssertionError(
                f"{len(found)} buttons with {containing!r} on screen: {[b.text for b in self.visible()]}"
            )
        return found[0]

    async def tap(self, label: str) -> list[Reply]:
        """Press the button labelled ``label`` as a person would: it must be among the last replies'
        buttons (on numbered platforms, console and Zalo, by sending its number). Fails the test,
        listing what is on screen, when no such button is shown or the label is not unique."""
        shown = self.visible()
        found = [i for i, b in enumerate(shown, 1) if b.text == label]
        if len(found) != 1:
            what = "no button" if not found else f"{len(found)} buttons"
            raise AssertionError(f"{what} labelled {label!r} on screen; shown: {[b.text for b in shown]}")
        [number] = found
        numbered = self.platform in NUMBERED_PLATFORMS
        fields = {"text": str(number)} if numbered else {"callback": shown[number - 1].data}
        incoming = self._incoming(**fields)
        replies = await self.dispatcher.handle(incoming)
        self.history.append((f"{number} [{label}]" if numbered else f"[{label}]", replies))
        return replies

    async def press(self, data: str) -> list[Reply]:
        """Send raw callback data, shown or not: for tests of forged or stale presses only
        (a transcript taps what is on screen, see ``tap``)."""
        replies = await self.dispatcher.handle(self._incoming(callback=data))
        self.history.append((f"[{data}]", replies))
        return replies

    async def send_incoming(self, **fields: object) -> list[Reply]:
        replies = await self.dispatcher.handle(self._incoming(**fields))
        self.history.append((repr(fields), replies))
        return replies

    async def send_location(self, lat: float, lon: float) -> list[Reply]:
        return await self.send_incoming(location=Location(lat, lon))

    async def send_photo(self, file_id: str, size: int = 1000) -> list[Reply]:
        return await self.send_incoming(photos=(Photo(file_id, size),))

    async def text(self, message: str) -> str:
        """Send and return all reply texts joined (for simple assertions)."""
        return joined(await self.send(message))


def joined(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def buttons(replies: list[Reply]) -> list[tuple[str, str]]:
    return [(b.text, b.data) for r in replies for b in r.flat_buttons]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (for servers the tests start)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def eventually(predicate: Any, within: float = 5.0, what: str = "condition") -> None:
    """Poll ``predicate`` (tiny waits) until true; fail after ``within`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)
