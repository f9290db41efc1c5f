"""One-time invite codes: an admin creates one for a unit and role; a new user redeems it."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from storage.audit import write_audit
from storage.db import Database, inserted_id, parse_utc, utc_now_text
from storage.units import SUBTREE_CTE
from storage.users import Role, ScopeError, User

# No 0/O, 1/I/L: codes are read aloud and typed on phones.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def normalize_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _hash(code: str) -> str:
    return hashlib.sha256(normalize_code(code).encode()).hexdigest()


def _new_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


class RedeemStatus(StrEnum):
    OK = "ok"
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"
    ALREADY_REGISTERED = "already_registered"


@dataclass(frozen=True, slots=True)
class Invite:
    code: str
    unit_id: int
    role: Role
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Redemption:
    status: RedeemStatus
    user: User | None = None


class InviteRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(
        self, unit_id: int, role: Role, *, created_by: User | None, ttl: timedelta, now: datetime | None = None
    ) -> Invite:
        if created_by is not None:
            await self._check_scope(created_by, unit_id, role)
        moment = now or datetime.now(UTC)
        code = _new_code()
        expires = moment + ttl
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO invites (code_hash, unit_id, role, created_by, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    _hash(code),
                    unit_id,
                    role.value,
                    created_by.id if created_by else None,
                    utc_now_text(moment),
                    utc_now_text(expires),
                ),
            )
            await write_audit(
                conn,
                actor_id=created_by.id if created_by else None,
                action="invite.create",
                target_type="invite",
                target_id=await inserted_id(cur),
                unit_id=unit_id,
                after={"role": role.value, "unit_id": unit_id, "expires_at": utc_now_text(expires)},
            )
        return Invite(code, unit_id, role, expires)

    async def _check_scope(self, actor: User, unit_id: int, role: Role) -> None:
        if not actor.active or actor.role is not Role.ADMIN:
            raise ScopeError("only an active admin may invite")
        row = await self._db.fetchone(SUBTREE_CTE + "SELECT 1 FROM tree WHERE id = ?", (actor.unit_id, unit_id))
        if row is None:
            raise ScopeError("unit outside the actor's units")

    async def redeem(
        self, code: str, *, platform: str, platform_user_id: str, display_name: str, now: datetime | None = None
    ) -> Redemption:
        """Use a code to register a new user, atomically: a code serves exactly one person."""
        moment = now or datetime.now(UTC)
        stamp = utc_now_text(moment)
        try:
            return await self._redeem(code, platform, platform_user_id, display_name, moment, stamp)
        except self._db.integrity_errors:
            # The same person registered meanwhile by another process (users' unique identity);
            # everything this attempt did, the code's claim included, was rolled back.
            return Redemption(RedeemStatus.ALREADY_REGISTERED)

    async def _redeem(
        self, code: str, platform: str, platform_user_id: str, display_name: str, moment: datetime, stamp: str
    ) -> Redemption:
        async with self._db.transaction() as conn:
            existing = await (
                await conn.execute(
                    "SELECT id FROM users WHERE platform = ? AND platform_user_id = ?", (platform, platform_user_id)
                )
            ).fetchone()
            if existing is not None:
                return Redemption(RedeemStatus.ALREADY_REGISTERED)
            row = await (await conn.execute("SELECT * FROM invites WHERE code_hash = ?", (_hash(code),))).fetchone()
            if row is None:
                return Redemption(RedeemStatus.UNKNOWN)
            if row["used_by"] is not None:
                return Redemption(RedeemStatus.USED)
            if parse_utc(row["expires_at"]) <= moment:
                return Redemption(RedeemStatus.EXPIRED)
            # The claim: of two redemptions at once (several workers), one changes the row, the
            # other waits for it and then finds the code used.
            claimed = await conn.execute(
                "UPDATE invites SET used_at = ? WHERE id = ? AND used_by IS NULL AND used_at IS NULL",
                (stamp, row["id"]),
            )
            if claimed.rowcount != 1:
                return Redemption(RedeemStatus.USED)
            cur = await conn.execute(
                "INSERT INTO users (platform, platform_user_id, display_name, unit_id, role, active, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                (platform, platform_user_id, display_name[:100], row["unit_id"], row["role"], stamp, stamp),
            )
            user_id = await inserted_id(cur)
            await conn.execute("UPDATE invites SET used_by = ? WHERE id = ?", (user_id, row["id"]))
            await write_audit(
                conn,
                actor_id=user_id,
                action="invite.redeem",
                target_type="user",
                target_id=user_id,
                unit_id=row["unit_id"],
                after={"role": row["role"], "unit_id": row["unit_id"], "platform": platform},
            )
        user = User(user_id, platform, platform_user_id, display_name[:100], row["unit_id"], Role(row["role"]), True)
        return Redemption(RedeemStatus.OK, user)
