"""/theodoi through the real dispatcher: creating from a calculator card and step by step, events,
the law's refusals, heads' filters, and other units' items out of reach by any button."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.register.buttons import Act, Confirm, ItemAction, ListView, OpenItem, View
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


def _press(replies_buttons: list[tuple[str, str]], label_part: str) -> str:
    return next(data for label, data in replies_buttons if label_part in label)


async def test_create_from_a_card_then_extend_then_release(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 06/12/2026 hết hạn khi nào")
    asked = await chat.press(_press(buttons(card), "Theo dõi"))
    assert "Không cần họ tên đầy đủ" in joined(asked)
    assert "Số vụ" in await chat.text("12/2026 NVA")
    summary = await chat.send("bỏ qua")
    assert "10:00 Thứ Tư 09/12/2026 — còn 2 ngày 23 giờ" in joined(summary)
    saved = await chat.press(_press(buttons(summary), "Lưu"))
    assert "Đã lưu" in joined(saved) and "Hết hạn: 10:00 Thứ Tư 09/12/2026" in joined(saved)
    # Too long an extension is refused with the article; nothing stored.
    await chat.press(_press(buttons(saved), "Gia hạn"))
    refused = await chat.text("4 ngày")
    assert "tối đa 3 ngày" in refused and "Điều 118" in refused and "Không có gì được lưu" in refused
    extended = await chat.send("3 ngày")
    assert "Hết hạn: 10:00 Thứ Bảy 12/12/2026" in joined(extended)
    listing = await chat.text("/theodoi")
    assert "«12/2026 NVA» — Gia hạn tạm giữ lần thứ nhất: hết 10:00 Thứ Bảy 12/12/2026 (còn 5 ngày 23 giờ)" in listing
    release = await chat.press(_press(buttons(extended), "Trả tự do"))
    done = await chat.press(_press(buttons(release), "Hôm nay"))
    assert "Đã trả tự do / thay đổi biện pháp ngày 06/12/2026; kết thúc theo dõi." in joined(done)
    assert await world.app.repos.db.fetchval("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 0


async def test_the_guided_flow_for_detention_and_bad_input(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    first = await chat.send("/theodoi_moi")
    cats = await chat.press(_press(buttons(first), "Tạm giam (theo lệnh)"))
    anqg = await chat.press(_press(buttons(cats), "Nghiêm trọng"))
    assert "an ninh quốc gia" in joined(anqg)  # Đ173 k5 changes the extensions
    start = await chat.press(_press(buttons(anqg), "Không"))
    assert "Mốc bắt đầu" in joined(start)
    assert "/huy" in await chat.text("31/02/2026")  # no such day: asked again
    assert "tương lai" not in await chat.text("04/12/2026")
    assert "bị tạm giữ bao nhiêu ngày" in await chat.text("2 tháng")
    assert "Nhãn ngắn" in await chat.text("3")  # a number is input here, not a menu choice
    assert "tối đa 80" in await chat.text("x" * 81)
    await chat.send("05/2026 LVB")
    summary = await chat.send("05/2026")
    assert "24:00 Thứ Sáu 29/01/2027" in joined(summary)  # day 1 = 04/12/2026, 60 − 3 = 57 days
    await chat.press(_press(buttons(summary), "Lưu"))
    items = await world.app.repos.register.in_scope(world.staff_a)
    assert [(i.label, i.case_number) for i in items] == [("05/2026 LVB", "05/2026")]


async def test_a_start_in_the_future_is_refused(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    first = await chat.send("/theodoi_moi")
    await chat.press(_press(buttons(first), "Tạm giữ"))
    await chat.tap("Không")  # not ANQG: asked at tạm giữ, it carries into tạm giam (Đ173 k5)
    await chat.send("10h 09/12/2026")
    await chat.send("tg")
    refused = await chat.text("bỏ qua")
    assert "tương lai" in refused
    assert await world.app.repos.register.in_scope(world.staff_a) == []


async def test_other_units_cannot_open_or_change_an_item_by_any_button(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 06/12/2026")
    await chat.press(_press(buttons(card), "Theo dõi"))
    await chat.send("A1")
    summary = await chat.send("bỏ qua")
    await chat.press(_press(buttons(summary), "Lưu"))
    (item,) = await world.app.repos.register.in_scope(world.staff_a)
    for user in (world.staff_b, world.admin_b):
        other = world.chat(user)
        assert "Không tìm thấy" in joined(await other.press(OpenItem(item.id).pack()))
        assert "Không tìm thấy" in joined(await other.press(ItemAction(item.id, Act.EXTEND).pack()))
        assert "Không tìm thấy" in joined(await other.press(Confirm(item.id, Act.CLOSE, item.version).pack()))
        assert "A1" not in await other.text("/theodoi")
        assert "A1" not in joined(await other.press(ListView(View.ALL, 1, world.staff_a.id).pack()))
    fresh = await world.app.repos.register.get(world.staff_a, item.id)
    assert fresh is not None and fresh.version == 1 and fresh.closed_at is None
    # The unit's head sees it, with the filters.
    head = world.chat(world.head_a)
    assert "A1" in await head.text("/theodoi")
    assert "A1" in joined(await head.press(ListView(View.SOON).pack()))
    assert "không có mục" in joined(await head.press(ListView(View.OVERDUE).pack()))
    world.app.services.clock.set(datetime(2026, 12, 9, 4, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    overdue = joined(await head.press(ListView(View.OVERDUE).pack()))
    assert "A1" in overdue and "quá hạn 1 giờ" in overdue


async def test_console_numbers_choose_options(world: World) -> None:
    await world.app.repos.users.create("console", "local", "Q", world.staff_a.unit_id, Role.STAFF)
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = FakeChat(world.app.dispatcher, "local", platform="console")
    first = await chat.send("/theodoi_moi")
    index = next(i for i, (label, _) in enumerate(buttons(first), start=1) if label == "Điều tra vụ án")
    cats = await chat.send(str(index))
    assert "loại nào" in joined(cats)
    await chat.send("2")  # Nghiêm trọng
    await chat.send("2")  # not ANQG
    assert "Nhãn ngắn" in await chat.text("01/12/2026")


async def test_export_in_chat_is_scoped(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 06/12/2026")
    await chat.press(_press(buttons(card), "Theo dõi"))
    await chat.send("A1")
    await chat.press(_press(buttons(await chat.send("bỏ qua")), "Lưu"))
    [mine] = await world.chat(world.head_a).send("/theodoi_xuat")
    assert mine.file is not None and mine.file.filename.startswith("theodoi-A-") and "1 mục" in mine.text
    [other] = await world.chat(world.admin_b).send("/theodoi_xuat")
    assert other.file is None and "Không có mục" in other.text


async def test_conversion_stage_change_and_a_heads_undo_in_chat(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 03/12/2026")  # ended 10:00 06/12/2026, an hour ago
    await chat.press(_press(buttons(card), "Theo dõi"))
    await chat.send("B2")
    saved = await chat.press(_press(buttons(await chat.send("bỏ qua")), "Lưu"))
    assert "quá hạn 1 giờ" in joined(saved)
    await chat.press(_press(buttons(saved), "Chuyển tạm giam"))
    categories = await chat.send("2 tháng")
    converted = await chat.press(_press(buttons(categories), "Nghiêm trọng"))
    # Day 1 = 06/12/2026, the day tạm giữ ended; 60 − 3 days held = 57 days → 31/01/2027.
    assert "Hết hạn: 24:00 Chủ nhật 31/01/2027" in joined(converted)
    # Day 1 and the days deducted shown from the chain (review8 C22), not only what was typed.
    assert "Chuyển tạm giam (từ 06/12/2026, 2 tháng, trừ 3 ngày tạm giữ, nghiêm trọng)" in joined(converted)

    investigation = await world.chat(world.staff_a).send("/theodoi_moi")
    await chat.press(_press(buttons(investigation), "Điều tra vụ án"))
    await chat.press("tdf:category:nghiem_trong")
    await chat.press("tdf:anqg:0")
    await chat.send("01/12/2026")
    await chat.send("C3")
    item = await chat.press(_press(buttons(await chat.send("bỏ qua")), "Lưu"))
    stages = await chat.press(_press(buttons(item), "Giai đoạn mới"))
    asked = await chat.press(_press(buttons(stages), "Truy tố"))
    staged = await chat.press(_press(buttons(asked), "Hôm nay"))
    # Truy tố, tội nghiêm trọng: 20 days from 06/12/2026 → 26/12/2026 (a Saturday) → Monday 28/12.
    assert "Hiện tại: Quyết định việc truy tố" in joined(staged) and "28/12/2026" in joined(staged)
    assert "2. Chuyển giai đoạn (Truy tố, từ 06/12/2026)" in joined(staged)
    assert "Xóa sự kiện cuối" not in joined(staged) and not any("Xóa" in b for b, _ in buttons(staged))

    head = world.chat(world.head_a)
    (c3,) = [i for i in await world.app.repos.register.in_scope(world.head_a) if i.label == "C3"]
    opened = await head.press(OpenItem(c3.id).pack())
    await head.press(_press(buttons(opened), "Xóa sự kiện cuối"))
    undone = joined(await head.send("ghi nhầm giai đoạn"))
    assert "Đã xóa sự kiện cuối" in undone and "[đã xóa: ghi nhầm giai đoạn]" in undone
    assert "Hiện tại: Điều tra vụ án" in undone


async def test_a_head_gives_an_item_to_another_prosecutor(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    other = await world.app.repos.users.create("test", "staff-a2", "Cán bộ A2", world.staff_a.unit_id, Role.STAFF)
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 06/12/2026")
    await chat.press(_press(buttons(card), "Theo dõi"))
    await chat.send("D4")
    await chat.press(_press(buttons(await chat.send("bỏ qua")), "Lưu"))
    (item,) = await world.app.repos.register.in_scope(world.staff_a)
    refused = joined(await chat.press(ItemAction(item.id, Act.ASSIGN).pack()))  # staff: heads only, said so
    assert "Chỉ lãnh đạo đơn vị" in refused and "báo lãnh đạo" in refused
    head = world.chat(world.head_a)
    choices = await head.press(_press(buttons(await head.press(OpenItem(item.id).pack())), "Giao KSV"))
    assert "Cán bộ B" not in joined(choices) and "Cán bộ A2" in str(buttons(choices))
    forged = await head.press(f"tdf:assign:{world.staff_b.id}")  # a person of unit B
    assert "không thuộc đơn vị" in joined(forged)
    done = joined(await head.press(_press(buttons(choices), "Cán bộ A2")))
    assert "Đã giao cho Cán bộ A2" in done and "KSV phụ trách: Cán bộ A2" in done
    rows = await world.app.repos.db.fetchall(
        "SELECT user_id FROM outbox WHERE status = 'pending' AND key LIKE '%:12h:%'"
    )
    assert [r["user_id"] for r in rows] == [other.id]
    assert "D4" in await world.chat(other).text("/theodoi") and "D4" not in await chat.text("/theodoi")
