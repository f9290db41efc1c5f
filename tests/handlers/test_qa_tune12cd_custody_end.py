"""Round-12 tuning (tune12c): a tạm giữ told after a tạm giam card, with its end on the card's first day ("nếu
trước đó đã tgiu đủ 3 ngày, hết sáng nay, thì lệnh ghi bao nhiêu ngày") is deducted: tạm giam straight after tạm
giữ starts on the day the tạm giữ ends (TTLT 04/2018 Đ17; FACTS §1: 60 − 3 = 57 days, 02/03 → 27/04/2026). An end
on another day is still asked back. Fake clock: Monday 02/03/2026."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("card", "then"),
    [
        (
            "em chào anh ạ, lệnh tgiam 2 tháng tính từ hôm nay, bị can không bị tgiu ngày nào, thì hết hạn ngày nào ạ",
            "nếu trước đó bị can đã tgiu đủ 3 ngày, hết sáng nay, thì lệnh ghi bao nhiêu ngày, đến hết ngày nào",
        ),
        ("lệnh tgiam 2 tháng tính từ hôm nay thì hết ngày nào", "nếu trước đó tạm giữ 3 ngày, hết hôm nay, thì sao"),
        ("tam giam 2 thang tu hom nay het ngay nao", "neu truoc do tam giu du 3 ngay ket thuc sang nay thi sao"),
    ],
)
async def test_a_custody_ending_on_the_cards_first_day_is_deducted(world: World, card: str, then: str) -> None:
    chat = await world.staff_chat("t12cd-end")
    await chat.text(card)
    text = await chat.text(then)
    assert "57 ngày" in text and "27/04/2026" in text, text


async def test_a_custody_ending_on_another_day_is_asked_back(world: World) -> None:
    chat = await world.staff_chat("t12cd-end2")
    await chat.text("tạm giam 2 tháng từ hôm nay thì đến ngày nào")
    text = await chat.text("trước đó tạm giữ 3 ngày hết hôm qua thì sao")
    assert "57 ngày" not in text and "27/04/2026" not in text, text
