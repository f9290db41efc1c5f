"""A day off named by its date, asked whether a period's end moves ("30/4 nghỉ lễ thì hạn kháng cáo có lùi
không"), asks the rule (BLTTHS Đ134 k1), not an appeal computed from 30/4 as if the judgment were that day.
A start told beside it is still computed (``knowledge/deadlines/compared.py``)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    ["30/4 nghỉ lễ thì hạn kháng cáo có lùi không", "30/4 la ngay nghi le thi han khang cao co duoc lui khong"],
)
async def test_a_day_off_asked_of_is_the_rule(world: World, question: str) -> None:
    text = await (await world.staff_chat("r15-day-off")).text(question)
    assert "Điều 134 khoản 1" in text and "Bắt đầu:" not in text and "30/04/2026" not in text, text


async def test_a_start_told_beside_it_is_still_computed(world: World) -> None:
    text = await (await world.staff_chat("r15-day-off-start")).text(
        "tuyên án 20/4, 30/4 nghỉ lễ thì hạn kháng cáo có lùi không"
    )
    assert "Bắt đầu: Thứ Hai 20/04/2026" in text and "05/05/2026" in text, text
