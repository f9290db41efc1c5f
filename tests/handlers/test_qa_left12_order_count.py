"""Round 12's leftovers (left12): the days a tạm giam order is written for after a custody shorter than its
3-day term (BLTTHS Đ118 k1) are counted with the caveat the Q&A path gives: how many days are deducted from a
custody cut short is not settled (FACTS §1, U), so the reply says it must be checked."""

from __future__ import annotations

import pytest

from tests.conftest import World


async def reply(world: World, question: str) -> str:
    chat = await world.staff_chat("left12-order")
    return await chat.text(question)


@pytest.mark.parametrize(
    ("question", "days", "held"),
    [
        ("tam giu 2 ngay roi tam giam 2 thang thi lenh tam giam ghi bao nhieu ngay", "58", "2"),
        ("tạm giữ 2 ngày rồi tạm giam 2 tháng thì lệnh tạm giam ghi mấy ngày", "58", "2"),
        ("tgiu 1 ngay chuyen tgiam 2 thang lenh ghi bn ngay", "59", "1"),
        ("lệnh tạm giam 2 tháng, trước đó tạm giữ 2 ngày thì lệnh ghi mấy ngày", "58", "2"),
        ("anh ơi bị can tạm giữ có 2 ngày xong tạm giam 3 tháng thì lệnh tạm giam ghi bao nhiêu ngày ạ", "88", "2"),
    ],
)
async def test_a_custody_shorter_than_its_term_is_counted_with_the_caveat(
    world: World, question: str, days: str, held: str
) -> None:
    text = await reply(world, question)
    assert text.startswith(f"Nếu trừ đủ {held} ngày đã tạm giữ thì lệnh tạm giam ghi {days} ngày"), text
    assert "chưa có hướng dẫn thống nhất" in text and "cần đối chiếu" in text, text
    assert "Lệnh tạm giam ghi" not in text, text


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("tạm giữ 3 ngày rồi tạm giam 2 tháng thì lệnh ghi mấy ngày", "57"),
        ("tgiu 3 ngay gh them 3 ngay roi tgiam 2 thang lenh ghi bn ngay", "54"),
    ],
)
async def test_a_full_custody_is_counted_without_it(world: World, question: str, days: str) -> None:
    text = await reply(world, question)
    assert text.startswith(f"Lệnh tạm giam ghi {days} ngày"), text
    assert "chưa có hướng dẫn thống nhất" not in text, text
