"""A period told run out with what was missing, and what to do asked (in the same message or the next): the rule
for a period run out, release (session 13, ``knowledge/kb/run_out.py``, ``what_to_do.what_to_do_after``), through
the dispatcher as a fresh staff member.

"tgiam het han hom nay ma cqdt chua co van ban de nghi gh || vay phai xu ly the nao" got a menu, "… || hết hạn mà
cqđt chưa có lệnh gh, vks chưa phê chuẩn thì trại phải làm gì" the extension's limits, "het han tam giam de dieu tra
ma khong duoc gia han thi phai lam gi" the extension's table (a confident wrong answer): blind writers' rows.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("follow13-run-out")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


# BLTTHS Đ173 k7, Đ118 (FACTS §1): a detention or custody run out without a new order or an approved extension
# ends in release (detention at the latest at 24:00 of the last day).
RUN_OUT = [
    ("tgiam het han hom nay ma cqdt chua co van ban de nghi gh", "vay phai xu ly the nao"),
    ("lệnh tạm giam hết hạn ngày mai mà vks vẫn chưa phê chuẩn gia hạn", "thế giờ trại phải làm sao ạ"),
    ("tam giu het han luc 10h sang nay ma chua co lenh tam giam", "vay phai xu ly sao"),
    ("bị can đang tạm giam tội RNT", "hết hạn mà không có lệnh gia hạn thì phải làm gì"),
    ("het han tam giam de dieu tra ma khong duoc gia han thi phai lam gi",),
    ("tạm giam hết hạn mà chưa có quyết định gia hạn thì trại xử lý thế nào",),
]


@pytest.mark.parametrize("turns", RUN_OUT)
async def test_a_period_run_out_is_release(world: World, turns: tuple[str, ...]) -> None:
    text = await last_reply(world, *turns)
    assert "phải trả tự do" in text, text
    assert "Điều 173 khoản 7" in text, text


# A question of its own after such a story is not joined to it (the extension's limits are asked).
async def test_a_question_of_its_own_is_not_the_story_s(world: World) -> None:
    text = await last_reply(
        world, "tgiam het han hom nay ma cqdt chua co van ban de nghi gh", "tạm giam tội nghiêm trọng gia hạn mấy lần"
    )
    assert "trả tự do" not in text.split("\n")[0], text
