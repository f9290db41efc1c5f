"""Group commit and the read connection: many users' claims, loads and saves share a few
statements, and none of the per-message promises weakens (one claim per update, no state
lost or mixed up between users, a bad item fails alone, no dirty reads)."""

from __future__ import annotations

import asyncio

import pytest

from bot.app import build_app
from bot.config import Settings
from storage.checkins import CheckinContent
from storage.coalesce import Coalescer
from storage.conversations import Conversation
from storage.db import open_database
from storage.repositories import Repositories
from storage.users import Role, User
from tests.conftest import World
from tests.fakes import FakeChat, FakeClock
from tests.handlers.test_checkin_support import add_sites


async def test_concurrent_claims_are_one_statement_and_each_update_is_claimed_once(settings: Settings) -> None:
    db = await open_database(settings.db_path)
    try:
        updates = Repositories.over(db).updates
        keys = [f"u{i}" for i in range(60)]
        first = await asyncio.gather(*(updates.claim("test", k) for k in keys))
        assert first == [True] * 60
        assert updates._claims.runs < 10  # coalesced: 60 claims, a handful of statements
        # A redelivery, the same key twice in one batch, and new keys mixed together.
        again = await asyncio.gather(
            updates.claim("test", "u5"), updates.claim("test", "n1"), updates.claim("test", "n1")
        )
        assert again == [False, True, False]
        assert await db.fetchval("SELECT COUNT(*) FROM processed_updates") == 61
    finally:
        await db.close()


async def test_a_bad_item_fails_alone_and_the_rest_of_its_batch_is_written(settings: Settings) -> None:
    db = await open_database(settings.db_path)
    try:
        updates = Repositories.over(db).updates
        results = await asyncio.gather(
            updates.claim("test", "a"),
            updates.claim("test", None),  # type: ignore[arg-type]  # violates NOT NULL
            updates.claim("test", "b"),
            return_exceptions=True,
        )
        assert results[0] is True and results[2] is True
        assert isinstance(results[1], Exception) and "not null" in str(results[1]).lower().replace("-", " ")
        stored = {r[0] for r in await db.fetchall("SELECT update_key FROM processed_updates")}
        assert stored == {"a", "b"}
    finally:
        await db.close()


async def test_coalescer_serves_calls_made_during_a_run_with_the_next_run() -> None:
    seen: list[list[int]] = []
    gate = asyncio.Event()

    async def run(items: list[int]) -> list[int]:
        seen.append(items)
        if len(seen) == 1:
            await gate.wait()
        return [i * 10 for i in items]

    batch: Coalescer[int, int] = Coalescer(run)
    first = batch.submit(1)
    await asyncio.sleep(0)  # the first run starts and waits at the "database"
    later = [batch.submit(i) for i in (2, 3, 4)]
    gate.set()
    assert [await f for f in (first, *later)] == [10, 20, 30, 40]
    assert seen == [[1], [2, 3, 4]]


async def test_many_users_at_once_keep_their_own_drafts_across_a_restart(
    world: World, settings: Settings, clock: FakeClock
) -> None:
    sites = await add_sites(world)
    unit_a = world.staff_a.unit_id
    people = [await world.app.repos.users.create("test", f"s{i}", f"Cán bộ {i}", unit_a, Role.STAFF) for i in range(40)]

    async def walk(i: int) -> None:
        chat = FakeChat(world.app.dispatcher, f"s{i}")
        await chat.send("/kiemsat")
        await chat.press(f"ks:f:{sites.a1.id if i % 2 else sites.a2.id}")
        await chat.press("ks:t:dinh_ky")
        for value in (i, i + 1, i % 7):
            await chat.send(str(value))
        if i % 5 == 0:  # some cancel: their rows are deleted in the same batches as others' saves
            await chat.press("ks:cancel")

    await asyncio.gather(*(walk(i) for i in range(len(people))))
    saves = world.app.repos.conversations._saves
    assert saves.runs < saves.items  # saves of different users shared statements

    # A second process on the same file (as after a restart) finds every draft as it was left.
    app = await build_app(settings, clock=clock)
    try:
        for i in range(len(people)):
            conv: Conversation = await app.repos.conversations.load("test", f"s{i}", f"s{i}")
            if i % 5 == 0:
                assert (conv.state, conv.data) == (None, {})
                continue
            assert conv.state == "ks.released"
            draft = conv.data
            assert (draft["held_tam_giu"], draft["held_tam_giam"], draft["admitted"]) == (i, i + 1, i % 7)
            assert draft["facility_id"] == (sites.a1.id if i % 2 else sites.a2.id)
    finally:
        await app.close()


async def test_reads_do_not_see_another_coroutines_uncommitted_transaction(settings: Settings) -> None:
    db = await open_database(settings.db_path)
    inside = asyncio.Event()
    release = asyncio.Event()
    seen_inside: list[int] = []

    async def writer() -> None:
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO units (code, name, level, created_at) VALUES ('X', 'Đơn vị X', 'tinh', 'now')"
            )
            # A read inside the transaction sees its own change...
            seen_inside.append(await db.fetchval("SELECT COUNT(*) FROM units WHERE code = 'X'"))
            inside.set()
            await release.wait()

    try:
        task = asyncio.create_task(writer())
        await inside.wait()
        # ...another coroutine's read does not, until it commits.
        assert await db.fetchval("SELECT COUNT(*) FROM units WHERE code = 'X'") == 0
        release.set()
        await task
        assert seen_inside == [1]
        assert await db.fetchval("SELECT COUNT(*) FROM units WHERE code = 'X'") == 1
    finally:
        await db.close()


@pytest.mark.parametrize("path", [":memory:"])
async def test_an_in_memory_database_reads_its_own_writes(path: str) -> None:
    db = await open_database(path)
    try:
        updates = Repositories.over(db).updates
        assert await updates.claim("test", "1") is True
        assert await db.fetchval("SELECT COUNT(*) FROM processed_updates") == 1
    finally:
        await db.close()


async def test_check_ins_sent_together_share_a_statement_and_a_double_tap_stores_one(
    world: World, clock: FakeClock
) -> None:
    sites = await add_sites(world)
    repos = world.app.repos
    staff = [
        await repos.users.create("test", f"k{i}", f"Cán bộ {i}", world.staff_a.unit_id, Role.STAFF) for i in range(12)
    ]

    def submit(i: int, draft_id: str):  # type: ignore[no-untyped-def]
        content = CheckinContent(sites.a1.id, "hang_ngay", i, 0, 0, 0, 0, notes=f"n{i}")
        return repos.checkins.submit(staff[i], draft_id, content, checked_at=clock.now(), now=clock.now())

    results = await asyncio.gather(*(submit(i, f"d{i}") for i in range(12)), submit(3, "d3"))
    assert repos.checkins._submits.batches.runs < 12
    assert [created for _, created in results] == [True] * 12 + [False]
    assert results[12][0] == results[3][0]  # the double tap gets the stored check-in back
    assert len({c.id for c, _ in results}) == 12
    for i, (checkin, _) in enumerate(results[:12]):
        again = await repos.checkins.get_in_scope(staff[i], checkin.id)
        assert again == checkin and again.content.held_tam_giu == i and again.content.notes == f"n{i}"
    assert await repos.db.fetchval("SELECT COUNT(*) FROM audit WHERE action = 'checkin.create'") == 12


async def test_scope_is_checked_per_item_inside_a_shared_batch(world: World, clock: FakeClock) -> None:
    sites = await add_sites(world)
    repos = world.app.repos
    await repos.facilities.update(world.admin_a, sites.a2.id, active=False)

    def submit(actor: User, facility_id: int, draft_id: str):  # type: ignore[no-untyped-def]
        content = CheckinContent(facility_id, "hang_ngay", 1, 0, 0, 0, 0)
        return repos.checkins.submit(actor, draft_id, content, checked_at=clock.now(), now=clock.now())

    results = await asyncio.gather(
        submit(world.staff_a, sites.a1.id, "own-unit"),
        submit(world.staff_b, sites.a1.id, "other-unit"),  # forged: a facility of unit A
        submit(world.province_admin, sites.b1.id, "province-admin"),  # the units below: allowed
        submit(world.admin_b, sites.a1.id, "sibling-admin"),  # a sibling unit: refused
        submit(world.staff_a, sites.a2.id, "inactive"),
        return_exceptions=True,
    )
    assert [type(r).__name__ for r in results] == ["tuple", "ScopeError", "tuple", "ScopeError", "ScopeError"]
    assert await repos.checkins.count() == 2


def test_a_coalescer_outlives_an_event_loop_closed_in_the_middle_of_a_run() -> None:
    gate: list[asyncio.Event] = []

    async def run(items: list[int]) -> list[int]:
        if not gate:
            gate.append(asyncio.Event())
            await gate[0].wait()  # never set: the loop closes while this run waits
        return [i + 1 for i in items]

    batch: Coalescer[int, int] = Coalescer(run)

    async def first() -> None:
        batch.submit(1)
        batch.submit(2)
        await asyncio.sleep(0.01)

    async def second() -> list[int]:
        return list(await asyncio.gather(batch.submit(3), batch.submit(4)))

    asyncio.run(first())
    assert asyncio.run(second()) == [4, 5]
