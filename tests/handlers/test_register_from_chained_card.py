"""A tạm giữ chained into a tạm giam in one message ("tạm giữ từ 10h 01/12/2026, hết tạm giữ thì tạm
giam 2 tháng") gives the card of the two-message form: the custody from 10:00 01/12 to 10:00 04/12
(its 3 days, Đ118 k1), the tạm giam from 04/12 with them deducted, 57 days to 29/01/2027 (TTLT 04/2018
Điều 17). «Theo dõi» under it carries that start and those days: never asked again, the register's
end is the card's (asked, a truthful 3 deducted from 01/12 ended on 26/01, three days early)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.chat.messages import Reply
from tests.conftest import World
from tests.fakes import FakeChat, FakeClock, buttons, joined

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def _track(card: list[Reply]) -> str:
    return next(data for label, data in buttons(card) if "Theo dõi" in label)


def _press(replies: list[Reply], label_part: str) -> str:
    return next(data for label, data in buttons(replies) if label_part in label)


async def _register(chat: FakeChat, card: list[Reply]) -> str:
    """Through «Theo dõi» to the confirmation; every question asked, joined."""
    asked = [joined(await chat.press(_track(card)))]
    for typed in ("12/2026 NVB", "bỏ qua", "nghiêm trọng", "không"):
        asked.append(joined(await chat.send(typed)))
        if "Hết hạn:" in asked[-1]:
            break
    return "\n".join(asked)


async def test_the_one_message_chain_shows_the_custody_and_the_register_keeps_it(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h 01/12/2026, hết tạm giữ thì tạm giam 2 tháng")
    text = joined(card)
    assert "Tạm giữ: từ 10:00 Thứ Ba 01/12/2026 đến 10:00 Thứ Sáu 04/12/2026 (3 ngày" in text
    assert "Bắt đầu: Thứ Sáu 04/12/2026 (tính là ngày thứ nhất)" in text
    assert "(2 tháng, trừ 3 ngày tạm giữ = 57 ngày)" in text and "Ngày cuối cùng: Thứ Sáu 29/01/2027" in text
    asked = await _register(chat, card)
    assert "tạm giữ bao nhiêu ngày" not in asked  # the card's days, not asked again
    assert "29/01/2027" in asked and "26/01/2027" not in asked
    saved = joined(await chat.send("lưu"))
    assert "Đã lưu mục theo dõi" in saved and "29/01/2027" in saved


async def test_the_two_message_form_gives_the_same_card(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    one = world.chat(world.staff_a)
    single = joined(await one.send("tạm giữ từ 10h 01/12/2026, hết tạm giữ thì tạm giam 2 tháng"))
    two = await world.staff_chat("two")
    await two.text("tạm giữ từ 10h 01/12/2026 hết hạn khi nào")
    double = await two.text("hết tạm giữ thì tạm giam 2 tháng")
    for line in ("Tạm giữ: từ 10:00", "Bắt đầu:", "Thời hạn tạm giam", "Ngày cuối cùng:", "(2 tháng, trừ"):
        shown = [row for row in single.splitlines() if row.strip(" -").startswith(line)]
        assert shown and all(row in double for row in shown), line


async def test_this_morning_chained_ends_the_same_on_the_card_and_in_the_register(
    world: World, clock: FakeClock
) -> None:
    clock.set(NOW)
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ từ 10h sáng nay, hết tạm giữ thì tạm giam 2 tháng")
    text = joined(card)
    # custody 10:00 06/12 → 10:00 09/12; the tạm giam from 09/12 for 57 days: 03/02/2027 (= 06/12 + 60 − 1).
    assert "Bắt đầu: Thứ Tư 09/12/2026" in text and "Ngày cuối cùng: Thứ Tư 03/02/2027" in text
    # The tạm giam starts in three days: the tạm giữ held now is tracked instead (its end reminded) …
    held = joined(await chat.press(_track(card)))
    assert "trợ lý đưa tạm giữ vào sổ" in held and "Nhãn ngắn" in held, held
    await chat.send("A9")
    saved = await chat.press(_press(await chat.send("bỏ qua"), "Lưu"))
    assert "Hết hạn: 10:00 Thứ Tư 09/12/2026" in joined(saved), joined(saved)
    # … and converted when the order comes, on the card's end (the custody days deducted).
    clock.set(datetime(2026, 12, 9, 11, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
    await chat.press(_press(saved, "Chuyển tạm giam"))
    categories = await chat.send("2 tháng")
    converted = joined(await chat.press(_press(categories, "Nghiêm trọng")))
    assert "Hết hạn: 24:00 Thứ Tư 03/02/2027" in converted, converted


async def test_a_card_counted_from_the_custody_start_hands_over_no_deduction(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giữ 3 ngày từ 10h 01/12/2026 rồi tạm giam 2 tháng hết ngày nào")
    assert "Ngày cuối cùng: Thứ Sáu 29/01/2027" in joined(card)
    asked = await _register(chat, card)
    assert "tạm giữ bao nhiêu ngày" not in asked and "29/01/2027" in asked
