"""Facilities: /coso (list, add, edit, deactivate) with unit scope and audit; the import
from CSV/XLSX (all or nothing, line-numbered errors) in process and through the CLI."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot.__main__ import main
from bot.cli.facilities import import_file
from bot.demo import seed_demo
from handlers.checkin.importer import parse_facilities, read_table
from storage.db import open_database
from storage.repositories import Repositories
from tests.conftest import World
from tests.fakes import buttons, joined
from tests.handlers.test_checkin_support import add_sites

GOOD_CSV = (
    "ten,loai,dia_chi,tan_suat\n"
    "Nhà tạm giữ Công an huyện X,nha_tam_giu,Số 5 đường X,\n"
    "Trại tạm giam Y,Trại tạm giam,Xã Y,hằng ngày\n"
    "Buồng tạm giữ Đồn Biên phòng Z,buong_tam_giu_don_bien_phong,,weekly\n"
)


async def test_add_edit_and_deactivate_through_coso(world: World) -> None:
    chat = world.chat(world.admin_a)
    listing = await chat.send("/coso")
    assert "Chưa có cơ sở" in joined(listing) and ("Thêm cơ sở", "cs:a") in buttons(listing)
    await chat.tap("Thêm cơ sở")
    await chat.send("Nhà tạm giữ Công an khu vực A")
    await chat.tap("Nhà tạm giữ")
    asked = await chat.tap("Bỏ qua")  # no address
    assert ("Hằng ngày (mặc định)", "cs:f:daily") in buttons(asked)
    created = joined(await chat.tap("Hằng ngày (mặc định)"))
    assert "Đã thêm cơ sở" in created and "Tần suất kiểm sát: hằng ngày" in created
    [site] = await world.app.repos.facilities.list_in_scope(world.admin_a)
    await chat.tap("Sửa tên")
    assert "Nhà tạm giữ số 1" in joined(await chat.send("Nhà tạm giữ số 1"))
    await chat.tap("Sửa địa chỉ")
    await chat.send("Số 9 đường A")
    assert "hằng tuần" in joined(await chat.tap("Đổi sang hằng tuần"))
    assert "đã ngừng theo dõi" in joined(await chat.tap("Ngừng theo dõi"))
    assert await world.app.repos.facilities.for_checkin(world.staff_a) == []
    saved = await world.app.repos.facilities.get_in_scope(world.admin_a, site.id)
    assert saved is not None
    assert (saved.name, saved.address, saved.frequency, saved.active) == (
        "Nhà tạm giữ số 1",
        "Số 9 đường A",
        "weekly",
        False,
    )
    audit = await world.app.repos.audit.for_target("facility", site.id)
    assert [a.action for a in audit] == ["facility.create"] + ["facility.update"] * 4
    assert audit[1].before is not None and audit[1].before["name"] == "Nhà tạm giữ Công an khu vực A"


async def test_province_admin_picks_the_unit_and_scope_is_enforced(world: World) -> None:
    sites = await add_sites(world)
    province = world.chat(world.province_admin)
    await province.send("/coso")
    unit_choice = await province.tap("Thêm cơ sở")
    b = await world.app.repos.units.by_code("B")
    assert b is not None and any(data == f"cs:u:{b.id}" for _, data in buttons(unit_choice))
    await province.tap(province.label("VKSND khu vực B"))
    await province.send("Nhà tạm giữ B2")
    await province.tap("Trại tạm giam")
    await province.send("Xã B2")
    assert "hằng tuần" in joined(await province.tap("Hằng tuần (mặc định)"))
    admin_a = world.chat(world.admin_a)
    for data in (f"cs:v:{sites.b1.id}", f"cs:n:{sites.b1.id}", f"cs:x:{sites.b1.id}", f"cs:q:{sites.b1.id}:weekly"):
        assert "không thuộc phạm vi" in joined(await admin_a.press(data)), data
    await admin_a.send("/coso")
    await admin_a.tap("Thêm cơ sở")
    await admin_a.send("X")
    # Words that name no kind ask again with every option; the kind's own words are taken (review8 B11).
    again = joined(await admin_a.send("văn bản thay vì nút"))
    assert "chọn loại cơ sở bằng số" in again and "Loại cơ sở?" in again, again
    assert "Địa chỉ cơ sở?" in joined(await admin_a.send("nhà tạm giữ"))
    assert "Đã hủy" in joined(await admin_a.send("hủy"))
    names = [f.name for f in await world.app.repos.facilities.list_in_scope(world.admin_a, include_inactive=True)]
    assert "Nhà tạm giữ B2" not in names and sites.b1.name not in names and "X" not in names
    assert "Nhà tạm giữ B2" in [f.name for f in await world.app.repos.facilities.list_in_scope(world.admin_b)]


def test_parse_good_csv_with_vietnamese_headers_and_defaults() -> None:
    text = GOOD_CSV.replace("ten,loai,dia_chi,tan_suat", "Tên,Loại,Địa chỉ,Tần suất")
    result = parse_facilities(read_table(text.encode("utf-8-sig"), "x.csv"))
    assert result.errors == []
    assert [(r.name, r.kind, r.frequency) for r in result.rows] == [
        ("Nhà tạm giữ Công an huyện X", "nha_tam_giu", None),
        ("Trại tạm giam Y", "trai_tam_giam", "daily"),
        ("Buồng tạm giữ Đồn Biên phòng Z", "buong_tam_giu_don_bien_phong", "weekly"),
    ]


def test_bad_rows_are_reported_by_line() -> None:
    text = GOOD_CSV + "Trại tạm giam Y,trai_tam_giam,,\n,nha_tam_giu,,\nCơ sở W,nha tu,,thang\n"
    result = parse_facilities(read_table(text.encode(), "x.csv"), existing_names={"Nhà tạm giữ Công an huyện X"})
    assert result.errors[0].startswith("Dòng 2: tên 'Nhà tạm giữ Công an huyện X' bị trùng")
    assert result.errors[1].startswith("Dòng 5: tên 'Trại tạm giam Y' bị trùng")
    assert result.errors[2] == "Dòng 6: thiếu tên cơ sở."
    assert result.errors[3].startswith("Dòng 7: loại 'nha tu' không hợp lệ") and "tần suất 'thang'" in result.errors[3]
    assert "thiếu cột" in parse_facilities([["name", "type"]]).errors[0]
    with pytest.raises(ValueError, match="UTF-8"):
        read_table("ten,loai\nNhà,x\n".encode("cp1258"), "x.csv")
    with pytest.raises(ValueError, match=r"\.csv hoặc \.xlsx"):
        read_table(b"", "x.txt")
    with pytest.raises(ValueError, match="XLSX"):
        read_table(b"not a zip", "x.xlsx")


def _xlsx(rows: list[list[str | None]]) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


async def test_import_is_all_or_nothing(world: World) -> None:
    db = world.app.db.path
    bad = _xlsx([["ten", "loai"], ["Nhà tạm giữ 1", "nha_tam_giu"], ["Nhà tạm giữ 2", "khác"]])
    count, errors = await import_file(db, bad, "ds.xlsx", "A")
    assert count == 0 and errors == [
        "Dòng 3: loại 'khác' không hợp lệ (nhà tạm giữ, trại tạm giam, buồng tạm giữ đồn biên phòng)."
    ]
    assert await world.app.repos.facilities.list_in_scope(world.admin_a) == []
    good = _xlsx([["Tên", "Loại", "Địa chỉ", "Tần suất"], ["Nhà tạm giữ 1", "Nhà tạm giữ", "Số 1", None]])
    assert await import_file(db, good, "ds.xlsx", "A") == (1, [])
    [site] = await world.app.repos.facilities.list_in_scope(world.admin_a)
    assert (site.name, site.kind, site.address, site.frequency) == ("Nhà tạm giữ 1", "nha_tam_giu", "Số 1", "daily")
    count, errors = await import_file(db, good, "ds.xlsx", "A")  # the same file again: duplicates
    assert count == 0 and "bị trùng" in errors[0]
    assert (await import_file(db, good, "ds.xlsx", "ZZ"))[1][0].startswith("Không có đơn vị mã ZZ")


def test_import_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("BOT_DB", str(db_path))
    monkeypatch.chdir(tmp_path)

    async def setup() -> None:
        db = await open_database(db_path)
        await Repositories.over(db).units.add("KV9", "VKSND khu vực 9", "tinh")
        await db.close()

    asyncio.run(setup())
    good = tmp_path / "ds.csv"
    good.write_text(GOOD_CSV, encoding="utf-8-sig")
    assert main(["admin", "facilities", "import", str(good), "--unit", "kv9"]) == 0
    assert "Đã nhập 3 cơ sở cho đơn vị KV9" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("ten,loai\nA,nha_tam_giu\nB,?\n", encoding="utf-8")
    assert main(["admin", "facilities", "import", str(bad), "--unit", "KV9"]) == 2
    out = capsys.readouterr().out
    assert "Không nhập cơ sở nào" in out and "Dòng 3:" in out
    assert main(["admin", "facilities", "import", str(tmp_path / "none.csv"), "--unit", "KV9"]) == 2
    assert "Không mở được tệp" in capsys.readouterr().out


async def test_demo_seeds_facilities(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "demo.sqlite3")
    try:
        repos = Repositories.over(db)
        assert await seed_demo(repos)
        for code in ("DEMO-KV1", "DEMO-KV2", "DEMO-KV3"):
            unit = await repos.units.by_code(code)
            assert unit is not None and await repos.facilities.names_in_unit(unit.id)
    finally:
        await db.close()


async def test_a_facility_half_added_is_set_aside_by_another_form_and_comes_back(world: World) -> None:
    """A head adding a facility checks a deadline first (bot/chat/drafts.py): the typed name is kept."""
    chat = world.chat(world.head_a)
    await chat.send("/coso")
    await chat.tap("Thêm cơ sở")
    await chat.send("Nhà tạm giữ Công an khu vực A")
    kept = joined(await chat.send("/tinhhan"))
    assert "Việc thêm, sửa cơ sở đang làm dở (đến bước «loại cơ sở»)" in kept, kept
    assert "Loại cơ sở?" in joined(await chat.tap("Làm tiếp việc thêm, sửa cơ sở"))
    await chat.tap("Nhà tạm giữ")
    await chat.tap("Bỏ qua")
    assert "Đã thêm cơ sở" in joined(await chat.tap("Hằng ngày (mặc định)"))
    [site] = await world.app.repos.facilities.list_in_scope(world.head_a)
    assert site.name == "Nhà tạm giữ Công an khu vực A"
