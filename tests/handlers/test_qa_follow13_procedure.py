"""A follow-up the answer leaves open is read under the procedure the answer is titled with (rút gọn), not its step
(session 13, ``UnderAnswer._procedure``), through the dispatcher as a fresh staff member.

"vks ra qđ truy tố vụ rút gọn … || còn bên tòa thụ lý xong thì thẩm phán có bao nhiêu ngày để ra quyết định" got a
menu of the rút gọn prosecution's entries, without the trial's 10 days: a blind writer's row.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("follow13-procedure")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


# BLTTHS Đ462 k1 (FACTS §8): under the summary procedure the judge decides within 10 days of accepting the case.
SUMMARY_TRIAL = [
    (
        "vks ra qđ truy tố vụ rút gọn rồi thì phải giao qđ cho bị can trong bao lâu ạ",
        "còn bên tòa thụ lý xong thì thẩm phán có bao nhiêu ngày để ra quyết định ạ",
    ),
    ("truy tố rút gọn mấy ngày", "tòa thụ lý rồi thẩm phán ra qđ trong mấy ngày"),
    ("rut gon thi vks truy to trong bao lau", "con toa thu ly xong tham phan co may ngay ra qd"),
    (
        "điều tra theo thủ tục rút gọn bao lâu",
        "sang tòa thụ lý xong thì thẩm phán phải ra quyết định trong bao nhiêu ngày",
    ),
]


@pytest.mark.parametrize("turns", SUMMARY_TRIAL)
async def test_the_summary_trial_s_ten_days(world: World, turns: tuple[str, str]) -> None:
    text = await last_reply(world, *turns)
    assert "10 ngày, kể từ ngày thụ lý vụ án" in text, text
    assert "Có phải anh/chị muốn hỏi" not in text, text
