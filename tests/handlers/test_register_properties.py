"""Properties of the register over random chains (hypothesis), on a real SQLite file each:
every queued reminder lies after its step began (and after the moment it was planned) and before
the step's expiry; escalations come at or after the expiry; after each recorded event no row of
an older step is left pending; the law's refusals store nothing."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.register import service
from handlers.register.plan import state_of
from knowledge.deadlines.register_rules import ChainError
from storage.db import open_database, parse_utc
from storage.register_model import NewItem
from storage.repositories import Repositories
from storage.users import Role

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CATEGORIES = ["it_nghiem_trong", "nghiem_trong", "rat_nghiem_trong", "dac_biet_nghiem_trong"]


@st.composite
def chains(draw: st.DrawFn) -> tuple[dict[str, Any], list[tuple[int, str, dict[str, Any]]]]:
    kind = draw(st.sampled_from(["tam_giu", "tam_giam", "dieu_tra", "nguon_tin", "truy_to", "chuan_bi_xet_xu"]))
    start: dict[str, Any] = {"kind": kind}
    offset = draw(st.integers(0, 60 * 24 * 5))  # minutes before "now"
    begin = datetime(2026, 12, 6, 11, 0) - timedelta(minutes=offset)
    if kind == "tam_giu":
        start["start"] = begin.isoformat(timespec="minutes")
    else:
        start["start"] = begin.date().isoformat()
        start["category"] = draw(st.sampled_from(CATEGORIES))
    if kind == "tam_giam":
        start["months"] = draw(st.integers(1, 4))
    events = []
    for _ in range(draw(st.integers(1, 5))):
        gap = draw(st.one_of(st.integers(0, 60 * 12), st.integers(0, 60 * 24 * 40)))  # minutes before the event
        action = draw(st.sampled_from(["extend", "extend", "convert", "stage", "release"]))
        data: dict[str, Any] = {}
        if action == "extend" and draw(st.booleans()):
            data = {"days": draw(st.integers(1, 40))} if kind != "tam_giu" else {"hours": draw(st.integers(1, 100))}
        if action == "convert":
            data = {"months": draw(st.integers(1, 3)), "category": draw(st.sampled_from(CATEGORIES))}
        if action == "stage":
            data = {"kind": draw(st.sampled_from(["truy_to", "chuan_bi_xet_xu", "tam_giam"])), "months": 1}
        events.append((gap, action, data))
    return start, events


async def _run(path: Path, start: dict[str, Any], events: list[tuple[int, str, dict[str, Any]]]) -> None:
    db = await open_database(path)
    try:
        repos = Repositories.over(db)
        await repos.units.add("P", "Tỉnh", "tinh")
        unit = await repos.units.add("A", "Khu vực A", "khu_vuc", "P")
        staff = await repos.users.create("test", "s", "KSV", unit.id, Role.STAFF)
        await repos.users.create("test", "h", "Lãnh đạo", unit.id, Role.HEAD)
        now = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)
        (item_id,) = await service.create(repos, staff, [NewItem(unit.id, "X", staff.id, start)], now, TZ)
        await _check(repos, staff, item_id, now)
        for gap, action, data in events:
            now += timedelta(minutes=gap)
            item = await repos.register.get(staff, item_id)
            assert item is not None
            if "kind" in data:
                data = {**data, "start": now.astimezone(TZ).date().isoformat()}
            try:
                await service.record(repos, staff, item, action, data, now, TZ)
            except ChainError:
                after = await repos.register.get(staff, item_id)
                assert after is not None and after.version == item.version  # nothing stored
                continue
            await _check(repos, staff, item_id, now)
    finally:
        await db.close()


async def _check(repos: Repositories, staff: Any, item_id: int, now: datetime) -> None:
    item = await repos.register.get(staff, item_id)
    assert item is not None
    state = state_of(item)
    rows = await repos.db.fetchall("SELECT key, next_attempt_at FROM outbox WHERE status = 'pending'")
    if state.closed or state.step is None:
        assert rows == []
        return
    expiry = state.step.expiry.replace(tzinfo=TZ)
    began = state.step.began.replace(tzinfo=TZ)
    for row in rows:
        assert row["key"].startswith(f"reg:{item_id}:{item.version}:"), row["key"]
        at = parse_utc(row["next_attempt_at"])
        if ":esc" in row["key"]:
            assert at >= expiry
        else:
            assert now < at < expiry and at > began, (row["key"], at, began, expiry)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chains())
def test_reminders_belong_to_the_current_step_only(chain: tuple[dict[str, Any], list[Any]]) -> None:
    start, events = chain
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_run(Path(folder) / "bot.sqlite3", start, events))
