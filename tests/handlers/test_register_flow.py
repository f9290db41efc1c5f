"""/theodoi_moi on the shared flow engine (bot/chat/flow.py): going back, the navigation words,
buttons already on people's screens, and drafts stored by the register's earlier engine."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from storage.conversations import Conversation
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 Sunday 06/12/2026 in Hà Nội


async def _store(world: World, chat: FakeChat, state: str | None, data: dict[str, Any]) -> None:
    """The conversation as the earlier engine left it in the database."""
    await world.app.repos.conversations.save("test", chat.user_id, chat.user_id, Conversation(state, data))


async def _state(world: World, chat: FakeChat) -> Conversation:
    return await world.app.repos.conversations.load("test", chat.user_id, chat.user_id)


async def test_going_back_changes_an_answer_and_the_summary_follows(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")  # not ANQG: asked at tạm giữ, it carries into tạm giam (Đ173 k5)
    assert "Nhãn ngắn" in joined(await chat.send("10h 04/12/2026"))
    assert "Mốc bắt đầu" in joined(await chat.tap("Quay lại"))
    await chat.send("10h 06/12/2026")
    await chat.send("12/2026 NVA")
    summary = joined(await chat.send("bỏ qua"))
    assert "10:00 Thứ Tư 09/12/2026" in summary, summary  # from the corrected start, not 07/12
    saved = joined(await chat.tap("Lưu"))
    assert "Đã lưu" in saved
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    assert item.label == "12/2026 NVA" and item.case_number is None
    assert (await _state(world, chat)).state is None


async def test_typed_cancel_ends_the_form_and_stores_nothing(world: World) -> None:
    """The earlier engine took "hủy" typed at the label step as the label."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")  # not ANQG: asked at tạm giữ, it carries into tạm giam (Đ173 k5)
    await chat.send("10h 06/12/2026")
    assert "Đã hủy" in await chat.text("Hủy")
    assert (await _state(world, chat)).state is None
    assert "Phiên tạo mục theo dõi đã kết thúc" in joined(await chat.press("tdf:save:1"))
    assert await world.app.repos.register.in_scope(world.staff_a) == []


async def test_the_label_cannot_be_skipped(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    await chat.tap("Tạm giữ")
    await chat.tap("Không")  # not ANQG: asked at tạm giữ, it carries into tạm giam (Đ173 k5)
    await chat.send("10h 06/12/2026")
    assert "không bỏ qua được" in await chat.text("bỏ qua")
    assert (await _state(world, chat)).state == "tdf.label"


async def test_buttons_packed_by_the_earlier_engine_still_work(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await chat.send("/theodoi_moi")
    assert "Tội xâm phạm an ninh quốc gia" in joined(await chat.press("tdf:kind:tam_giu"))
    assert "Mốc bắt đầu" in joined(await chat.press("tdf:anqg:0"))
    assert "Nhãn ngắn" in joined(await chat.press("tdf:start:now"))  # 11:00 06/12/2026
    await chat.send("A1")
    summary = joined(await chat.press("tdf:case_number:-"))
    assert "11:00 Thứ Tư 09/12/2026" in summary, summary
    assert "Đã lưu" in joined(await chat.press("tdf:save:1"))
    # A forged or stale choice is refused without moving the form.
    await chat.send("/theodoi_moi")
    assert "không hợp lệ" in joined(await chat.press("tdf:kind:khong_co"))
    assert "không hợp lệ" in joined(await chat.press("tdf:save:1"))  # another step's button
    assert (await _state(world, chat)).state == "tdf.kind"
    assert "Đã hủy" in joined(await chat.press("tdf:cancel:1"))  # the old "Hủy"
    assert (await _state(world, chat)).state is None


async def test_a_draft_stored_by_the_earlier_engine_resumes_where_it_was(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    old = {"kind": "tam_giam", "category": "nghiem_trong", "start": "2026-12-04", "months": 2, "days": 0}
    await _store(world, chat, "td_deduct", {"td": old})
    assert "Nhãn ngắn" in await chat.text("3")  # the tạm giữ days, asked when it was stored
    conversation = await _state(world, chat)
    assert conversation.state == "tdf.label" and "td" not in conversation.data
    await chat.send("05/2026 LVB")
    summary = joined(await chat.send("bỏ qua"))
    assert "24:00 Thứ Sáu 29/01/2027" in summary  # day 1 = 04/12/2026, 60 − 3 = 57 days
    await chat.tap("Lưu")
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    assert item.label == "05/2026 LVB"


async def test_a_summary_shown_by_the_earlier_engine_can_still_be_saved(world: World) -> None:
    """The earlier engine left no state at its summary; "Lưu" on that screen still saves, once."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    old = {"kind": "tam_giu", "start": "2026-12-06T10:00", "label": "B2", "case_number": "7/2026"}
    await _store(world, chat, None, {"td": old, "dl_last": {"kind": "tam_giu", "start": "2026-12-06T10:00"}})
    saved = joined(await chat.press("tdf:save:1"))
    assert "Đã lưu" in saved and "10:00 Thứ Tư 09/12/2026" in saved, saved
    assert "kết thúc" in joined(await chat.press("tdf:save:1"))
    [item] = await world.app.repos.register.in_scope(world.staff_a)
    assert (item.label, item.case_number) == ("B2", "7/2026")
    assert (await _state(world, chat)).data == {"dl_last": {"kind": "tam_giu", "start": "2026-12-06T10:00"}}


async def test_an_earlier_draft_missing_a_field_is_asked_for_it(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    await _store(world, chat, "td_case", {"td": {"kind": "tam_giu", "label": "C3"}})
    assert "tính theo giờ" in await chat.text("06/12/2026")  # taken as the start it lacks
    assert (await _state(world, chat)).state == "tdf.start"


async def test_the_card_still_reminds_after_it_was_tracked(world: World) -> None:
    """The calculator's card outlives the form started from it: its reminder button still works."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 06/12/2026 hết hạn khi nào")
    await chat.tap("📋 Theo dõi trong sổ")
    await chat.send("D4")
    await chat.send("bỏ qua")
    assert "Đã lưu" in joined(await chat.tap("Lưu"))
    remind = next(data for label, data in buttons(card) if label == "⏰ Nhắc tôi trước hạn")
    assert "Đã đặt nhắc" in joined(await chat.press(remind))


async def test_the_card_still_reminds_after_its_form_is_stopped_with_huy(world: World) -> None:
    """/huy (what every step says to type to stop) ends the form, not the card it started from."""
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 06/12/2026 hết hạn khi nào")
    await chat.tap("📋 Theo dõi trong sổ")
    assert "Đã hủy" in await chat.text("/huy")
    assert (await _state(world, chat)).state is None
    remind = next(data for label, data in buttons(card) if label == "⏰ Nhắc tôi trước hạn")
    assert "Đã đặt nhắc" in joined(await chat.press(remind))


async def test_console_numbers_reach_the_navigation(world: World) -> None:
    from storage.users import Role

    await world.app.repos.users.create("console", "local", "Q", world.staff_a.unit_id, Role.STAFF)
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = FakeChat(world.app.dispatcher, "local", platform="console")
    await chat.send("/theodoi_moi")
    await chat.tap("Truy tố")
    await chat.tap("Quay lại")
    assert "Theo dõi thời hạn gì?" in joined(chat.history[-1][1])
