"""A check-in edit (/lichsu: a new value, a deletion's reason) starts its own step without
dropping what the conversation keeps across forms: a form set aside stays set aside («Làm tiếp»),
and the last calculator card's «📋 Theo dõi trong sổ» still works after the edit (before, the
edit replaced the whole conversation data and the card's inputs were gone)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined
from tests.handlers.test_checkin_support import add_sites, fill_to_summary, send_button

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


async def _submitted(world: World, chat: FakeChat) -> int:
    sites = await add_sites(world)
    await fill_to_summary(chat, sites.a1)
    assert "Đã gửi phiếu kiểm sát" in joined(await chat.press(send_button(chat)))
    [record] = await world.app.repos.checkins.recent(world.staff_a)
    return record.id


async def test_a_form_set_aside_survives_a_check_in_edit(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    checkin = await _submitted(world, chat)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giam để điều tra")
    await chat.press(f"kh:e:{checkin}")
    kept = joined(await chat.press(f"kh:f:{checkin}:notes"))
    assert "Mục theo dõi mới đang làm dở (đến bước «loại tội») vẫn được giữ nguyên" in kept, kept
    saved = joined(await chat.send("Buồng 2 thiếu ánh sáng"))
    assert "Đã lưu thay đổi" in saved and "• mục theo dõi mới (đến bước «loại tội»)" in saved, saved
    asked = joined(await chat.tap("Làm tiếp mục theo dõi mới"))
    assert "Rất nghiêm trọng" in [b for b, _ in buttons(chat.history[-1][1])], asked  # the category, as before


async def test_the_last_card_still_starts_a_register_item_after_an_edit(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    checkin = await _submitted(world, chat)
    card = await chat.send("tạm giữ từ 10h 06/12/2026")
    track = next(data for label, data in buttons(card) if label == "📋 Theo dõi trong sổ")
    await chat.press(f"kh:e:{checkin}")
    await chat.press(f"kh:f:{checkin}:notes")
    assert "Đã lưu thay đổi" in await chat.text("Đã kiểm tra lại")
    await chat.press(f"kh:e:{checkin}")
    await chat.press(f"kh:f:{checkin}:notes")
    assert "Đã hủy" in await chat.text("hủy")
    asked = joined(await chat.press(track))  # the card's button, pressed after the edits
    assert "chưa theo dõi được" not in asked and "nhãn" in asked.lower(), asked
