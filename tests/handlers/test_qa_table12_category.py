"""A period the crime category decides, asked without one, gets every category's figure (round 13,
``knowledge/kb/by_category.py``), through the dispatcher as a fresh staff member.

"thời hạn điều tra vụ án tối đa bao lâu" was answered "3 tháng; … tối đa 8 tháng", the serious crime's figures,
as if they held for every case: wrong for three categories of four (BLTTHS Đ172 k1, k2; Đ173; Đ277 k1).
"""

from __future__ import annotations

import pytest

from knowledge.kb.reply import BY_CATEGORY
from tests.conftest import World

LABELS = ("Tội ít nghiêm trọng:", "Tội nghiêm trọng:", "Tội rất nghiêm trọng:", "Tội đặc biệt nghiêm trọng:")


async def last_reply(world: World, *turns: str) -> str:
    chat = await world.staff_chat("table12")
    text = ""
    for turn in turns:
        text = await chat.text(turn)
    return text


# (question, the figures every correct answer gives, the article)
NO_CATEGORY = [
    ("thời hạn điều tra vụ án tối đa bao lâu", ("2 tháng", "3 tháng", "4 tháng", "20 tháng"), "Điều 172"),
    ("điều tra tối đa bao lâu kể cả gia hạn", ("2 tháng", "3 tháng", "4 tháng"), "Điều 172"),
    ("e hoi chut, thoi han dieu tra vu an toi da bao lau a", ("2 tháng", "3 tháng", "4 tháng"), "Điều 172"),
    ("tạm giam để điều tra bao lâu", ("2 tháng", "3 tháng", "4 tháng"), "Điều 173"),
    ("tam giam de dieu tra bao lau vay anh", ("2 tháng", "3 tháng", "4 tháng"), "Điều 173"),
    ("cbxx bao lâu", ("30 ngày", "45 ngày", "2 tháng", "3 tháng"), "Điều 277"),
    ("tòa chuẩn bị xét xử vụ án mấy tháng", ("30 ngày", "45 ngày", "2 tháng", "3 tháng"), "Điều 277"),
    ("chuan bi xet xu bao nhieu ngay", ("30 ngày", "45 ngày", "2 tháng", "3 tháng"), "Điều 277"),
    # a menu or "don't know" before: the family's own words and how long, nothing else
    ("điều tra bao lâu", ("2 tháng", "3 tháng", "4 tháng"), "Điều 172"),
    ("dt bn thang", ("2 tháng", "3 tháng", "4 tháng"), "Điều 172"),
    ("Thời hạn điều tra bao lâu?", ("2 tháng", "3 tháng", "4 tháng"), "Điều 172"),
]


@pytest.mark.parametrize(("question", "figures", "article"), NO_CATEGORY)
async def test_no_category_named_gives_every_category(
    world: World, question: str, figures: tuple[str, ...], article: str
) -> None:
    text = await last_reply(world, question)
    assert text.startswith(BY_CATEGORY), text
    assert all(label in text for label in LABELS), text
    assert all(figure in text for figure in figures), text
    assert article in text, text
    # least serious first
    assert [text.index(label) for label in LABELS] == sorted(text.index(label) for label in LABELS), text


# A category named, a figure that says it, or the category of the answer before: that category's answer alone.
ONE_CATEGORY = [
    (("điều tra tội NT bao lâu",), "3 tháng"),
    (("dt vu it NT toi da bao lau",), "2 tháng"),
    (("điều tra được 16 tháng không",), "16 tháng"),
    (("điều tra tội RNT bao lâu", "còn tạm giam thì sao"), "4 tháng"),
    (("thời hạn điều tra vụ án tối đa bao lâu", "còn ĐBNT thì sao"), "4 tháng"),
    (("điều tra lại bao lâu",), "Điều 174"),  # another period, not the family
    (("điều tra bổ sung bao lâu",), "2 tháng"),
]


@pytest.mark.parametrize(("turns", "figure"), ONE_CATEGORY)
async def test_a_category_known_gets_its_own_answer(world: World, turns: tuple[str, ...], figure: str) -> None:
    text = await last_reply(world, *turns)
    assert not text.startswith(BY_CATEGORY), text
    assert all(label not in text for label in LABELS), text
    assert figure in text, text


# A minor: the adult figures must not be given as the answer (FACTS §14, U), neither as a table.
MINOR = [
    ("bị can là người chưa thành niên", "điều tra bao lâu"),
    ("bi can 16t dieu tra bao lau",),
    ("người dưới 18 tuổi thì tạm giam để điều tra bao lâu",),
]


@pytest.mark.parametrize("turns", MINOR)
async def test_a_minor_gets_no_table_of_adult_figures(world: World, turns: tuple[str, ...]) -> None:
    text = await last_reply(world, *turns)
    assert BY_CATEGORY not in text, text
    assert not all(label in text for label in LABELS), text


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("tạm giam để điều tra bao lâu", "Điều 173 khoản 5"),
        ("thời hạn điều tra vụ án tối đa bao lâu", "Điều 172 khoản 3"),
    ],
)
async def test_the_table_says_what_it_leaves_to_national_security(world: World, question: str, note: str) -> None:
    text = await last_reply(world, question)
    assert "Tội xâm phạm an ninh quốc gia: Viện trưởng VKSND tối cao có thể gia hạn thêm" in text, text
    assert note in text, text
