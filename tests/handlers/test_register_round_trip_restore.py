"""After a restore (hypothesis): the other install holds an older copy — the export made when each
item had only an early part of its history — and then imports the later export; the later events
are appended to the items it has (as the chat records them: each checked with the law), and the
register is the same as the source's: the same items, events' meaning and computed state. On
SQLite and PostgreSQL (the contract suite's private server)."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.register import service
from handlers.register.export import build_workbook
from handlers.register.load import run_import
from handlers.register.views import folded
from storage.register_model import NewItem
from tests.handlers.test_register_round_trip import NOW, TZ, _state, _summary, _unit, registers
from tests.pg import PgServer

HEALTH = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


async def _restore(source_url: str, target_url: str, register: list[Any], cuts: list[int]) -> None:
    repos, db, unit, head, people = await _unit(source_url)
    local = NOW.astimezone(TZ).replace(tzinfo=None)
    try:
        news = [
            NewItem(unit.id, label, people[who].id, start, case, note, tuple(later[:cut]))
            for (label, case, who, note, (start, later)), cut in zip(register, cuts, strict=True)
        ]
        await service.create(repos, head, news, NOW, TZ)
        older = build_workbook(folded(await repos.register.in_scope(head, open_only=False)), unit.name, local)
        for (label, _, _, _, (_, later)), cut in zip(register, cuts, strict=True):
            for kind, data in later[cut:]:
                [item] = [i for i in await repos.register.in_scope(head, open_only=False) if i.label == label]
                await service.record(repos, head, item, kind, data, NOW, TZ)
        items = await repos.register.in_scope(head, open_only=False, unit_id=unit.id)
        newer = build_workbook(folded(items), unit.name, local)
    finally:
        await db.close()
    target, db, unit, head, _ = await _unit(target_url)
    try:
        first = await run_import(target, head, unit, older, "cu.xlsx", NOW, TZ, dry_run=False)
        assert first.ok and first.stored == len(register), first.text
        later = await run_import(target, head, unit, newer, "moi.xlsx", NOW, TZ, dry_run=False)
        moved = sum(1 for (*_, (_, events)), cut in zip(register, cuts, strict=True) if len(events) > cut)
        assert later.ok and later.stored == 0 and len(later.behind) == moved, later.text
        after = {i.label: i for i in await target.register.in_scope(head, open_only=False, unit_id=unit.id)}
        assert {k: _summary(i) for k, i in after.items()} == {i.label: _summary(i) for i in items}
        assert {k: _state(i) for k, i in after.items()} == {i.label: _state(i) for i in items}
    finally:
        await db.close()


@st.composite
def restores(draw: st.DrawFn) -> tuple[list[Any], list[int]]:
    register = draw(registers())
    return register, [draw(st.integers(0, len(later))) for *_, (_, later) in register]


@settings(max_examples=20, deadline=None, suppress_health_check=HEALTH)
@given(restores())
def test_a_later_export_brings_a_restored_register_up_to_date_on_sqlite(case: tuple[list[Any], list[int]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_restore(str(Path(folder) / "a.sqlite3"), str(Path(folder) / "b.sqlite3"), *case))


@settings(max_examples=6, deadline=None, suppress_health_check=HEALTH)
@given(restores())
def test_a_later_export_brings_a_restored_register_up_to_date_on_postgres(
    pg_server: PgServer, case: tuple[list[Any], list[int]]
) -> None:
    source, target = pg_server.fresh_database(), pg_server.fresh_database()
    try:
        asyncio.run(_restore(source, target, *case))
    finally:
        pg_server.give_back(source)
        pg_server.give_back(target)
