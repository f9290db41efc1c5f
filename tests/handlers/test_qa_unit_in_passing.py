"""The law is the same in every unit: a unit or province named in passing with a question about a
time limit does not make it a question the assistant "has nothing for that unit" on (it was refused
or answered under "chưa có thông tin … riêng của <tỉnh>"). A unit's own motto or indicators still
get that notice, and an out-of-scope question naming a place stays refused."""

from __future__ import annotations

import pytest

from tests.conftest import World
from tests.fakes import joined

NOTICE = "chưa có thông tin"


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("em ở VKS khu vực 2 Nghệ An, cho hỏi tạm giữ tối đa mấy ngày", "3 ngày"),
        ("thời hạn điều tra tội nghiêm trọng là bao lâu ạ, em mới về vks tỉnh Quảng Ninh", "3 tháng"),
    ],
)
async def test_a_time_limit_asked_with_a_unit_in_passing_is_answered(world: World, question: str, figure: str) -> None:
    chat = await world.staff_chat("unit-pass")
    text = joined(await chat.send(question))
    assert figure in text and NOTICE not in text


async def test_a_unit_s_own_indicator_still_says_it_has_none_of_that_unit(world: World) -> None:
    chat = await world.staff_chat("unit-own")
    text = joined(await chat.send("em ở vks tỉnh Nghệ An, chỉ tiêu giải quyết tin báo của đơn vị em là bao nhiêu"))
    assert NOTICE in text and "Nghệ An" in text


async def test_out_of_scope_naming_a_place_stays_refused(world: World) -> None:
    chat = await world.staff_chat("unit-food")
    text = joined(await chat.send("cách nấu bún bò Huế ngon"))
    assert "Xin lỗi, tôi chưa có thông tin về nội dung này" in text
