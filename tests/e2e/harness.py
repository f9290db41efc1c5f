"""Test-only: people and records on the test database, for the end-to-end tests.

- ``register``: a person invited and registered in chat (/start CODE) with the bot under test.
- ``with_repos``: the repositories over the database file the bot itself reads and writes.
The emulator and its users are in ``tests/e2e/emulator_client.py``; the bot process and the command line in
``tests/e2e/bot_process.py``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

from storage.db import open_database
from storage.repositories import Repositories
from storage.users import parse_role
from tests.e2e.bot_process import BotProcess
from tests.e2e.emulator_client import Emulator, TelegramUser

T = TypeVar("T")


def with_repos(db_path: Path, action: Callable[[Repositories], Awaitable[T]]) -> T:
    """Run ``action`` on the repositories of the database file (what the bot itself reads and writes)."""

    async def go() -> T:
        db = await open_database(str(db_path))
        try:
            return await action(Repositories.over(db))
        finally:
            await db.close()

    return asyncio.run(go())


async def new_invite(repos: Repositories, unit_code: str, role: str) -> str:
    unit = await repos.units.by_code(unit_code)
    parsed = parse_role(role)
    assert unit is not None and parsed is not None
    return (await repos.invites.create(unit.id, parsed, created_by=None, ttl=timedelta(days=7))).code


def register(
    emulator: Emulator,
    bot: BotProcess,
    db_path: Path,
    user_id: int,
    role: str = "staff",
    unit: str = "HN-KV1",
    name: str = "Cán bộ",
) -> TelegramUser:
    """An invite (from the repositories: quicker than the CLI, which has its own test), redeemed in
    chat with /start CODE."""
    code = with_repos(db_path, lambda repos: new_invite(repos, unit, role))
    user = emulator.user(bot.token, user_id, name)
    assert "Đăng ký thành công" in user.ask(f"/start {code}", "Đăng ký")
    return user


async def checkins_of(repos: Repositories, telegram_user_id: int) -> list[Any]:
    """The check-ins this Telegram user submitted, newest first (the whole database holds no others)."""
    user = await repos.users.by_platform("telegram", str(telegram_user_id))
    assert user is not None
    return await repos.checkins.recent(user)
