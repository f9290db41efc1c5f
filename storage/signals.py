"""Signals between the processes sharing one database: "the knowledge base was reloaded",
"the report configuration was reloaded". Raising one stores a new value under its name
(``planner_state``, ``signal:<name>``); every process polls the values and acts on the ones
that changed since it last looked (``bot/reloads.py``). The process that raised a signal has
already acted: its own value counts as seen.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from storage.db import Database, utc_now_text

PREFIX = "signal:"
KB_RELOAD = "kb_reload"
REPORTS_RELOAD = "reports_reload"


class Signals:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.seen: dict[str, str] = {}

    async def raise_signal(self, name: str, now: datetime) -> None:
        value = f"{utc_now_text(now)} {secrets.token_hex(4)}"
        await self._db.execute_one(
            "INSERT INTO planner_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (PREFIX + name, value),
        )
        self.seen[name] = value

    async def values(self) -> dict[str, str]:
        rows = await self._db.fetchall(f"SELECT name, value FROM planner_state WHERE name LIKE '{PREFIX}%'")
        return {r[0][len(PREFIX) :]: r[1] for r in rows}

    async def start_following(self) -> None:
        """What is raised from now on is news; what was raised before this process started is not."""
        self.seen.update(await self.values())

    async def news(self) -> list[str]:
        """The signals raised by other processes since the last look (marked seen)."""
        current = await self.values()
        changed = sorted(name for name, value in current.items() if self.seen.get(name) != value)
        self.seen.update(current)
        return changed
