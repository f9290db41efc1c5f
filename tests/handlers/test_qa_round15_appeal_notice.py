"""The appeal's own period, asked after a trial, is not the court's notice of the appeal.

"xử sơ thẩm xong bị cáo kháng cáo trong mấy ngày" was answered "7 ngày" from the entry "Tòa sơ thẩm thông báo việc
kháng cáo" (Điều 338 khoản 1: 7 days from the appeal period's end), a confident wrong answer: the appeal is 15 days
from the judgment (Điều 333 khoản 1). The notice's entry now answers only a question that says the notice ("thông
báo", "báo cho vks") or its other half, the protest sent ("gửi"): ``knowledge/kb/title_events.py``."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "question",
    [
        "xử sơ thẩm xong bị cáo kháng cáo trong mấy ngày",
        "hôm qua tòa xử sơ thẩm xong, bc muốn kc thì được mấy ngày",
        "toa xu so tham xong bi cao muon khang cao thi duoc may ngay",
    ],
)
async def test_the_appeal_after_a_trial_is_fifteen_days(world: World, question: str) -> None:
    text = await (await world.staff_chat("r15-appeal")).text(question)
    assert text.startswith("15 ngày") and "Điều 333 khoản 1" in text and "Điều 338" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "tòa thông báo kháng cáo cho vks trong mấy ngày",
        "toa so tham bao cho vks viec khang cao trong may ngay",
        "quyết định kháng nghị phải gửi bị cáo trong mấy ngày",
    ],
)
async def test_the_notice_and_the_protest_sent_are_still_their_entrys(world: World, question: str) -> None:
    text = await (await world.staff_chat("r15-notice")).text(question)
    assert "Điều 338" in text and "Căn cứ:" in text, text
