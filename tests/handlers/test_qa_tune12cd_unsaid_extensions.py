"""Round-12 tuning (tune12d): a tạm giữ extended "đủ 2 lần" or "1 lần (6 ngày)" and then tạm giam: the order's last
day does not depend on each extension's days (the detention starts the day the custody ends and every day of
custody is deducted: TTLT 04/2018 Đ17, FACTS §1), so it is said: 20/02/2026 + 90 − 1 = 20/05/2026."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "tạm giữ 8h 20/2, gh đủ 2 lần rồi chuyển tạm giam 3 tháng, lệnh tgiam ghi đến ngày nào",
        "tam giu tu 8h 20/2 gia han du 2 lan roi tam giam 3 thang thi den ngay nao",
        "tạm giữ 14h 20/2 có gh 1 lần (6 ngày), hết tạm giữ chuyển tạm giam 3 tháng thì hết ngày nào",
        "tgiu 14h 20/2/2026 đã gh 1 lần ( 6 ngày ) rồi chuyển tgiam 3 tháng, lệnh ghi tới ngày nào",
    ],
)
async def test_the_orders_last_day_needs_no_extension_days(world: World, question: str) -> None:
    text = await (await world.staff_chat("t12cd-unsaid")).text(question)
    assert "20/05/2026" in text and "không phụ thuộc" in text, text
