"""Round-12 tuning (tune11c), Southern words of the general-office clerk: "dời qua / dời sang" the end of a limit is
"lùi sang" (with "hông" for "không"); "cả năm tổng cộng nhiêu ngày lễ" asks the holidays of a year (BLLĐ 2019
Đ112: 11 days)."""

from __future__ import annotations

import pytest

from knowledge.kb.in_place import in_place
from tests.conftest import World

_CUSTODY_NEVER_MOVES = "Có tính cả ngày nghỉ, và không lùi"


@pytest.mark.parametrize(
    "question",
    [
        "tgiu het han rot vo ngay le co duoc doi qua ngay lam viec hong",
        "tạm giữ hết hạn rớt vô ngày lễ có được dời qua ngày làm việc hông",
        "tạm giam hết hạn nhằm chủ nhật có được dời qua thứ hai hông chị",
        "tam giam het han vao ngay tet co duoc doi sang ngay lam viec hong",
    ],
)
async def test_custody_is_never_moved_off_a_day_off(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-doi")).text(question)
    assert text.startswith(_CUSTODY_NEVER_MOVES), text


async def test_another_limit_moved_off_a_day_off_still_moves(world: World) -> None:
    text = await (await world.staff_chat("t11-doi2")).text(
        "han khang cao roi vao chu nhat co duoc doi qua thu hai hong"
    )
    assert "ngày làm việc tiếp theo là ngày cuối" in text and not text.startswith(_CUSTODY_NEVER_MOVES), text


@pytest.mark.parametrize(
    "question",
    ["có đúng là tạm giữ được trừ vào tạm giam hông chị", "hong biet tam giu co duoc tru vao tam giam hong"],
)
async def test_hong_asks_yes_or_no(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-hong")).text(question)
    assert text.startswith("Có: thời gian tạm giữ được trừ vào thời hạn tạm giam"), text


def test_hong_and_doi_are_read_only_where_they_ask() -> None:
    assert in_place("co duoc doi qua thu hai hong") == "co duoc lui qua thu hai hong"
    assert in_place("có được dời sang thứ hai hông") == "có được lùi sang thứ hai hông"
    assert in_place("doi qua bao lau") == "doi qua bao lau"  # "đợi qua": waiting, nothing before it to move
    assert in_place("doi ket qua giam dinh") == "doi ket qua giam dinh"  # "đợi": waiting


@pytest.mark.parametrize(
    "question",
    [
        "cả năm tổng cộng bao nhiêu ngày lễ vậy chị",
        "tổng cộng một năm nghỉ lễ mấy ngày",
        "ca nam tong cong nhieu ngay le",
    ],
)
async def test_the_holidays_of_a_year(world: World, question: str) -> None:
    text = await (await world.staff_chat("t11-le")).text(question)
    assert text.startswith("11 ngày") and "Điều 112" in text, text


async def test_the_holidays_of_a_year_after_tet(world: World) -> None:
    chat = await world.staff_chat("t11-le2")
    await chat.text("tết âm lịch nghỉ mấy ngày theo blld")
    text = await chat.text("cả năm tổng cộng nhiêu ngày lễ")
    assert "11 ngày" in text and "Điều 112" in text, text
