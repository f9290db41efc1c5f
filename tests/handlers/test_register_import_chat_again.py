"""/theodoi_nhap with a sheet the register already holds: the same sheet sent again stores nothing
(every row listed as already there); the unit's own export (/theodoi_xuat) with an event added on
its «Diễn biến» page appends that event to the item once pressed — unless the item changed
between the check and the press, which stores nothing and says so."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from handlers.register import service
from tests.conftest import World
from tests.handlers.test_register_import_chat import GOOD_ROWS, NOW, _send_file, sheet_bytes


async def test_a_sheet_sent_again_stores_nothing_and_an_added_event_is_appended_once(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.head_a)
    await chat.send("/theodoi_nhap")
    await _send_file(chat, "bang.xlsx", sheet_bytes(GOOD_ROWS))
    assert "Đã nhập 2 mục" in "".join(r.text for r in await chat.tap(chat.label("Nhập 2 mục")))
    await chat.send("/theodoi_nhap")
    again = await _send_file(chat, "bang.xlsx", sheet_bytes(GOOD_ROWS))
    assert (
        "2 dòng đã có trong sổ (cùng nhãn, cùng diễn biến hoặc sổ đã ghi thêm sự kiện sau đó), không nhập lại: dòng 4, 5"
        in again
    ), again
    assert "Tệp không có dòng mới nào để nhập" in again and not any("Nhập" in b.text for b in chat.visible())

    [export] = [r for r in await chat.send("/theodoi_xuat") if r.file is not None]
    assert export.file is not None
    pages = load_workbook(io.BytesIO(export.file.data))
    history = pages.worksheets[1]
    ltb = next(r[0] for r in history.iter_rows(min_row=2, values_only=True) if r[1] == "LTB")
    history.append([ltb, "LTB", 2, "Gia hạn", None, None, "01 tháng", None, None, None, None, "05/12/2026"])
    out = io.BytesIO()
    pages.save(out)
    await chat.send("/theodoi_nhap")
    checked = await _send_file(chat, "xuat-them.xlsx", out.getvalue())
    assert "1 dòng có thêm sự kiện mới cho mục đã có trong sổ" in checked and "1 dòng đã có" in checked, checked
    # Meanwhile the item changes (another extension recorded in chat): the press stores nothing.
    [item] = [i for i in await world.app.repos.register.in_scope(world.head_a) if i.label == "LTB"]
    tz = world.app.services.settings.timezone
    await service.record(world.app.repos, world.head_a, item, "extend", {"days": 10}, NOW, tz)
    refused = "".join(r.text for r in await chat.tap(chat.label("Nhập 1 mục")))
    assert "vừa được cập nhật. Chưa lưu gì" in refused, refused
    fresh = await world.app.repos.register.get(world.head_a, item.id)
    assert fresh is not None and [e.data for e in fresh.live_events[1:]] == [{"days": 10}]

    await service.undo_last(world.app.repos, world.head_a, fresh, "ghi nhầm", NOW, tz)
    await chat.send("/theodoi_nhap")
    await _send_file(chat, "xuat-them.xlsx", out.getvalue())
    stored = "".join(r.text for r in await chat.tap(chat.label("Nhập 1 mục")))
    assert "Đã nhập 0 mục theo dõi vào VKSND khu vực A, ghi tiếp sự kiện cho 1 mục đã có" in stored, stored
    fresh = await world.app.repos.register.get(world.head_a, item.id)
    assert fresh is not None and [(e.type, e.data) for e in fresh.live_events[1:]] == [
        ("extend", {"months": 1, "decided_on": "2026-12-05"})
    ]
