"""Custody or detention ending on a day off is never moved (BLTTHS Đ134 k1: «thời hạn hết vào ngày kết thúc
thời hạn được ghi trong lệnh»): such a question is answered by the custody rule, not by the day-off shift that
holds for other periods (legal review, round 10: the shift rule opened the answer). Through the dispatcher."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "tạm giam hết đúng vào ngày lễ 30/4 có được lùi không",
        "tam giu het han vao chu nhat co lui sang thu hai khong",
        "lệnh tạm giam hết hạn vào chủ nhật thì có được kéo dài sang thứ hai không",
        "tam giam het han vao chu nhat co duoc keo dai",
    ],
)
async def test_custody_ending_on_a_day_off_is_not_moved(world: World, question: str) -> None:
    text = await (await world.staff_chat("custody-day-off")).text(question)
    assert text.startswith("Có tính cả ngày nghỉ, và không lùi"), text
    assert "ngày làm việc tiếp theo là ngày cuối" not in text.split("\n")[0], text


async def test_another_period_still_moves(world: World) -> None:
    text = await (await world.staff_chat("appeal-day-off")).text("hạn kháng cáo hết vào chủ nhật có lùi không")
    assert "ngày làm việc tiếp theo là ngày cuối" in text, text
