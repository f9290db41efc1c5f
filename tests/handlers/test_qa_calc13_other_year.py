"""Session 13 (calc13): a follow-up that changes only the year of the card's start ("còn nếu là năm 2027 thì sao"),
through the real dispatcher. Before, the year alone was read as a question about 2027's days off."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # 2027 is not a leap year: 10:00 27/02/2027 + 72 h → 28/02, 01/03, 02/03 = 10:00 02/03/2027
        (
            "tgiữ 3 ngày từ 10h 27/2/2028 hết lúc nào",
            "con neu la nam 2027 thi sao",
            "Trả tự do chậm nhất: 10:00 ngày 02/03/2027",
        ),
        # 2028 is: 10:00 27/02/2028 + 72 h → 28/02, 29/02, 01/03 = 10:00 01/03/2028
        (
            "tạm giữ 3 ngày từ 10h 27/2/2027 thì hết lúc nào",
            "thế năm 2028 thì sao",
            "Trả tự do chậm nhất: 10:00 ngày 01/03/2028",
        ),
        # tạm giam 60 days from 01/03/2027: 01/03 + 59 = 29/04/2027
        (
            "tạm giam 2 tháng từ 01/03/2026 hết ngày nào",
            "thế nếu là năm 2027 thì sao",
            "Trả tự do chậm nhất: 24:00 ngày 29/04/2027",
        ),
        # kháng cáo 15 days from 01/03/2025: 16/03/2025 is a Sunday → Monday 17/03/2025 (Đ134 k1 shift)
        ("khang cao ban an tuyen ngay 1/3/2024 thi han chot ngay nao", "con neu nam 2025 thi sao", "17/03/2025"),
    ],
)
async def test_the_card_in_another_year(world: World, first: str, second: str, expected: str) -> None:
    chat = await world.staff_chat("year13")
    await chat.text(first)
    text = await chat.text(second)
    assert expected in text, text


async def test_a_day_the_year_lacks_is_refused(world: World) -> None:
    chat = await world.staff_chat("year13-leap")
    await chat.text("tam giu 3 ngay tu 8h 29/2/2028 het luc nao")
    text = await chat.text("con nam 2027 thi sao")
    assert text.startswith("Năm 2027 không có ngày 29/02"), text
