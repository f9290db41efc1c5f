"""A deduction said in brackets before the date ("tạm giam 57 ngày (đã trừ 3 ngày tạm giữ) từ
04/12/2026") is no custody chain: the date is the tạm giam's first day, as when the brackets come
after it (TTLT 04/2018 Điều 17, FACTS §1). Through the dispatcher; fake clock Monday 02/03/2026."""

from __future__ import annotations

from tests.conftest import World

# (question, first day, last day): the same facts in another order give the same card.
CASES = [
    ("tạm giam 57 ngày (đã trừ 3 ngày tạm giữ) từ 04/12/2026", "Thứ Sáu 04/12/2026", "Thứ Sáu 29/01/2027"),
    ("tạm giam 57 ngày từ 04/12/2026 (đã trừ 3 ngày tạm giữ)", "Thứ Sáu 04/12/2026", "Thứ Sáu 29/01/2027"),
    ("tạm giam 2 tháng (trừ 3 ngày tạm giữ) từ 04/12/2026", "Thứ Sáu 04/12/2026", "Thứ Sáu 29/01/2027"),
    ("tạm giam 2 tháng từ 04/12/2026 (trừ 3 ngày tạm giữ)", "Thứ Sáu 04/12/2026", "Thứ Sáu 29/01/2027"),
    ("tạm giam 54 ngày (đã trừ 6 ngày tạm giữ) từ 11/04/2026", "Thứ Bảy 11/04/2026", "Thứ Tư 03/06/2026"),
    ("từ 11/04/2026 (đã trừ 6 ngày tạm giữ) tạm giam 54 ngày", "Thứ Bảy 11/04/2026", "Thứ Tư 03/06/2026"),
    ("tạm giam 2 tháng, trừ tg 3 ngày, từ 04/12/2026 hết ngày nào", "Thứ Sáu 04/12/2026", "Thứ Sáu 29/01/2027"),
]


async def test_a_deduction_before_the_date_does_not_move_the_start(world: World) -> None:
    for i, (text, first, last) in enumerate(CASES):
        chat = await world.staff_chat(f"d{i}")
        card = await chat.text(text)
        assert f"Bắt đầu: {first} (tính là ngày thứ nhất)" in card, (text, card)
        assert f"Ngày cuối cùng: {last}" in card, (text, card)


async def test_the_months_deduct_once_and_the_net_days_never(world: World) -> None:
    chat = await world.staff_chat("d10")
    months = await chat.text("tạm giam 2 tháng (trừ 3 ngày tạm giữ) từ 04/12/2026")
    assert "(2 tháng, trừ 3 ngày tạm giữ = 57 ngày)" in months and "07/12/2026" not in months
    net = await chat.text("tạm giam 57 ngày (đã trừ 3 ngày tạm giữ) từ 04/12/2026")
    assert "Thời hạn tạm giam (57 ngày)" in net and "Đã trừ" not in net and "01/02/2027" not in net


async def test_a_custody_that_began_on_the_date_is_still_a_chain(world: World) -> None:
    chat = await world.staff_chat("d11")
    card = await chat.text("tạm giữ 3 ngày từ 9h 02/03/2026 rồi tạm giam 2 tháng hết ngày nào")
    assert "Bắt đầu: Thứ Năm 05/03/2026" in card and "Ngày cuối cùng: Thứ Năm 30/04/2026" in card
