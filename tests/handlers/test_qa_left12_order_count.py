"""Round 12's leftovers (left12): the days a tạm giam order is written for after a tạm giữ decision of fewer than
3 days (BLTTHS Đ118 k1 is a ceiling, "không quá 03 ngày"): the decision's own term is deducted (TTLT 04/2018
Đ17 k1, "thời hạn thực tế được ghi trong quyết định"); only a custody ended before that term keeps the caveat
that the days deducted are not settled (FACTS §1, U) (fix12b); the count is said on that condition (fix12a)."""

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
async def test_a_shorter_custody_decision_is_deducted_by_its_own_term(
    world: World, question: str, days: str, held: str
) -> None:
    text = await reply(world, question)
    # said on the condition that the days were served in full (FACTS §1: a custody cut short is U; fix12a)
    assert text.startswith(f"Nếu trừ đủ {held} ngày đã tạm giữ thì lệnh tạm giam ghi {days} ngày"), text
    assert f"thời hạn ghi trong quyết định tạm giữ ({held} ngày)" in text and "Điều 17 khoản 1" in text, text
    assert "ngắn hơn thời hạn tạm giữ" not in text and "không quá 03 ngày" in text, text
    assert "Nếu tạm giữ kết thúc trước thời hạn ghi trong quyết định" in text, text  # the U caveat, conditional


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
    assert "chưa có hướng dẫn thống nhất" not in text and "Điều 17 khoản 1" not in text, text
