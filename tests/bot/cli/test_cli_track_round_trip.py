"""``track export`` then ``track import`` on another install: the workbook's «Diễn biến» page
carries every event (conversions, stage changes, the stage's decision and the extensions with
their days, «Tối đa», open-ended detention, a release), so the other install lists the same
register; importing it again stores nothing; staff may add an event row on that page; a bad
row there is named with its page, row and column; a row naming an item already there with
another history is refused. And the forms the export wrote before (a step's label as the kind,
«theo luật» as the length) are read."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from bot.__main__ import main
from handlers.register import service
from handlers.register.import_history import event_type
from storage.db import open_database
from storage.register_model import NewItem
from storage.repositories import Repositories
from storage.users import Role

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
WHEN = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)
CHAINS = {
    # tạm giữ from 01/11 → tạm giam (day 1 when tạm giữ ends, its days deducted), nghiêm trọng, 2 months;
    # then the one extension of Đ173 k2 b at the law's longest («Tối đa»), decided 05/12/2026.
    "12/2026 NVA": (
        {"kind": "tam_giu", "start": "2026-11-01T09:30"},
        [("convert", {"months": 2, "category": "nghiem_trong"}), ("extend", {"decided_on": "2026-12-05"})],
    ),
    # detention for prosecution (Đ241): the stage's decision of 7 days (Đ240 k1), then the detention extended.
    "13/2026 TTB": (
        {"kind": "tam_giam_truy_to", "category": "nghiem_trong", "start": "2026-12-01", "stage_start": "2026-11-25"},
        [("stage_extend", {"days": 7, "decided_on": "2026-12-05"}), ("extend", {"days": 10})],
    ),
    # ĐBNT detention: three extensions of 4 months, then until the investigation ends (Đ173 k6).
    "14/2026 LVC": (
        {"kind": "tam_giam", "category": "dac_biet_nghiem_trong", "start": "2025-08-01", "months": 4},
        [
            ("extend", {"months": 4}),
            ("extend", {"months": 4}),
            ("extend", {"months": 4}),
            ("extend", {"open_ended": True}),
        ],
    ),
    # an investigation, then prosecution, then released (closed).
    "15/2026 PVD": (
        {"kind": "dieu_tra", "category": "it_nghiem_trong", "start": "2026-09-01"},
        [("stage", {"kind": "truy_to", "start": "2026-11-20"}), ("release", {})],
    ),
}


def _seed(path: Path, chains: dict[str, Any]) -> None:
    async def seed() -> None:
        db = await open_database(path)
        try:
            repos = Repositories.over(db)
            unit = await repos.units.by_code("A")
            assert unit is not None
            head = await repos.users.by_platform("test", "h")
            assert head is not None and head.role is Role.HEAD
            news = [
                NewItem(unit.id, label, head.id, start, None, "ghi chú", tuple(later))
                for label, (start, later) in chains.items()
            ]
            await service.create(repos, head, news, WHEN, TZ)
        finally:
            await db.close()

    asyncio.run(seed())


def _install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> Path:
    """Another install: the same unit and people, an empty register; ``BOT_DB`` points to it."""
    path = tmp_path / name

    async def seed() -> None:
        db = await open_database(path)
        repos = Repositories.over(db)
        await repos.units.add("P", "VKSND tỉnh P", "tinh")
        unit = await repos.units.add("A", "VKSND khu vực A", "khu_vuc", "P")
        await repos.users.create("test", "h", "Lãnh đạo A", unit.id, Role.HEAD)
        await repos.users.create("test", "k", "KSV Một", unit.id, Role.STAFF)
        await db.close()

    asyncio.run(seed())
    monkeypatch.setenv("BOT_DB", str(path))
    return path


def _listed(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert main(["track", "list", "--unit", "A", "--json", "--all"]) == 0
    return {
        row.pop("label"): {k: v for k, v in row.items() if k != "id"} for row in json.loads(capsys.readouterr().out)
    }


def _exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "xuat.xlsx"
    assert main(["track", "export", "--unit", "A", "--out", str(out), "--all"]) == 0
    capsys.readouterr()
    return out


def test_an_exported_workbook_gives_the_same_register_on_another_install(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _seed(db_path, CHAINS)
    before = _listed(capsys)
    assert before["13/2026 TTB"]["stage_cap"] == "2026-12-22" and before["15/2026 PVD"]["closed"] is True
    workbook = _exported(tmp_path, capsys)
    pages = load_workbook(workbook)
    assert [ws.title for ws in pages.worksheets] == ["Theo dõi thời hạn", "Diễn biến"]
    events = [r for r in pages.worksheets[1].iter_rows(min_row=2, values_only=True) if r[1] == "12/2026 NVA"]
    assert [r[3] for r in events] == ["Lệnh ban đầu", "Chuyển tạm giam", "Gia hạn"]
    assert (events[2][6], events[2][11]) == ("tối đa", "05/12/2026")  # the length and the decision's day
    first = {r[1]: r for r in pages.worksheets[0].iter_rows(min_row=4, values_only=True)}
    assert first["12/2026 NVA"][3:7] == (
        "Tạm giam (theo lệnh)",
        "04/11/2026",
        "02 tháng",
        "lần 1: tối đa (quyết định ngày 05/12/2026)",
    )
    assert first["13/2026 TTB"][16] == "07 ngày (quyết định ngày 05/12/2026)"
    assert first["15/2026 PVD"][17] == "Trả tự do / thay đổi biện pháp"

    _install(tmp_path, monkeypatch, "other.sqlite3")
    assert main(["track", "import", str(workbook), "--unit", "A"]) == 0
    out = capsys.readouterr().out
    assert "Đã nhập 4 mục" in out and "khác với cách tính theo luật" not in out, out
    assert _listed(capsys) == before
    assert main(["track", "import", str(workbook), "--unit", "A"]) == 0
    again = capsys.readouterr().out
    assert (
        "Đã nhập 0 mục" in again
        and "4 dòng đã có trong sổ (cùng nhãn, cùng diễn biến hoặc sổ đã ghi thêm sự kiện sau đó), không nhập lại"
        in again
    )
    assert _listed(capsys) == before


def test_staff_add_an_event_on_the_history_page_and_a_bad_row_is_named(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _seed(
        db_path,
        {"16/2026 NVE": ({"kind": "tam_giam_dieu_tra", "category": "rat_nghiem_trong", "start": "2026-10-01"}, [])},
    )
    pages = load_workbook(_exported(tmp_path, capsys))
    history = pages.worksheets[1]
    history.append([1, "16/2026 NVE", 2, "Gia hạn", None, None, "02 tháng", None, None, None, None, "20/01/2027"])
    edited = tmp_path / "sua.xlsx"
    pages.save(edited)
    _install(tmp_path, monkeypatch, "other.sqlite3")
    assert main(["track", "import", str(edited), "--unit", "A"]) == 2
    refused = capsys.readouterr().out
    assert "dòng 4: trang Diễn biến, dòng 3: Ngày quyết định 20/01/2027 ở tương lai" in refused, refused
    history.cell(row=3, column=12, value="05/12/2026")
    history.cell(row=3, column=7, value="hai tháng")
    pages.save(edited)
    assert main(["track", "import", str(edited), "--unit", "A"]) == 2
    assert "trang Diễn biến, dòng 3, cột Thời hạn: thời hạn “hai tháng” không đọc được" in capsys.readouterr().out
    history.cell(row=3, column=7, value="2 thang 40 ngay")
    pages.save(edited)
    assert main(["track", "import", str(edited), "--unit", "A"]) == 2
    too_long = capsys.readouterr().out
    assert "trang Diễn biến, dòng 3: Lần gia hạn thứ 1 tối đa 3 tháng (Điều 173 khoản 2 BLTTHS 2015)" in too_long
    history.cell(row=3, column=7, value="2 tháng")
    pages.save(edited)
    assert main(["track", "import", str(edited), "--unit", "A"]) == 0
    [row] = _listed(capsys).values()
    # 120 days from 01/10/2026 → 28/01/2027, then 60 more (a month of detention is 30 days) → 29/03/2027
    assert row["last_day"] == "2027-03-29" and row["step"] == "Gia hạn tạm giam lần thứ nhất"


def test_after_a_restore_the_later_events_are_appended_and_another_history_is_refused(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The other install holds an older copy (a backup restored): the newer export appends the
    events recorded since to the items it has, in one transaction; a row whose history differs
    from the item's (not an older part of it) refuses the file, naming the item."""
    start = {"kind": "tam_giam_dieu_tra", "category": "rat_nghiem_trong", "start": "2026-10-01"}
    _seed(db_path, {"X1": (start, []), "X2": (start, [])})
    older = _exported(tmp_path, capsys)
    older = older.rename(tmp_path / "cu.xlsx")
    _seed(db_path, {"X3": (start, [("extend", {"months": 2, "decided_on": "2026-12-01"})])})
    newer = _exported(tmp_path, capsys)
    capsys.readouterr()
    monkeypatch.setenv("BOT_DB", str(db_path))
    source = _listed(capsys)

    _install(tmp_path, monkeypatch, "restored.sqlite3")
    assert main(["track", "import", str(older), "--unit", "A"]) == 0
    capsys.readouterr()
    # Since the backup: X1 extended on the first install (its row now has one more event).
    pages = load_workbook(newer)
    pages.worksheets[1].append([1, "X1", 2, "Gia hạn", None, None, "01 tháng", None, None, None, None, "01/12/2026"])
    pages.save(newer)
    assert main(["track", "import", str(newer), "--unit", "A", "--dry-run"]) == 0
    checked = capsys.readouterr().out
    assert "1 dòng đã có trong sổ" in checked and "1 dòng có thêm sự kiện mới cho mục đã có trong sổ" in checked
    assert main(["track", "import", str(newer), "--unit", "A"]) == 0
    assert "Đã nhập 1 mục theo dõi vào VKSND khu vực A, ghi tiếp sự kiện cho 1 mục đã có." in capsys.readouterr().out
    restored = _listed(capsys)
    assert restored["X1"]["step"] == "Gia hạn tạm giam lần thứ nhất" and restored["X2"] == source["X2"]
    assert restored["X3"] == source["X3"] and len(restored) == 3
    # The older workbook again: the register has recorded more since; nothing is stored, nothing refused.
    assert main(["track", "import", str(older), "--unit", "A"]) == 0
    assert "2 dòng đã có trong sổ (cùng nhãn, cùng diễn biến hoặc sổ đã ghi thêm" in capsys.readouterr().out
    assert _listed(capsys) == restored

    pages.worksheets[1].cell(row=pages.worksheets[1].max_row, column=7, value="02 tháng")  # X1's extension, changed
    pages.save(newer)
    assert main(["track", "import", str(newer), "--unit", "A"]) == 2
    out = capsys.readouterr().out
    assert "sổ đã có mục «X1»" in out and "cùng lệnh ban đầu nhưng diễn biến khác" in out, out
    assert _listed(capsys) == restored  # nothing stored


def test_the_forms_the_export_wrote_before_are_read(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The earlier export wrote the running step's label as the kind and «theo luật» for a length
    the law sets: both refused the row before."""
    sheet = tmp_path / "cu.csv"
    sheet.write_text(
        "STT,Nhãn,Biện pháp / giai đoạn,Từ ngày,Thời hạn,Các lần gia hạn,Loại tội\n"
        "1,Y1,Tạm giam để điều tra,01/10/2026,theo luật,,Rất nghiêm trọng\n"
        "2,Y2,Gia hạn tạm giữ lần 1,10:00 04/12/2026,03 ngày,lần 1: 03 ngày,\n",
        encoding="utf-8",
    )
    assert main(["track", "import", str(sheet), "--unit", "A"]) == 0
    capsys.readouterr()
    rows = _listed(capsys)
    assert (rows["Y1"]["kind"], rows["Y1"]["last_day"]) == ("tam_giam_dieu_tra", "2027-01-28")
    assert (rows["Y2"]["kind"], rows["Y2"]["expires"]) == ("tam_giu", "2026-12-10 10:00")


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("Lệnh ban đầu", "start"),
        ("Gia hạn", "extend"),
        ("gia han lan 2", "extend"),
        ("Quyết định gia hạn tạm giam", "extend"),  # the item's own extension, not the stage's
        ("Quyết định gia hạn thời hạn giai đoạn", "stage_extend"),
        ("Gia hạn giai đoạn", "stage_extend"),
        ("Tạm giam cho đến khi kết thúc", "open"),
        ("Chuyển sang tạm giam", "convert"),
        ("Chuyển giai đoạn", "stage"),
        ("Giai đoạn mới", "stage"),
        ("Trả tự do / thay đổi biện pháp", "release"),
        ("Kết thúc theo dõi", "close"),
        ("stage_extend", "stage_extend"),
    ],
)
def test_the_events_staff_type_on_the_history_page(typed: str, kind: str) -> None:
    assert event_type(typed) == kind
