"""Round 11 (tune11c): "hổng có tạm giữ trước" (southern "không", and "hok", "khg") says there was no tạm giữ, so a
tạm giam is counted from its own first day with nothing deducted (TTLT 04/2018 Đ17; FACTS §1: 3 months = 90 days,
10/03 + 89 = 07/06/2026, never moved off a Sunday), through the real dispatcher.

Before, the negation was not read: the answer asked for the tạm giữ's days and showed only the dates after 3, 6 or 9
days deducted — none of them the right one."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "last"),
    [
        (
            "bị can bắt tạm giam từ ngày 10/3/2026, hổng có tạm giữ trước, lệnh tgiam 3 tháng thì tới hết ngày nào",
            "Chủ nhật 07/06/2026",
        ),
        ("tam giam 2 thang tu 5/3/2026, hok co tam giu truoc, het ngay nao", "Chủ nhật 03/05/2026"),
        ("tạm giam 1 tháng từ 02/03/2026, trước đó hổng bị tạm giữ, hết ngày nào", "Thứ Ba 31/03/2026"),
        ("bi can tam giam tu 10/3/2026 (khg co tam giu truoc), lenh 3 thang het ngay nao", "Chủ nhật 07/06/2026"),
        ("lệnh tạm giam 4 tháng từ ngày 01/04/2026, hông có tạm giữ, hết ngày nào", "Thứ Tư 29/07/2026"),
    ],
)
async def test_no_custody_said_counts_the_detention_from_its_own_day(world: World, question: str, last: str) -> None:
    chat = await world.staff_chat("nocustody")
    text = await chat.text(question)
    assert f"Ngày cuối cùng: {last}" in text and "tạm giữ 3 ngày (không gia hạn)" not in text, text


async def test_a_custody_said_without_its_days_is_still_asked(world: World) -> None:
    """Neighbour: "trước đó có tạm giữ" without the days: the days are asked, never guessed."""
    chat = await world.staff_chat("nocustody2")
    text = await chat.text("tam giam 2 thang tu 5/3/2026, truoc do co tam giu, het ngay nao")
    assert "cho biết đã tạm giữ bao nhiêu ngày" in text, text
