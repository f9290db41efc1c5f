"""The deadline register's records as the repository returns them, and their row mapping."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from storage.db import Row, parse_utc
from storage.outbox import NewMessage


class RegisterConflict(RuntimeError):
    """The item changed since it was read (another event was recorded first), or it is closed."""


class RegisterScopeError(PermissionError):
    """The actor may not see or change this item (outside their unit tree)."""


@dataclass(frozen=True, slots=True)
class StoredEvent:
    id: int
    item_id: int
    seq: int
    type: str
    data: dict[str, Any]
    recorded_by: int | None
    recorded_by_name: str
    recorded_at: datetime
    deleted_at: datetime | None = None
    delete_reason: str | None = None

    @property
    def live(self) -> bool:
        return self.deleted_at is None


@dataclass(frozen=True, slots=True)
class Item:
    id: int
    unit_id: int
    unit_name: str
    label: str
    case_number: str | None
    assignee_id: int
    assignee_name: str
    created_at: datetime
    version: int
    closed_at: datetime | None
    note: str | None
    events: tuple[StoredEvent, ...] = field(default=())

    @property
    def live_events(self) -> list[StoredEvent]:
        return [e for e in self.events if e.live]


@dataclass(frozen=True, slots=True)
class NewItem:
    """An item to create with its first event (and, from an import, its later events)."""

    unit_id: int
    label: str
    assignee_id: int
    start: dict[str, Any]
    case_number: str | None = None
    note: str | None = None
    later: Sequence[tuple[str, dict[str, Any]]] = ()
    closed: bool = False


# Builds the outbox rows of an item's new step, inside the transaction that records the event:
# (item id, the item's version after the change: part of every key) -> messages.
Planner = Callable[[int, int], Sequence[NewMessage]]


def topic(item_id: int) -> str:
    """The outbox topic of every reminder and escalation of one item."""
    return f"reg:{item_id}"


def event_from_row(row: Row) -> StoredEvent:
    return StoredEvent(
        row["id"],
        row["item_id"],
        row["seq"],
        row["type"],
        json.loads(row["data_json"]),
        row["recorded_by"],
        row["recorded_by_name"] or "",
        parse_utc(row["recorded_at"]),
        parse_utc(row["deleted_at"]) if row["deleted_at"] else None,
        row["delete_reason"],
    )


def item_from_row(row: Row, events: Sequence[StoredEvent] = ()) -> Item:
    return Item(
        row["id"],
        row["unit_id"],
        row["unit_name"] or "",
        row["label"],
        row["case_number"],
        row["assignee_id"],
        row["assignee_name"] or "",
        parse_utc(row["created_at"]),
        row["version"],
        parse_utc(row["closed_at"]) if row["closed_at"] else None,
        row["note"],
        tuple(sorted(events, key=lambda e: e.seq)),
    )


ITEM_SELECT = (
    "SELECT i.*, un.name AS unit_name, us.display_name AS assignee_name FROM register_items i "
    "JOIN units un ON un.id = i.unit_id LEFT JOIN users us ON us.id = i.assignee_id "
)
EVENT_SELECT = (
    "SELECT e.*, us.display_name AS recorded_by_name FROM register_events e "
    "LEFT JOIN users us ON us.id = e.recorded_by "
)
