"""A follow-up naming, in the words of another entry's title, what the answer only says in passing is that entry's
question (session 13, ``UnderAnswer._titled_elsewhere``), through the dispatcher as a fresh staff member.

"Báo cáo thống kê giờ theo qđ nào? || Kỳ báo cáo tháng qđ đó có đổi hông, tính từ ngày mấy?" got QĐ 358's entry
again (its answer says "từ kỳ báo cáo tháng 10/2025"), as if it answered: whether QĐ 358 changed the monthly period
is U in FACTS §10, and the monthly period's own entry says so.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("follow13-titled")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


# FACTS §10: the monthly period was the calendar month (S); whether QĐ 358/2025 changed it is U.
MONTHLY = [
    ("Báo cáo thống kê giờ theo qđ nào?", "Kỳ báo cáo tháng qđ đó có đổi hông, tính từ ngày mấy?"),
    ("chế độ báo cáo thống kê ngành theo văn bản nào", "kỳ thống kê tháng có thay đổi không"),
    ("qd 358 la gi", "vay ky bao cao thang tinh tu ngay nao"),
    ("văn bản về chỉ tiêu thống kê của ngành", "thế kỳ báo cáo tháng chốt số liệu ngày nào"),
]


@pytest.mark.parametrize("turns", MONTHLY)
async def test_the_monthly_period_is_flagged_unverified(world: World, turns: tuple[str, str]) -> None:
    text = await last_reply(world, *turns)
    assert "kỳ thống kê tháng là tháng dương lịch" in text, text
    assert "chưa kiểm chứng" in text, text
    assert "áp dụng từ kỳ báo cáo tháng 10/2025" not in text, text  # not QĐ 358's entry as if it answered
