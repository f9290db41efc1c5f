"""Custody facilities (nhà tạm giữ, trại tạm giam, buồng tạm giữ) that a unit inspects.

Scope lives here: staff read their own unit's facilities; heads and admins read and
change their unit and the units below it. Every change writes an audit row in the
same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.audit import write_audit
from storage.db import Database, Row, inserted_id, parse_utc, utc_now_text
from storage.units import SUBTREE_CTE
from storage.users import Role, ScopeError, User

KINDS = {
    "nha_tam_giu": "Nhà tạm giữ",
    "trai_tam_giam": "Trại tạm giam",
    "buong_tam_giu_don_bien_phong": "Buồng tạm giữ đồn biên phòng",
}
FREQUENCIES = {"daily": "Hằng ngày", "weekly": "Hằng tuần"}
# Default check frequency by kind. Follows FACTS §9: direct checks "daily at nhà tạm giữ,
# weekly at trại tạm giam" (QĐ 259/2023 Điều 48 k3a as described by VKS sources: a
# secondary source, status S). Border-post holding rooms are not named there; weekly is
# our assumption. An admin can change any facility's frequency.
DEFAULT_FREQUENCY = {"nha_tam_giu": "daily", "trai_tam_giam": "weekly", "buong_tam_giu_don_bien_phong": "weekly"}
MAX_NAME = 120
MAX_ADDRESS = 200
_OWN_UNIT_CTE = "WITH tree(id) AS (SELECT ?) "


def scope_cte(actor: User) -> str:
    """A CTE named ``tree`` (one parameter: the actor's unit id) of the units the actor may see."""
    return SUBTREE_CTE if actor.role.at_least(Role.HEAD) else _OWN_UNIT_CTE


@dataclass(frozen=True, slots=True)
class Facility:
    id: int
    unit_id: int
    name: str
    kind: str
    address: str
    frequency: str
    active: bool
    # When it was added: a facility never inspected is due, not overdue, in its first period.
    created_at: datetime | None = None

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def frequency_label(self) -> str:
        return FREQUENCIES.get(self.frequency, self.frequency)

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kind": self.kind,
            "address": self.address,
            "frequency": self.frequency,
            "active": self.active,
            "unit_id": self.unit_id,
        }


@dataclass(frozen=True, slots=True)
class FacilityInput:
    name: str
    kind: str
    address: str = ""
    frequency: str | None = None


@dataclass(frozen=True, slots=True)
class FacilityStatus:
    """A facility with its latest (not deleted) check-in, for the /homnay view."""

    facility: Facility
    last_checked_at: str | None
    last_overdue: int


class FacilityError(ValueError):
    """A facility cannot be saved as asked (message in Vietnamese)."""


def _facility(row: Row) -> Facility:
    return Facility(
        row["id"],
        row["unit_id"],
        row["name"],
        row["kind"],
        row["address"],
        row["frequency"],
        bool(row["active"]),
        parse_utc(row["created_at"]) if row["created_at"] else None,
    )


def _merged(before: Facility, fields: dict[str, object]) -> tuple[FacilityInput, bool]:
    """The facility with ``fields`` changed, checked; and whether it is active."""
    merged = validate(
        FacilityInput(
            str(fields.get("name", before.name)),
            before.kind,
            str(fields.get("address", before.address)),
            str(fields.get("frequency", before.frequency)),
        )
    )
    return merged, bool(fields.get("active", before.active))


def validate(item: FacilityInput) -> FacilityInput:
    name = " ".join(item.name.split())
    if not name:
        raise FacilityError("Tên cơ sở không được để trống.")
    if len(name) > MAX_NAME:
        raise FacilityError(f"Tên cơ sở dài quá {MAX_NAME} ký tự.")
    if item.kind not in KINDS:
        raise FacilityError("Loại cơ sở phải là nhà tạm giữ, trại tạm giam hoặc buồng tạm giữ đồn biên phòng.")
    address = " ".join(item.address.split())
    if len(address) > MAX_ADDRESS:
        raise FacilityError(f"Địa chỉ dài quá {MAX_ADDRESS} ký tự.")
    frequency = item.frequency or DEFAULT_FREQUENCY[item.kind]
    if frequency not in FREQUENCIES:
        raise FacilityError("Tần suất phải là hằng ngày hoặc hằng tuần.")
    return FacilityInput(name, item.kind, address, frequency)


class FacilityRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def list_in_scope(self, actor: User, *, include_inactive: bool = False) -> list[Facility]:
        active = "" if include_inactive else "AND f.active = 1 "
        rows = await self._db.fetchall(
            scope_cte(actor) + "SELECT f.* FROM facilities f JOIN tree ON f.unit_id = tree.id "
            f"WHERE 1 = 1 {active}ORDER BY f.active DESC, f.unit_id, f.name",
            (actor.unit_id,),
        )
        return [_facility(r) for r in rows]

    async def for_checkin(self, actor: User) -> list[Facility]:
        """Active facilities the actor may inspect, by name: a stable order, so the numbered
        option "2" names the same facility in every session (not the last one inspected)."""
        rows = await self._db.fetchall(
            scope_cte(actor) + "SELECT f.* FROM facilities f JOIN tree ON f.unit_id = tree.id "
            "WHERE f.active = 1 ORDER BY f.name, f.id",
            (actor.unit_id,),
        )
        return [_facility(r) for r in rows]

    async def get_in_scope(self, actor: User, facility_id: int) -> Facility | None:
        row = await self._db.fetchone(
            scope_cte(actor) + "SELECT f.* FROM facilities f JOIN tree ON f.unit_id = tree.id WHERE f.id = ?",
            (actor.unit_id, facility_id),
        )
        return _facility(row) if row else None

    async def names_in_unit(self, unit_id: int) -> set[str]:
        rows = await self._db.fetchall("SELECT name FROM facilities WHERE unit_id = ?", (unit_id,))
        return {r[0] for r in rows}

    async def statuses(self, actor: User) -> list[FacilityStatus]:
        """Active facilities in scope with their latest check-in (time and held-past-term count)."""
        rows = await self._db.fetchall(
            scope_cte(actor) + "SELECT f.*, c.checked_at AS last_at, COALESCE(c.overdue, 0) AS last_overdue "
            "FROM facilities f JOIN tree ON f.unit_id = tree.id "
            "LEFT JOIN checkins c ON c.id = (SELECT c2.id FROM checkins c2 WHERE c2.facility_id = f.id "
            "AND c2.deleted_at IS NULL ORDER BY c2.checked_at DESC, c2.id DESC LIMIT 1) "
            "WHERE f.active = 1 ORDER BY f.unit_id, f.name",
            (actor.unit_id,),
        )
        return [FacilityStatus(_facility(r), r["last_at"], int(r["last_overdue"])) for r in rows]

    def _require_manager(self, actor: User) -> None:
        if not actor.active or not actor.role.at_least(Role.HEAD):
            raise ScopeError("only heads and admins manage facilities")

    async def add(
        self, actor: User, item: FacilityInput, unit_id: int | None = None, now: datetime | None = None
    ) -> Facility:
        self._require_manager(actor)
        unit_id = actor.unit_id if unit_id is None else unit_id
        in_scope = await self._db.fetchone(SUBTREE_CTE + "SELECT 1 FROM tree WHERE id = ?", (actor.unit_id, unit_id))
        if in_scope is None:
            raise ScopeError("unit outside the actor's tree")
        return (await self._insert([validate(item)], unit_id, actor.id, now))[0]

    async def import_rows(
        self, unit_id: int, items: list[FacilityInput], now: datetime | None = None
    ) -> list[Facility]:
        """Insert all rows in one transaction (from the command line: no acting user), or none."""
        return await self._insert([validate(i) for i in items], unit_id, None, now)

    async def _insert(
        self, items: list[FacilityInput], unit_id: int, actor_id: int | None, moment: datetime | None
    ) -> list[Facility]:
        now = utc_now_text(moment)
        created: list[Facility] = []
        try:
            async with self._db.transaction() as conn:
                for item in items:
                    assert item.frequency is not None
                    cur = await conn.execute(
                        "INSERT INTO facilities (unit_id, name, kind, address, frequency, active, created_at, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                        (unit_id, item.name, item.kind, item.address, item.frequency, now, now),
                    )
                    facility = Facility(
                        await inserted_id(cur),
                        unit_id,
                        item.name,
                        item.kind,
                        item.address,
                        item.frequency,
                        True,
                        parse_utc(now),
                    )
                    await write_audit(
                        conn,
                        actor_id=actor_id,
                        action="facility.create",
                        target_type="facility",
                        target_id=facility.id,
                        unit_id=unit_id,
                        after=facility.as_dict(),
                    )
                    created.append(facility)
        except self._db.integrity_errors as exc:
            raise FacilityError("Đơn vị đã có cơ sở trùng tên. Anh/chị đặt tên khác.") from exc
        return created

    async def update(self, actor: User, facility_id: int, **fields: object) -> Facility:
        """Change name, address, frequency or active; an audit row keeps before and after."""
        self._require_manager(actor)
        allowed = {"name", "address", "frequency", "active"}
        if not fields or set(fields) - allowed:
            raise ValueError(f"only {sorted(allowed)} can change")
        before = await self.get_in_scope(actor, facility_id)
        if before is None:
            raise ScopeError("facility outside the actor's tree")
        merged, active = _merged(before, fields)
        try:
            async with self._db.transaction() as conn:
                # One change of a facility at a time (several processes): "before" as of the lock.
                await conn.lock(f"facility:{facility_id}")
                current = await self.get_in_scope(actor, facility_id)
                if current is None:
                    raise ScopeError("facility outside the actor's tree")
                if current != before:
                    before = current
                    merged, active = _merged(before, fields)
                await conn.execute(
                    "UPDATE facilities SET name = ?, address = ?, frequency = ?, active = ?, updated_at = ? "
                    "WHERE id = ?",
                    (merged.name, merged.address, merged.frequency, int(active), utc_now_text(), facility_id),
                )
                after = Facility(
                    before.id,
                    before.unit_id,
                    merged.name,
                    before.kind,
                    merged.address,
                    str(merged.frequency),
                    active,
                    before.created_at,
                )
                await write_audit(
                    conn,
                    actor_id=actor.id,
                    action="facility.update",
                    target_type="facility",
                    target_id=facility_id,
                    unit_id=before.unit_id,
                    before=before.as_dict(),
                    after=after.as_dict(),
                )
        except self._db.integrity_errors as exc:
            raise FacilityError("Đơn vị đã có cơ sở trùng tên. Anh/chị đặt tên khác.") from exc
        return after
