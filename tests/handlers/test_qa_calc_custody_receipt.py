"""Tạm giữ runs from when the CQĐT receives the person (Đ118 k1), not from an arrest said before it: "23h hôm
qua bắt quả tang, 1h sáng nay CQĐT nhận người" counts from 01:00 today. Through the real dispatcher; the fake
clock: Monday 02/03/2026 08:00 in Hà Nội."""

from __future__ import annotations

from tests.conftest import World


async def test_custody_counts_from_the_receipt_of_the_person(world: World) -> None:
    chat = await world.staff_chat("cr1")
    card = await chat.text(
        "22h hôm qua bắt người phạm tội quả tang, 2h sáng nay CQĐT mới nhận người, tạm giữ hết lúc nào"
    )
    # 02:00 02/03/2026 + 72 h = 02:00 05/03/2026 (never 22:00 04/03, 4 hours early in the other direction).
    assert "Bắt đầu: 02:00 Thứ Hai 02/03/2026" in card and "02:00 ngày 05/03/2026" in card
    written = await (await world.staff_chat("cr2")).text(
        "bắt lúc 21h ngày 01/03/2026, cơ quan điều tra nhận người lúc 3h ngày 02/03/2026, tạm giữ đến mấy giờ"
    )
    assert "Bắt đầu: 03:00 Thứ Hai 02/03/2026" in written
