"""Follow-ups of round 9 ("tune9"), through the dispatcher: the case the answer states, said with its verb
("nếu vướng trở ngại khách quan thì sao"), the complex nguồn tin (many places to verify: the 2 months), and a
document's number typed with its year ("qđ 259/2023"), then "nó thay qđ nào". Own phrasings."""

from __future__ import annotations

import pytest

from tests.conftest import World


def body(text: str) -> str:
    return text.split("Xem thêm")[0]


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("co qd dua vu an ra xx thi may ngay phai mo phien toa", "neu vuong tro ngai khach quan thi sao"),
        ("có quyết định đưa vụ án ra xét xử thì mấy ngày phải mở phiên tòa", "lỡ gặp bất khả kháng thì sao"),
        ("sau qd dua vu an ra xet xu bao lau phai mo phien toa", "nhỡ vướng trở ngại khách quan thì sao"),
    ],
)
async def test_the_case_met_with_its_verb_is_the_answers_own(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("t9-vuong")
    assert "15 ngày" in await chat.text(first)
    text = body(await chat.text(then))
    assert "30 ngày" in text and "Có phải" not in text, text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("nguon tin ve toi pham giai quyet may ngay", "neu phuc tap, nhieu dia diem thi sao"),
        ("tb bn ngay", "vu phuc tap thi sao"),
        ("tố giác tội phạm giải quyết trong mấy ngày", "nếu phải xác minh tại nhiều địa điểm thì sao"),
    ],
)
async def test_a_complex_nguon_tin_is_given_its_two_months(world: World, first: str, then: str) -> None:
    chat = await world.staff_chat("t9-phuctap")
    assert "20 ngày" in await chat.text(first)
    text = body(await chat.text(then))
    assert "2 tháng" in text and "nhiều địa điểm" in text and "nghị án" not in text, text


@pytest.mark.parametrize(
    "question",
    ["qd 259/2023 la quy che ve cai gi vay", "quyết định 259/2023 là quy chế về cái gì", "qđ 259/2023 là gì"],
)
async def test_a_document_number_with_its_year(world: World, question: str) -> None:
    chat = await world.staff_chat("t9-qd259")
    text = body(await chat.text(question))
    assert "259/QĐ-VKSTC" in text, text
    text = body(await chat.text("no thay qd nao"))
    assert "501" in text, text
