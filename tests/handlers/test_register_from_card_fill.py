"""«Theo dõi» under a calculator card: only what the card left out is asked (never the label, the
start or the case again), and a buttons-only step takes the button's words typed, on a platform
with buttons too (staff type «nghiêm trọng» rather than look for the button)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.conftest import World
from tests.fakes import buttons, joined

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def _press(replies_buttons: list[tuple[str, str]], label_part: str) -> str:
    return next(data for label, data in replies_buttons if label_part in label)


async def test_a_card_without_category_asks_only_what_is_missing(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giam 2 tháng từ 01/12/2026 hết hạn khi nào")
    asked = [joined(await chat.press(_press(buttons(card), "Theo dõi")))]
    for typed in ("12/2026 NVB", "bỏ qua", "nghiêm trọng", "không", "0"):
        asked.append(joined(await chat.send(typed)))
    assert "Nhãn ngắn" in asked[0] and "Số vụ" in asked[1]
    assert "Tội phạm thuộc loại nào" in asked[2]
    assert "an ninh quốc gia" in asked[3]  # the typed «nghiêm trọng» pressed its button
    assert "tạm giữ bao nhiêu ngày" in asked[4]  # the typed «không» pressed «Không»
    confirm = asked[5]
    assert "Loại tội: Nghiêm trọng" in confirm and "29/01/2027" in confirm
    later = "\n".join(asked[3:])
    assert "Nhãn ngắn" not in later and "Mốc bắt đầu" not in later and "Số vụ" not in later
    saved = joined(await chat.send("lưu"))
    assert "Đã lưu mục theo dõi" in saved and "12/2026 NVB" in saved


async def test_back_from_the_confirmation_goes_step_by_step_again(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giam 2 tháng từ 01/12/2026 hết hạn khi nào")
    await chat.press(_press(buttons(card), "Theo dõi"))
    for typed in ("12/2026 NVB", "bỏ qua", "nghiêm trọng", "không", "0"):
        await chat.send(typed)
    assert "Số vụ" in joined(await chat.send("quay lại"))  # the step before the confirmation


async def test_words_that_are_no_button_still_get_the_hint(world: World) -> None:
    world.app.services.clock.set(NOW)  # type: ignore[attr-defined]
    chat = world.chat(world.staff_a)
    card = await chat.send("tạm giam 2 tháng từ 01/12/2026 hết hạn khi nào")
    await chat.press(_press(buttons(card), "Theo dõi"))
    await chat.send("12/2026 NVB")
    await chat.send("bỏ qua")
    hint = joined(await chat.send("nghiêm"))  # a part of a label is not a press
    assert "bấm một nút" in hint and "Tội phạm thuộc loại nào" in hint
