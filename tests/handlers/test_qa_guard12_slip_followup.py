"""guard12: a slipped "tgia" (tạm giam or thời gian) in a follow-up that asks of an extension ("còn tgia đã gh thì
sao") was read as thời gian, the one reading whose entry the rest of the message found, and answered with the
release rule. "đã gia hạn", "gia hạn thêm", "hết hạn" ask of whatever the word names, as "bao lâu" does: the rest
tells nothing, so the word is asked back, never guessed."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "followup",
    [
        "con tgia da gh thi sao",
        "còn tgia đã gh thì sao",
        "the con tgia gh them thi sao",
        "tgia het han gia han thi sao",
    ],
)
async def test_a_slipped_measure_in_an_extension_followup_is_asked(world: World, followup: str) -> None:
    chat = await world.staff_chat("g12-slip")
    await chat.text("ttg bao truoc khi het han tgiam bn ngay")
    text = await chat.text(followup)
    assert "chưa đọc chắc chữ «tgia»" in text and "Căn cứ" not in text, text


@pytest.mark.parametrize(("question", "figure"), [("tiu gh may lan", "2 lần"), ("tgia dt toi NT bao lau", "tháng")])
async def test_a_slip_the_rest_settles_is_still_read(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("g12-slip-read")).text(question)
    assert figure in text and "chưa đọc chắc" not in text, text
