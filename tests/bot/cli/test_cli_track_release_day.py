"""A release's day (review8 C22) is in the export and comes back on import: «Từ ngày» of its row on the
«Diễn biến» page, and «Kết thúc theo dõi» on the first page (``Trả tự do / thay đổi biện pháp ngày
dd/mm/yyyy``), read back from either; a day before the item's start or after today is refused (nothing
stored), as in chat."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.__main__ import main
from handlers.register import service
from handlers.register.import_cells import closing_day
from knowledge.deadlines.register_rules import ChainError
from storage.db import open_database
from storage.register_model import NewItem
from storage.repositories import Repositories
from tests.bot.cli.test_cli_track_round_trip import TZ, WHEN, _exported, _install, _seed

RELEASED = {
    "16/2026 REL": (
        {"kind": "tam_giam", "category": "nghiem_trong", "start": "2026-11-01", "months": 2},
        [("release", {"released_on": "2026-12-03"})],
    )
}


def _release_data(path: Path) -> list[dict[str, object]]:
    async def read() -> list[dict[str, object]]:
        db = await open_database(path)
        try:
            repos = Repositories.over(db)
            head = await repos.users.by_platform("test", "h")
            assert head is not None
            items = await repos.register.in_scope(head, open_only=False)
            return [dict(e.data) for i in items for e in i.live_events if e.type == "release"]
        finally:
            await db.close()

    return asyncio.run(read())


def test_the_release_day_goes_out_and_comes_back(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _seed(db_path, RELEASED)
    workbook = _exported(tmp_path, capsys)
    pages = load_workbook(workbook)
    [release] = [r for r in pages.worksheets[1].iter_rows(min_row=2, values_only=True) if r[3] and "Trả tự do" in r[3]]
    assert release[5] == "03/12/2026" and not release[14]  # «Từ ngày»; nothing left in «Dữ liệu khác»
    first = {r[1]: r for r in pages.worksheets[0].iter_rows(min_row=4, values_only=True)}
    assert first["16/2026 REL"][17] == "Trả tự do / thay đổi biện pháp ngày 03/12/2026"
    other = _install(tmp_path, monkeypatch, "other.sqlite3")
    assert main(["track", "import", str(workbook), "--unit", "A"]) == 0, capsys.readouterr().out
    assert _release_data(other) == [{"released_on": "2026-12-03"}]
    # The first page alone (its «Diễn biến» page removed): the day is read from «Kết thúc theo dõi».
    del pages[pages.worksheets[1].title]
    alone = tmp_path / "mot-trang.xlsx"
    pages.save(alone)
    third = _install(tmp_path, monkeypatch, "third.sqlite3")
    assert main(["track", "import", str(alone), "--unit", "A"]) == 0, capsys.readouterr().out
    assert _release_data(third) == [{"released_on": "2026-12-03"}]


def test_a_closing_cell_gives_its_day_only_for_a_release() -> None:
    assert closing_day("Trả tự do / thay đổi biện pháp ngày 3/12/2026") == {"released_on": "2026-12-03"}
    assert closing_day("tra tu do 03/12/2026") == {"released_on": "2026-12-03"}
    assert closing_day("Trả tự do / thay đổi biện pháp") == {}
    assert closing_day("Kết thúc theo dõi 03/12/2026") == {}


@pytest.mark.parametrize(
    ("day", "why"),
    [("2026-10-31", "trước ngày bắt đầu của mục (01/11/2026)"), ("2026-12-07", "07/12/2026 ở tương lai")],
)
def test_a_release_day_before_the_start_or_after_today_is_refused(db_path: Path, day: str, why: str) -> None:
    async def create() -> str:
        db = await open_database(db_path)
        try:
            repos = Repositories.over(db)
            head = await repos.users.by_platform("test", "h")
            unit = await repos.units.by_code("A")
            assert head is not None and unit is not None
            start, _ = RELEASED["16/2026 REL"]
            item = NewItem(unit.id, "X", head.id, start, None, "", (("release", {"released_on": day}),))
            with pytest.raises(ChainError) as refused:
                await service.create(repos, head, [item], WHEN, TZ)  # WHEN: 09:00 06/12/2026 in Hà Nội
            assert await repos.register.in_scope(head, open_only=False) == []
            return refused.value.message_vi
        finally:
            await db.close()

    assert why in asyncio.run(create())
