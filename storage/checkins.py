"""Check-ins: one inspection visit to a custody facility, as submitted from a chat.

Scope is enforced here: staff read their own check-ins; heads and admins read those of
their unit and the units below it. A submitted check-in is never silently changed: an
edit stores the full previous version and an audit row in the same transaction, and a
deletion is soft, with a reason. The draft id makes a double submission store one row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from storage.audit import write_audit
from storage.coalesce import Coalescer
from storage.db import Database, Row, parse_utc, utc_now_text
from storage.facilities import scope_cte
from storage.outbox import NewMessage, insert_messages
from storage.units import SUBTREE_CTE
from storage.users import Role, ScopeError, User

INSPECTION_KINDS = {"hang_ngay": "Hằng ngày", "dinh_ky": "Định kỳ", "dot_xuat": "Đột xuất", "phuc_tra": "Phúc tra"}
COUNT_FIELDS = ("held_tam_giu", "held_tam_giam", "admitted", "released", "overdue")
MAX_COUNT = 5000
# Fields of a submitted check-in that an edit may change (not the facility, time or attachments).
EDITABLE = ("kind", *COUNT_FIELDS, "violations", "requests", "notes")
EDIT_WINDOW = timedelta(hours=24)

_SELECT = (
    "SELECT c.*, f.name AS facility_name, f.kind AS facility_kind, u.code AS unit_code, "
    "us.display_name AS author_name FROM checkins c JOIN facilities f ON f.id = c.facility_id "
    "JOIN units u ON u.id = c.unit_id JOIN users us ON us.id = c.author_id "
)


@dataclass(frozen=True, slots=True)
class CheckinContent:
    facility_id: int
    kind: str
    held_tam_giu: int
    held_tam_giam: int
    admitted: int
    released: int
    overdue: int
    violations: tuple[str, ...] = ()
    requests: str = ""
    latitude: float | None = None
    longitude: float | None = None
    location_flag: bool = False
    # (file_id, file_size, url): references to photos on the platform, never the bytes.
    photos: tuple[tuple[str, int | None, str | None], ...] = ()
    notes: str = ""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["violations"] = list(self.violations)
        data["photos"] = [list(p) for p in self.photos]
        return data

    def check(self) -> None:
        if self.kind not in INSPECTION_KINDS:
            raise ValueError(f"unknown inspection kind {self.kind!r}")
        for name in COUNT_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
                raise ValueError(f"{name} must be an integer 0..{MAX_COUNT}")


@dataclass(frozen=True, slots=True)
class Checkin:
    id: int
    draft_id: str
    unit_id: int
    author_id: int
    checked_at: datetime
    submitted_at: datetime
    content: CheckinContent
    version: int
    facility_name: str
    facility_kind: str
    unit_code: str
    author_name: str
    deleted_at: datetime | None = None
    delete_reason: str | None = None


@dataclass(frozen=True, slots=True)
class CheckinVersion:
    version: int
    data: dict[str, Any]
    replaced_at: datetime
    replaced_by: int | None


class EditWindowClosed(PermissionError):
    """The author's 24-hour window to edit their own check-in has passed."""


class AlreadyDeleted(ValueError):
    """The check-in was deleted; it can no longer change."""


def _content(row: Row) -> CheckinContent:
    return CheckinContent(
        facility_id=row["facility_id"], kind=row["kind"], held_tam_giu=row["held_tam_giu"],
        held_tam_giam=row["held_tam_giam"], admitted=row["admitted"], released=row["released"],
        overdue=row["overdue"], violations=tuple(json.loads(row["violations_json"])), requests=row["requests"],
        latitude=row["latitude"], longitude=row["longitude"], location_flag=bool(row["location_flag"]),
        photos=tuple((p[0], p[1], p[2]) for p in json.loads(row["photos_json"])), notes=row["notes"],
    )  # fmt: skip


def _checkin(row: Row) -> Checkin:
    return Checkin(
        row["id"], row["draft_id"], row["unit_id"], row["author_id"], parse_utc(row["checked_at"]),
        parse_utc(row["submitted_at"]), _content(row), row["version"], row["facility_name"], row["facility_kind"],
        row["unit_code"], row["author_name"], parse_utc(row["deleted_at"]) if row["deleted_at"] else None,
        row["delete_reason"],
    )  # fmt: skip


def _columns(content: CheckinContent) -> dict[str, Any]:
    return {
        "kind": content.kind,
        **{name: getattr(content, name) for name in COUNT_FIELDS},
        "violations_json": json.dumps(list(content.violations), ensure_ascii=False),
        "requests": content.requests,
        "latitude": content.latitude,
        "longitude": content.longitude,
        "location_flag": int(content.location_flag),
        "photos_json": json.dumps([list(p) for p in content.photos], ensure_ascii=False),
        "notes": content.notes,
    }


_INSERT_COLUMNS = (
    "draft_id", "facility_id", "unit_id", "author_id", "checked_at", "submitted_at", "kind", *COUNT_FIELDS,
    "violations_json", "requests", "latitude", "longitude", "location_flag", "photos_json", "notes", "version",
    "updated_at",
)  # fmt: skip
_ROW = "(" + ", ".join("?" * len(_INSERT_COLUMNS)) + ")"
_INSERT = f"INSERT INTO checkins ({', '.join(_INSERT_COLUMNS)}) VALUES {{values}} ON CONFLICT (draft_id) DO NOTHING"


@dataclass(frozen=True, slots=True)
class _NewCheckin:
    draft_id: str
    values: tuple[Any, ...]
    stored: Callable[[int], Checkin]
    alerts: Callable[[Checkin], Sequence[NewMessage]] | None
    now: datetime


class CheckinRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._inserts: Coalescer[_NewCheckin, Checkin | None] = Coalescer(self._insert_many)

    async def _insert_many(self, items: list[_NewCheckin]) -> list[Checkin | None]:
        """One multi-row INSERT; each item's stored check-in, or None where its draft id was
        already stored (or by an earlier item of the same batch: a double tap stores one row).
        With alerts to queue, the INSERT and the alerts are one transaction."""
        sql = _INSERT.format(values=", ".join([_ROW] * len(items))) + " RETURNING id, draft_id"
        params = [value for item in items for value in item.values]
        if not any(item.alerts for item in items):
            return self._stored(items, await self._db.write_fetchall(sql, params))
        async with self._db.transaction() as conn:
            results = self._stored(items, await conn.execute_fetchall(sql, params))
            for item, checkin in zip(items, results, strict=True):
                if checkin is not None and item.alerts is not None:
                    await insert_messages(conn, item.alerts(checkin), item.now)
        return results

    @staticmethod
    def _stored(items: list[_NewCheckin], rows: Iterable[Row]) -> list[Checkin | None]:
        ids = {row[1]: row[0] for row in rows}
        results: list[Checkin | None] = []
        for item in items:
            new_id = ids.pop(item.draft_id, None)
            results.append(item.stored(new_id) if new_id is not None else None)
        return results

    async def submit(
        self,
        actor: User,
        draft_id: str,
        content: CheckinContent,
        *,
        checked_at: datetime,
        now: datetime,
        alerts: Callable[[Checkin], Sequence[NewMessage]] | None = None,
    ) -> tuple[Checkin, bool]:
        """Store the check-in once per draft id. Returns it and whether this call created it.

        The row and its audit entry are one INSERT (migration 0007's trigger); check-ins sent
        while others are at the database share that statement (group commit). ``alerts``
        builds the messages that report a new check-in: they are queued in the same
        transaction as the row, so there is never one without the other."""
        content.check()
        facility = await self._db.fetchone(
            scope_cte(actor) + "SELECT f.unit_id, f.name, f.kind, u.code FROM facilities f "
            "JOIN tree ON f.unit_id = tree.id JOIN units u ON u.id = f.unit_id WHERE f.id = ? AND f.active = 1",
            (actor.unit_id, content.facility_id),
        )
        if facility is None:
            raise ScopeError("facility outside the actor's scope or inactive")
        checked, submitted = utc_now_text(checked_at), utc_now_text(now)
        columns = {
            "draft_id": draft_id, "facility_id": content.facility_id, "unit_id": facility["unit_id"],
            "author_id": actor.id, "checked_at": checked, "submitted_at": submitted,
            **_columns(content), "version": 1, "updated_at": submitted,
        }  # fmt: skip

        def stored(checkin_id: int) -> Checkin:
            return Checkin(
                checkin_id, draft_id, facility["unit_id"], actor.id, parse_utc(checked), parse_utc(submitted), content,
                1, facility["name"], facility["kind"], facility["code"], actor.display_name,
            )  # fmt: skip

        values = tuple(columns[name] for name in _INSERT_COLUMNS)
        created = await self._inserts.submit(_NewCheckin(draft_id, values, stored, alerts, now))
        if created is not None:
            return created, True
        row = await self._db.fetchone(_SELECT + "WHERE c.draft_id = ?", (draft_id,))
        assert row is not None
        return _checkin(row), False

    async def by_draft(self, actor: User, draft_id: str) -> Checkin | None:
        row = await self._db.fetchone(_SELECT + "WHERE c.draft_id = ? AND c.author_id = ?", (draft_id, actor.id))
        return _checkin(row) if row else None

    async def get_in_scope(self, actor: User, checkin_id: int) -> Checkin | None:
        """Staff: their own check-in; heads and admins: any of their unit tree (or their own)."""
        if actor.role.at_least(Role.HEAD):
            row = await self._db.fetchone(
                SUBTREE_CTE + _SELECT + "WHERE c.id = ? AND (c.unit_id IN (SELECT id FROM tree) OR c.author_id = ?)",
                (actor.unit_id, checkin_id, actor.id),
            )
        else:
            row = await self._db.fetchone(_SELECT + "WHERE c.id = ? AND c.author_id = ?", (checkin_id, actor.id))
        return _checkin(row) if row else None

    async def recent(self, actor: User, limit: int = 10) -> list[Checkin]:
        """The actor's own latest check-ins (heads and admins: their unit tree's), deleted ones excluded."""
        if actor.role.at_least(Role.HEAD):
            rows = await self._db.fetchall(
                SUBTREE_CTE + _SELECT + "WHERE c.unit_id IN (SELECT id FROM tree) AND c.deleted_at IS NULL "
                "ORDER BY c.checked_at DESC, c.id DESC LIMIT ?",
                (actor.unit_id, limit),
            )
        else:
            rows = await self._db.fetchall(
                _SELECT
                + "WHERE c.author_id = ? AND c.deleted_at IS NULL ORDER BY c.checked_at DESC, c.id DESC LIMIT ?",
                (actor.id, limit),
            )
        return [_checkin(r) for r in rows]

    async def in_period(self, unit_id: int, start: datetime, end: datetime) -> list[Checkin]:
        """Check-ins (not deleted) of a unit and the units below it, ``start <= checked_at < end``."""
        rows = await self._db.fetchall(
            SUBTREE_CTE + _SELECT + "WHERE c.unit_id IN (SELECT id FROM tree) AND c.deleted_at IS NULL "
            "AND c.checked_at >= ? AND c.checked_at < ? ORDER BY c.checked_at, c.id",
            (unit_id, utc_now_text(start), utc_now_text(end)),
        )
        return [_checkin(r) for r in rows]

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

    async def edit(self, actor: User, checkin_id: int, changes: dict[str, Any], *, now: datetime) -> Checkin:
        """Change some fields; keeps the previous version and writes an audit row with the changed fields."""
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
        columns = _columns(content)
        sets = ", ".join(f"{name} = ?" for name in columns)
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO checkin_versions (checkin_id, version, data_json, replaced_at, replaced_by) "
                "VALUES (?, ?, ?, ?, ?)",
                (checkin_id, current.version, json.dumps(before, ensure_ascii=False), utc_now_text(now), actor.id),
            )
            cur = await conn.execute(
                f"UPDATE checkins SET {sets}, version = version + 1, updated_at = ?, updated_by = ? "
                "WHERE id = ? AND version = ? AND deleted_at IS NULL",
                (*columns.values(), utc_now_text(now), actor.id, checkin_id, current.version),
            )
            if cur.rowcount != 1:
                raise AlreadyDeleted("check-in changed or was deleted meanwhile")
            await write_audit(
                conn, at=now, actor_id=actor.id, action="checkin.edit", target_type="checkin", target_id=checkin_id,
                unit_id=current.unit_id, before={k: before[k] for k in changed},
                after={"changed": changed, "at": utc_now_text(now), **{k: after[k] for k in changed}},
            )  # fmt: skip
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
                conn, at=now, actor_id=actor.id, action="checkin.delete", target_type="checkin", target_id=checkin_id,
                unit_id=current.unit_id, before=current.content.as_dict(),
                after={"reason": reason[:500], "at": utc_now_text(now)},
            )  # fmt: skip
        deleted = await self.get_in_scope(actor, checkin_id)
        assert deleted is not None
        return deleted
