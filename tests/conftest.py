from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import App, build_app
from bot.config import Settings
from knowledge.kb.library import Library
from storage.users import Role, User
from tests.fakes import FakeChat, FakeClock
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

# Units that exist long before the tests' clock: every report period in the tests is tracked.
ESTABLISHED = datetime(2020, 1, 1, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> str:
    """``BOT_DB`` of the test's database: SQLite here; suites that run on both stores adopt
    ``tests.pg.store_on_both`` in their conftest."""
    return str(tmp_path / "bot.sqlite3")


@pytest.fixture
def settings(store: str) -> Settings:
    return Settings(db_path=store)


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled knowledge base, loaded once (tests that reload use a Library of their own)."""
    return Library()


@pytest.fixture
async def app(settings: Settings, clock: FakeClock, library: Library) -> AsyncIterator[App]:
    application = await build_app(settings, clock=clock, library=library)
    yield application
    await application.close()


@dataclass
class World:
    """A province P with regional units A and B, and people in each role."""

    app: App
    province_admin: User
    admin_a: User
    head_a: User
    staff_a: User
    staff_b: User
    admin_b: User

    def chat(self, user: User) -> FakeChat:
        return FakeChat(self.app.dispatcher, user.platform_user_id, platform=user.platform)

    async def staff_chat(self, name: str) -> FakeChat:
        """A new staff member of unit A, and a chat with the assistant (the Q&A transcripts)."""
        unit = await self.app.repos.units.by_code("A")
        assert unit is not None
        user = await self.app.repos.users.create("test", name, "Cán bộ", unit.id, Role.STAFF)
        return self.chat(user)

    async def last_reply(self, name: str, turns: list[str]) -> str:
        """The reply to the last of ``turns``, said in order in a new staff chat (a follow-up's transcript)."""
        chat = await self.staff_chat(name)
        text = ""
        for turn in turns:
            text = await chat.text(turn)
        return text


@pytest.fixture
async def world(app: App) -> World:
    units = app.repos.units
    await units.add("P", "VKSND tỉnh P", "tinh", now=ESTABLISHED)
    a = await units.add("A", "VKSND khu vực A", "khu_vuc", "P", now=ESTABLISHED)
    b = await units.add("B", "VKSND khu vực B", "khu_vuc", "P", now=ESTABLISHED)
    province = await units.by_code("P")
    assert province is not None
    users = app.repos.users
    return World(
        app=app,
        province_admin=await users.create("test", "padmin", "Quản trị tỉnh", province.id, Role.ADMIN),
        admin_a=await users.create("test", "admin-a", "Quản trị A", a.id, Role.ADMIN),
        head_a=await users.create("test", "head-a", "Lãnh đạo A", a.id, Role.HEAD),
        staff_a=await users.create("test", "staff-a", "Cán bộ A", a.id, Role.STAFF),
        staff_b=await users.create("test", "staff-b", "Cán bộ B", b.id, Role.STAFF),
        admin_b=await users.create("test", "admin-b", "Quản trị B", b.id, Role.ADMIN),
    )


async def new_invite(app: App, unit_code: str, role: Role, days: int = 7) -> str:
    unit = await app.repos.units.by_code(unit_code)
    assert unit is not None
    invite = await app.repos.invites.create(unit.id, role, created_by=None, ttl=timedelta(days=days))
    return invite.code
