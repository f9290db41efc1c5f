"""Storing new check-ins, many users' at once (group commit).

Check-ins sent while another batch is at the database are stored together by one
statement that checks every item's facility against its author's scope and inserts the
rows (migration 0007's trigger writes each row's audit entry in the same statement).
Where a check-in reports people held past their term, its head alerts are queued in the
same transaction as the rows (all the batch's alerts in multi-row statements, each at its own
check-in's time, each key once): never one without the other. A batch that fails is retried
item by item (``storage/coalesce.py``), so one bad item fails alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.checkin_model import COUNT_FIELDS, Checkin, CheckinContent, columns_of
from storage.coalesce import Coalescer
from storage.db import Database, Row, parse_utc, utc_now_text
from storage.outbox import NewMessage, insert_messages
from storage.users import Role, User, heads_by_unit

# The messages that report a new check-in, given it and the active heads of its unit.
AlertBuilder = Callable[[Checkin, list[User]], Sequence[NewMessage]]

# Inserted from the batch's VALUES, except unit_id, which is the facility's.
_GIVEN = (
    "draft_id",
    "facility_id",
    "author_id",
    "checked_at",
    "submitted_at",
    "kind",
    *COUNT_FIELDS,
    "violations_json",
    "requests",
    "latitude",
    "longitude",
    "location_flag",
    "photos_json",
    "notes",
    "version",
    "updated_at",
)
# A column of the batch that is NULL in every row has no type of its own on PostgreSQL: cast.
_SELECTED = [f"CAST(k.{c} AS DOUBLE PRECISION)" if c in ("latitude", "longitude") else f"k.{c}" for c in _GIVEN]
_ROW = "(" + ", ".join("?" * (len(_GIVEN) + 3)) + ")"
# One statement checks every item's facility (active, in its author's scope: the author's unit,
# and for heads and admins the units below it), stores the rows (a repeated draft id: nothing),
# and returns what the stored check-ins show. The trigger of migration 0007 audits each row.
_INSERT = (
    f"WITH RECURSIVE k (i, actor_unit, deep, {', '.join(_GIVEN)}) AS (VALUES {{rows}}), "
    "tree (i, id) AS (SELECT i, actor_unit FROM k UNION ALL "
    "SELECT t.i, u.id FROM tree t JOIN k ON k.i = t.i AND k.deep = 1 JOIN units u ON u.parent_id = t.id) "
    f"INSERT INTO checkins ({', '.join(_GIVEN)}, unit_id) SELECT {', '.join(_SELECTED)}, f.unit_id "
    "FROM k JOIN facilities f ON f.id = k.facility_id AND f.active = 1 "
    "WHERE EXISTS (SELECT 1 FROM tree WHERE tree.i = k.i AND tree.id = f.unit_id) ORDER BY k.i "
    "ON CONFLICT (draft_id) DO NOTHING RETURNING id, draft_id, unit_id, "
    "(SELECT name FROM facilities WHERE id = facility_id), (SELECT kind FROM facilities WHERE id = facility_id), "
    "(SELECT code FROM units WHERE id = unit_id)"
)


@dataclass(frozen=True, slots=True)
class NewCheckin:
    actor: User
    draft_id: str
    content: CheckinContent
    checked_at: datetime
    now: datetime
    alerts: AlertBuilder | None = None


class SubmitBatch:
    """``batches.submit(item)``: the stored check-in, or None when nothing was stored (the draft
    id was stored before, or the facility is inactive or outside the author's scope)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.batches: Coalescer[NewCheckin, Checkin | None] = Coalescer(self._run)

    async def _run(self, items: list[NewCheckin]) -> list[Checkin | None]:
        sql = _INSERT.format(rows=", ".join([_ROW] * len(items)))
        params = [value for i, item in enumerate(items) for value in _values(i, item)]
        if not any(item.alerts for item in items):
            return _stored(items, await self._db.write_fetchall(sql, params))
        async with self._db.transaction() as conn:
            results = _stored(items, await conn.execute_fetchall(sql, params))
            flagged = [(item, c) for item, c in zip(items, results, strict=True) if c is not None and item.alerts]
            heads = await heads_by_unit(self._db, {c.unit_id for _, c in flagged}) if flagged else {}
            timed = [
                (message, item.now)
                for item, checkin in flagged
                if item.alerts is not None
                for message in item.alerts(checkin, heads.get(checkin.unit_id, []))
            ]
            if timed:  # every check-in's alerts in one multi-row insert, each at its own check-in's time
                await insert_messages(conn, [m for m, _ in timed], [at for _, at in timed])
        return results


def _values(i: int, item: NewCheckin) -> tuple[Any, ...]:
    submitted = utc_now_text(item.now)
    columns = {
        "draft_id": item.draft_id,
        "facility_id": item.content.facility_id,
        "author_id": item.actor.id,
        "checked_at": utc_now_text(item.checked_at),
        "submitted_at": submitted,
        **columns_of(item.content),
        "version": 1,
        "updated_at": submitted,
    }
    deep = int(item.actor.role.at_least(Role.HEAD))
    return (i, item.actor.unit_id, deep, *(columns[name] for name in _GIVEN))


def _stored(items: list[NewCheckin], rows: Iterable[Row]) -> list[Checkin | None]:
    # A draft id twice in one batch (a double tap): the first is stored, the second finds it.
    found = {row[1]: row for row in rows}
    return [_checkin(item, row) if (row := found.pop(item.draft_id, None)) else None for item in items]


def _checkin(item: NewCheckin, row: Row) -> Checkin:
    """The check-in as a later read returns it (times at the stored, whole-second precision)."""
    checkin_id, _, unit_id, facility_name, facility_kind, unit_code = row
    return Checkin(
        checkin_id,
        item.draft_id,
        unit_id,
        item.actor.id,
        parse_utc(utc_now_text(item.checked_at)),
        parse_utc(utc_now_text(item.now)),
        item.content,
        1,
        facility_name,
        facility_kind,
        unit_code,
        item.actor.display_name,
    )
