"""A unit's own entry found for a question that names no unit (own phrasing, round 7): the entry of no
unit that stands out is the answer, through the dispatcher."""

from __future__ import annotations

from tests.conftest import World


async def test_the_powers_of_the_procuracy_not_one_units_target(world: World) -> None:
    chat = await world.staff_chat("n1")
    text = await chat.text("vks phát hiện giam giữ trái luật thì có quyền gì")
    assert "Căn cứ:" in text and "Phổ Yên" not in text and "trả tự do" in text.lower(), text


async def test_the_units_own_entry_when_the_unit_is_named(world: World) -> None:
    chat = await world.staff_chat("n2")
    text = await chat.text("chỉ tiêu năm 2024 của Phổ Yên về kiểm sát giam giữ")
    assert "Phổ Yên" in text, text
