"""Check-ins: one inspection visit to a custody facility, as submitted from a chat.

Scope is enforced here: staff read their own check-ins; heads and admins read those of
their unit and the units below it. A submitted check-in is never silently changed: an
edit stores the full previous version and an audit row in the same transaction, and a
deletion is soft, with a reason. The draft id makes a double submission store one row.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import Any

from storage.audit import write_audit
from storage.checkin_model import (
    COUNT_FIELDS,
    EDIT_WINDOW,
    EDITABLE,
    INSPECTION_KINDS,
    MAX_COUNT,
    SELECT_CHECKIN,
    AlreadyDeleted,
    Checkin,
    CheckinContent,
    CheckinVersion,
    EditWindowClosed,
    checkin_of,
    columns_of,
)
from storage.checkin_submit import AlertBuilder, NewCheckin, SubmitBatch
from storage.db import Database, parse_utc, utc_now_text
from storage.outbox import insert_messages
from storage.units import SUBTREE_CTE
from storage.users import Role, ScopeError, User, heads_by_unit

__all__ = [
    "COUNT_FIELDS",
    "EDITABLE",
    "EDIT_WINDOW",
    "INSPECTION_KINDS",
    "MAX_COUNT",
    "AlertBuilder",
    "AlreadyDeleted",
    "Checkin",
    "CheckinContent",
    "CheckinRepository",
    "CheckinVersion",
    "EditWindowClosed",
]


class CheckinRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._submits = SubmitBatch(db)

    async def submit(
        self,
        actor: User,
        draft_id: str,
        content: CheckinContent,
        *,
        checked_at: datetime,
        now: datetime,
        alerts: AlertBuilder | None = None,
    ) -> tuple[Checkin, bool]:
        """Store the check-in once per draft id. Returns it and whether this call created it.

        Stored with the check-ins other users send meanwhile (``storage/checkin_submit.py``).
        ``alerts`` builds the messages that report the new check-in, given the heads of its
        unit: they are queued in the same transaction as the row."""
        content.check()
        stored = await self._submits.batches.submit(NewCheckin(actor, draft_id, content, checked_at, now, alerts))
        if stored is not None:
            return stored, True
        row = await self._db.fetchone(SELECT_CHECKIN + "WHERE c.draft_id = ?", (draft_id,))
        if row is None:
            raise ScopeError("facility outside the actor's scope or inactive")
        return checkin_of(row), False

    async def by_draft(self, actor: User, draft_id: str) -> Checkin | None:
        row = await self._db.fetchone(SELECT_CHECKIN + "WHERE c.draft_id = ? AND c.author_id = ?", (draft_id, actor.id))
        return checkin_of(row) if row else None

    async def get_in_scope(self, actor: User, checkin_id: int) -> Checkin | None:
        """Staff: their own check-in; heads and admins: any of their unit tree (or their own)."""
        if actor.role.at_least(Role.HEAD):
            row = await self._db.fetchone(
                SUBTREE_CTE
                + SELECT_CHECKIN
                + "WHERE c.id = ? AND (c.unit_id IN (SELECT id FROM tree) OR c.author_id = ?)",
                (actor.unit_id, checkin_id, actor.id),
            )
        else:
            row = await self._db.fetchone(SELECT_CHECKIN + "WHERE c.id = ? AND c.author_id = ?", (checkin_id, actor.id))
        return checkin_of(row) if row else None

    async def recent(self, actor: User, limit: int = 10) -> list[Checkin]:
        """The actor's own latest check-ins (heads and admins: their unit tree's), deleted ones excluded."""
        if actor.role.at_least(Role.HEAD):
            rows = await self._db.fetchall(
                SUBTREE_CTE + SELECT_CHECKIN + "WHERE c.unit_id IN (SELECT id FROM tree) AND c.deleted_at IS NULL "
                "ORDER BY c.checked_at DESC, c.id DESC LIMIT ?",
                (actor.unit_id, limit),
            )
        else:
            rows = await self._db.fetchall(
                SELECT_CHECKIN
                + "WHERE c.author_id = ? AND c.deleted_at IS NULL ORDER BY c.checked_at DESC, c.id DESC LIMIT ?",
                (actor.id, limit),
            )
        return [checkin_of(r) for r in rows]

    async def in_period(self, unit_id: int, start: datetime, end: datetime) -> list[Checkin]:
        """Check-ins (not deleted) of a unit and the units below it, ``start <= checked_at < end``."""
        rows = await self._db.fetchall(
            SUBTREE_CTE + SELECT_CHECKIN + "WHERE c.unit_id IN (SELECT id FROM tree) AND c.deleted_at IS NULL "
            "AND c.checked_at >= ? AND c.checked_at < ? ORDER BY c.checked_at, c.id",
            (unit_id, utc_now_text(start), utc_now_text(end)),
        )
        return [checkin_of(r) for r in rows]

    async def in_period_for(self, actor: User, start: datetime, end: datetime) -> list[Checkin]:
        """What the actor may export: heads and admins their unit tree; staff their own check-ins."""
        if actor.role.at_least(Role.HEAD):
            return await self.in_period(actor.unit_id, start, end)
        return [c for c in await self.in_period(actor.unit_id, start, end) if c.author_id == actor.id]

    async def versions(self, checkin_id: int) -> list[CheckinVersion]:
        rows = await self._db.fetchall(
            "SELECT * FROM checkin_versions WHERE checkin_id = ? ORDER BY version", (checkin_id,)
        )
        return [
            CheckinVersion(r["version"], json.loads(r["data_json"]), parse_utc(r["replaced_at"]), r["replaced_by"])
            for r in rows
        ]

    async def count(self) -> int:
        return int(await self._db.fetchval("SELECT COUNT(*) FROM checkins"))

    async def editable(self, actor: User, checkin_id: int, now: datetime) -> Checkin:
        current = await self.get_in_scope(actor, checkin_id)
        if current is None:
            raise ScopeError("check-in outside the actor's scope")
        if current.deleted_at is not None:
            raise AlreadyDeleted("check-in was deleted")
        manager = actor.role.at_least(Role.HEAD) and await self._db.fetchone(
            SUBTREE_CTE + "SELECT 1 FROM tree WHERE id = ?", (actor.unit_id, current.unit_id)
        )
        if manager:
            return current
        if current.author_id == actor.id:
            if now - current.submitted_at >= EDIT_WINDOW:
                raise EditWindowClosed("the author's 24-hour edit window has passed")
            return current
        raise ScopeError("only the author or a head/admin of the unit may change a check-in")

    async def edit(
        self,
        actor: User,
        checkin_id: int,
        changes: dict[str, Any],
        *,
        now: datetime,
        alerts: AlertBuilder | None = None,
        told: list[int] | None = None,
    ) -> Checkin:
        """Change some fields; keeps the previous version and writes an audit row with the changed fields.
        When the edit raises the count of people held past their term, ``alerts`` builds the messages to
        the unit's heads (given the check-in as changed), queued in the same transaction, each key once;
        how many were new is appended to ``told``."""
        if not changes or set(changes) - set(EDITABLE):
            raise ValueError(f"only {EDITABLE} can be edited")
        current = await self.editable(actor, checkin_id, now)
        updates = dict(changes)
        if "violations" in updates:
            updates["violations"] = tuple(updates["violations"])
        content = replace(current.content, **updates)
        content.check()
        before = current.content.as_dict()
        after = content.as_dict()
        changed = sorted(k for k in changes if before[k] != after[k])
        if not changed:
            return current
        columns = columns_of(content)
        sets = ", ".join(f"{name} = ?" for name in columns)
        raised = alerts is not None and content.overdue > current.content.overdue
        heads = (await heads_by_unit(self._db, [current.unit_id])).get(current.unit_id, []) if raised else []
        async with self._db.transaction() as conn:
            # The version check first: of two edits at once, the second waits for the first's row
            # and then finds the version moved on.
            cur = await conn.execute(
                f"UPDATE checkins SET {sets}, version = version + 1, updated_at = ?, updated_by = ? "
                "WHERE id = ? AND version = ? AND deleted_at IS NULL",
                (*columns.values(), utc_now_text(now), actor.id, checkin_id, current.version),
            )
            if cur.rowcount != 1:
                raise AlreadyDeleted("check-in changed or was deleted meanwhile")
            await conn.execute(
                "INSERT INTO checkin_versions (checkin_id, version, data_json, replaced_at, replaced_by) "
                "VALUES (?, ?, ?, ?, ?)",
                (checkin_id, current.version, json.dumps(before, ensure_ascii=False), utc_now_text(now), actor.id),
            )
            await write_audit(
                conn,
                at=now,
                actor_id=actor.id,
                action="checkin.edit",
                target_type="checkin",
                target_id=checkin_id,
                unit_id=current.unit_id,
                before={k: before[k] for k in changed},
                after={"changed": changed, "at": utc_now_text(now), **{k: after[k] for k in changed}},
            )
            if raised and alerts is not None:
                changed_checkin = replace(current, content=content, version=current.version + 1)
                new = await insert_messages(conn, list(alerts(changed_checkin, heads)), now)
                if told is not None:
                    told.append(new)
        updated = await self.get_in_scope(actor, checkin_id)
        assert updated is not None
        return updated

    async def soft_delete(self, actor: User, checkin_id: int, reason: str, *, now: datetime) -> Checkin:
        """Mark deleted with a reason: heads and admins of the unit only; the row stays."""
        if not actor.role.at_least(Role.HEAD):
            raise ScopeError("only heads and admins delete check-ins")
        reason = " ".join(reason.split())
        if not reason:
            raise ValueError("a reason is required")
        current = await self.editable(actor, checkin_id, now)
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "UPDATE checkins SET deleted_at = ?, deleted_by = ?, delete_reason = ? "
                "WHERE id = ? AND deleted_at IS NULL",
                (utc_now_text(now), actor.id, reason[:500], checkin_id),
            )
            if cur.rowcount != 1:
                raise AlreadyDeleted("check-in was deleted meanwhile")
            await write_audit(
                conn,
                at=now,
                actor_id=actor.id,
                action="checkin.delete",
                target_type="checkin",
                target_id=checkin_id,
                unit_id=current.unit_id,
                before=current.content.as_dict(),
                after={"reason": reason[:500], "at": utc_now_text(now)},
            )
        deleted = await self.get_in_scope(actor, checkin_id)
        assert deleted is not None
        return deleted
