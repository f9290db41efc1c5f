"""Storing new check-ins, many users' at once (group commit).

Check-ins sent while another batch is at the database are stored together: one query
checks every item's facility against its author's scope, one multi-row INSERT stores the
rows (migration 0007's trigger writes each row's audit entry in the same statement), and
where a check-in reports people held past their term, its head alerts are queued in the
same transaction as the rows: never one without the other. A batch that fails is retried
item by item (``storage/coalesce.py``), so one bad item fails alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

_COLUMNS = (
    "draft_id", "facility_id", "unit_id", "author_id", "checked_at", "submitted_at", "kind", *COUNT_FIELDS,
    "violations_json", "requests", "latitude", "longitude", "location_flag", "photos_json", "notes", "version",
    "updated_at",
)  # fmt: skip
_ROW = "(" + ", ".join("?" * len(_COLUMNS)) + ")"
_INSERT = f"INSERT INTO checkins ({', '.join(_COLUMNS)}) VALUES {{rows}} ON CONFLICT (draft_id) DO NOTHING RETURNING id, draft_id"
# Each item's facility, if active and in its author's scope: the author's unit, and for
# heads and admins (deep) the units below it too.
_SCOPE = (
    "WITH RECURSIVE k (i, facility_id, unit_id, deep) AS (VALUES {rows}), "
    "tree (i, id) AS (SELECT i, unit_id FROM k UNION ALL "
    "SELECT t.i, u.id FROM tree t JOIN k ON k.i = t.i AND k.deep JOIN units u ON u.parent_id = t.id) "
    "SELECT k.i, f.unit_id, f.name, f.kind, un.code FROM k JOIN facilities f ON f.id = k.facility_id AND f.active = 1 "
    "JOIN units un ON un.id = f.unit_id WHERE EXISTS (SELECT 1 FROM tree WHERE tree.i = k.i AND tree.id = f.unit_id)"
)


class OutOfScope:
    """The result for a check-in whose facility is inactive or outside its author's scope."""


OUT_OF_SCOPE = OutOfScope()


@dataclass(frozen=True, slots=True)
class NewCheckin:
    actor: User
    draft_id: str
    content: CheckinContent
    checked_at: datetime
    now: datetime
    alerts: AlertBuilder | None = None


# Per item: the stored check-in, None when its draft id was already stored, or OUT_OF_SCOPE.
Result = Checkin | None | OutOfScope


class SubmitBatch:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.batches: Coalescer[NewCheckin, Result] = Coalescer(self._run)

    async def _run(self, items: list[NewCheckin]) -> list[Result]:
        rows = ", ".join(["(?, ?, ?, ?)"] * len(items))
        params = [
            value
            for i, item in enumerate(items)
            for value in (i, item.content.facility_id, item.actor.unit_id, int(item.actor.role.at_least(Role.HEAD)))
        ]
        facilities = {row[0]: row for row in await self._db.fetchall(_SCOPE.format(rows=rows), params)}
        results: list[Result] = [OUT_OF_SCOPE] * len(items)
        allowed = [i for i in range(len(items)) if i in facilities]
        if not allowed:
            return results
        values = [value for i in allowed for value in _values(items[i], facilities[i])]
        sql = _INSERT.format(rows=", ".join([_ROW] * len(allowed)))
        flagged = [i for i in allowed if items[i].alerts is not None]
        if not flagged:
            self._fill(results, items, allowed, facilities, await self._db.write_fetchall(sql, values))
            return results
        heads = await heads_by_unit(self._db, {facilities[i]["unit_id"] for i in flagged})
        async with self._db.transaction() as conn:
            self._fill(results, items, allowed, facilities, await conn.execute_fetchall(sql, values))
            for i in flagged:
                checkin, build = results[i], items[i].alerts
                if isinstance(checkin, Checkin) and build is not None:
                    await insert_messages(conn, build(checkin, heads.get(checkin.unit_id, [])), items[i].now)
        return results

    @staticmethod
    def _fill(
        results: list[Result], items: list[NewCheckin], allowed: list[int], facilities: dict[int, Row], rows: Any
    ) -> None:
        ids = {row[1]: row[0] for row in rows}
        for i in allowed:
            # A draft id twice in one batch (a double tap): the first is stored, the second finds it.
            new_id = ids.pop(items[i].draft_id, None)
            results[i] = _stored(items[i], facilities[i], new_id) if new_id is not None else None


def _values(item: NewCheckin, facility: Row) -> tuple[Any, ...]:
    submitted = utc_now_text(item.now)
    columns = {
        "draft_id": item.draft_id, "facility_id": item.content.facility_id, "unit_id": facility["unit_id"],
        "author_id": item.actor.id, "checked_at": utc_now_text(item.checked_at), "submitted_at": submitted,
        **columns_of(item.content), "version": 1, "updated_at": submitted,
    }  # fmt: skip
    return tuple(columns[name] for name in _COLUMNS)


def _stored(item: NewCheckin, facility: Row, checkin_id: int) -> Checkin:
    """The check-in as a later read returns it (times at the stored, whole-second precision)."""
    return Checkin(
        checkin_id, item.draft_id, facility["unit_id"], item.actor.id, parse_utc(utc_now_text(item.checked_at)),
        parse_utc(utc_now_text(item.now)), item.content, 1, facility["name"], facility["kind"], facility["code"],
        item.actor.display_name,
    )  # fmt: skip
