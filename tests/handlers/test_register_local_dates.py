"""Register events are stored in UTC and shown on the local day: an event recorded at 01:30 in Hà
Nội (18:30 UTC the day before) is dated that local day on the item's card."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.register.buttons import OpenItem
from tests.conftest import World
from tests.fakes import buttons, joined

EARLY = datetime(2026, 12, 5, 18, 30, tzinfo=UTC)  # 01:30 Sunday 06/12/2026 in Hà Nội


def _press(replies_buttons: list[tuple[str, str]], label_part: str) -> str:
    return next(data for label, data in replies_buttons if label_part in label)


async def test_an_event_recorded_after_midnight_local_shows_the_local_day(world: World) -> None:
    world.app.services.clock.set(EARLY)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 1h 06/12/2026 hết hạn khi nào")
    await chat.press(_press(buttons(card), "Theo dõi"))
    await chat.send("12/2026 NVA")
    summary = await chat.send("bỏ qua")
    await chat.press(_press(buttons(summary), "Lưu"))
    (item,) = await world.app.repos.register.in_scope(world.staff_a)
    assert item.events[0].recorded_at == EARLY  # stored in UTC
    shown = joined(await chat.press(OpenItem(item.id).pack()))
    events = shown.split("Sự kiện:")[1]
    assert ", 06/12/2026" in events, events
    assert "05/12/2026" not in events
