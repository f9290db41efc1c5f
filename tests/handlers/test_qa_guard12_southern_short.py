"""guard12: Southern "nhiêu" typed plain before shorthand units ("nhieu ng", "nhieu th") and "ng" before a Southern
particle ("bn ng dzay"): each waited on the other to be read ("nhieu" is "bao nhiêu" before a unit, "ng" is "ngày"
after "bao nhiêu" and at the end), so "tgiu ban dau nhieu ng dzay" was refused, and the follow-up after it ("còn
gh tối đa mấy lần") had no measure to go on: the investigation's extensions answered instead of custody's."""

from __future__ import annotations

import pytest

from knowledge.kb.in_place import in_place
from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("tgiu ban dau nhieu ng dzay", "Tối đa 3 ngày"),
        ("tạm giữ đầu tiên nhiêu ng dzậy", "Tối đa 3 ngày"),
        ("tgiu bn ng zay", "Tối đa 3 ngày"),
        ("dt toi it NT nhieu th", "2 tháng"),
        ("tam giam dieu tra toi NT nhieu th vay", "3 tháng"),
    ],
)
async def test_plain_southern_count_before_short_units(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("g12-south")).text(question)
    assert figure in text and "Căn cứ" in text, text


async def test_the_followup_keeps_the_custody_it_follows(world: World) -> None:
    chat = await world.staff_chat("g12-south-f")
    await chat.text("tgiu ban dau nhieu ng dzay")
    text = await chat.text("con gh toi da may lan, tong cong hong qua nhieu ng")
    assert "tối đa 9 ngày" in text and "điều tra" not in text.split("\n")[0], text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("tgiu nhieu ng dzay", "tgiu bao nhieu ngay dzay"),
        ("dt nhieu th", "dt bao nhieu thang"),
        ("co nhieu ng lam viec", "co nhieu ng lam viec"),  # "có nhiều người": many, no count
    ],
)
def test_nhieu_and_the_short_unit_read_each_other(typed: str, read: str) -> None:
    assert in_place(typed) == read
