"""Round 10 (tune10b): a 29/02 anniversary. "bản án có hiệu lực ngày 29/02/2024, hạn kháng nghị GĐT bất lợi 1
năm hết ngày nào, vì năm 2025 không có ngày 29/2" — the yearless "29/2" only names the day (this year has
none); the year runs to the last day of February (BLTTHS 2015 Đ134 k1). Through the real dispatcher; fake
clock Monday 02/03/2026 08:00 (Hà Nội). Before, the named "29/2" was read as 29/02/2026 and refused as
impossible. A "29/2" that is the question's only date is still refused (no such day in 2026).
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "end"),
    [
        (
            "vu cu nay hoi la: ban an co hieu luc ngay 29/02/2024, han khang nghi GDT bat loi 1 nam het ngay nao, "
            "vi nam 2025 khong co ngay 29/2",
            "28/02/2025",
        ),
        (
            "bản án có hiệu lực ngày 29/02/2024, hạn kháng nghị giám đốc thẩm bất lợi hết ngày nào, năm 2025 đâu có 29/2",
            "28/02/2025",
        ),
        (
            "ban an hieu luc 29/2/2024 thi han khang nghi gdt bat loi la ngay nao? 2025 ko co 29/2 thi tinh sao",
            "28/02/2025",
        ),
        (
            "VKS nhận tin báo tình tiết mới ngày 29/02/2024, kháng nghị tái thẩm bất lợi hết ngày nào, vì 2025 "
            "không có 29/2",
            "28/02/2025",
        ),
        (
            "ban an co hieu luc 29/02/2028, khang nghi gdt bat loi 1 nam den ngay nao (2029 khong co 29/2)",
            "28/02/2029",
        ),
        ("kn gdt bat loi: ban an hl ngay 29/02/2024, het han ngay nao vi 2025 khong co ngay 29/2", "28/02/2025"),
        ("tạm giam 2 tháng từ 29/02/2024 hết ngày nào, năm nay không có 29/2 đúng không", "28/04/2024"),
        (
            "Bản án hiệu lực 29/02/2024. Kháng nghị GĐT bất lợi hết hạn khi nào ạ, năm sau không có ngày 29/2",
            "28/02/2025",
        ),
    ],
)
async def test_a_named_leap_day_is_not_a_date(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("leap")
    text = await chat.text(question)
    assert "không tồn tại" not in text and end in text, text


async def test_a_lone_leap_day_of_this_year_is_still_impossible(world: World) -> None:
    chat = await world.staff_chat("leap2")
    text = await chat.text("tạm giữ từ 8h 29/2 hết lúc nào")
    assert "29/02/2026 không tồn tại" in text, text
