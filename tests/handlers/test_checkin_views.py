"""The due rule with an injected clock, /homnay, and the monthly export (XLSX opened back
with openpyxl cell by cell, CSV, and the command line)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from bot.cli.export import export_checkins
from handlers.checkin.due import Due, due_status
from handlers.checkin.export import ROW_HEADERS, TOTAL_HEADERS
from storage.facilities import FacilityInput
from tests.conftest import World
from tests.fakes import FakeClock, joined
from tests.handlers.test_checkin_support import add_sites, submit_one

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08:00 Monday 2 March in Hà Nội


def test_daily_rule_uses_the_local_date() -> None:
    just_after_local_midnight = datetime(2026, 3, 1, 17, 10, tzinfo=UTC)  # 00:10 on 2 March local
    late_yesterday = datetime(2026, 3, 1, 16, 50, tzinfo=UTC)  # 23:50 on 1 March local
    assert due_status("daily", just_after_local_midnight, NOW, HCM) is Due.OK
    assert due_status("daily", late_yesterday, NOW, HCM) is Due.DUE
    assert due_status("daily", late_yesterday - timedelta(days=1), NOW, HCM) is Due.OVERDUE
    assert due_status("daily", None, NOW, HCM) is Due.OVERDUE


def test_weekly_rule_due_after_7_days_overdue_after_8() -> None:
    assert due_status("weekly", NOW - timedelta(days=6, hours=23), NOW, HCM) is Due.OK
    assert due_status("weekly", NOW - timedelta(days=7), NOW, HCM) is Due.DUE
    assert due_status("weekly", NOW - timedelta(days=7, hours=23), NOW, HCM) is Due.DUE
    assert due_status("weekly", NOW - timedelta(days=8), NOW, HCM) is Due.OVERDUE
    assert due_status("weekly", None, NOW, HCM) is Due.OVERDUE


def test_a_facility_never_inspected_is_due_in_its_first_period_then_overdue() -> None:
    this_morning = datetime(2026, 3, 1, 17, 5, tzinfo=UTC)  # 00:05 on 2 March local
    late_yesterday = datetime(2026, 3, 1, 16, 55, tzinfo=UTC)  # 23:55 on 1 March local
    assert due_status("daily", None, NOW, HCM, added=this_morning) is Due.DUE
    assert due_status("daily", None, NOW, HCM, added=late_yesterday) is Due.OVERDUE
    assert due_status("weekly", None, NOW, HCM, added=NOW - timedelta(days=7, hours=23)) is Due.DUE
    assert due_status("weekly", None, NOW, HCM, added=NOW - timedelta(days=8)) is Due.OVERDUE
    # Once inspected, the date it was added no longer matters.
    assert due_status("daily", late_yesterday - timedelta(days=1), NOW, HCM, added=this_morning) is Due.OVERDUE


async def test_facilities_added_today_are_due_not_overdue(world: World, clock: FakeClock) -> None:
    head = world.chat(world.head_a)
    for name, kind in (("Nhà tạm giữ mới", "nha_tam_giu"), ("Trại tạm giam mới", "trai_tam_giam")):
        await world.app.repos.facilities.add(world.admin_a, FacilityInput(name, kind), now=clock.now())
    view = await head.text("/homnay")
    assert "2 cơ sở — 0 quá hạn, 2 đến hạn, 0 đã kiểm sát." in view
    assert "đến hạn kiểm sát, chưa kiểm sát lần nào" in _line(view, "Nhà tạm giữ mới")
    clock.advance(days=1)
    view = await head.text("/homnay")
    assert "QUÁ HẠN" in _line(view, "Nhà tạm giữ mới") and "đến hạn" in _line(view, "Trại tạm giam mới")
    clock.advance(days=7)
    assert "QUÁ HẠN" in _line(await head.text("/homnay"), "Trại tạm giam mới")


def _line(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if name in line)


async def test_today_view_with_the_clock(world: World, clock: FakeClock) -> None:
    sites = await add_sites(world)
    await submit_one(world.chat(world.staff_a), sites.a1)
    head = world.chat(world.head_a)
    view = await head.text("/homnay")
    assert view.startswith("Tình hình kiểm sát hôm nay, Thứ Hai 02/03/2026: 2 cơ sở")  # dd/mm/yyyy with the weekday
    assert "đã kiểm sát" in _line(view, sites.a1.name)
    assert "QUÁ HẠN" in _line(view, sites.a2.name) and "chưa kiểm sát lần nào" in _line(view, sites.a2.name)
    assert sites.b1.name not in view  # another unit
    assert view.index(sites.a2.name) < view.index(sites.a1.name)  # overdue before ok
    clock.advance(days=1)
    assert "đến hạn" in _line(await head.text("/homnay"), sites.a1.name)
    clock.advance(days=1)
    assert "QUÁ HẠN" in _line(await head.text("/homnay"), sites.a1.name)
    # A check with people held past their term puts the facility first, loudly.
    await submit_one(world.chat(world.staff_a), sites.a2, counts=("0", "5", "0", "0", "2"))
    view = await head.text("/homnay")
    assert "⚠️ 1 cơ sở" in view and "2 người quá hạn" in _line(view, sites.a2.name)
    assert view.index(sites.a2.name) < view.index(sites.a1.name)
    province = await world.chat(world.province_admin).text("/homnay")
    assert sites.a1.name in province and sites.b1.name in province


async def _month_of_checkins(world: World, clock: FakeClock) -> list[int]:
    sites = await add_sites(world)
    staff_a, staff_b = world.chat(world.staff_a), world.chat(world.staff_b)
    clock.set(datetime(2026, 2, 28, 17, 30, tzinfo=UTC))  # 00:30 on 1 March local: belongs to March
    first = await submit_one(staff_a, sites.a1, counts=("3", "2", "1", "0", "0"))
    clock.set(datetime(2026, 3, 15, 2, 0, tzinfo=UTC))
    second = await submit_one(staff_a, sites.a1, counts=("4", "1", "2", "1", "1"), kind="dot_xuat")
    third = await submit_one(staff_a, sites.a2, counts=("0", "40", "3", "2", "0"), kind="dinh_ky")
    await submit_one(staff_b, sites.b1)  # unit B: not in A's export
    clock.set(datetime(2026, 3, 31, 17, 5, tzinfo=UTC))  # 00:05 on 1 April local: not March
    await submit_one(staff_a, sites.a1)
    clock.set(datetime(2026, 4, 2, 1, 0, tzinfo=UTC))
    return [first, second, third]


async def test_xlsx_export_cell_by_cell(world: World, clock: FakeClock) -> None:
    first, second, third = await _month_of_checkins(world, clock)
    replies = await world.chat(world.head_a).send("/xuat 2026-03")
    assert "3 phiếu" in joined(replies)
    file = replies[0].file
    assert file is not None and file.filename == "kiemsat-A-2026-03.xlsx"
    wb = load_workbook(io.BytesIO(file.data))
    ws = wb["Phiếu kiểm sát"]
    assert [c.value for c in ws[1]] == list(ROW_HEADERS)
    assert ws.freeze_panes == "A2"
    assert ws.max_row == 4
    row = [c.value for c in ws[2]]
    assert row[:7] == [
        1,
        datetime(2026, 3, 1),
        "00:30",
        "A",
        "Nhà tạm giữ Công an khu vực A",
        "Nhà tạm giữ",
        "Hằng ngày",
    ]
    assert row[7:12] == [3, 2, 1, 0, 0]
    assert row[12:] == [None, None, None, 0, None, "Cán bộ A", first]
    assert ws["B2"].number_format == "DD/MM/YYYY"
    assert [c.value for c in ws[3]][6:12] == ["Đột xuất", 4, 1, 2, 1, 1]
    assert ws["S3"].value == second and ws["S4"].value == third and ws["E4"].value == "Trại tạm giam A"
    assert ws.column_dimensions["E"].width >= len("Nhà tạm giữ Công an khu vực A")
    assert 6 <= ws.column_dimensions["A"].width <= 50
    totals = wb["Tổng hợp theo cơ sở"]
    assert [c.value for c in totals[1]] == list(TOTAL_HEADERS)
    assert [c.value for c in totals[2]] == ["A", "Nhà tạm giữ Công an khu vực A", 2, 3, 1, 1, 0, datetime(2026, 3, 15)]
    assert [c.value for c in totals[3]] == ["A", "Trại tạm giam A", 1, 3, 2, 0, 0, datetime(2026, 3, 15)]
    assert totals.max_row == 3 and totals.freeze_panes == "A2"


async def test_csv_export_and_bad_months(world: World, clock: FakeClock) -> None:
    first, _, _ = await _month_of_checkins(world, clock)
    head = world.chat(world.head_a)
    replies = await head.send("/xuat 2026-03 csv")
    file = replies[0].file
    assert file is not None and file.filename.endswith(".csv") and file.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(file.data.decode("utf-8-sig"))))
    assert rows[0] == list(ROW_HEADERS) and len(rows) == 4
    assert rows[1][:4] == ["1", "01/03/2026", "00:30", "A"] and rows[1][-1] == str(first)
    assert "không hợp lệ" in await head.text("/xuat 2026-13")
    assert "Cú pháp" in await head.text("/xuat 2026-03 pdf")
    # One way to write months: MM/YYYY as the assistant writes them, YYYY-MM, "tháng 3/2026";
    # no month is this month (the clock stands in April 2026 here).
    for typed in ("03/2026 csv", "tháng 3/2026 csv", "3-2026 csv"):
        same = (await head.send(f"/xuat {typed}"))[0].file
        assert same is not None and same.data == file.data, typed
    this_month = await head.text("/xuat")
    assert this_month.startswith("Phiếu kiểm sát tháng 04/2026:") or "Tháng 04/2026 chưa có phiếu" in this_month
    assert "chưa có phiếu" in await head.text("/xuat 2026-05")


async def test_export_command_line(world: World, clock: FakeClock, tmp_path: Path) -> None:
    await _month_of_checkins(world, clock)
    db = world.app.db.path
    data, count, error = await export_checkins(db, "P", "2026-03", tmp_path / "p.xlsx", HCM)
    assert error == "" and count == 4  # the province includes unit B
    assert load_workbook(io.BytesIO(data))["Phiếu kiểm sát"].max_row == 5
    data, count, error = await export_checkins(db, "A", "2026-03", tmp_path / "a.csv", HCM)
    assert count == 3 and data.startswith(b"\xef\xbb\xbf")
    assert "đuôi .xlsx" in (await export_checkins(db, "A", "2026-03", tmp_path / "a.pdf", HCM))[2]
    assert "Không có đơn vị" in (await export_checkins(db, "ZZ", "2026-03", tmp_path / "z.csv", HCM))[2]
    assert "không hợp lệ" in (await export_checkins(db, "A", "13/2026", tmp_path / "z.csv", HCM))[2]
    same, count, _ = await export_checkins(db, "A", "03/2026", tmp_path / "a2.csv", HCM)
    assert count == 3 and same == data
