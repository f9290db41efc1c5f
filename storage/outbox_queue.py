"""Queueing outbox messages inside a caller's transaction: a check-in, a register event or a report mark and
the alerts it causes commit together, each message once per key, in multi-row statements, optionally only
while a condition read by the insert itself is false (``Unless``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.db import utc_now_text
from storage.multirow import chunks, insert_rows, placeholders
from storage.users import User


def button_pair(button: Any) -> list[str]:
    """A button as [label, callback data]; storage does not know the chat vocabulary's classes."""
    if hasattr(button, "data") and hasattr(button, "text"):
        return [str(button.text), str(button.data)]
    label, data = button
    return [str(label), str(data)]


@dataclass(frozen=True, slots=True)
class NewMessage:
    """A message to queue inside a caller's transaction (see ``insert_messages``)."""

    key: str
    user: User
    text: str
    buttons: Sequence[Sequence[Any]] = ()
    not_before: datetime | None = None
    expires_at: datetime | None = None
    topic: str | None = None
    # Recorded as 'skipped' with this reason instead of being sent (a missed, stale reminder).
    skip_reason: str | None = None


_NAMES = (
    "key, user_id, platform, chat_id, text, buttons_json, next_attempt_at, expires_at, created_at, topic, status, "
    "last_error"
)
_COLUMNS = f"INSERT INTO outbox ({_NAMES})"


@dataclass(frozen=True, slots=True)
class Unless:
    """A condition under which a message is not queued, checked by the insert itself: SQL that reads
    the message's own ``columns`` as ``given.<name>``, one tuple of ``values`` per message."""

    condition: str
    columns: tuple[str, ...]
    values: Sequence[tuple[object, ...]]


def _row(m: NewMessage, now: datetime) -> tuple[Any, ...]:
    return (
        m.key,
        m.user.id,
        m.user.platform,
        m.user.platform_user_id,
        m.text,
        json.dumps([[button_pair(b) for b in row] for row in m.buttons], ensure_ascii=False),
        utc_now_text(m.not_before or now),
        utc_now_text(m.expires_at) if m.expires_at else None,
        utc_now_text(now),
        m.topic,
        "skipped" if m.skip_reason else "pending",
        m.skip_reason,
    )


async def insert_messages(
    conn: Any, messages: Sequence[NewMessage], now: datetime | Sequence[datetime], *, unless: Unless | None = None
) -> int:
    """Queue messages in the caller's transaction, each once per key (the first of a key repeated
    in ``messages``), at ``now`` (or each at its own: one time per message), in multi-row statements,
    in order; with ``unless``, a message is queued only while its condition is false. Returns how many were new."""
    rows = [_row(m, now if isinstance(now, datetime) else now[i]) for i, m in enumerate(messages)]
    if unless is None:
        return await insert_rows(conn, _COLUMNS, rows, " ON CONFLICT (key) DO NOTHING")
    rows = [(*row, *values) for row, values in zip(rows, unless.values, strict=True)]
    # The rows as a named table the condition can read (SQLite needs a WHERE in an
    # INSERT ... SELECT ... ON CONFLICT to parse it: the condition is one). The new rows are
    # counted from RETURNING: sqlite3 reports no row count for a statement that starts with WITH.
    changed = 0
    for part in chunks(rows):
        new = await conn.execute_fetchall(
            f"WITH given ({_NAMES}, {', '.join(unless.columns)}) AS (VALUES {placeholders(len(part[0]), len(part))}) "
            f"{_COLUMNS} SELECT {_NAMES} FROM given WHERE NOT ({unless.condition}) ON CONFLICT (key) DO NOTHING "
            "RETURNING id",
            [value for row in part for value in row],
        )
        changed += len(list(new))
    return changed
