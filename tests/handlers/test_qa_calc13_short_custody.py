"""Session 13 (calc13): a tạm giữ decision shorter than the law's 3 days ("tạm giữ 2 ngày từ …") is counted as the
decision says, and the card now says so, and that the days a later tạm giam deducts for a short or cut-short tạm
giữ are an open point (Đ118 k1 "không quá 03 ngày", V; FACTS §1: the deduction for a cut-short tạm giữ is U).
Through the real dispatcher."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "end"),
    [
        # 08:00 01/03/2026 + 48 h = 08:00 03/03/2026
        ("tạm giữ 2 ngày từ 8h 01/03/2026 thì hết lúc nào", "08:00 ngày 03/03/2026"),
        ("tgiu 48 gio tu 8h 1/3/2026 het luc may gio", "08:00 ngày 03/03/2026"),
        # 22:00 01/03/2026 + 24 h = 22:00 02/03/2026
        ("qd tam giu 1 ngay tu 22h ngay 1/3/2026 thi den may gio phai tha", "22:00 ngày 02/03/2026"),
    ],
)
async def test_a_short_term_says_it_is_the_decisions(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("short13")
    text = await chat.text(question)
    assert f"trả tự do chậm nhất {end}" in text, text
    assert "ngắn hơn 3 ngày của Điều 118 khoản 1" in text and "chưa có hướng dẫn thống nhất" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tạm giữ 3 ngày từ 8h 01/03/2026 thì hết lúc nào",
        "tam giu 3 ngay tu 8h 1/3/2026, gia han them 3 ngay thi het luc nao",
    ],
)
async def test_the_laws_term_has_no_such_note(world: World, question: str) -> None:
    chat = await world.staff_chat("short13-full")
    text = await chat.text(question)
    assert "ngắn hơn 3 ngày" not in text, text
