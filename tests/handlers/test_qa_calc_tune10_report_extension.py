"""Round 10 (the brief's round-9 leftover): after a crime report's card, "gia hạn thì sao" names each step by
what the law calls it — a complex case may run to 2 months from the receipt (a longer term, not an
extension), then the VKS may extend once, up to 2 months (BLTTHS 2015 Đ147 k2) — never "gia hạn lần thứ nhất"
for the complex case; a second extension is said not to exist. Through the real dispatcher; fake clock
Monday 02/03/2026 08:00 (Hà Nội).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("nhận tin báo ngày 02/03/2026 hạn giải quyết ngày nào", "gia hạn thì sao"),
        ("tiep nhan tin bao 02/03/2026 han giai quyet den ngay nao", "gh thi sao"),
        ("nhận tin báo ngày 02/03/2026 hạn giải quyết ngày nào", "gia hạn lần 1 thì đến ngày nào"),
        ("cqđt nhận tố giác ngày 10/03/2026, giải quyết đến ngày nào", "còn gia hạn thì tới ngày nào"),
        ("nhận kiến nghị khởi tố 05/03/2026 hạn giải quyết đến ngày nào", "vậy gia hạn thì đến ngày nào"),
        ("tin báo nhận 02/03/2026 thì hạn giải quyết đến ngày nào ạ", "nếu gia hạn thì sao ạ"),
        ("nhan tin bao 02/03/2026 han giai quyet den ngay nao", "gia han lan thu nhat het ngay nao"),
        ("Bên em nhận tin báo về tội phạm ngày 02/03/2026, hạn giải quyết tới ngày nào?", "Gia hạn thì hết ngày nào?"),
    ],
)
async def test_a_complex_case_is_no_extension(world: World, first: str, second: str) -> None:
    chat = await world.staff_chat("report")
    await chat.text(first)
    text = await chat.text(second)
    assert "không phải gia hạn" in text and "Gia hạn 1 lần (2 tháng)" in text, text
    assert "gia hạn lần thứ nhất" not in text, text


async def test_the_dates_and_a_second_extension(world: World) -> None:
    chat = await world.staff_chat("report2")
    await chat.text("nhận tin báo ngày 02/03/2026 hạn giải quyết ngày nào")
    text = await chat.text("gia hạn thì sao")
    assert "04/05/2026" in text and "02/07/2026" in text and "tổng 4 tháng" in text, text
    text = await chat.text("gia hạn lần 2 thì sao")
    assert "Luật chỉ cho gia hạn 1 lần" in text, text
