"""A tạm giữ dated after a tạm giam's start is another period, not days to deduct from it (TTLT 04/2018 Điều 17
deducts the custody that came before the detention): "tgiam 2 thang tu 01/02/2026 het ngay nao, con tgiu 3 ngay tu 8h
01/03/2026 het luc nao" was one card, the tạm giam of 57 days (2 months less the later custody's 3), ending 29/03
instead of 01/04. Each period is computed on its own now; a custody before the detention is still deducted."""

from __future__ import annotations

import pytest

from tests.conftest import World

PARTS = "Câu hỏi của anh/chị có 2 phần"


@pytest.mark.parametrize(
    "question",
    [
        "tgiam 2 thang tu 01/02/2026 het ngay nao, con tgiu 3 ngay tu 8h 01/03/2026 het luc nao",
        "tạm giam 2 tháng từ 01/02/2026 thì hết ngày nào, còn tạm giữ 3 ngày từ 8h 01/03/2026 hết lúc nào",
        "bị can A tạm giam 2 tháng từ ngày 1/2/2026 hết hạn ngày nào, và người B tạm giữ 3 ngày từ 8h ngày 1/3/2026 thì hết lúc mấy giờ",
        # one question for both: cut where the custody is named
        "tạm giam 2 tháng từ 01/02/2026, còn tạm giữ 3 ngày từ 8h 01/03/2026 thì hết ngày nào",
        "tgiam 2 thang tu 1/2/2026 va tgiu 3 ngay tu 8h 1/3/2026 thi het khi nao",
    ],
)
async def test_a_later_custody_is_its_own_period(world: World, question: str) -> None:
    text = await (await world.staff_chat("l13-separate")).text(question)
    # tạm giam: 2 months = 60 days, 01/02 is day 1: day 60 is 01/04/2026 (no deduction)
    assert "01/04/2026" in text, text
    # tạm giữ: 72 hours from 08:00 01/03/2026: 08:00 04/03/2026
    assert "08:00 ngày 04/03/2026" in text, text
    assert "trừ 3 ngày tạm giữ" not in text and "29/03/2026" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tạm giam 2 tháng từ 04/03/2026, đã tạm giữ 3 ngày thì hết ngày nào",
        "tgiu 3 ngay tu 8h 01/03/2026 roi tgiam 2 thang thi het ngay nao",
    ],
)
async def test_a_custody_before_the_detention_is_still_deducted(world: World, question: str) -> None:
    text = await (await world.staff_chat("l13-chained")).text(question)
    # from 04/03/2026 (the custody's end, or the order's own date), 60 − 3 = 57 days: day 57 is 29/04/2026
    assert "29/04/2026" in text and "57 ngày" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tgiam 2 thang tu 1/2/2026 va tgiam 3 thang tu 1/3/2026 thi het khi nao",
        "lệnh tạm giam 2 tháng từ 01/02/2026, còn lệnh tạm giam 3 tháng từ 01/03/2026 hết ngày nào",
    ],
)
async def test_two_orders_are_each_computed(world: World, question: str) -> None:
    text = await (await world.staff_chat("l13-two-orders")).text(question)
    # 60 days from 01/02/2026 (day 1): 01/04/2026; 90 days from 01/03/2026: 29/05/2026 — never 2 months + 3 days
    assert "01/04/2026" in text and "29/05/2026" in text, text
