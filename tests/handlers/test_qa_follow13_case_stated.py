"""A follow-up that supposes a case the answer itself states stays on that answer, even when another entry says the
same words (session 13, ``ContextReader.supposes``), through the dispatcher as a fresh staff member.

"qd dua ra xx r thi mo phien toa trong bn ngay || neu co tro ngai khach quan thi dc keo dai toi bn" was answered
with the 15 days to hand investigation papers over (Đ88 k5, which also says "trở ngại khách quan"), not the 30 days
to open the trial (Đ277 k3): a confident wrong answer of a blind writer's set.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("follow13-case")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


# BLTTHS Đ277 k3: the trial opens within 15 days of the decision to try; within 30 days for force majeure or an
# objective obstacle.
TRIAL = [
    ("qd dua ra xx r thi mo phien toa trong bn ngay", "neu co tro ngai khach quan thi dc keo dai toi bn"),
    (
        "có quyết định đưa vụ án ra xét xử thì bao lâu phải mở phiên tòa",
        "lỡ có trở ngại khách quan thì kéo dài được bao lâu",
    ),
    ("sau qd dua vu an ra xet xu may ngay phai mo phien toa", "truong hop bat kha khang thi keo dai toi da bn ngay"),
    ("thời hạn mở phiên tòa sơ thẩm", "có trở ngại khách quan thì được kéo dài tới bao nhiêu ngày"),
    ("mở phiên tòa chậm nhất bao nhiêu ngày", "nhỡ vướng trở ngại khách quan thì tòa được kéo dài tới mấy ngày ạ"),
]


@pytest.mark.parametrize("turns", TRIAL)
async def test_the_case_the_answer_states_stays_on_it(world: World, turns: tuple[str, str]) -> None:
    text = await last_reply(world, *turns)
    assert "Điều 277" in text, text
    assert "30 ngày" in text.split("\n")[1], text  # the lead line gives the case's limit
    assert "Điều 88" not in text, text


# BLTTHS Đ88 k5: the papers go to the procuracy within 5 days, 15 days for an objective obstacle: its own case.
async def test_the_other_entry_keeps_its_own_case(world: World) -> None:
    text = await last_reply(
        world, "cqđt chuyển biên bản cho vks trong mấy ngày", "nếu có trở ngại khách quan thì kéo dài tới bn"
    )
    assert "Điều 88" in text, text
    assert "15 ngày" in text.split("\n")[1], text


# A case of the answer's own subject found elsewhere is that entry (Đ148 k2: the suspension goes to the procuracy
# within 24 hours), not the answer again.
async def test_a_case_of_the_same_subject_found_elsewhere_is_that_entry(world: World) -> None:
    text = await last_reply(
        world, "giải quyết tin báo tội phạm bao lâu", "nếu tạm đình chỉ thì qđ gửi vks trong bao lâu"
    )
    assert "24 giờ" in text.split("\n")[1], text
