"""The register's repository and service: append-only events, conditional appends, scope, audit,
the law's limits, and the outbox rows replaced in the same transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.register import service
from handlers.register.plan import state_of
from knowledge.deadlines.register_rules import ChainError
from storage.register_model import NewItem, RegisterConflict
from tests.conftest import World

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 06/12/2026 local


async def _pending(world: World) -> list[tuple[str, str]]:
    rows = await world.app.repos.db.fetchall(
        "SELECT key, next_attempt_at FROM outbox WHERE status = 'pending' ORDER BY next_attempt_at"
    )
    return [(r["key"], r["next_attempt_at"]) for r in rows]


async def _tam_giu(world: World) -> int:
    new = NewItem(
        world.staff_a.unit_id, "12/2026 NVA", world.staff_a.id, {"kind": "tam_giu", "start": "2026-12-06T10:00"}
    )
    (item_id,) = await service.create(world.app.repos, world.staff_a, [new], NOW, TZ)
    return item_id


async def test_a_chain_of_events_is_appended_and_the_expiry_recomputed(world: World) -> None:
    repos = world.app.repos
    item_id = await _tam_giu(world)
    item = await repos.register.get(world.staff_a, item_id)
    assert item is not None
    step = state_of(item).step
    assert step is not None and step.expiry == datetime(2026, 12, 9, 10, 0)
    keys = {k for k, _ in await _pending(world)}
    assert keys == {
        f"reg:{item_id}:1:12h:{world.staff_a.id}",
        f"reg:{item_id}:1:2h:{world.staff_a.id}",
        f"reg:{item_id}:1:esc:{world.head_a.id}",
        f"reg:{item_id}:1:esc:{world.admin_a.id}",
        f"reg:{item_id}:1:esc2:{world.head_a.id}",
        f"reg:{item_id}:1:esc2:{world.admin_a.id}",
    }
    await service.record(repos, world.staff_a, item, "extend", {}, NOW, TZ)
    item = await repos.register.get(world.staff_a, item_id)
    assert item is not None and item.version == 2
    step = state_of(item).step
    assert step is not None and step.expiry == datetime(2026, 12, 12, 10, 0)
    pending = await _pending(world)
    assert pending and all(k.startswith(f"reg:{item_id}:2:") for k, _ in pending)  # the old step's rows are gone
    skipped = await repos.db.fetchval("SELECT COUNT(*) FROM outbox WHERE status = 'skipped'")
    assert skipped == 6
    # Tạm giữ → tạm giam 2 months, deducting the 6 days held (TTLT 04/2018 Đ17).
    assert item is not None
    await service.record(repos, world.staff_a, item, "convert", {"months": 2, "category": "nghiem_trong"}, NOW, TZ)
    item = await repos.register.get(world.staff_a, item_id)
    assert item is not None
    step = state_of(item).step
    assert step is not None and step.kind == "tam_giam" and step.tam_giu_days == 6
    assert step.last_day.isoformat() == "2027-02-03"  # day 1 = 12/12/2026, 60 − 6 = 54 days
    actions = [a.action for a in await repos.audit.for_target("register_item", item_id)]
    assert actions == ["register.create", "register.extend", "register.convert"]


async def test_a_stale_version_loses_and_a_closed_item_takes_no_event(world: World) -> None:
    repos = world.app.repos
    item_id = await _tam_giu(world)
    item = await repos.register.get(world.staff_a, item_id)
    assert item is not None
    await service.record(repos, world.staff_a, item, "extend", {}, NOW, TZ)
    with pytest.raises(RegisterConflict):  # the same read item: another writer was first
        await service.record(repos, world.head_a, item, "release", {}, NOW, TZ)
    fresh = await repos.register.get(world.staff_a, item_id)
    assert fresh is not None
    await service.record(repos, world.staff_a, fresh, "release", {"reason": "tra_tu_do"}, NOW, TZ)
    closed = await repos.register.get(world.staff_a, item_id)
    assert closed is not None and closed.closed_at is not None
    assert await _pending(world) == []
    with pytest.raises(ChainError, match="kết thúc"):
        await service.record(repos, world.staff_a, closed, "extend", {}, NOW, TZ)


async def test_the_law_refuses_extensions_beyond_its_limits(world: World) -> None:
    repos = world.app.repos
    item_id = await _tam_giu(world)
    item = await repos.register.get(world.staff_a, item_id)
    assert item is not None
    with pytest.raises(ChainError, match="tối đa 3 ngày"):
        await service.record(repos, world.staff_a, item, "extend", {"days": 4}, NOW, TZ)
    for _ in range(2):
        await service.record(repos, world.staff_a, item, "extend", {"days": 3}, NOW, TZ)
        item = await repos.register.get(world.staff_a, item_id)
        assert item is not None
    with pytest.raises(ChainError, match="tối đa 2 lần"):
        await service.record(repos, world.staff_a, item, "extend", {}, NOW, TZ)
    assert item.version == 3  # nothing stored by the refusals


async def test_other_units_cannot_see_or_change_an_item(world: World) -> None:
    repos = world.app.repos
    item_id = await _tam_giu(world)
    assert await repos.register.get(world.staff_b, item_id) is None
    assert await repos.register.get(world.admin_b, item_id) is None
    assert await repos.register.in_scope(world.admin_b) == []
    assert [i.id for i in await repos.register.in_scope(world.province_admin)] == [item_id]
    item = await repos.register.get(world.staff_a, item_id)
    assert item is not None
    with pytest.raises(RegisterConflict):
        await service.record(repos, world.admin_b, item, "release", {}, NOW, TZ)
    fresh = await repos.register.get(world.staff_a, item_id)
    assert fresh is not None and fresh.version == 1


async def test_a_wrong_event_is_soft_deleted_with_a_reason(world: World) -> None:
    repos = world.app.repos
    item_id = await _tam_giu(world)
    item = await repos.register.get(world.staff_a, item_id)
    assert item is not None
    await service.record(repos, world.staff_a, item, "extend", {}, NOW, TZ)
    item = await repos.register.get(world.head_a, item_id)
    assert item is not None
    await service.undo_last(repos, world.head_a, item, "ghi nhầm", NOW, TZ)
    item = await repos.register.get(world.head_a, item_id)
    assert item is not None
    assert [(e.seq, e.live, e.delete_reason) for e in item.events] == [(1, True, None), (2, False, "ghi nhầm")]
    step = state_of(item).step
    assert step is not None and step.expiry == datetime(2026, 12, 9, 10, 0)
    assert all(k.startswith(f"reg:{item_id}:3:") for k, _ in await _pending(world))


async def test_bad_input_stores_nothing(world: World) -> None:
    repos = world.app.repos
    bad = [
        NewItem(world.staff_a.unit_id, "x" * 81, world.staff_a.id, {"kind": "tam_giu", "start": "2026-12-06T10:00"}),
        NewItem(world.staff_a.unit_id, "ok", world.staff_a.id, {"kind": "tam_giu", "start": "2026-12-09T10:00"}),
        NewItem(world.staff_a.unit_id, "ok", world.staff_a.id, {"kind": "dieu_tra", "start": "2026-12-01"}),
    ]
    for new in bad:
        with pytest.raises(ChainError):
            await service.create(repos, world.staff_a, [new], NOW, TZ)
    assert await repos.register.in_scope(world.province_admin, open_only=False) == []
    assert await _pending(world) == []
