"""The neutral vocabulary between adapters and handlers: an incoming message, replies out."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# Callback data must fit Telegram's 64-byte limit: short ids, never Vietnamese text.
MAX_CALLBACK_BYTES = 64


@dataclass(frozen=True, slots=True)
class Button:
    text: str
    data: str

    def __post_init__(self) -> None:
        if len(self.data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {self.data!r}")


@dataclass(frozen=True, slots=True)
class Location:
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class Photo:
    """A reference to a photo on the platform (never the bytes, until someone downloads it)."""

    file_id: str
    file_size: int | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A file the user sent (Telegram only): its name and size as the platform states them, and
    ``fetch``, supplied by the adapter, which downloads its bytes only when a handler asks."""

    file_id: str
    file_name: str
    file_size: int | None = None
    mime: str | None = None
    fetch: Callable[[], Awaitable[bytes]] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Incoming:
    platform: str
    chat_id: str
    user_id: str
    text: str | None = None
    callback: str | None = None
    location: Location | None = None
    photos: tuple[Photo, ...] = ()
    document: Document | None = None
    display_name: str = ""
    update_key: str | None = None
    # A group chat: the assistant works only in private chats (its answers carry unit data).
    group: bool = False
    # What the platform sent that we do not handle (sticker, voice, video, ...), if anything.
    unsupported: str | None = None
    raw: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class OutFile:
    filename: str
    data: bytes
    mime: str = "application/octet-stream"


class Outcome(StrEnum):
    """What a reply did for the person, as the handler (or the dispatcher) that made it knows; the
    metrics count updates by it (``bot.service.metrics``), never by the reply's wording."""

    ANSWERED = "answered"  # what was asked for: an answer, a form step, a list (the default)
    ASKED = "asked"  # a question back: the assistant offers choices because it is not sure
    UNANSWERED = "unanswered"  # the assistant does not know (the question is kept for the admins)
    REFUSED = "refused"  # not allowed: not registered, no permission, inactive, a group chat
    ERROR = "error"  # the error boundary answered with a reference code


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    file: OutFile | None = None
    photo: OutFile | None = None
    request_location: bool = False
    # Metadata for the metrics, not content: two replies that show the same are equal.
    outcome: Outcome = field(default=Outcome.ANSWERED, compare=False)

    @property
    def flat_buttons(self) -> list[Button]:
        return [b for row in self.buttons for b in row]


def reply(text: str, *rows: list[Button] | tuple[Button, ...], outcome: Outcome = Outcome.ANSWERED) -> Reply:
    """A reply with optional button rows: ``reply("Chọn:", [Button("A", "a")], [Button("B", "b")])``."""
    return Reply(text, tuple(tuple(row) for row in rows if row), outcome=outcome)


def clip(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters for a button: cut at a word boundary, with «…»."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-—") + "…"


def fit(before: str, name: str, after: str, limit: int) -> str:
    """``before + name + after`` within ``limit`` characters, cutting only ``name`` (with ``clip``), so
    the fixed parts (a unit code, a role, a report's period, «[đã khóa]») always show whole."""
    room = limit - len(before) - len(after)
    if room < 8:  # no room for a name worth showing: the whole label is clipped instead
        return clip(before + name + after, limit)
    return before + clip(name, room) + after


def split_text(text: str, limit: int, measure: Callable[[str], int] = len) -> list[str]:
    """Split text so each part measures at most ``limit`` (``measure``: characters by default;
    Telegram counts UTF-16 code units), on line boundaries where possible."""
    if measure(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while measure(line) > limit:
            if current:
                parts.append(current)
                current = ""
            fits = _fitting(line, limit, measure)
            cut = line.rfind(" ", 0, fits)
            cut = cut if cut > fits // 2 else fits
            parts.append(line[:cut])
            line = line[cut:].lstrip(" ")
        candidate = f"{current}\n{line}" if current else line
        if measure(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return [p for p in parts if p.strip()] or [text[: _fitting(text, limit, measure)]]


def _fitting(line: str, limit: int, measure: Callable[[str], int]) -> int:
    """The most characters from the start of ``line`` that measure at most ``limit`` (at least 1)."""
    low, high = 1, min(len(line), limit)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(line[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    return low


def utf16_units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le")) // 2
