"""The question log: what was asked, what came of it; no asker identity beyond the unit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.db import Database, utc_now_text
from storage.units import SUBTREE_CTE

MAX_STORED = 500


@dataclass(frozen=True, slots=True)
class Counted:
    key: str
    count: int
    example: str


class QuestionLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def record(
        self,
        *,
        unit_id: int | None,
        text: str,
        folded: str,
        outcome: str,
        entry_id: str | None,
        score: float,
        now: datetime,
    ) -> None:
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO questions (at, unit_id, text, folded, outcome, entry_id, score) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    utc_now_text(now),
                    unit_id,
                    text[:MAX_STORED],
                    folded[:MAX_STORED],
                    outcome,
                    entry_id,
                    round(score, 4),
                ),
            )

    async def top_unanswered(self, scope_unit_id: int, since: datetime, limit: int = 15) -> list[Counted]:
        """The most frequent questions that got "don't know", grouped by their folded text."""
        rows = await self._db.fetchall(
            SUBTREE_CTE + "SELECT folded, COUNT(*) AS n, MAX(text) AS example FROM questions "
            "WHERE unit_id IN (SELECT id FROM tree) AND outcome = 'dont_know' AND at >= ? "
            "GROUP BY folded ORDER BY n DESC, MAX(at) DESC LIMIT ?",
            (scope_unit_id, utc_now_text(since), limit),
        )
        return [Counted(r["folded"], r["n"], r["example"]) for r in rows]

    async def top_entries(self, scope_unit_id: int, since: datetime, limit: int = 15) -> list[Counted]:
        """The entries most often answered or opened."""
        rows = await self._db.fetchall(
            SUBTREE_CTE + "SELECT entry_id, COUNT(*) AS n, MAX(text) AS example FROM questions "
            "WHERE unit_id IN (SELECT id FROM tree) AND outcome IN ('answer', 'view') AND entry_id IS NOT NULL "
            "AND at >= ? GROUP BY entry_id ORDER BY n DESC, entry_id LIMIT ?",
            (scope_unit_id, utc_now_text(since), limit),
        )
        return [Counted(r["entry_id"], r["n"], r["example"]) for r in rows]
