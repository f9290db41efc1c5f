"""«Trả tự do / đổi biện pháp» asks the day it happened (review8 C22), through the real dispatcher:
«Hôm nay», «Hôm qua» or a day typed as staff type it; a day before the item's start or after today is
refused with the reason and changes nothing; the day is kept in the event and shown on the card."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.register_model import Item
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, joined

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # 10:00 Monday 07/12/2026 in Hà Nội


async def _tracked(world: World, chat: FakeChat) -> Item:
    """A tạm giữ from 10:00 04/12/2026, saved from its card and extended by 3 days (runs to 10/12)."""
    await chat.send("tạm giữ từ 10h 04/12/2026 hết hạn khi nào")
    await chat.tap("📋 Theo dõi trong sổ")
    await chat.send("REL 1")
    await chat.tap("Bỏ qua")
    await chat.tap("Lưu")
    await chat.tap("Gia hạn")
    await chat.send("3 ngày")
    (item,) = await world.app.repos.register.in_scope(world.staff_a)
    return item


async def _events(world: World, item: Item) -> list[tuple[str, dict[str, object]]]:
    fresh = await world.app.repos.register.get(world.staff_a, item.id)
    assert fresh is not None
    return [(e.type, dict(e.data)) for e in fresh.live_events]


async def test_a_release_asks_its_day_and_refuses_one_before_the_start_or_after_today(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    item = await _tracked(world, chat)
    before = await _events(world, item)
    asked = joined(await chat.tap("Trả tự do / đổi biện pháp"))
    assert "Ngày trả tự do / thay đổi biện pháp?" in asked and "«Hôm nay» (07/12/2026)" in asked, asked
    assert [b.text for b in chat.visible()][:2] == ["Hôm nay", "Hôm qua"]
    early = await chat.text("03/12")
    assert "03/12/2026 trước ngày bắt đầu của mục (04/12/2026)" in early and "Không có gì được lưu" in early, early
    late = await chat.text("08/12/2026")
    assert "08/12/2026 ở tương lai" in late and "Không có gì được lưu" in late, late
    assert await _events(world, item) == before  # refused twice: nothing recorded, still open
    done = await chat.text("05/12")
    assert "Đã trả tự do / thay đổi biện pháp ngày 05/12/2026; kết thúc theo dõi." in done, done
    assert "Trả tự do / thay đổi biện pháp (ngày 05/12/2026)" in done  # the history line
    assert (await _events(world, item))[-1] == ("release", {"released_on": "2026-12-05"})


async def test_the_buttons_and_the_words_staff_type(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    item = await _tracked(world, chat)
    await chat.tap("Trả tự do / đổi biện pháp")
    await chat.tap("Hôm qua")
    assert (await _events(world, item))[-1] == ("release", {"released_on": "2026-12-06"})
    other = world.chat(world.staff_a)
    second = await _second(world, other)
    await other.tap("Trả tự do / đổi biện pháp")
    shown = await other.text("hôm nay")
    assert "ngày 07/12/2026; kết thúc theo dõi" in shown, shown
    assert (await _events(world, second))[-1] == ("release", {"released_on": "2026-12-07"})


async def _second(world: World, chat: FakeChat) -> Item:
    await chat.send("tạm giữ từ 8h 06/12/2026 hết hạn khi nào")
    await chat.tap("📋 Theo dõi trong sổ")
    await chat.send("REL 2")
    await chat.tap("Bỏ qua")
    await chat.tap("Lưu")
    items = await world.app.repos.register.in_scope(world.staff_a)
    return next(i for i in items if i.label == "REL 2")


async def test_cancel_at_the_release_day_changes_nothing(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    item = await _tracked(world, chat)
    before = await _events(world, item)
    await chat.tap("Trả tự do / đổi biện pháp")
    stopped = await chat.text("hủy")
    assert await _events(world, item) == before, stopped


async def test_on_the_console_the_days_are_numbered_options(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    user = await world.app.repos.users.create("console", "rel-console", "KSV Máy", world.staff_a.unit_id, Role.STAFF)
    chat = world.chat(user)
    await chat.send("tạm giữ từ 10h 04/12/2026 hết hạn khi nào")
    await chat.tap("📋 Theo dõi trong sổ")
    await chat.send("REL C")
    await chat.send("bỏ qua")  # the case number: a typed-number step, its buttons not shown on the console
    await chat.tap("Lưu")
    await chat.tap("Trả tự do / đổi biện pháp")
    assert [b.text for b in chat.visible()] == ["Hôm nay", "Hôm qua", "Hủy"]
    done = await chat.send("2")  # «Hôm qua» by its number
    assert "ngày 06/12/2026; kết thúc theo dõi" in joined(done), joined(done)
    (item,) = await world.app.repos.register.in_scope(user, open_only=False)
    assert item.live_events[-1].data == {"released_on": "2026-12-06"}
