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


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("tgiu het 10h 4/3/2026 roi tgiam 2 thang", "vay thuc te lenh tgiam la bao nhieu ngay"),
        ("tam giam 2 thang tu 5/3/2026, truoc do co tam giu, het ngay nao", "lenh ghi may ngay"),
        (
            "tạm giam 2 tháng từ 05/03/2026, trước đó có tạm giữ thì hết ngày nào",
            "vậy lệnh tạm giam thực tế bao nhiêu ngày ạ",
        ),
        ("tam giam 2 thang ke tu ngay het tam giu 04/03/2026 thi het ngay nao", "the lenh tam giam ghi bn ngay"),
    ],
)
async def test_the_orders_days_asked_after_the_custody_was_asked(world: World, first: str, then: str) -> None:
    """ "lệnh thực tế bao nhiêu ngày" after the tạm giữ's days were asked: the order's days per lawful tạm giữ
    (60 − 3 = 57, 60 − 6 = 54, 60 − 9 = 51; Đ118 k4, TTLT 04/2018 Đ17), never one guessed."""
    chat = await world.staff_chat("orderdays")
    asked = await chat.text(first)
    assert "cho biết đã tạm giữ bao nhiêu ngày" in asked, asked
    text = await chat.text(then)
    assert "lệnh tạm giam 57 ngày" in text and "lệnh tạm giam 54 ngày" in text and "lệnh tạm giam 51 ngày" in text, text


async def test_the_custodys_days_still_answer_the_question_asked_back(world: World) -> None:
    """Neighbour: the days given are read with the question kept."""
    chat = await world.staff_chat("orderdays2")
    await chat.text("tam giam 2 thang tu 5/3/2026, truoc do co tam giu, het ngay nao")
    text = await chat.text("da tam giu 6 ngay")
    assert "Thời hạn tạm giam (54 ngày)" in text and "Ngày cuối cùng: Thứ Hai 27/04/2026" in text, text
