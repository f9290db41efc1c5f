"""Session 13 (calc13): a tạm giam of a procedure of its own asked first without a day ("rút gọn thì tạm giam để
điều tra tối đa bao lâu"), then dated in a follow-up that says only "tạm giam" ("nếu bắt tạm giam từ sáng nay thì
hết ngày nào"), through the real dispatcher. Fake clock: Monday 02/03/2026 08:00 (Hà Nội).

Đ459 k3 (FACTS §15 V): summary-procedure detention for investigation at most 20 days; custody days, day 1 the start
day: 02/03 + 19 = 21/03/2026. Before, the follow-up was read as a plain order and its length was asked.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("rut gon thi tgiam de dieu tra toi da bao lau", "neu bat tam giam tu sang nay thi het ngay nao"),
        ("tạm giam theo thủ tục rút gọn để điều tra được bao nhiêu ngày", "vậy tạm giam từ hôm nay thì đến ngày nào"),
        ("vụ rút gọn thì tgiam điều tra mấy ngày vậy", "còn nếu tgiam từ ngày 2/3/2026 thì hết hạn ngày mấy"),
    ],
)
async def test_the_detention_asked_before_is_dated(world: World, first: str, second: str) -> None:
    chat = await world.staff_chat("rutgon13")
    await chat.text(first)
    text = await chat.text(second)
    assert "THỦ TỤC RÚT GỌN" in text and "Điều 459" in text, text
    assert "Trả tự do chậm nhất: 24:00 ngày 21/03/2026" in text, text


async def test_a_plain_order_after_a_plain_question_still_asks_its_length(world: World) -> None:
    chat = await world.staff_chat("rutgon13-plain")
    await chat.text("tạm giam là gì")
    text = await chat.text("nếu bắt tạm giam từ sáng nay thì hết ngày nào")
    assert "thời hạn trong lệnh tạm giam" in text and "/2026" not in text, text
