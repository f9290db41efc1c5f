"""A follow-up asking the answer's own attribute with a letter left out of one word ("inh tu luc nao", "ăn cứ điều
mấy") is still that question of the answer (session 13, ``ContextReader.attribute_typed``), through the dispatcher.

"… || inh tu luc nao" went to another entry (the court's notice of an appeal): a helper's finding of round 12.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("follow13-letter")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


# BLTTHS Đ333 k2: 7 days from receipt of a first-instance decision; Đ118 k1: custody counts from receipt of the
# person; Đ240: prosecution counts from receipt of the file; Đ333 k1: 15 days for a first-instance judgment.
DROPPED = [
    ("kc quyet dinh so tham may ngay", "inh tu luc nao", "Điều 333 khoản 2", "nhận được quyết định sơ thẩm"),
    ("thoi han tam giu bao lau", "inh tu luc nao", "Điều 118", "nhận người bị giữ"),
    ("thời hạn truy tố tội nghiêm trọng", "ính từ ngày nào", "Điều 240", "nhận hồ sơ vụ án"),
    ("kháng cáo bản án sơ thẩm mấy ngày", "ăn cứ điều mấy", "Điều 333 khoản 1", "15 ngày"),
]


@pytest.mark.parametrize(("first", "then", "source", "said"), DROPPED)
async def test_a_dropped_letter_still_asks_the_answer(
    world: World, first: str, then: str, source: str, said: str
) -> None:
    text = await last_reply(world, first, then)
    assert source in text, text
    assert said in text, text
