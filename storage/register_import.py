"""The register's multi-item writes, each in the caller's transaction: new items with their
events (``RegisterRepository.create``, an import's new rows), and later events appended to items
the register already has with an earlier part of the same history (a register restored from a
backup, then its later export imported). An append is the same conditional UPDATE on the item's
version as one event recorded in chat (``RegisterRepository.append``), so an item changed or
closed meanwhile refuses the whole import: nothing partial is stored."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.audit import audit_row, write_audits
from storage.db import utc_now_text
from storage.multirow import insert_rows, returned_in_order
from storage.outbox import insert_messages
from storage.register_model import Item, NewItem, Planner, RegisterConflict, topic
from storage.units import SUBTREE_CTE
from storage.users import User

CANCELLED = "sự kiện mới đã thay thế thời hạn này"
# The actor's unit subtree as a subquery (a WITH before UPDATE hides the row count from sqlite3).
SUBTREE = "(" + SUBTREE_CTE + "SELECT id FROM tree)"
_ITEMS = (
    "INSERT INTO register_items (unit_id, label, case_number, assignee_id, created_by, created_at, version, "
    "closed_at, note)"
)
EVENTS = "INSERT INTO register_events (item_id, seq, type, data_json, recorded_by, recorded_at)"


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True, slots=True)
class Appended:
    """Events to add after ``item``'s (as read: its version is checked), and whether they close it."""

    item: Item
    events: Sequence[tuple[str, dict[str, Any]]]
    closes: bool


async def insert_items(conn: Any, actor: User, items: Sequence[NewItem], now: datetime, plan: Planner) -> list[int]:
    """Items with their events, audit rows and reminders, in multi-row statements."""
    if not items:
        return []
    stamp = utc_now_text(now)
    chains = [[("start", new.start), *new.later] for new in items]
    rows = [
        (
            new.unit_id,
            new.label,
            new.case_number,
            new.assignee_id,
            actor.id,
            stamp,
            len(events),
            stamp if new.closed else None,
            new.note,
        )
        for new, events in zip(items, chains, strict=True)
    ]
    created = await returned_in_order(conn, _ITEMS, rows, "id, label", check=1)
    await insert_rows(
        conn,
        EVENTS,
        [
            (item_id, seq, kind, dump(data), actor.id, stamp)
            for item_id, events in zip(created, chains, strict=True)
            for seq, (kind, data) in enumerate(events, start=1)
        ],
    )
    await write_audits(
        conn,
        [
            audit_row(
                at=now,
                actor_id=actor.id,
                action="register.create",
                target_type="register_item",
                target_id=item_id,
                unit_id=new.unit_id,
                after={"label": new.label, "events": [k for k, _ in events], "assignee_id": new.assignee_id},
            )
            for item_id, new, events in zip(created, items, chains, strict=True)
        ],
    )
    # plan() is [] for a closed item.
    messages = [m for item_id, events in zip(created, chains, strict=True) for m in plan(item_id, len(events))]
    await insert_messages(conn, messages, now)
    return created


async def append_events(conn: Any, actor: User, appends: Sequence[Appended], now: datetime, plan: Planner) -> None:
    """Each item's later events after its version as read; its queued reminders skipped and the
    new step's queued (``plan`` is called once per item, in order); audited. Raises
    :class:`RegisterConflict` (the caller's transaction rolls back) if one changed meanwhile."""
    stamp = utc_now_text(now)
    for add in appends:
        item, count = add.item, len(add.events)
        cur = await conn.execute(
            "UPDATE register_items SET version = version + ?, closed_at = ? "
            f"WHERE id = ? AND version = ? AND closed_at IS NULL AND unit_id IN {SUBTREE} RETURNING id",
            (count, stamp if add.closes else None, item.id, item.version, actor.unit_id),
        )
        if await cur.fetchone() is None or not actor.active:
            raise RegisterConflict("the item changed, closed or is out of scope")
        await insert_rows(
            conn,
            EVENTS,
            [
                (item.id, item.version + n, kind, dump(data), actor.id, stamp)
                for n, (kind, data) in enumerate(add.events, start=1)
            ],
        )
        await conn.execute(
            "UPDATE outbox SET status = 'skipped', last_error = ? WHERE topic = ? AND status = 'pending'",
            (CANCELLED, topic(item.id)),
        )
        messages = plan(item.id, item.version + count)
        if not add.closes:
            await insert_messages(conn, messages, now)
    await write_audits(
        conn,
        [
            audit_row(
                at=now,
                actor_id=actor.id,
                action="register.import_events",
                target_type="register_item",
                target_id=add.item.id,
                unit_id=add.item.unit_id,
                after={"from_seq": add.item.version + 1, "events": [k for k, _ in add.events]},
            )
            for add in appends
        ],
    )
