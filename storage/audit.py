"""The audit trail: who did what, when, with the state before and after."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.db import Database, Row, Tx, utc_now_text
from storage.multirow import insert_rows


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str
    actor_id: int | None
    action: str
    target_type: str
    target_id: str
    unit_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _dump(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


_INSERT = "INSERT INTO audit (at, actor_id, action, target_type, target_id, unit_id, before_json, after_json)"


def audit_row(
    *,
    at: datetime | None = None,
    actor_id: int | None,
    action: str,
    target_type: str,
    target_id: str | int,
    unit_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> tuple[Any, ...]:
    """One audit row's values, for ``write_audits``."""
    return (utc_now_text(at), actor_id, action, target_type, str(target_id), unit_id, _dump(before), _dump(after))


async def write_audit(
    conn: Tx,
    *,
    at: datetime | None = None,
    actor_id: int | None,
    action: str,
    target_type: str,
    target_id: str | int,
    unit_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Write one audit row inside the caller's transaction (so the change and its record land together).
    ``at``: the application clock's time of the change (callers with an injected clock pass it);
    the wall clock only where the caller has none."""
    row = audit_row(
        at=at,
        actor_id=actor_id,
        action=action,
        target_type=target_type,
        target_id=target_id,
        unit_id=unit_id,
        before=before,
        after=after,
    )
    await conn.execute(f"{_INSERT} VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)


async def write_audits(conn: Tx, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write many audit rows (``audit_row``) inside the caller's transaction, in multi-row statements."""
    await insert_rows(conn, _INSERT, rows)


class AuditRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def for_target(self, target_type: str, target_id: str | int) -> list[AuditEntry]:
        rows = await self._db.fetchall(
            "SELECT * FROM audit WHERE target_type = ? AND target_id = ? ORDER BY id",
            (target_type, str(target_id)),
        )
        return [self._entry(r) for r in rows]

    async def recent(self, unit_ids: list[int], limit: int = 50) -> list[AuditEntry]:
        marks = ",".join("?" * len(unit_ids)) or "NULL"
        rows = await self._db.fetchall(
            f"SELECT * FROM audit WHERE unit_id IN ({marks}) ORDER BY id DESC LIMIT ?",
            (*unit_ids, limit),
        )
        return [self._entry(r) for r in rows]

    async def all(self) -> list[AuditEntry]:
        return [self._entry(r) for r in await self._db.fetchall("SELECT * FROM audit ORDER BY id")]

    @staticmethod
    def _entry(row: Row) -> AuditEntry:
        return AuditEntry(
            row["id"],
            row["at"],
            row["actor_id"],
            row["action"],
            row["target_type"],
            row["target_id"],
            row["unit_id"],
            json.loads(row["before_json"]) if row["before_json"] else None,
            json.loads(row["after_json"]) if row["after_json"] else None,
        )
