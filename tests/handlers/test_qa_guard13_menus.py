"""guard13: a menu of close candidates settled by the crime category the question names ("thời hạn gia hạn điều tra
tội nghiêm trọng lần thứ nhất tối đa bao lâu" offered who extends, the category's limits and the table: the
category's own entry answers, BLTTHS Điều 172 khoản 2); and an answer that lacks what the question names gives way
to the one candidate titled with it even when it scores far below ("vks tỉnh kháng nghị quyết định sơ thẩm của tòa
khu vực …" is the decision's 7 and 15 days, Điều 337 khoản 2, not the judgment's)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "figure", "source"),
    [
        (
            "thoi han gia han dieu tra toi nghiem trong lan thu nhat toi da bao lau",
            "lần thứ nhất không quá 3 tháng",
            "172",
        ),
        ("gia hạn điều tra tội rất nghiêm trọng lần 1 được tối đa mấy tháng", "mỗi lần không quá 4 tháng", "172"),
        ("vks tỉnh kháng nghị quyết định sơ thẩm của tòa khu vực thì được bao nhiêu ngày ạ", "15 ngày", "337 khoản 2"),
        ("vks cap tren khang nghi quyet dinh so tham trong may ngay", "15 ngày", "337 khoản 2"),
    ],
)
async def test_the_entry_of_what_is_named(world: World, question: str, figure: str, source: str) -> None:
    text = await (await world.staff_chat("g13-menu")).text(question)
    assert figure in text and f"Điều {source}" in text, text


async def test_who_extends_is_still_who(world: World) -> None:
    text = await (await world.staff_chat("g13-menu-who")).text("vks cap nao gia han dieu tra toi nghiem trong")
    assert "Điều 172 khoản 5" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Thủ tục rút gọn chỉ áp dụng với tội phạm thuộc loại nào?",
        "rut gon ap dung cho loai toi gi vay a",
        "cho em hỏi vụ án nào thì được áp dụng thủ tục rút gọn, tội thuộc loại nào",
    ],
)
async def test_the_category_asked_is_the_entry_that_names_one(world: World, question: str) -> None:
    """Điều 456: a crime of little seriousness; not the appeal's conditions (a stage unasked) nor the decision."""
    text = await (await world.staff_chat("g13-menu-category")).text(question)
    assert "ít nghiêm trọng" in text and "Điều 456" in text, text
