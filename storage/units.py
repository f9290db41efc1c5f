"""Units of the procuracy tree: VKSND tối cao → tỉnh/thành phố → khu vực."""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database, Row, utc_now_text

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


class UnitError(ValueError):
    """A unit cannot be created as asked (message in Vietnamese)."""


def _unit(row: Row) -> Unit:
    return Unit(row["id"], row["code"], row["name"], row["level"], row["parent_id"])


class UnitRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, code: str, name: str, level: str, parent_code: str | None = None) -> Unit:
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
        if await self.by_code(code) is not None:
            raise UnitError(f"Mã đơn vị {code} đã tồn tại.")
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO units (code, name, level, parent_id, created_at) VALUES (?, ?, ?, ?, ?)",
                (code, name.strip(), level, parent.id if parent else None, utc_now_text()),
            )
            unit_id = cur.lastrowid
        assert unit_id is not None
        return Unit(unit_id, code, name.strip(), level, parent.id if parent else None)

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
