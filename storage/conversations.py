"""Per-(platform, chat, user) conversation state: the named step, the draft, the last numbered menu.

Stored in the database so that a restart or a crash never loses a half-filled form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from storage.db import Database, utc_now_text


@dataclass(slots=True)
class Conversation:
    state: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    menu: list[str] = field(default_factory=list)
    updated_at: str | None = None

    def clear(self) -> None:
        self.state = None
        self.data = {}

    def snapshot(self) -> tuple[str | None, str, str]:
        return (self.state, json.dumps(self.data, sort_keys=True), json.dumps(self.menu))


class ConversationRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def load(self, platform: str, chat_id: str, user_key: str) -> Conversation:
        row = await self._db.fetchone(
            "SELECT state, data_json, menu_json, updated_at FROM conversations "
            "WHERE platform = ? AND chat_id = ? AND user_key = ?",
            (platform, chat_id, user_key),
        )
        if row is None:
            return Conversation()
        return Conversation(row["state"], json.loads(row["data_json"]), json.loads(row["menu_json"]), row["updated_at"])

    async def save(self, platform: str, chat_id: str, user_key: str, conv: Conversation) -> None:
        state, data_json, menu_json = conv.snapshot()
        if state is None and data_json == "{}" and menu_json == "[]":
            await self._db.execute_one(
                "DELETE FROM conversations WHERE platform = ? AND chat_id = ? AND user_key = ?",
                (platform, chat_id, user_key),
            )
            return
        await self._db.execute_one(
            "INSERT INTO conversations (platform, chat_id, user_key, state, data_json, menu_json, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, chat_id, user_key) DO UPDATE SET "
            "state = excluded.state, data_json = excluded.data_json, menu_json = excluded.menu_json, "
            "updated_at = excluded.updated_at",
            (platform, chat_id, user_key, state, data_json, menu_json, utc_now_text()),
        )
