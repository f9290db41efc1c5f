""" "tgiam dt" is tạm giam để điều tra (Đ173): its extension is counted against the category, not asked as a
plain order's stage. Through the real dispatcher; the fake clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World


async def test_tgiam_dt_is_detention_for_investigation(world: World) -> None:
    chat = await world.staff_chat("sh1")
    card = await chat.text(
        "tgiam dt dbnt 4 thang tu 20/01/2026 het ngay nao, gh lan 1 them 4 thang thi den het ngay nao"
    )
    # Đ173 k1, k2: 120 days from 20/01/2026 → 19/05/2026; the first extension, 120 days from 20/05 → 16/09/2026.
    assert "TẠM GIAM ĐỂ ĐIỀU TRA" in card and "Ngày cuối cùng: Thứ Ba 19/05/2026" in card
    assert "từ 20/05/2026 đến hết ngày Thứ Tư 16/09/2026" in card and "thuộc giai đoạn nào" not in card
