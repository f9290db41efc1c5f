"""A crime category carried from the turn before fills in what a follow-up leaves open; it never takes the follow-up
from the entry that answers it (session 13, ``knowledge/kb/carried.py``), through the dispatcher.

"bị can RNT đang trong thời hạn gh tgiam lần 1 || trại tạm giam phải thông báo trước khi hết hạn mấy ngày" was
answered with the very serious crimes' detention again (4 months): a confident wrong answer of a blind writer's set.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("follow13-carried")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


# Luật 94/2015 Đ13 k1 h (FACTS, S): the custody house or camp gives notice 1 day before the end of custody,
# 5 days before the end of detention, 10 days before the end of an extended detention.
NOTICE = [
    ("bị can RNT đang trong thời hạn gh tgiam lần 1", "trại tạm giam phải thông báo trước khi hết hạn mấy ngày"),
    ("tạm giam điều tra tội đặc biệt nghiêm trọng bao lâu", "trại tạm giam báo trước khi hết hạn mấy ngày"),
    ("tam giam dt toi RNT toi da bao lau", "trai tam giam bao truoc het han may ngay"),
    ("bị can tội ĐBNT đang bị tạm giam gia hạn lần 2", "trại tạm giam thông báo trước khi hết hạn bao nhiêu ngày"),
    ("vụ ít nghiêm trọng tạm giam được bao lâu", "sắp hết hạn tạm giam thì trại phải thông báo trước mấy ngày"),
]


@pytest.mark.parametrize("turns", NOTICE)
async def test_the_notice_before_the_end_is_not_the_detention_again(world: World, turns: tuple[str, str]) -> None:
    text = await last_reply(world, *turns)
    assert "10 ngày trước khi hết hạn gia hạn tạm giam" in text, text
    assert "Điều 173" not in text, text  # not the detention limit of the first turn


# The category carried still decides a follow-up that leaves it open (BLTTHS Đ241: detention to prosecute a very
# serious crime is the prosecution's 30 days).
async def test_a_category_still_fills_in_what_the_follow_up_leaves_open(world: World) -> None:
    text = await last_reply(world, "truy tố tội RNT bao nhiêu ngày", "còn tạm giam trong giai đoạn truy tố bao lâu")
    assert "▶ 30 ngày với tội rất nghiêm trọng" in text, text
