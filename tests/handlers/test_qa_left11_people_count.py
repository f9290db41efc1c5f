"""How many people is not a time limit: "hdxx gồm mấy người" was answered with the 7 days of deliberation
(whose answer names the people told of the verdict). A count of people ("người", "thẩm phán", "hội thẩm",
"thành viên") is answered only by an entry that gives a number of them; none gives the trial panel's
make-up (BLTTHS Điều 254), so the assistant says it does not know. Near neighbours: the days of deliberation
asked as days, and the one judge of a summary appeal (an entry that counts him)."""

from __future__ import annotations

import pytest

from tests.conftest import World

DONT_KNOW = "chưa có thông tin"


@pytest.mark.parametrize(
    "question",
    [
        "hdxx gồm mấy người",
        "hội đồng xét xử sơ thẩm có bao nhiêu người",
        "HDXX phuc tham gom may tham phan",
        "phiên tòa sơ thẩm có bao nhiêu hội thẩm nhân dân",
        "hdxx so tham co may thanh vien a",
        "chị ơi hội đồng xét xử phúc thẩm gồm bao nhiêu người vậy",
    ],
)
async def test_how_many_people_is_no_time_limit(world: World, question: str) -> None:
    text = await (await world.staff_chat("people")).text(question)
    assert DONT_KNOW in text and "ngày" not in text, text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("hội đồng xét xử nghị án được bao nhiêu ngày", "7 ngày"),
        ("hdxx nghi an toi da may ngay", "7 ngày"),
        ("xét xử phúc thẩm rút gọn có mấy thẩm phán", "1 Thẩm phán"),
    ],
)
async def test_counts_the_entries_give_are_answered(world: World, question: str, figure: str) -> None:
    text = await (await world.staff_chat("people-ok")).text(question)
    assert figure in text and "Căn cứ" in text, text
