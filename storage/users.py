"""Registered staff: their platform identity, unit and role.

Scope is enforced here, in the repository: an actor only ever reads or changes
users of their own unit and the units below it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from storage.audit import write_audit
from storage.coalesce import Coalescer
from storage.db import Database, Row, inserted_id, utc_now_text
from storage.units import SUBTREE_CTE


class Role(StrEnum):
    STAFF = "staff"
    HEAD = "head"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def label(self) -> str:
        return _LABEL[self]

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


_RANK = {Role.STAFF: 1, Role.HEAD: 2, Role.ADMIN: 3}
_LABEL = {Role.STAFF: "Cán bộ, kiểm sát viên", Role.HEAD: "Lãnh đạo đơn vị", Role.ADMIN: "Quản trị"}


def parse_role(text: str) -> Role | None:
    aliases = {
        "staff": Role.STAFF,
        "canbo": Role.STAFF,
        "ksv": Role.STAFF,
        "can_bo": Role.STAFF,
        "head": Role.HEAD,
        "lanhdao": Role.HEAD,
        "lanh_dao": Role.HEAD,
        "admin": Role.ADMIN,
        "quantri": Role.ADMIN,
        "quan_tri": Role.ADMIN,
    }
    return aliases.get(text.strip().lower())


@dataclass(frozen=True, slots=True)
class User:
    id: int
    platform: str
    platform_user_id: str
    display_name: str
    unit_id: int
    role: Role
    active: bool

    def as_dict(self) -> dict[str, object]:
        return {"unit_id": self.unit_id, "role": self.role.value, "active": self.active}


class ScopeError(PermissionError):
    """The actor may not act on this record (outside their unit tree or role)."""


def _user(row: Row) -> User:
    return User(
        row["id"],
        row["platform"],
        row["platform_user_id"],
        row["display_name"],
        row["unit_id"],
        Role(row["role"]),
        bool(row["active"]),
    )


async def heads_by_unit(db: Database, unit_ids: Iterable[int]) -> dict[int, list[User]]:
    """The active heads and admins of each unit (one query for several units)."""
    ids = sorted(set(unit_ids))
    rows = await db.fetchall(
        f"SELECT * FROM users WHERE unit_id IN ({','.join('?' * len(ids))}) AND role IN ('head', 'admin') "
        "AND active = 1 ORDER BY id",
        ids,
    )
    heads: dict[int, list[User]] = {}
    for row in rows:
        heads.setdefault(row["unit_id"], []).append(_user(row))
    return heads


class UserRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._lookups: Coalescer[tuple[str, str], User | None] = Coalescer(self._by_platform_many)

    def by_platform(self, platform: str, platform_user_id: str) -> asyncio.Future[User | None]:
        """The user behind a platform identity. Lookups made while another batch is at the
        database are served by one query; a future, so a caller can start other lookups first."""
        return self._lookups.submit((platform, platform_user_id))

    async def _by_platform_many(self, keys: list[tuple[str, str]]) -> list[User | None]:
        unique = list(dict.fromkeys(keys))
        values = ", ".join(["(?, ?)"] * len(unique))
        # An identity is an account's address (users) or linked to an account (identity_links, /lienket).
        rows = await self._db.fetchall(
            f"WITH k (platform, platform_user_id) AS (VALUES {values}) "
            "SELECT k.platform AS k_platform, k.platform_user_id AS k_user, users.* FROM k "
            "JOIN users ON users.platform = k.platform AND users.platform_user_id = k.platform_user_id "
            "UNION ALL SELECT k.platform, k.platform_user_id, users.* FROM k JOIN identity_links AS l "
            "ON l.platform = k.platform AND l.platform_user_id = k.platform_user_id JOIN users ON users.id = l.user_id",
            [value for key in unique for value in key],
        )
        found = {(r["k_platform"], r["k_user"]): _user(r) for r in rows}
        return [found.get(key) for key in keys]

    async def get(self, user_id: int) -> User | None:
        row = await self._db.fetchone("SELECT * FROM users WHERE id = ?", (user_id,))
        return _user(row) if row else None

    async def create(self, platform: str, platform_user_id: str, display_name: str, unit_id: int, role: Role) -> User:
        now = utc_now_text()
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO users (platform, platform_user_id, display_name, unit_id, role, active, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                (platform, platform_user_id, display_name[:100], unit_id, role.value, now, now),
            )
            user_id = await inserted_id(cur)
            await write_audit(
                conn,
                actor_id=None,
                action="user.create",
                target_type="user",
                target_id=user_id,
                unit_id=unit_id,
                after={"unit_id": unit_id, "role": role.value, "platform": platform},
            )
        return User(user_id, platform, platform_user_id, display_name[:100], unit_id, role, True)

    async def list_in_scope(self, actor: User, *, limit: int = 200, offset: int = 0) -> list[User]:
        """Users of the actor's unit and the units below it, in the order they registered: a person's
        place in the list never moves when a role, a lock or a unit changes (an admin who remembers
        "3" from the last run picks the same person)."""
        rows = await self._db.fetchall(
            SUBTREE_CTE + "SELECT users.* FROM users JOIN tree ON users.unit_id = tree.id "
            "ORDER BY users.id LIMIT ? OFFSET ?",
            (actor.unit_id, limit, offset),
        )
        return [_user(r) for r in rows]

    async def active_in_unit(self, actor: User, unit_id: int) -> list[User]:
        """The active users of one unit, if it is in the actor's units (else none), by name."""
        rows = await self._db.fetchall(
            SUBTREE_CTE + "SELECT users.* FROM users JOIN tree ON users.unit_id = tree.id "
            "WHERE users.unit_id = ? AND users.active = 1 ORDER BY users.display_name, users.id",
            (actor.unit_id, unit_id),
        )
        return [_user(r) for r in rows]

    async def get_in_scope(self, actor: User, user_id: int) -> User | None:
        row = await self._db.fetchone(
            SUBTREE_CTE + "SELECT users.* FROM users JOIN tree ON users.unit_id = tree.id WHERE users.id = ?",
            (actor.unit_id, user_id),
        )
        return _user(row) if row else None

    async def heads_of(self, unit_id: int) -> list[User]:
        rows = await self._db.fetchall(
            "SELECT * FROM users WHERE unit_id = ? AND role IN ('head', 'admin') AND active = 1 ORDER BY id",
            (unit_id,),
        )
        return [_user(r) for r in rows]

    async def set_role(self, actor: User, user_id: int, role: Role) -> User:
        return await self._change(actor, user_id, "user.role", role=role.value)

    async def set_active(self, actor: User, user_id: int, active: bool) -> User:
        return await self._change(actor, user_id, "user.activate" if active else "user.deactivate", active=active)

    async def move(self, actor: User, user_id: int, unit_id: int) -> User:
        """Move a person to another unit of the admin's (audited as ``user.move``, before and after)."""
        inside = await self._db.fetchone(SUBTREE_CTE + "SELECT 1 FROM tree WHERE id = ?", (actor.unit_id, unit_id))
        if inside is None:
            raise ScopeError("unit outside the actor's units")
        return await self._change(actor, user_id, "user.move", unit_id=unit_id)

    async def rename_self(self, user: User, name: str) -> User:
        """The person's own shown name (the console's local person, once named by a placeholder);
        audited as ``user.rename`` with the name before and after, the person as the actor."""
        async with self._db.transaction() as conn:
            await conn.lock(f"user:{user.id}")
            row = await (await conn.execute("SELECT * FROM users WHERE id = ?", (user.id,))).fetchone()
            if row is None:
                raise ScopeError("user no longer exists")
            before = _user(row)
            await conn.execute(
                "UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?", (name[:100], utc_now_text(), user.id)
            )
            after = replace(before, display_name=name[:100])
            await write_audit(
                conn,
                actor_id=user.id,
                action="user.rename",
                target_type="user",
                target_id=user.id,
                unit_id=before.unit_id,
                before={"display_name": before.display_name},
                after={"display_name": after.display_name},
            )
        return after

    async def _change(self, actor: User, user_id: int, action: str, **fields: object) -> User:
        if not actor.active or actor.role is not Role.ADMIN:
            raise ScopeError("only an active admin may change users")
        target = await self.get_in_scope(actor, user_id)
        if target is None:
            raise ScopeError("user outside the actor's units")
        if target.id == actor.id:
            raise ScopeError("an admin may not change their own role or status")
        async with self._db.transaction() as conn:
            # One change of a person at a time (several processes): "before" is read after the lock.
            await conn.lock(f"user:{user_id}")
            row = await (await conn.execute("SELECT * FROM users WHERE id = ?", (user_id,))).fetchone()
            if row is None:
                raise ScopeError("user no longer exists")
            target = _user(row)
            sets = ", ".join(f"{name} = ?" for name in fields)
            await conn.execute(
                f"UPDATE users SET {sets}, updated_at = ? WHERE id = ?",
                (*fields.values(), utc_now_text(), user_id),
            )
            row = await (await conn.execute("SELECT * FROM users WHERE id = ?", (user_id,))).fetchone()
            if row is None:  # deleted by another writer since get_in_scope
                raise ScopeError("user no longer exists")
            updated = _user(row)
            await write_audit(
                conn,
                actor_id=actor.id,
                action=action,
                target_type="user",
                target_id=user_id,
                unit_id=target.unit_id,
                before=target.as_dict(),
                after=updated.as_dict(),
            )
        return updated
