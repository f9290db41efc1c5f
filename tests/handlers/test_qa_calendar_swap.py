"""The 2026 Quốc khánh swap no official text confirms, through the dispatcher: a deadline card that depends on
Monday 31/08/2026 being off or Saturday 22/08/2026 being worked says so (round 10)."""

from __future__ import annotations

import pytest

from tests.conftest import World

SWAP = "hoán đổi nghỉ thứ Hai 31/08/2026, làm bù thứ Bảy 22/08/2026 (dịp Quốc khánh) chưa có văn bản chính thức"


@pytest.mark.parametrize(
    ("question", "last_day"),
    [
        ("tuyên án ngày 16/08/2026 thì hạn kháng cáo đến ngày nào", "Thứ Năm 03/09/2026"),
        ("tuyên án sơ thẩm ngày 07/08/2026, kháng cáo hết hạn ngày nào", "Thứ Bảy 22/08/2026"),
    ],
)
async def test_a_card_that_depends_on_the_swap_says_it_may_change(world: World, question: str, last_day: str) -> None:
    card = await (await world.staff_chat("swap")).text(question)
    assert f"hết 24:00 {last_day}" in card and f"Cảnh báo: {SWAP}" in card, card


async def test_a_card_that_does_not_depend_on_it_says_nothing(world: World) -> None:
    card = await (await world.staff_chat("swap")).text("tuyên án ngày 05/08/2026 thì hạn kháng cáo đến ngày nào")
    assert "hết 24:00 Thứ Năm 20/08/2026" in card and "có thể thay đổi" not in card, card
