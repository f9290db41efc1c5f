"""A follow-up asking which category of crime the last answer's rule is for ("rút gọn cần mấy điều kiện" → "còn
tội của nó phải là loại tội gì"): the last answer, when it names the category (Đ456: tội ít nghiêm trọng)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "followup",
    [
        "con toi cua no phai la loai toi gi",
        "thế tội phải là loại tội gì",
        "phạm tội loại gì mới được rút gọn",
        "áp dụng cho tội nào",
        "vu do phai la toi gi moi duoc",
        "vậy loại tội phạm nào thì được ạ",
    ],
)
async def test_the_category_is_the_last_answers(world: World, followup: str) -> None:
    chat = await world.staff_chat("s12-category")
    first = await chat.text("rut gon can may dieu kien")
    assert "Điều 456" in first, first
    text = await chat.text(followup)
    assert "ít nghiêm trọng" in text and "Điều 456" in text, text


async def test_an_answer_that_names_no_category_is_not_said_again(world: World) -> None:
    chat = await world.staff_chat("s12-category2")
    first = await chat.text("thời hạn kháng cáo bản án sơ thẩm bao lâu")
    assert "Điều 333" in first, first
    text = await chat.text("áp dụng cho tội nào")
    assert "Điều 333" not in text, text


async def test_another_measure_named_is_its_own_question(world: World) -> None:
    chat = await world.staff_chat("s12-category3")
    await chat.text("rut gon can may dieu kien")
    text = await chat.text("tạm giam áp dụng cho loại tội nào")
    assert not text.startswith("Phải đủ cả 4 điều kiện"), text
