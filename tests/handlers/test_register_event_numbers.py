"""An item's event list numbers its lines 1, 2, 3 … after a head's deletion of a wrong event (review8 C22):
the deletion takes a version of the item, so the next event's sequence number skips one, and the card
showed «1, 2 [đã xóa], 4». Through the real dispatcher."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.register.buttons import OpenItem
from tests.conftest import World
from tests.fakes import joined

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # 10:00 Monday 07/12/2026 in Hà Nội


async def test_no_number_is_skipped_after_a_deletion(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("tạm giữ từ 10h 06/12/2026 hết hạn khi nào")
    await chat.tap("📋 Theo dõi trong sổ")
    await chat.send("NUM 1")
    await chat.tap("Bỏ qua")
    await chat.tap("Lưu")
    await chat.tap("Gia hạn")
    await chat.send("3 ngày")
    (item,) = await world.app.repos.register.in_scope(world.staff_a)
    head = world.chat(world.head_a)
    await head.press(OpenItem(item.id).pack())
    await head.tap("Xóa sự kiện cuối (ghi nhầm)")
    await head.send("ghi nhầm số ngày")
    await chat.press(OpenItem(item.id).pack())
    await chat.tap("Gia hạn")
    card = joined(await chat.send("2 ngày"))
    events = card.split("Sự kiện:\n", 1)[1].splitlines()
    assert [line.split(".", 1)[0] for line in events] == ["1", "2", "3"], card
    assert "[đã xóa: ghi nhầm số ngày]" in events[1] and events[2].startswith("3. Gia hạn (2 ngày)")
