"""Round 11 (tune11d): a tạm giam order checked against the tạm giữ said after it ("lệnh tạm giam ghi 2 tháng nhưng
trước đó tạm giữ 3 ngày, lệnh chỉ có 57 ngày, có đúng không") is counted (60 − 3 = 57: Đ118 k4, TTLT 04/2018 Đ17,
one month of tạm giam = 30 days, FACTS §1), and the days the order says are checked, through the real dispatcher.

Before, the tạm giữ had to come first, and "57 ngày" said of the order was read as more tạm giữ: the answer was the
30-day rule alone, without the 57."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "days", "check"),
    [
        (
            "dạ em chào anh chị, em đang kiểm sát hồ sơ, thấy lệnh tạm giam ghi 2 tháng nhưng trước đó bị can bị tạm giữ "
            "3 ngày, và thời hạn ghi trong lệnh chỉ có 57 ngày. Em hỏi là có đúng phải trừ thời gian tạm giữ không ạ, và "
            "1 tháng tạm giam thì tính là bao nhiêu ngày ạ?",
            57,
            "Lệnh ghi 57 ngày là đúng.",
        ),
        (
            "lenh tam giam 2 thang, truoc do tam giu 6 ngay, lenh ghi 60 ngay co dung khong, bao nhieu ngay moi dung",
            54,
            "Câu hỏi nói lệnh ghi 60 ngày, khác số tính được (54 ngày)",
        ),
        ("lenh tam giam 3 thang, truoc do tam giu 6 ngay thi lenh ghi bao nhieu ngay", 84, ""),
        ("lệnh tạm giam 2 tháng, trước đó tạm giữ 3 ngày, gia hạn thêm 3 ngày, lệnh ghi bao nhiêu ngày", 54, ""),
        (
            "tgiam 1 thang, truoc do tgiu 3 ngay, trong lenh ghi 27 ngay dung ko, bn ngay",
            27,
            "Lệnh ghi 27 ngày là đúng.",
        ),
    ],
)
async def test_the_order_is_counted_when_the_custody_is_said_after_it(
    world: World, question: str, days: int, check: str
) -> None:
    chat = await world.staff_chat("ordercheck")
    text = await chat.text(question)
    assert f"Lệnh tạm giam ghi {days} ngày" in text and "tính 30 ngày" in text and check in text, text


async def test_the_order_first_then_the_custody_is_still_counted(world: World) -> None:
    """Neighbour: the usual order (tạm giữ first) is unchanged, and no check is made when none is said."""
    chat = await world.staff_chat("ordercheck2")
    text = await chat.text("tam giu 3 ngay roi chuyen tam giam 2 thang thi lenh tam giam ghi bao nhieu ngay")
    assert "Lệnh tạm giam ghi 57 ngày" in text and "là đúng" not in text, text
