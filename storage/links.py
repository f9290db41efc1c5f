"""Account linking across platforms: one-time link codes and the identities of one account.

Platform ids are namespaced (``users.platform`` + ``platform_user_id``): the same person on
Telegram and on Zalo are two accounts unless an admin links them. The admin creates a code
for a user of their units; the person sends it from the other platform; that identity then
reaches the same account (unit, role, history) and becomes its address for proactive
messages, while the previous address keeps working (``identity_links``). Audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from storage.audit import write_audit
from storage.db import Database, inserted_id, parse_utc, utc_now_text
from storage.invites import _hash, _new_code
from storage.users import Role, ScopeError, User, UserRepository
from storage.users import _user as user_from_row


class LinkStatus(StrEnum):
    OK = "ok"
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"
    ALREADY = "already"  # this identity is already the account's address
    TAKEN = "taken"  # this identity belongs to another account
    INACTIVE = "inactive"  # the account to link is locked


@dataclass(frozen=True, slots=True)
class LinkCode:
    code: str
    user: User
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Linked:
    status: LinkStatus
    user: User | None = None  # the account, with its new address
    previous: tuple[str, str] | None = None  # the address it had before (platform, id)
    code_id: int | None = None


class _Refused(Exception):
    """Leaves the transaction rolled back (the code's claim too: it stays usable) with an answer."""

    def __init__(self, answer: Linked) -> None:
        self.answer = answer


class LinkRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def create_code(self, actor: User, user_id: int, *, ttl: timedelta, now: datetime) -> LinkCode:
        """A one-time code linking a new platform identity to ``user_id`` (an active admin, in scope)."""
        if not actor.active or actor.role is not Role.ADMIN:
            raise ScopeError("only an active admin may link accounts")
        target = await UserRepository(self._db).get_in_scope(actor, user_id)
        if target is None:
            raise ScopeError("user outside the actor's units")
        if not target.active:
            raise ScopeError("the account is locked")
        code, expires = _new_code(), now + ttl
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO link_codes (code_hash, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?) "
                "RETURNING id",
                (_hash(code), target.id, actor.id, utc_now_text(now), utc_now_text(expires)),
            )
            await write_audit(
                conn,
                actor_id=actor.id,
                action="link.code",
                target_type="user",
                target_id=target.id,
                unit_id=target.unit_id,
                after={"code_id": await inserted_id(cur), "expires_at": utc_now_text(expires)},
            )
        return LinkCode(code, target, expires)

    async def redeem(self, code: str, *, platform: str, platform_user_id: str, now: datetime) -> Linked:
        """Link the identity sending ``code`` to the code's account, atomically and once."""
        try:
            return await self._redeem(code, platform, platform_user_id, now)
        except _Refused as refused:
            return refused.answer
        except self._db.integrity_errors:
            # The identity was linked to, or registered as, another account meanwhile (another
            # process); this attempt, the code's claim included, was rolled back.
            return Linked(LinkStatus.TAKEN)

    async def _redeem(self, code: str, platform: str, platform_user_id: str, now: datetime) -> Linked:
        stamp = utc_now_text(now)
        async with self._db.transaction() as conn:
            row = await (await conn.execute("SELECT * FROM link_codes WHERE code_hash = ?", (_hash(code),))).fetchone()
            if row is None:
                return Linked(LinkStatus.UNKNOWN)
            if row["used_at"] is not None:
                return Linked(LinkStatus.USED)
            if parse_utc(row["expires_at"]) <= now:
                return Linked(LinkStatus.EXPIRED)
            # The claim: one of two redemptions at once changes the row, the other then finds it used.
            claimed = await conn.execute(
                "UPDATE link_codes SET used_at = ? WHERE id = ? AND used_at IS NULL", (stamp, row["id"])
            )
            if claimed.rowcount != 1:
                return Linked(LinkStatus.USED)
            # One link of an account at a time: its address is read after the lock.
            await conn.lock(f"user:{row['user_id']}")
            account = await (await conn.execute("SELECT * FROM users WHERE id = ?", (row["user_id"],))).fetchone()
            if account is None:  # the account the code was made for no longer exists
                raise _Refused(Linked(LinkStatus.UNKNOWN))
            target = user_from_row(account)
            if not target.active:
                raise _Refused(Linked(LinkStatus.INACTIVE))
            if (target.platform, target.platform_user_id) == (platform, platform_user_id):
                raise _Refused(Linked(LinkStatus.ALREADY, target))
            owner = await (
                await conn.execute(
                    "SELECT id FROM users WHERE platform = ? AND platform_user_id = ? UNION ALL "
                    "SELECT user_id FROM identity_links WHERE platform = ? AND platform_user_id = ?",
                    (platform, platform_user_id, platform, platform_user_id),
                )
            ).fetchone()
            if owner is not None and owner[0] != target.id:
                raise _Refused(Linked(LinkStatus.TAKEN))
            # The new identity becomes the address; the old one stays a way in.
            await conn.execute(
                "DELETE FROM identity_links WHERE platform = ? AND platform_user_id = ?", (platform, platform_user_id)
            )
            await conn.execute(
                "INSERT INTO identity_links (platform, platform_user_id, user_id, linked_at) VALUES (?, ?, ?, ?)",
                (target.platform, target.platform_user_id, target.id, stamp),
            )
            await conn.execute(
                "UPDATE users SET platform = ?, platform_user_id = ?, updated_at = ? WHERE id = ?",
                (platform, platform_user_id, stamp, target.id),
            )
            await write_audit(
                conn,
                actor_id=target.id,
                action="user.link",
                target_type="user",
                target_id=target.id,
                unit_id=target.unit_id,
                before={"platform": target.platform, "platform_user_id": target.platform_user_id},
                after={"platform": platform, "platform_user_id": platform_user_id, "code_id": row["id"]},
            )
        moved = User(target.id, platform, platform_user_id, target.display_name, target.unit_id, target.role, True)
        return Linked(LinkStatus.OK, moved, (target.platform, target.platform_user_id), row["id"])

    async def identities(self, user_id: int) -> list[tuple[str, str]]:
        """Every (platform, id) that reaches the account: its address first, then linked ones."""
        rows = await self._db.fetchall(
            "SELECT platform, platform_user_id, 0 AS o FROM users WHERE id = ? UNION ALL "
            "SELECT platform, platform_user_id, 1 FROM identity_links WHERE user_id = ? ORDER BY o, platform",
            (user_id, user_id),
        )
        return [(r["platform"], r["platform_user_id"]) for r in rows]
