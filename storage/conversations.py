"""Per-(platform, chat, user) conversation state: the named step, the draft, the last numbered menu.

Stored in the database so that a restart or a crash never loses a half-filled form.
Loads and saves made while another batch is at the database are served together (one
multi-row statement each, see ``storage/coalesce.py``); a save is committed when its
await returns. The dispatcher's per-user lock keeps one person's load and save in order.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from storage.coalesce import Coalescer
from storage.db import Database, utc_now_text

Key = tuple[str, str, str]
Snapshot = tuple[str | None, str, str]
EMPTY: Snapshot = (None, "{}", "[]")
# Key order is kept (no sorting): a draft loaded and left alone encodes to the stored text again.
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode
_decode = json.JSONDecoder().decode


def _load(text: str) -> Any:
    return [] if text == "[]" else {} if text == "{}" else _decode(text)


@dataclass(slots=True)
class Conversation:
    state: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    menu: list[list[str]] = field(default_factory=list)  # [label, callback data] per option
    updated_at: str | None = None
    # The snapshot as last loaded or saved: comparing with it tells whether anything changed.
    stored: Snapshot = field(default=EMPTY, repr=False, compare=False)

    def clear(self) -> None:
        self.state = None
        self.data = {}

    def snapshot(self) -> Snapshot:
        return (self.state, _encode(self.data) if self.data else "{}", _encode(self.menu) if self.menu else "[]")

    def changed(self) -> Snapshot | None:
        """The new snapshot if it differs from the stored one, else None."""
        now = self.snapshot()
        return None if now == self.stored else now


class ConversationRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._loads: Coalescer[Key, Conversation] = Coalescer(self._load_many)
        self._saves: Coalescer[tuple[Key, Snapshot], None] = Coalescer(self._save_many)

    def load(self, platform: str, chat_id: str, user_key: str) -> asyncio.Future[Conversation]:
        """The stored conversation (an empty one if none). Returns a future rather than a
        coroutine, so a caller can start its other lookups before awaiting this one."""
        return self._loads.submit((platform, chat_id, user_key))

    async def save(
        self, platform: str, chat_id: str, user_key: str, conv: Conversation, snapshot: Snapshot | None = None
    ) -> None:
        """Store the conversation (an empty one is deleted); committed when this returns.
        ``snapshot``: ``conv.snapshot()`` if the caller has just taken it."""
        snapshot = snapshot or conv.snapshot()
        await self._saves.submit(((platform, chat_id, user_key), snapshot))
        conv.stored = snapshot

    async def _load_many(self, keys: list[Key]) -> list[Conversation]:
        unique = list(dict.fromkeys(keys))
        values = ", ".join(["(?, ?, ?)"] * len(unique))
        rows = await self._db.fetchall(
            f"WITH k (platform, chat_id, user_key) AS (VALUES {values}) "
            "SELECT c.platform, c.chat_id, c.user_key, c.state, c.data_json, c.menu_json, c.updated_at "
            "FROM k JOIN conversations c ON c.platform = k.platform AND c.chat_id = k.chat_id "
            "AND c.user_key = k.user_key",
            [value for key in unique for value in key],
        )
        found = {(r[0], r[1], r[2]): r for r in rows}
        result = []
        for key in keys:
            row = found.get(key)
            if row is None:
                result.append(Conversation())
                continue
            stored = (row["state"], row["data_json"], row["menu_json"])
            result.append(Conversation(stored[0], _load(stored[1]), _load(stored[2]), row["updated_at"], stored))
        return result

    async def _save_many(self, items: list[tuple[Key, Snapshot]]) -> list[None]:
        # The same conversation twice in one batch: the later save wins, as it would one by one.
        latest = dict(items)
        stamp = utc_now_text()
        upserts = [(*key, *snap, stamp) for key, snap in latest.items() if snap != EMPTY]
        deletes = [key for key, snap in latest.items() if snap == EMPTY]
        if upserts:
            values = ", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * len(upserts))
            await self._db.execute_one(
                "INSERT INTO conversations (platform, chat_id, user_key, state, data_json, menu_json, updated_at) "
                f"VALUES {values} ON CONFLICT (platform, chat_id, user_key) DO UPDATE SET "
                "state = excluded.state, data_json = excluded.data_json, menu_json = excluded.menu_json, "
                "updated_at = excluded.updated_at",
                [value for row in upserts for value in row],
            )
        if deletes:
            values = ", ".join(["(?, ?, ?)"] * len(deletes))
            await self._db.execute_one(
                f"WITH k (platform, chat_id, user_key) AS (VALUES {values}) DELETE FROM conversations AS c "
                "WHERE EXISTS (SELECT 1 FROM k WHERE k.platform = c.platform AND k.chat_id = c.chat_id "
                "AND k.user_key = c.user_key)",
                [value for key in deletes for value in key],
            )
        return [None] * len(items)
