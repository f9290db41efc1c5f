"""Round 10 (the brief's round-9 leftover): a later stage's detention said with its order's own length and no
category ("tạm giam chuẩn bị xét xử 45 ngày từ 05/03/2026") is counted as the order says, the stage's cap
said (Đ241, Đ278 k2, Đ347 k2); before, the category was asked though the order's days answer it. With a
category and no length, the stage's own card is unchanged. Through the real dispatcher; fake clock Monday
02/03/2026 08:00 (Hà Nội).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "end", "cap"),
    [
        ("tạm giam chuẩn bị xét xử 45 ngày từ 05/03/2026 hết ngày nào", "Thứ Bảy 18/04/2026", "Điều 278"),
        ("tam giam chuan bi xet xu 45 ngay tu 05/03/2026", "18/04/2026", "Điều 278"),
        ("tạm giam cbxx 45 ngày từ 5/3/2026 đến hết ngày nào", "18/04/2026", "Điều 278"),
        ("lệnh tạm giam để chuẩn bị xét xử 2 tháng từ 01/03/2026 hết ngày nào", "29/04/2026", "Điều 278"),
        ("tam giam truy to 30 ngay tu 05/03/2026 het ngay nao", "03/04/2026", "Điều 241"),
        ("tạm giam giai đoạn truy tố 20 ngày kể từ 10/03/2026 thì hết ngày nào", "29/03/2026", "Điều 241"),
        ("tạm giam phúc thẩm 60 ngày từ 01/03/2026 hết ngày nào", "29/04/2026", "Điều 347"),
        (
            "Chị ơi lệnh tạm giam chuẩn bị xét xử 1 tháng từ ngày 02/03/2026 thì hết ngày nào ạ",
            "31/03/2026",
            "Điều 278",
        ),
    ],
)
async def test_a_stage_order_with_its_days_is_counted_as_written(
    world: World, question: str, end: str, cap: str
) -> None:
    chat = await world.staff_chat("staged")
    text = await chat.text(question)
    assert "Ngày cuối cùng:" in text and end in text.split("Ngày cuối cùng:")[1].splitlines()[0], text
    assert cap in text and "tội phạm thuộc loại nào" not in text, text


async def test_a_stage_detention_with_a_category_keeps_its_own_card(world: World) -> None:
    chat = await world.staff_chat("staged2")
    text = await chat.text("tam giam chuan bi xet xu toi nghiem trong tu 05/03/2026 het ngay nao")
    assert "không được vượt quá thời hạn của giai đoạn" in text, text
