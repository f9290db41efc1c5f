"""Southern chat spellings ("hông", "mí", "dzậy", "nhiu", "tui") read as the words they stand for,
through the dispatcher (own phrasings, round 7)."""

from __future__ import annotations

from tests.conftest import World


async def test_mi_and_dzay_ask_how_often(world: World) -> None:
    chat = await world.staff_chat("s1")
    text = await chat.text("ks nhà tạm giữ thì mí ngày 1 lần dzậy a")
    assert "hằng ngày" in text.lower() and "Căn cứ:" in text, text


async def test_hong_at_the_end_is_the_question_word(world: World) -> None:
    chat = await world.staff_chat("s2")
    text = await chat.text("ở Cà Mau tạm giữ tối đa mí ngày, có khác chỗ khác hông")
    assert "3 ngày" in text and "Căn cứ:" in text, text
