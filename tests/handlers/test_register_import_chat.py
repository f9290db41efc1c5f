"""/theodoi_nhap through the real dispatcher: a head sends the unit's sheet (XLSX made with
openpyxl), sees the dry run with the disagreements with the law, and stores it with one press;
a second press stores nothing twice, a bad sheet stores nothing, staff are refused."""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from openpyxl import Workbook

from bot.chat import texts
from bot.chat.messages import Document
from handlers.register.chat_import import ImportConfirm
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội
HEADER = [
    "STT",
    "Họ và tên (bị can)",
    "Số TL",
    "Biện pháp",
    "Loại tội",
    "Từ ngày",
    "Thời hạn",
    "Số ngày tạm giữ được trừ",
    "Đến ngày (hết hạn)",
    "KSV thụ lý",
    "Còn lại (ngày)",
]
GOOD_ROWS: list[list[Any]] = [
    [1, "NVA", "12/2026", "Tạm giữ", None, datetime(2026, 12, 5, 9, 30), "03 ngày", None, "08/12/2026 09:30", "", 2],
    # The law's count is 29/01/2027 (day 1 = 04/12/2026, 60 − 3 days); the sheet says 30/01.
    [2, "LTB", "10/2026", "Tạm giam", "nghiêm trọng", "04/12/2026", "02 tháng", 3, "30/01/2027", "Cán bộ A"],
]
BAD_ROWS: list[list[Any]] = [
    [1, "", "1/2026", "Tạm giữ", None, "09h30 05/12/2026", "03 ngày", None, None, "", None],
    [2, "TVC", "2/2026", "Tạm giam", "nghiêm trọng", "31/02/2026", "02 tháng", 0, None, "", None],
    [3, "LVD", "3/2026", "Giam lỏng", None, "01/12/2026", "", None, None, "", None],
]


def sheet_bytes(rows: list[list[Any]]) -> bytes:
    """A sheet in the units' layout: two title rows above the header, an STT column."""
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.append(["BẢNG THEO DÕI THỜI HẠN TẠM GIỮ, TẠM GIAM"])
    ws.append(["(Cập nhật đến ngày 06/12/2026)"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _serving(data: bytes) -> Callable[[], Awaitable[bytes]]:
    async def fetch() -> bytes:
        return data

    return fetch


async def _send_file(chat: FakeChat, name: str, data: bytes) -> str:
    document = Document(f"f-{len(chat.history)}", name, len(data), None, _serving(data))
    return joined(await chat.send_incoming(document=document))


async def _count(world: World) -> int:
    return int(await world.app.repos.db.fetchval("SELECT COUNT(*) FROM register_items"))


async def test_a_head_checks_then_imports_a_sheet_once(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.head_a)
    asked = await chat.text("/theodoi_nhap")
    assert "VKSND khu vực A" in asked and "Số ngày tạm giữ được trừ" in asked and ".xlsx" in asked
    checked = await _send_file(chat, "bang-theo-doi.xlsx", sheet_bytes(GOOD_ROWS))
    assert "Kiểm tra xong: 2 dòng hợp lệ (chạy thử, chưa lưu)" in checked
    assert "dòng 5: bảng ghi 30/01/2027" in checked and "là 29/01/2027" in checked
    assert "dòng 4" not in checked  # the tạm giữ row agrees with the law
    assert await _count(world) == 0  # nothing stored before the press
    confirm = chat.label("Nhập 2 mục")
    pressed = next(data for label, data in buttons(chat.history[-1][1]) if label == confirm)
    stored = joined(await chat.tap(confirm))
    assert "Đã nhập 2 mục theo dõi vào VKSND khu vực A" in stored
    items = {i.label: i for i in await world.app.repos.register.in_scope(world.head_a)}
    assert sorted(items) == ["LTB", "NVA"]
    assert items["LTB"].assignee_id == world.staff_a.id  # "KSV thụ lý" matched to the account
    assert items["NVA"].assignee_id == world.head_a.id  # no prosecutor: the importer
    assert "Bảng cũ ghi hết hạn 30/01/2027" in (items["LTB"].note or "")
    # The same button again (a double tap, or a press from the old message) stores nothing twice.
    again = joined(await chat.press(pressed))
    assert "đã được nhập hoặc đã hủy" in again
    assert await _count(world) == 2
    listing = await chat.text("/theodoi")
    assert "LTB" in listing and "29/01/2027" in listing


async def test_a_sheet_with_three_bad_rows_lists_each_and_stores_nothing(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.head_a)
    await chat.send("/theodoi_nhap")
    refused = await _send_file(chat, "bang.xlsx", sheet_bytes(BAD_ROWS))
    assert "Không nhập: 3 dòng lỗi, chưa lưu gì" in refused
    assert "dòng 4, cột Họ tên / Nhãn: trống" in refused
    assert "dòng 5, cột Từ ngày" in refused and "31/02/2026" in refused
    assert "dòng 6, cột Biện pháp: không nhận ra “Giam lỏng”" in refused
    assert not any("Nhập" in label for label, _ in buttons(chat.history[-1][1]))
    # A forged confirmation for a file never accepted stores nothing.
    forged = joined(await chat.press(ImportConfirm("deadbeef", 3).pack()))
    assert "không lưu thêm gì" in forged
    assert await _count(world) == 0
    # Still in the step: the corrected file is checked, and "hủy" ends the step with nothing stored.
    assert "2 dòng hợp lệ" in await _send_file(chat, "bang-sua.xlsx", sheet_bytes(GOOD_ROWS))
    assert "Đã hủy" in await chat.text("hủy")
    assert await _count(world) == 0


async def test_wrong_file_type_and_files_outside_the_step(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    head = world.chat(world.head_a)
    hint = await _send_file(head, "bang.xlsx", sheet_bytes(GOOD_ROWS))
    assert "/theodoi_nhap" in hint  # a head outside the step is told how to import
    await head.send("/theodoi_nhap")
    assert "không phải .xlsx hoặc .csv" in await _send_file(head, "lenh.pdf", b"%PDF-1.4")
    assert "gửi tệp .xlsx hoặc .csv" in await head.text("đây là bảng")

    async def never() -> bytes:
        raise AssertionError("a file over the limit is not downloaded")

    big = Document("big", "lon.xlsx", 6 * 1024 * 1024, None, never)
    assert "lớn hơn 5 MB" in joined(await head.send_incoming(document=big))
    # In a step that takes no files, a file is answered as before (text and photos only).
    await head.send("/theodoi_moi")
    in_flow = await _send_file(head, "bang.xlsx", sheet_bytes(GOOD_ROWS))
    assert in_flow == texts.UNSUPPORTED.format(extra=" và ảnh")
    assert await _count(world) == 0


async def test_staff_are_refused_by_the_role_check(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    staff = world.chat(world.staff_a)
    assert await staff.text("/theodoi_nhap") == texts.NO_PERMISSION
    answer = await _send_file(staff, "bang.xlsx", sheet_bytes(GOOD_ROWS))
    assert answer == texts.UNSUPPORTED.format(extra="")  # no hint about a command they cannot use
    assert joined(await staff.press(ImportConfirm("deadbeef", 2).pack())) == texts.NO_PERMISSION
    assert await _count(world) == 0


async def test_a_province_admin_chooses_a_unit_of_the_subtree(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.province_admin)
    await chat.send("/theodoi_nhap")
    await chat.tap(chat.label("khu vực B"))
    await _send_file(chat, "bang.xlsx", sheet_bytes(GOOD_ROWS[:1]))
    assert "vào VKSND khu vực B" in joined(await chat.tap("Nhập 1 mục"))
    b_items = await world.app.repos.register.in_scope(world.admin_b)
    assert [i.label for i in b_items] == ["NVA"]
    # Unit A's head cannot choose unit B by a forged button.
    head = world.chat(world.head_a)
    b = await world.app.repos.units.by_code("B")
    assert b is not None
    assert "ngoài phạm vi" in joined(await head.press(f"tdn:u:{b.id}"))


async def test_a_checked_sheet_set_aside_by_another_form_is_imported_once_brought_back(world: World) -> None:
    """The checked rows are a draft: /tinhhan in between sets them aside (bot/chat/drafts.py);
    before, starting it dropped them and the file had to be sent again."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.head_a)
    await chat.send("/theodoi_nhap")
    await _send_file(chat, "bang-theo-doi.xlsx", sheet_bytes(GOOD_ROWS))
    kept = joined(await chat.send("/tinhhan"))
    assert "Việc nhập bảng theo dõi đang làm dở (đến bước «bấm Nhập»)" in kept, kept
    again = joined(await chat.tap("Làm tiếp việc nhập bảng theo dõi"))
    assert "Bảng «bang-theo-doi.xlsx» đã kiểm tra: 2 mục" in again, again
    assert await _count(world) == 0
    assert "Đã nhập 2 mục" in joined(await chat.tap("Nhập 2 mục"))
    assert await _count(world) == 2
