"""A second part that names a length of its own after "còn" ("khi nào được áp dụng thủ tục rút gọn, còn thời hạn áp
dụng biện pháp điều tra tố tụng đặc biệt") is its own question: it asks how long, not what the first part asks.
Before, the message stayed whole and was answered by one entry of neither part (the rút gọn investigation's 20 days,
a confident wrong answer). Found by the two-part property probe (two entries' questions joined)."""

from __future__ import annotations

from tests.conftest import World


async def test_a_length_named_after_con_is_a_part_of_its_own(world: World) -> None:
    chat = await world.staff_chat("r15-length")
    text = await chat.text(
        "khi nào được áp dụng thủ tục rút gọn, còn thời hạn áp dụng biện pháp điều tra tố tụng đặc biệt"
    )
    assert "2 phần" in text and "Điều 456" in text and "Điều 226" in text, text
    assert "20 ngày" not in text.split("2.")[0], text
