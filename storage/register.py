"""The deadline register: tracked items and their append-only events, scoped by unit subtree.

Every read and write names the actor and is limited to the actor's unit and the units below
it (the scope is part of each statement). An event is recorded by a conditional UPDATE on the
item's ``version`` (and ``closed_at IS NULL``), so with several writers exactly one of two
concurrent events on one step wins; the other gets :class:`RegisterConflict`. In the same
transaction the item's queued reminders (outbox topic ``reg:<id>``) are skipped and the new
step's reminders queued, and the change is audited. History is never edited: a wrong event is
soft-deleted with a reason (audited), or corrected by a later event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from storage.audit import write_audit
from storage.db import Database, utc_now_text
from storage.outbox import insert_messages
from storage.register_import import CANCELLED, EVENTS, SUBTREE, Appended, append_events, dump, insert_items
from storage.register_model import (
    EVENT_SELECT,
    ITEM_SELECT,
    Item,
    NewItem,
    Planner,
    RegisterConflict,
    RegisterScopeError,
    StoredEvent,
    event_from_row,
    item_from_row,
    topic,
)
from storage.register_scan import picked_in_scopes
from storage.units import SUBTREE_CTE, UnitRepository
from storage.users import Role, User, UserRepository

T = TypeVar("T")
_IN_SCOPE = "i.unit_id IN (SELECT id FROM tree)"


class RegisterRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reads (always scoped) --------------------------------------------------------------
    async def get(self, actor: User, item_id: int) -> Item | None:
        """The item with its events, or None when it does not exist or is outside the actor's scope."""
        row = await self._db.fetchone(
            SUBTREE_CTE + ITEM_SELECT + f"WHERE i.id = ? AND {_IN_SCOPE}", (actor.unit_id, item_id)
        )
        if row is None:
            return None
        events = await self._db.fetchall(EVENT_SELECT + "WHERE e.item_id = ? ORDER BY e.seq", (item_id,))
        return item_from_row(row, [event_from_row(e) for e in events])

    async def in_scope(
        self,
        actor: User,
        *,
        open_only: bool = True,
        assignee_id: int | None = None,
        unit_id: int | None = None,
        limit: int = 5000,
    ) -> list[Item]:
        """Items of the actor's subtree (optionally one assignee's or one unit's) with their events."""
        where = [_IN_SCOPE]
        params: list[Any] = [actor.unit_id]
        if open_only:
            where.append("i.closed_at IS NULL")
        if assignee_id is not None:
            where.append("i.assignee_id = ?")
            params.append(assignee_id)
        if unit_id is not None:
            where.append("i.unit_id = ?")
            params.append(unit_id)
        sql = SUBTREE_CTE + ITEM_SELECT + "WHERE " + " AND ".join(where) + " ORDER BY i.id LIMIT ?"
        rows = await self._db.fetchall(sql, (*params, limit))
        return await self._with_events(rows)

    async def with_labels(self, actor: User, unit_id: int, labels: Sequence[str]) -> list[Item]:
        """The items of one unit (in the actor's scope, open or closed) with one of ``labels``,
        with their events: what an import compares its rows with, so a sheet imported twice
        stores nothing twice."""
        wanted = sorted(set(labels))
        rows: list[Any] = []
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk : chunk + 500]
            rows += await self._db.fetchall(
                SUBTREE_CTE
                + ITEM_SELECT
                + f"WHERE {_IN_SCOPE} AND i.unit_id = ? AND i.label IN ({','.join('?' * len(part))}) ORDER BY i.id",
                (actor.unit_id, unit_id, *part),
            )
        return await self._with_events(rows)

    async def picked_in_scopes(
        self, recipients: Sequence[User], pick: Callable[[Item], T | None]
    ) -> dict[int, list[tuple[Item, T]]]:
        """Per recipient: the open items of their subtree that ``pick`` (the caller's law) keeps,
        read page by page (``storage/register_scan.py``)."""
        return await picked_in_scopes(self._db, recipients, pick)

    async def all_open(self) -> list[Item]:
        """Every open item of every unit, with events, at once (not a user's view; the register
        benchmark re-plans them all). The digest reads scoped, page by page: ``picked_in_scopes``."""
        rows = await self._db.fetchall(ITEM_SELECT + "WHERE i.closed_at IS NULL ORDER BY i.id")
        return await self._with_events(rows)

    async def _with_events(self, rows: Sequence[Any]) -> list[Item]:
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        by_item: dict[int, list[StoredEvent]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            events = await self._db.fetchall(EVENT_SELECT + f"WHERE e.item_id IN ({','.join('?' * len(part))})", part)
            for e in events:
                by_item.setdefault(e["item_id"], []).append(event_from_row(e))
        return [item_from_row(r, by_item.get(r["id"], [])) for r in rows]

    async def assignee_in_scope(self, actor: User, user_id: int) -> User | None:
        """An active user of the actor's subtree (the users repository's scoped read)."""
        person = await UserRepository(self._db).get_in_scope(actor, user_id)
        return person if person is not None and person.active else None

    # -- writes -------------------------------------------------------------------------------
    async def _check_unit(self, actor: User, unit_id: int) -> None:
        # Inside a transaction the repository reads on the transaction's own connection.
        if not actor.active or not await UnitRepository(self._db).in_scope(actor.unit_id, unit_id):
            raise RegisterScopeError("unit outside the actor's scope")

    async def create(self, actor: User, items: Sequence[NewItem], now: datetime, plan: Planner) -> list[int]:
        """Create items with their events, all or nothing, each audited; ``plan`` queues each open
        item's reminders in the same transaction (called once per item, in order). Returns the new
        ids in order. Items, events, audit rows and messages each go in multi-row statements."""
        return await self.import_items(actor, items, (), now, plan, plan)

    async def import_items(
        self,
        actor: User,
        items: Sequence[NewItem],
        appends: Sequence[Appended],
        now: datetime,
        plan: Planner,
        plan_appended: Planner,
    ) -> list[int]:
        """An import in one transaction: new items (as ``create``) and later events appended to
        items the register has (``storage/register_import.py``); all or nothing."""
        async with self._db.transaction() as conn:
            units = {i.unit_id for i in items} | {a.item.unit_id for a in appends}
            for unit_id in sorted(units):
                await self._check_unit(actor, unit_id)
            created = await insert_items(conn, actor, items, now, plan)
            await append_events(conn, actor, appends, now, plan_appended)
        return created

    async def append(
        self, actor: User, item: Item, kind: str, data: dict[str, Any], now: datetime, plan: Planner, *, closes: bool
    ) -> int:
        """Record one event on ``item`` as read (its version); returns the event's seq. Raises
        :class:`RegisterConflict` if the item changed or closed meanwhile, or is out of scope."""
        seq = item.version + 1
        stamp = utc_now_text(now)
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "UPDATE register_items SET version = version + 1, closed_at = ? "
                f"WHERE id = ? AND version = ? AND closed_at IS NULL AND unit_id IN {SUBTREE} RETURNING id",
                (stamp if closes else None, item.id, item.version, actor.unit_id),
            )
            if await cur.fetchone() is None or not actor.active:
                raise RegisterConflict("the item changed, closed or is out of scope")
            await conn.execute(f"{EVENTS} VALUES (?, ?, ?, ?, ?, ?)", (item.id, seq, kind, dump(data), actor.id, stamp))
            await self._replan(conn, item.id, seq, None if closes else plan, now)
            await write_audit(
                conn,
                at=now,
                actor_id=actor.id,
                action=f"register.{kind}",
                target_type="register_item",
                target_id=item.id,
                unit_id=item.unit_id,
                after={"seq": seq, "type": kind, "data": data},
            )
        return seq

    async def delete_event(
        self, actor: User, item: Item, seq: int, reason: str, now: datetime, plan: Planner, *, reopens: bool
    ) -> None:
        """Soft-delete the latest live event (never the first) with a reason; heads and admins only.
        ``plan`` queues the reminders of the step that is current again."""
        live = item.live_events
        if not actor.role.at_least(Role.HEAD) or len(live) < 2 or live[-1].seq != seq:
            raise RegisterScopeError("only heads delete, and only the latest event after the first")
        stamp = utc_now_text(now)
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "UPDATE register_items SET version = version + 1, closed_at = NULL "
                f"WHERE id = ? AND version = ? AND unit_id IN {SUBTREE} RETURNING id",
                (item.id, item.version, actor.unit_id),
            )
            if await cur.fetchone() is None:
                raise RegisterConflict("the item changed or is out of scope")
            await conn.execute(
                "UPDATE register_events SET deleted_at = ?, deleted_by = ?, delete_reason = ? "
                "WHERE item_id = ? AND seq = ? AND deleted_at IS NULL",
                (stamp, actor.id, reason[:300], item.id, seq),
            )
            await self._replan(conn, item.id, item.version + 1, plan if reopens else None, now)
            await write_audit(
                conn,
                at=now,
                actor_id=actor.id,
                action="register.delete_event",
                target_type="register_item",
                target_id=item.id,
                unit_id=item.unit_id,
                before={"seq": seq, "type": live[-1].type, "data": live[-1].data},
                after={"deleted": True, "reason": reason[:300]},
            )

    async def reassign(self, actor: User, item: Item, assignee: User, now: datetime, plan: Planner) -> None:
        """Give the item to another prosecutor of its unit subtree (heads and admins); the current
        step's reminders go to them from now on (re-planned in the same transaction)."""
        if not actor.role.at_least(Role.HEAD):
            raise RegisterScopeError("only heads and admins reassign")
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "UPDATE register_items SET version = version + 1, assignee_id = ? "
                f"WHERE id = ? AND version = ? AND closed_at IS NULL AND unit_id IN {SUBTREE} "
                f"AND ? IN (SELECT id FROM users WHERE active = 1 AND unit_id IN {SUBTREE}) RETURNING id",
                (assignee.id, item.id, item.version, actor.unit_id, assignee.id, actor.unit_id),
            )
            if await cur.fetchone() is None:
                raise RegisterConflict("the item changed, closed, or the person is out of scope")
            await self._replan(conn, item.id, item.version + 1, plan, now)
            await write_audit(
                conn,
                at=now,
                actor_id=actor.id,
                action="register.assign",
                target_type="register_item",
                target_id=item.id,
                unit_id=item.unit_id,
                before={"assignee_id": item.assignee_id},
                after={"assignee_id": assignee.id},
            )

    async def _replan(self, conn: Any, item_id: int, version: int, plan: Planner | None, now: datetime) -> None:
        await conn.execute(
            "UPDATE outbox SET status = 'skipped', last_error = ? WHERE topic = ? AND status = 'pending'",
            (CANCELLED, topic(item_id)),
        )
        if plan is not None:
            await insert_messages(conn, plan(item_id, version), now)
