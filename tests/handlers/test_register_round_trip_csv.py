"""The export's first page alone (the workbook saved as CSV keeps only it) is a register sheet
that imports without an error: each item's current stretch — the order, conversion or stage
that began its running kind, with the deducted days, the extensions and their decisions' days,
the stage's decisions, an open-ended step, the release or close — gives the same current state
(binding expiry, the stage's cap, open-ended, extensions of the stretch, closed or not) as the
register it came from (hypothesis, the chains of ``test_register_round_trip``). Cells the export
wrote before and the import could not read («theo luật» lengths, a step's label as the kind) are
read, and a second import of the CSV stores nothing."""

from __future__ import annotations

import asyncio
import csv
import io
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from handlers.register import service
from handlers.register.export import build_workbook
from handlers.register.load import run_import
from handlers.register.plan import state_of
from handlers.register.views import folded
from storage.register_model import Item, NewItem
from tests.handlers.test_register_round_trip import NOW, TZ, _unit, registers


def first_page_csv(workbook: bytes) -> bytes:
    """What «Save as CSV UTF-8» keeps of the workbook: its first page, values as shown."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in load_workbook(io.BytesIO(workbook)).worksheets[0].iter_rows(values_only=True):
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8-sig")


def _current(item: Item) -> tuple[Any, ...]:
    state = state_of(item)
    step = state.step
    return (
        state.closed,
        state.closed_by,
        state.extensions,
        state.open.until if state.open else None,
        (step.kind, step.expiry, step.last_day, step.cap_day, step.capped_from, step.cap_assumed) if step else None,
        state.current.kind if state.current else None,
        state.current.category if state.current else None,
        (item.case_number, item.assignee_name, item.note),
    )


async def _first_page(source_url: str, target_url: str, register: list[Any]) -> None:
    repos, db, unit, head, people = await _unit(source_url)
    try:
        news = [
            NewItem(unit.id, label, people[who].id, start, case, note, tuple(later))
            for label, case, who, note, (start, later) in register
        ]
        await service.create(repos, head, news, NOW, TZ)
        items = await repos.register.in_scope(head, open_only=False, unit_id=unit.id)
        data = first_page_csv(build_workbook(folded(items), unit.name, NOW.astimezone(TZ).replace(tzinfo=None)))
    finally:
        await db.close()
    target, db, unit, head, _ = await _unit(target_url)
    try:
        report = await run_import(target, head, unit, data, "theo-doi.csv", NOW, TZ, dry_run=False)
        assert report.ok and report.stored == len(register), report.text
        assert "khác với cách tính theo luật" not in report.text, report.text
        after = await target.register.in_scope(head, open_only=False, unit_id=unit.id)
        assert {i.label: _current(i) for i in after} == {i.label: _current(i) for i in items}
        again = await run_import(target, head, unit, data, "theo-doi.csv", NOW, TZ, dry_run=False)
        assert again.ok and again.stored == 0 and again.known == len(register), again.text
    finally:
        await db.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_the_first_page_alone_gives_the_same_current_state(register: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_first_page(str(Path(folder) / "a.sqlite3"), str(Path(folder) / "b.sqlite3"), register))
