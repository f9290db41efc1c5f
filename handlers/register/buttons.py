"""Typed button data of the deadline register (``bot.chat.callback_data``): ids and codes only."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.chat.callback_data import CallbackData


class Act(StrEnum):
    EXTEND = "gh"
    CONVERT = "ct"
    STAGE = "gd"
    RELEASE = "tt"
    CLOSE = "kt"
    UNDO = "xo"
    EVENTS = "ev"
    ASSIGN = "gk"
    OPEN = "kd"  # detention until the investigation (hearing) ends: no expiry from then on
    DECIDE = "gg"  # the stage's extension decision, on a detention tied to the stage
    SUMMARY = "hb"  # the summary procedure cancelled (Đ458): the general limits from the decision


class View(StrEnum):
    MINE = "m"
    ALL = "a"
    SOON = "s"
    OVERDUE = "q"


@dataclass(frozen=True, slots=True)
class OpenItem(CallbackData, prefix="tdo"):
    item_id: int


@dataclass(frozen=True, slots=True)
class ItemAction(CallbackData, prefix="tda"):
    item_id: int
    action: Act


@dataclass(frozen=True, slots=True)
class Confirm(CallbackData, prefix="tdk"):
    item_id: int
    action: Act
    version: int  # the item as shown: a press after another change is refused


@dataclass(frozen=True, slots=True)
class ListView(CallbackData, prefix="tdl"):
    view: View
    page: int = 1
    assignee_id: int | None = None


@dataclass(frozen=True, slots=True)
class Choose(CallbackData, prefix="tdf"):
    """A choice in a guided step: ``field`` of the draft takes ``value``."""

    field: str
    value: str


@dataclass(frozen=True, slots=True)
class TrackCard(CallbackData, prefix="tdc"):
    """ "Theo dõi" under a calculator card: start the creation flow from the card's inputs."""

    step: int = 0
