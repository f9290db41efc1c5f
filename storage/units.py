"""Units of the procuracy tree: VKSND tối cao → tỉnh/thành phố → khu vực."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Protocol

from storage.audit import write_audit
from storage.db import Database, Row, inserted_id, parse_utc, utc_now_text


class Actor(Protocol):
    """Who changes a unit (a ``storage.users.User``; not imported: users imports this module)."""

    @property
    def id(self) -> int: ...

    @property
    def unit_id(self) -> int: ...


LEVELS = ("toi_cao", "tinh", "khu_vuc")
LEVEL_LABELS = {"toi_cao": "VKSND tối cao", "tinh": "VKSND tỉnh/thành phố", "khu_vuc": "VKSND khu vực"}
# "tree" = the unit given as the first parameter and every unit below it.
SUBTREE_CTE = (
    "WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id) "
)
# Which level a child of each level must have.
CHILD_LEVEL = {"toi_cao": "tinh", "tinh": "khu_vuc"}


@dataclass(frozen=True, slots=True)
class Unit:
    id: int
    code: str
    name: str
    level: str
    parent_id: int | None
    created_at: datetime | None = None
    # Set by an administrator; None: the day the unit was created.
    reports_from: date | None = None

    def tracked_from(self, tz: tzinfo) -> date:
        """The first day whose report periods count for this unit (in ``tz``)."""
        if self.reports_from is not None:
            return self.reports_from
        return self.created_at.astimezone(tz).date() if self.created_at else date.min

    def tracks(self, due: date, tz: tzinfo) -> bool:
        """Whether a report period due on ``due`` is tracked (reminded, can be late)."""
        return due >= self.tracked_from(tz)


class UnitError(ValueError):
    """A unit cannot be created or changed as asked (message in Vietnamese)."""


OUT_OF_SCOPE = "Đơn vị này không thuộc phạm vi anh/chị quản lý."


def _unit(row: Row) -> Unit:
    created = parse_utc(row["created_at"]) if row["created_at"] else None
    since = date.fromisoformat(row["reports_from"]) if row["reports_from"] else None
    return Unit(row["id"], row["code"], row["name"], row["level"], row["parent_id"], created, since)


class UnitRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(
        self,
        code: str,
        name: str,
        level: str,
        parent_code: str | None = None,
        *,
        actor: Actor | None = None,
        now: datetime | None = None,
        reports_from: date | None = None,
    ) -> Unit:
        """Create a unit. ``actor``: the administrator who asked from chat (the parent must be in
        their scope; audited). ``now``: the creation time (the application clock), which is also
        the default day from which its reports are tracked (``reports_from`` sets another)."""
        code = code.strip().upper()
        if not code or not code.replace("_", "").replace("-", "").isalnum():
            raise UnitError("Mã đơn vị chỉ gồm chữ, số, '-' hoặc '_'.")
        if level not in LEVELS:
            raise UnitError(f"Cấp đơn vị phải là một trong: {', '.join(LEVELS)}.")
        parent: Unit | None = None
        if parent_code:
            parent = await self.by_code(parent_code)
            if parent is None:
                raise UnitError(f"Không có đơn vị cấp trên mã {parent_code}.")
            if CHILD_LEVEL.get(parent.level) != level:
                raise UnitError(f"Đơn vị cấp {LEVEL_LABELS[level]} không thể trực thuộc {parent.name}.")
        elif level != "toi_cao" and level != "tinh":
            raise UnitError("VKSND khu vực phải có đơn vị cấp trên (mã VKSND tỉnh).")
        if actor is not None and (parent is None or not await self.in_scope(actor.unit_id, parent.id)):
            raise UnitError(OUT_OF_SCOPE)
        if await self.by_code(code) is not None:
            raise UnitError(f"Mã đơn vị {code} đã tồn tại.")
        name = " ".join(name.split())
        if not 3 <= len(name) <= 120 or sum(c.isalpha() for c in name) < 3:
            raise UnitError("Tên đơn vị dài từ 3 đến 120 ký tự, có ít nhất 3 chữ cái (không chỉ biểu tượng).")
        stamp = utc_now_text(now)
        try:
            async with self._db.transaction() as conn:
                cur = await conn.execute(
                    "INSERT INTO units (code, name, level, parent_id, created_at, reports_from) VALUES (?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    (
                        code,
                        name,
                        level,
                        parent.id if parent else None,
                        stamp,
                        reports_from.isoformat() if reports_from else None,
                    ),
                )
                unit_id = await inserted_id(cur)
                if actor is not None:
                    after = {"code": code, "name": name, "level": level, "parent_id": parent.id if parent else None}
                    await write_audit(
                        conn,
                        at=now,
                        actor_id=actor.id,
                        action="unit.create",
                        target_type="unit",
                        target_id=unit_id,
                        unit_id=unit_id,
                        after=after,
                    )
        except self._db.integrity_errors as exc:  # the same code added meanwhile by another process
            raise UnitError(f"Mã đơn vị {code} đã tồn tại.") from exc
        return Unit(unit_id, code, name, level, parent.id if parent else None, parse_utc(stamp), reports_from)

    async def rename(self, actor: Actor, unit_id: int, name: str, now: datetime | None = None) -> Unit:
        """Rename a unit in the actor's scope (audited)."""
        name = " ".join(name.split())
        if not 3 <= len(name) <= 120 or sum(c.isalpha() for c in name) < 3:
            raise UnitError("Tên đơn vị dài từ 3 đến 120 ký tự, có ít nhất 3 chữ cái (không chỉ biểu tượng).")
        return await self._change(actor, unit_id, "unit.rename", "name", name, now)

    async def set_reports_from(self, actor: Actor, unit_id: int, day: date, now: datetime | None = None) -> Unit:
        """Set the day from which the unit's reports are tracked (audited)."""
        return await self._change(actor, unit_id, "unit.reports_from", "reports_from", day.isoformat(), now)

    async def _change(
        self, actor: Actor, unit_id: int, action: str, column: str, value: str, now: datetime | None
    ) -> Unit:
        assert column in ("name", "reports_from")
        async with self._db.transaction() as conn:
            scope = await (
                await conn.execute(SUBTREE_CTE + "SELECT 1 FROM tree WHERE id = ?", (actor.unit_id, unit_id))
            ).fetchone()
            row = await (await conn.execute("SELECT * FROM units WHERE id = ?", (unit_id,))).fetchone()
            if scope is None or row is None:
                raise UnitError(OUT_OF_SCOPE)
            await conn.execute(f"UPDATE units SET {column} = ? WHERE id = ?", (value, unit_id))
            await write_audit(
                conn,
                at=now,
                actor_id=actor.id,
                action=action,
                target_type="unit",
                target_id=unit_id,
                unit_id=unit_id,
                before={column: row[column]},
                after={column: value},
            )
            updated = await (await conn.execute("SELECT * FROM units WHERE id = ?", (unit_id,))).fetchone()
        assert updated is not None
        return _unit(updated)

    async def get(self, unit_id: int) -> Unit | None:
        row = await self._db.fetchone("SELECT * FROM units WHERE id = ?", (unit_id,))
        return _unit(row) if row else None

    async def by_code(self, code: str) -> Unit | None:
        row = await self._db.fetchone("SELECT * FROM units WHERE code = ?", (code.strip().upper(),))
        return _unit(row) if row else None

    async def all(self) -> list[Unit]:
        return [_unit(r) for r in await self._db.fetchall("SELECT * FROM units ORDER BY id")]

    async def count(self) -> int:
        return int(await self._db.fetchval("SELECT COUNT(*) FROM units"))

    async def subtree_ids(self, unit_id: int) -> list[int]:
        """The unit and every unit below it."""
        rows = await self._db.fetchall(SUBTREE_CTE + "SELECT id FROM tree", (unit_id,))
        return [r[0] for r in rows]

    async def subtree(self, unit_id: int) -> list[Unit]:
        rows = await self._db.fetchall(
            SUBTREE_CTE + "SELECT units.* FROM units JOIN tree ON units.id = tree.id ORDER BY units.id", (unit_id,)
        )
        return [_unit(r) for r in rows]

    async def in_scope(self, scope_unit_id: int, unit_id: int) -> bool:
        """Whether ``unit_id`` is ``scope_unit_id`` or below it."""
        row = await self._db.fetchone(SUBTREE_CTE + "SELECT 1 FROM tree WHERE id = ?", (scope_unit_id, unit_id))
        return row is not None
