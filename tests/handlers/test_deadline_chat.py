"""The calculator in chat: the guided flow, free text computed directly, bad dates, reminders."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined


def _press(replies_buttons: list[tuple[str, str]], label_part: str) -> str:
    return next(data for label, data in replies_buttons if label_part in label)


async def test_guided_flow_for_tam_giu(world: World) -> None:
    chat = world.chat(world.staff_a)
    first = await chat.send("/tinhhan")
    replies = await chat.press(_press(buttons(first), "Tạm giữ"))
    assert "ngày và giờ" in joined(replies)
    assert "tính theo giờ" in await chat.text("03/05/2026")  # a date alone is not enough
    card = await chat.send("14h 03/05/2026")
    text = joined(card)
    assert "14:00 ngày 06/05/2026" in text and "14:00 ngày 12/05/2026" in text
    assert [label for label, _ in buttons(card)] == [
        "⏰ Nhắc tôi trước hạn",
        "Nhắc theo gia hạn lần 1",
        "Nhắc theo gia hạn lần 2",
        "📋 Theo dõi trong sổ",
    ]
    conv = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    assert conv.state is None


async def test_guided_flow_for_tam_giam_with_length_and_deduction(world: World) -> None:
    chat = world.chat(world.staff_a)
    first = await chat.send("/tinhhan")
    await chat.press(_press(buttons(first), "Tạm giam (theo"))
    assert "nhập thời hạn" in await chat.text("hai thang")
    await chat.send("2 tháng")
    await chat.send("04/03/2018")
    text = await chat.text("3")
    assert "29/04/2018" in text and "57 ngày" in text
    assert "Trả tự do chậm nhất: 24:00 ngày 29/04/2018" in text


async def test_category_is_asked_when_needed(world: World) -> None:
    chat = world.chat(world.staff_a)
    replies = await chat.send("truy to nhan ho so ngay 2/3/2026")
    assert "thuộc loại nào" in joined(replies)
    text = joined(await chat.press(_press(buttons(replies), "Nghiêm trọng")))
    assert "23/03/2026" in text and "22/03/2026 là ngày nghỉ" in text


async def test_free_text_protest_shows_same_level_and_superior(world: World) -> None:
    text = await world.chat(world.staff_a).text("khang nghi phuc tham ban an tuyen ngay 1/3/2024")
    assert "18/03/2024" in text and "01/04/2024" in text


async def test_bad_dates_are_explained_and_nothing_is_stored(world: World) -> None:
    chat = world.chat(world.staff_a)
    assert "không tồn tại" in await chat.text("tam giu tu 14h 31/02/2026")
    first = await chat.send("/tinhhan")
    await chat.press(_press(buttons(first), "Tạm giữ"))
    for bad in ["29/02/2025 10:00", "01/13/2026 10:00", "03/05/2026 25:00", "tuần sau"]:  # "ngày mai" is a day now
        text = await chat.text(bad)
        assert "/huy" in text, bad
    conv = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    assert conv.state == "dl.start"
    assert await world.app.repos.outbox.count_by_status() == {}


async def test_absurd_length_is_refused(world: World) -> None:
    text = await world.chat(world.staff_a).text("tạm giam 40 tháng từ 04/03/2026")
    assert "/tinhhan" in text and "29/" not in text


async def test_reminder_is_queued_once_and_delivered_at_the_chosen_time(world: World) -> None:
    clock = world.app.services.clock
    clock.set(datetime(2026, 3, 2, 1, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("khang cao ban an tuyen ngay 2/3/2026")
    data = _press(buttons(card), "Nhắc tôi trước hạn")
    # 15 days from Monday 02/03/2026: 17/03/2026, reminded 07:30 three days before, the day before and that day.
    assert "07:30 14/03/2026, 07:30 16/03/2026, 07:30 17/03/2026" in joined(await chat.press(data))
    assert "đã được đặt" in joined(await chat.press(data))
    counts = await world.app.repos.outbox.count_by_status()
    assert counts == {"pending": 3}


async def test_console_numbers_are_input_in_number_steps(world: World) -> None:
    await world.app.repos.users.create("console", "local", "Q", world.staff_a.unit_id, Role.STAFF)
    chat = FakeChat(world.app.dispatcher, "local", platform="console")
    first = await chat.send("/tinhhan")
    index = next(i for i, (label, _) in enumerate(buttons(first), start=1) if label.startswith("Tạm giam (theo"))
    await chat.send(str(index))
    await chat.send("2 tháng")
    await chat.send("04/03/2018")
    assert "29/04/2018" in await chat.text("3")  # "3" is the tạm giữ days, not option 3


async def test_a_category_asked_by_the_earlier_engine_can_still_be_pressed(world: World) -> None:
    """The earlier engine kept its draft under "dl" with no state while the category was asked."""
    from storage.conversations import Conversation

    chat = world.chat(world.staff_a)
    old = {"dl": {"kind": "truy_to", "start": "2026-03-02"}}
    await world.app.repos.conversations.save("test", "staff-a", "staff-a", Conversation(None, old))
    text = joined(await chat.press("dl:c:nt"))
    assert "23/03/2026" in text and "22/03/2026 là ngày nghỉ" in text, text
    conv = await world.app.repos.conversations.load("test", "staff-a", "staff-a")
    assert conv.state is None and "dl" not in conv.data and conv.data["dl_last"]["kind"] == "truy_to"


async def test_going_back_in_the_calculator(world: World) -> None:
    chat = world.chat(world.staff_a)
    await chat.send("/tinhhan")
    await chat.tap("Tạm giam (theo thời hạn ghi trong lệnh)")
    await chat.send("2 tháng")
    assert "Thời hạn ghi trong lệnh tạm giam là bao lâu" in joined(await chat.tap("Quay lại"))
    await chat.send("3 tháng")
    await chat.send("04/03/2018")
    assert "29/05/2018" in await chat.text("3")  # 3 months − 3 days held, day 1 = 04/03/2018
