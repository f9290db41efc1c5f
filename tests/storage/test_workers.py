"""Several workers on one PostgreSQL database: one person's messages are handled one at a time
across processes (a session advisory lock per person, freed by the server when its holder's
connection dies), a sender's start-up leaves other platforms' sends alone, and /kb_reload on
one worker reaches the others."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import App, build_app
from bot.config import Settings
from bot.delivery.reloads import apply_news
from knowledge.kb.library import Library
from storage.db import open_database
from storage.facilities import FacilityInput
from storage.repositories import Repositories
from storage.signals import KB_RELOAD
from storage.users import Role
from tests import REPO_ROOT
from tests.fakes import FakeChat, FakeClock, joined

NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)
PROMPTS = ("bị tạm giam?", "nhận mới", "ra khỏi cơ sở", "quá hạn", "phát hiện vi phạm")


async def test_a_persons_lock_is_held_by_one_process_and_freed_when_its_connection_dies(pg_url: str) -> None:
    a, b = await open_database(pg_url), await open_database(pg_url)
    try:
        order: list[str] = []
        inside = asyncio.Event()

        async def first() -> None:
            async with a.exclusive("user:1"):
                order.append("a in")
                inside.set()
                await asyncio.sleep(0.2)
                order.append("a out")

        async def second() -> None:
            await inside.wait()
            async with b.exclusive("user:1"):
                order.append("b in")
            async with b.exclusive("user:2"):  # another person: not held by anyone
                order.append("b other")

        await asyncio.gather(first(), second())
        assert order == ["a in", "a out", "b in", "b other"]

        # A worker that dies holding the lock: the server frees it with the session, at once.
        held = asyncio.Event()

        async def crashed_holder() -> None:
            async with a.exclusive("user:3"):
                held.set()
                await asyncio.sleep(3600)

        holder = asyncio.create_task(crashed_holder())
        await held.wait()
        await b.execute_one(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND pid <> pg_backend_pid()"
        )
        async with asyncio.timeout(10), b.exclusive("user:3"):
            pass
        holder.cancel()
        with pytest.raises((asyncio.CancelledError, Exception)):
            await holder
    finally:
        await a.close()
        await b.close()


@pytest.fixture
async def two_workers(pg_url: str, library: Library) -> AsyncIterator[tuple[App, App]]:
    clock = FakeClock()
    first = await build_app(Settings(db_path=pg_url), clock=clock, library=library)
    second = await build_app(Settings(db_path=pg_url), clock=clock, library=library)
    try:
        yield first, second
    finally:
        await first.close()
        await second.close()


async def test_one_persons_messages_to_two_workers_are_handled_one_at_a_time(two_workers: tuple[App, App]) -> None:
    first, second = two_workers
    repos = first.repos
    await repos.units.add("P", "VKSND tỉnh P", "tinh")
    unit = await repos.units.add("A", "VKSND khu vực A", "khu_vuc", "P")
    staff = await repos.users.create("test", "staff", "Cán bộ A", unit.id, Role.STAFF)
    [site] = await repos.facilities.import_rows(unit.id, [FacilityInput("Nhà tạm giữ A", "nha_tam_giu")])
    to_first, to_second = FakeChat(first.dispatcher, staff.platform_user_id), FakeChat(second.dispatcher, "staff")
    await to_first.send("/kiemsat")
    await to_second.press(f"ks:f:{site.id}")
    await to_first.press("ks:t:hang_ngay")
    # Five counts at once, alternately to the two workers (a load balancer's round robin):
    # each is one step of the form, so none may be handled from a conversation another is changing.
    chats = (to_first, to_second, to_first, to_second, to_first)
    replies = await asyncio.gather(*(chat.send(str(n)) for n, chat in enumerate(chats, start=5)))
    asked = sorted(next(i for i, p in enumerate(PROMPTS) if p in joined(r)) for r in replies)
    assert asked == [0, 1, 2, 3, 4], [joined(r)[:60] for r in replies]
    conversation = await repos.conversations.load("test", "staff", "staff")
    counts = ("held_tam_giu", "held_tam_giam", "admitted", "released", "overdue")
    assert sorted(conversation.data[k] for k in counts) == [5, 6, 7, 8, 9]  # (any order is a valid form)


async def test_a_senders_start_leaves_the_other_platforms_sends_alone(pg_url: str) -> None:
    db = await open_database(pg_url)
    try:
        repos = Repositories.over(db)
        unit = await repos.units.add("P", "VKSND tỉnh P", "tinh")
        on_zalo = await repos.users.create("zalo", "z1", "Z", unit.id, Role.STAFF)
        on_telegram = await repos.users.create("telegram", "t1", "T", unit.id, Role.STAFF)
        for key, user in (("z", on_zalo), ("t", on_telegram)):
            await repos.outbox.enqueue(key=key, user=user, text="Nhắc", now=NOW)
            [message] = await repos.outbox.due((user.platform,), NOW)
            assert await repos.outbox.begin_attempt(message, NOW) is not None
        # The Telegram sender (re)starts: its own interrupted send is uncertain, Zalo's is not its business.
        assert await repos.outbox.reconcile_interrupted(("telegram",)) == 1
        assert (await repos.outbox.for_key("t")).status == "uncertain"  # type: ignore[union-attr]
        assert (await repos.outbox.for_key("z")).status == "sending"  # type: ignore[union-attr]
    finally:
        await db.close()


async def test_kb_reload_on_one_worker_reaches_the_other(two_workers: tuple[App, App], tmp_path: Path) -> None:
    first, second = two_workers
    data = tmp_path / "data"  # the workers' shared data folder
    shutil.copytree(REPO_ROOT / "knowledge" / "data", data)
    first.services.library, second.services.library = Library(data), Library(data)
    await second.repos.signals.start_following()  # as follow_reloads does when the worker starts
    p = await first.repos.units.add("P", "VKSND tỉnh P", "tinh")
    admin = await first.repos.users.create("test", "admin", "Quản trị", p.id, Role.ADMIN)
    source = data / "kb_thoi_han.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace(OLD_TITLE, "title: " + NEW_TITLE, 1), encoding="utf-8")

    assert "Đã nạp lại" in await FakeChat(first.dispatcher, admin.platform_user_id).text("/kb_reload")
    assert _titles(first) >= {NEW_TITLE} and NEW_TITLE not in _titles(second)
    assert await apply_news(second.services) == [KB_RELOAD]  # the other worker's next poll
    assert NEW_TITLE in _titles(second)
    assert await apply_news(second.services) == [] and await apply_news(first.services) == []  # once each


OLD_TITLE = "title: Thời hạn giải quyết sau khi giữ người trong trường hợp khẩn cấp"
NEW_TITLE = "Thời hạn giải quyết sau khi giữ người khẩn cấp (bản sửa)"


def _titles(app: App) -> set[str]:
    assert app.services.library is not None
    return {entry.title for entry in app.services.library.kb}


async def test_the_senders_lease_passes_at_once_when_its_holders_connection_dies(pg_url: str) -> None:
    a, b = await open_database(pg_url), await open_database(pg_url)
    try:
        first, second = Repositories.over(a).leases, Repositories.over(b).leases
        ttl = timedelta(seconds=60)
        assert await first.acquire("outbox:telegram", "first", NOW, ttl)
        assert await first.acquire("outbox:telegram", "first", NOW + ttl / 3, ttl)  # renewed
        assert not await second.acquire("outbox:telegram", "second", NOW, ttl)
        # The holder's host is lost: the server ends its session, and its lock with it.
        await b.execute_one(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND pid <> pg_backend_pid()"
        )
        # At the next turn, not after 60 s (the server frees the lock when the session has ended,
        # a moment after pg_terminate_backend returns: a few quick turns stand for the next one).
        for _ in range(50):
            if await second.acquire("outbox:telegram", "second", NOW, ttl):
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError("the lease did not pass on after the holder's session ended")
        assert await second.holder("outbox:telegram", NOW) == "second"
        assert not await first.acquire("outbox:telegram", "first", NOW, ttl)  # back, it finds it taken
        await second.release("outbox:telegram", "second")
        assert await first.acquire("outbox:telegram", "first", NOW, ttl)
    finally:
        await a.close()
        await b.close()
