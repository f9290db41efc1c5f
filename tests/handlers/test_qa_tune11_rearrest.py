"""Round 11 (tune_s): a tạm giữ that ended in release, then a tạm giam on a later day told as a story ("tới ngày 16/02
nó vi phạm nên bắt tạm giam 2 tháng"), with the deduction asked again after it ("có trừ 3 ngày tạm giữ không"):
the tạm giam starts on its own day, the tạm giữ's days deducted once (TTLT 04/2018 Đ17, the official 60 − 6 example;
FACTS §1), through the real dispatcher.

Before, a reason between the date and the arrest ("nó vi phạm nên bắt") kept the date from the tạm giam (asked back),
and the days asked again after the tạm giam were read as its own ("2 tháng … 3 ngày": 63 − 3 = 60 days)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "days", "last"),
    [
        (
            "Anh có đối tượng tạm giữ 3 ngày từ 14h ngày 05/01/2026 đến 14h ngày 08/01/2026 rồi thả cho cấm đi khỏi nơi "
            "cư trú. Tới ngày 16/02/2026 nó vi phạm nên bắt tạm giam 2 tháng. Có trừ 3 ngày tạm giữ không em, lệnh ghi "
            "đến hết ngày nào?",
            57,
            "Thứ Hai 13/04/2026",
        ),
        (
            "tạm giữ 6 ngày từ 8h 01/02/2026 rồi thả, ngày 10/03/2026 bị can bỏ trốn nên bắt tạm giam 2 tháng, hết ngày nào",
            54,
            "Thứ Bảy 02/05/2026",
        ),
        (
            "tam giu 3 ngay tu 9h 1/2/2026 roi tha, 1/3/2026 bi can vi pham thi bat tam giam 3 thang, het ngay nao",
            87,
            "Thứ Ba 26/05/2026",
        ),
        (
            "tạm giữ 6 ngày rồi thả, ngày 10/03/2026 bắt tạm giam 2 tháng, có phải trừ 6 ngày tạm giữ không, hết ngày nào",
            54,
            "Thứ Bảy 02/05/2026",
        ),
        ("tam giam 2 thang tu 5/3/2026, tru tam giu 3 ngay thi het ngay nao", 57, "Thứ Năm 30/04/2026"),
    ],
)
async def test_the_rearrest_counts_from_its_day_with_the_custody_deducted_once(
    world: World, question: str, days: int, last: str
) -> None:
    chat = await world.staff_chat("rearrest")
    text = await chat.text(question)
    assert f"Thời hạn tạm giam ({days} ngày)" in text and f"Ngày cuối cùng: {last}" in text, text


async def test_other_days_after_the_detention_are_still_its_own(world: World) -> None:
    """Neighbour: days that are not the tạm giữ's again ("2 tháng 10 ngày") stay the order's length."""
    chat = await world.staff_chat("rearrest2")
    text = await chat.text("tam giam 2 thang 10 ngay tu 5/3/2026, da tam giu 3 ngay thi het ngay nao")
    assert "Thời hạn tạm giam (67 ngày)" in text, text
