"""The outbox table: every proactive message, with a unique key, its status and attempts: queued one at a
time, claimed when due, marked after each attempt, and read for the administrators. Queueing inside another
repository's transaction is ``storage.outbox_queue``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from storage.db import Database, Row, parse_utc, utc_now_text
from storage.outbox_queue import NewMessage, Unless, button_pair, insert_messages
from storage.units import SUBTREE_CTE
from storage.users import User

# Queued inside callers' transactions; re-exported where the outbox's users have always found them.
__all__ = [
    "FINAL",
    "DeliveryProblem",
    "NewMessage",
    "OutboxMessage",
    "OutboxRepository",
    "Unless",
    "backoff",
    "insert_messages",
]

FINAL = ("sent", "failed", "skipped", "unreachable", "uncertain")
# Buttons as (label, callback data) pairs; storage does not know the chat vocabulary's classes.
ButtonRows = list[list[tuple[str, str]]]


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    id: int
    key: str
    user_id: int
    platform: str
    chat_id: str
    text: str
    buttons: ButtonRows
    status: str
    attempts: int
    next_attempt_at: datetime
    expires_at: datetime | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class DeliveryProblem:
    """A message that did not (or may not have) reached its recipient; ``message.next_attempt_at``
    is when it was last attempted."""

    message: OutboxMessage
    recipient: str


def _message(row: Row) -> OutboxMessage:
    return OutboxMessage(
        row["id"],
        row["key"],
        row["user_id"],
        row["platform"],
        row["chat_id"],
        row["text"],
        [[tuple(b) for b in r] for r in json.loads(row["buttons_json"])],
        row["status"],
        row["attempts"],
        parse_utc(row["next_attempt_at"]),
        parse_utc(row["expires_at"]) if row["expires_at"] else None,
        row["last_error"],
    )


class OutboxRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def enqueue(
        self,
        *,
        key: str,
        user: User,
        text: str,
        now: datetime,
        buttons: Sequence[Sequence[Any]] | None = None,
        not_before: datetime | None = None,
        expires_at: datetime | None = None,
        topic: str | None = None,
    ) -> bool:
        """Queue a message for ``user``; False if a message with this key exists (never twice)."""
        rows = [[button_pair(b) for b in row] for row in (buttons or [])]
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO outbox (key, user_id, platform, chat_id, text, buttons_json, next_attempt_at, expires_at, "
                "created_at, topic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                (
                    key,
                    user.id,
                    user.platform,
                    user.platform_user_id,
                    text,
                    json.dumps(rows, ensure_ascii=False),
                    utc_now_text(not_before or now),
                    utc_now_text(expires_at) if expires_at else None,
                    utc_now_text(now),
                    topic,
                ),
            )
            return cur.rowcount == 1

    async def queue(self, messages: Sequence[NewMessage], now: datetime) -> int:
        """Queue several messages in one transaction, each once per key; returns how many were new."""
        async with self._db.transaction() as conn:
            return await insert_messages(conn, messages, now)

    async def due(self, platforms: tuple[str, ...], now: datetime, limit: int = 256) -> list[OutboxMessage]:
        """Pending messages due now, oldest first; expired ones are marked skipped on the way.
        Reading claims nothing: ``begin_attempt`` records each attempt just before its send."""
        marks = ",".join("?" * len(platforms))
        stamp = utc_now_text(now)
        async with self._db.transaction() as conn:
            await conn.execute(
                f"UPDATE outbox SET status = 'skipped', last_error = 'hết hạn gửi' WHERE status = 'pending' "
                f"AND platform IN ({marks}) AND expires_at IS NOT NULL AND expires_at <= ?",
                (*platforms, stamp),
            )
            cur = await conn.execute(
                f"SELECT * FROM outbox WHERE status = 'pending' AND platform IN ({marks}) AND next_attempt_at <= ? "
                "ORDER BY next_attempt_at, id LIMIT ?",
                (*platforms, stamp, limit),
            )
            rows = list(await cur.fetchall())
        return [_message(r) for r in rows]

    async def begin_attempt(self, message: OutboxMessage, now: datetime) -> OutboxMessage | None:
        """Record one attempt ('sending', attempts + 1, attempted at ``now``) before the platform is
        called. None if the message is no longer pending as read (cancelled, say because the unit
        marked its report as sent, expired, or taken by another attempt): it must not be sent."""
        stamp = utc_now_text(now)
        changed = await self._db.execute_one(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ? "
            "WHERE id = ? AND status = 'pending' AND attempts = ? AND (expires_at IS NULL OR expires_at > ?)",
            (stamp, message.id, message.attempts, stamp),
        )
        if changed != 1:
            return None
        return replace(message, status="sending", attempts=message.attempts + 1, next_attempt_at=parse_utc(stamp))

    async def mark_sent(self, message_id: int, now: datetime) -> None:
        await self._set(message_id, "status = 'sent', sent_at = ?", (utc_now_text(now),))

    async def mark_unreachable(self, message_id: int, error: str) -> None:
        await self._set(message_id, "status = 'unreachable', last_error = ?", (error[:300],))

    async def mark_failed(self, message_id: int, error: str) -> None:
        await self._set(message_id, "status = 'failed', last_error = ?", (error[:300],))

    async def mark_uncertain(self, message_id: int, error: str) -> None:
        """The send ended in a way that leaves open whether it arrived: never sent again."""
        await self._set(message_id, "status = 'uncertain', last_error = ?", (error[:300],))

    async def retry_later(self, message_id: int, at: datetime, error: str) -> datetime:
        """Back to pending, due at ``at`` rounded up to the stored whole second (never earlier);
        returns that due time."""
        if at.microsecond:
            at += timedelta(microseconds=1_000_000 - at.microsecond)
        await self._set(
            message_id, "status = 'pending', next_attempt_at = ?, last_error = ?", (utc_now_text(at), error[:300])
        )
        return at

    async def reconcile_interrupted(self, platforms: tuple[str, ...] | None = None) -> int:
        """On taking the sender's lease: a message of its ``platforms`` (None: all) left in 'sending'
        may or may not have reached the user. It is marked 'uncertain' (visible to admins) and
        never sent again. Other platforms' sends are left alone: another process may be sending
        them right now (several workers on one PostgreSQL database)."""
        only = "" if platforms is None else f" AND platform IN ({','.join('?' * len(platforms))})"
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "UPDATE outbox SET status = 'uncertain', last_error = 'tiến trình dừng khi đang gửi' "
                f"WHERE status = 'sending'{only}",
                platforms or (),
            )
            return cur.rowcount

    async def next_due(self, platforms: tuple[str, ...]) -> datetime | None:
        marks = ",".join("?" * len(platforms))
        value = await self._db.fetchval(
            f"SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending' AND platform IN ({marks})", platforms
        )
        return parse_utc(value) if value else None

    async def for_key(self, key: str) -> OutboxMessage | None:
        row = await self._db.fetchone("SELECT * FROM outbox WHERE key = ?", (key,))
        return _message(row) if row else None

    async def problems_in_scope(self, actor: User, since: datetime, limit: int = 30) -> list[DeliveryProblem]:
        """Messages to people of the actor's units that failed, were unreachable or uncertain,
        last attempted since ``since`` (newest first), with the recipient's name."""
        rows = await self._db.fetchall(
            SUBTREE_CTE + "SELECT outbox.*, users.display_name AS recipient FROM outbox "
            "JOIN users ON users.id = outbox.user_id WHERE users.unit_id IN (SELECT id FROM tree) "
            "AND outbox.status IN ('failed', 'unreachable', 'uncertain') AND outbox.next_attempt_at >= ? "
            "ORDER BY outbox.next_attempt_at DESC, outbox.id DESC LIMIT ?",
            (actor.unit_id, utc_now_text(since), limit),
        )
        return [DeliveryProblem(_message(r), r["recipient"]) for r in rows]

    async def waiting(self, now: datetime) -> tuple[int, datetime | None]:
        """How many messages are due and not sent yet (a snooze set for tomorrow is not counted),
        and since when the longest-waiting one has been due."""
        row = await self._db.fetchone(
            "SELECT COUNT(*) AS n, MIN(next_attempt_at) AS oldest FROM outbox "
            "WHERE status = 'sending' OR (status = 'pending' AND next_attempt_at <= ?)",
            (utc_now_text(now),),
        )
        if row is None:
            return 0, None
        return int(row["n"]), parse_utc(row["oldest"]) if row["oldest"] else None

    async def count_by_status(self) -> dict[str, int]:
        rows = await self._db.fetchall("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
        return {r["status"]: r["n"] for r in rows}

    async def _set(self, message_id: int, assignments: str, params: tuple[object, ...]) -> None:
        await self._db.execute_one(f"UPDATE outbox SET {assignments} WHERE id = ?", (*params, message_id))


def backoff(attempts: int, base: timedelta = timedelta(seconds=5), cap: timedelta = timedelta(minutes=10)) -> timedelta:
    return min(base * (2 ** max(attempts - 1, 0)), cap)
