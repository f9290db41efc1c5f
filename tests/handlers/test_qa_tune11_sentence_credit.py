"""Round 11 (tune11b): the days of tạm giữ and tạm giam credited against a sentence are added, one day for one
day of prison (BLHS 2015 Đ38 k1) or three of cải tạo không giam giữ (Đ36 k1), through the real dispatcher.

Before, "bị tạm giữ 6 ngày, tạm giam 54 ngày, tòa xử 2 năm tù thì được trừ bao nhiêu ngày" was read as a tạm
giam order with its tạm giữ deducted (54 − 6 = 48 days: a confident wrong), and "… thì tổng bao nhiêu ngày"
then "nếu bị xử 3 năm tù thì được trừ bao nhiêu ngày" answered an unverified entry without the days.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("bi can bi tgiu 6 ngay, tgiam 54 ngay, toa xu 2 nam tu thi duoc tru bao nhieu ngay", "60"),
        ("Bị cáo đã bị tạm giữ 3 ngày và tạm giam 87 ngày, tòa tuyên 3 năm tù, được trừ mấy ngày?", "90"),
        ("toa xu 2 nam tu, bi can da tam giu 9 ngay va tam giam 120 ngay, tru vao an bao nhieu ngay", "129"),
        ("6 ngày tạm giữ, 54 ngày tạm giam, án tù 18 tháng thì trừ bao nhiêu", "60"),
        ("3 ngay tam giu 57 ngay tam giam, xu 3 nam tu tru bao nhieu", "60"),
        ("tgiu 3 ngay tgiam 57 ngay, toa phat 3 nam tu thi duoc tru may ngay", "60"),
        ("tạm giữ 3 ngày, gia hạn 3 ngày, tạm giam 54 ngày, tòa xử 2 năm tù thì được trừ bao nhiêu ngày", "60"),
        ("tam giu 3 ngay gia han them 3 ngay roi tam giam 84 ngay, toa tuyen 5 nam tu thi tru bn ngay", "90"),
    ],
)
async def test_the_days_held_are_added_for_a_prison_sentence(world: World, question: str, days: str) -> None:
    chat = await world.staff_chat("credit")
    text = await chat.text(question)
    assert f"Được trừ {days} ngày vào thời hạn chấp hành hình phạt tù" in text and "Điều 38" in text, text


async def test_a_non_custodial_sentence_counts_three_days_for_one(world: World) -> None:
    chat = await world.staff_chat("credit2")
    text = await chat.text(
        "bị cáo đã bị tạm giam 45 ngày, nay tòa tuyên 1 năm cải tạo không giam giữ thì được trừ bao nhiêu"
    )
    assert "135 ngày cải tạo không giam giữ" in text and "Điều 36" in text, text


@pytest.mark.parametrize(
    ("first", "then", "days"),
    [
        (
            "bi tgiu 3 ngay roi tgiam 57 ngay thi tong bao nhieu ngay",
            "neu bi xu 3 nam tu thi duoc tru bao nhieu ngay",
            "60",
        ),
        ("tạm giữ 6 ngày, tạm giam 54 ngày, tổng cộng bao nhiêu ngày", "tòa tuyên 2 năm tù thì trừ mấy ngày", "60"),
        ("tam giu 9 ngay, tam giam 30 ngay, tong bn ngay", "vay xu 1 nam tu thi duoc tru bao nhieu", "39"),
    ],
)
async def test_the_days_said_before_are_credited_in_a_follow_up(world: World, first: str, then: str, days: str) -> None:
    chat = await world.staff_chat("credit3")
    total = await chat.text(first)
    assert f"= {days} ngày" in total, total
    text = await chat.text(then)
    assert f"Được trừ {days} ngày vào thời hạn chấp hành hình phạt tù" in text, text


async def test_the_order_days_are_still_the_order_minus_the_custody(world: World) -> None:
    """Neighbour: the tạm giam order's own length deducts the tạm giữ (Đ118 k4): 60 − 3 = 57, no sentence."""
    chat = await world.staff_chat("credit4")
    text = await chat.text("tam giu 3 ngay roi chuyen tam giam 2 thang thi lenh tam giam ghi bao nhieu ngay")
    assert "57 ngày" in text and "Được trừ" not in text, text


async def test_a_sentence_without_days_is_not_answered_from_nothing(world: World) -> None:
    chat = await world.staff_chat("credit5")
    text = await chat.text("bi xu 3 nam tu thi duoc tru bao nhieu ngay tam giam")
    assert "Được trừ" not in text, text


async def test_a_detention_said_in_months_is_not_turned_into_days(world: World) -> None:
    """Neighbour: "tạm giam 4 tháng" is the order's length, not the days served (the order after a tạm giữ is
    shorter): the actual days are asked, never 117 nor 123 guessed."""
    chat = await world.staff_chat("credit6")
    text = await chat.text("tạm giữ 3 ngày, tạm giam 4 tháng, án 2 năm tù thì được trừ bao nhiêu ngày")
    assert "cho biết số ngày thực tế" in text and "117" not in text.replace("117 ngày, xử", ""), text
