"""Session 13 (fix13a), legal review finding 2: a tạm giữ decision shorter than the law's 3 days (Đ118 k1 "không quá
03 ngày") is counted as the decision says and is the whole answer: before, the reply went on with the law's generic
3-day card ("Trả tự do chậm nhất: 08:00 ngày 04/03/2026", extensions to 10/03) after saying rightly "hết 08:00
03/03/2026". Its extensions are offered from its own end (Đ118 k2). Served in full, its days are deducted one for one
(Đ118 k4); only a tạm giữ cut short (or a term not in whole days) is open (FACTS §1 U). Through the real dispatcher."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "end", "first", "second", "law_end"),
    [
        # 08:00 01/03/2026 + 48 h = 08:00 03/03; + 3 days = 06/03; + 3 more = 09/03 (the law's card: 04/03, 10/03)
        (
            "tạm giữ 2 ngày từ 8h 01/03/2026",
            "08:00 ngày 03/03/2026",
            "08:00 ngày 06/03/2026",
            "08:00 ngày 09/03/2026",
            "04/03/2026",
        ),
        (
            "tgiu 48 gio tu 8h 1/3/2026 het luc may gio",
            "08:00 ngày 03/03/2026",
            "08:00 ngày 06/03/2026",
            "08:00 ngày 09/03/2026",
            "04/03/2026",
        ),
        # 22:00 01/03/2026 + 24 h = 22:00 02/03; + 3 days = 05/03; + 3 more = 08/03 (the law's card: 04/03, 10/03)
        (
            "qđ tạm giữ 1 ngày từ 22h 1/3/2026 thì đến mấy giờ phải thả",
            "22:00 ngày 02/03/2026",
            "22:00 ngày 05/03/2026",
            "22:00 ngày 08/03/2026",
            "04/03/2026",
        ),
        (
            "bên công an ra quyết định tạm giữ có 2 ngày thôi, từ 7h sáng 1/3/2026, vậy chừng nào hết hạn",
            "07:00 ngày 03/03/2026",
            "07:00 ngày 06/03/2026",
            "07:00 ngày 09/03/2026",
            "04/03/2026",
        ),
    ],
)
async def test_a_shorter_decision_is_the_whole_answer(
    world: World, question: str, end: str, first: str, second: str, law_end: str
) -> None:
    chat = await world.staff_chat("short13a")
    replies = await chat.send(question)
    text = "\n".join(r.text for r in replies)
    assert f"trả tự do chậm nhất {end}" in text, text
    assert "Thời hạn tạm giữ (3 ngày)" not in text and law_end not in text and "10/03/2026" not in text, text
    assert f"gia hạn lần thứ nhất hết chậm nhất {first}" in text, text
    assert f"gia hạn lần thứ hai (trường hợp đặc biệt) hết chậm nhất {second}" in text, text
    # served in full: deducted one for one (Đ118 k4); only a custody cut short is open
    assert "một ngày tạm giữ tính bằng một ngày tạm giam (Điều 118 khoản 4)" in text, text
    assert "chỉ khi tạm giữ bị rút ngắn" in text, text
    assert "khi tạm giữ ngắn hơn hoặc bị rút ngắn" not in text, text


async def test_a_term_not_in_whole_days_keeps_its_deduction_open(world: World) -> None:
    # 08:00 01/03/2026 + 36 h = 20:00 02/03/2026
    chat = await world.staff_chat("short13a-36")
    text = "\n".join(r.text for r in await chat.send("tạm giữ 36 giờ từ 8h 01/03/2026 thì hết lúc nào"))
    assert "trả tự do chậm nhất 20:00 ngày 02/03/2026" in text and "Thời hạn tạm giữ (3 ngày)" not in text, text
    assert "không tròn ngày" in text and "chưa có hướng dẫn thống nhất" in text, text


async def test_the_laws_three_days_keep_the_card(world: World) -> None:
    chat = await world.staff_chat("short13a-full")
    text = await chat.text("tạm giữ 3 ngày từ 8h 01/03/2026 thì hết lúc nào")
    assert "Thời hạn tạm giữ (3 ngày)" in text and "08:00 ngày 04/03/2026" in text, text
