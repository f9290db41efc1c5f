"""Round 10 (the brief's round-9 leftover): a crime named by its BLHS title in a calculator question that names
no category. Through the real dispatcher; fake clock Monday 02/03/2026 08:00 (Hà Nội).

* every clause of the article has one category ("hành hạ người khác", Điều 140: ít nghiêm trọng): that is
  the category, the card is computed (the clause is not needed);
* the clauses differ ("giết người", Điều 123: khoản 1 ĐBNT, khoản 2 RNT, khoản 3 NT): the category is asked
  with what each clause is, never guessed; a category said with it is used.
"""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    ("question", "end"),
    [
        ("vụ hành hạ người khác, khởi tố vụ án 10/02/2026, hạn điều tra đến ngày nào", "10/04/2026"),
        ("vu hanh ha nguoi khac khoi to vu an 10/2/2026 han dieu tra", "10/04/2026"),
        ("vu giet hoac vut bo con moi de, khoi to vu an ngay 02/03/2026, dieu tra den ngay nao", "04/05/2026"),
        ("Tội giết hoặc vứt bỏ con mới đẻ khởi tố vụ án ngày 02/03/2026 thì điều tra tới ngày nào ạ", "04/05/2026"),
    ],
)
async def test_a_crime_of_one_category_needs_no_clause(world: World, question: str, end: str) -> None:
    chat = await world.staff_chat("crime1")
    text = await chat.text(question)
    assert "ĐIỀU TRA VỤ ÁN" in text and "ít nghiêm trọng" in text and end in text, text


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("vụ giết người, điều tra từ 01/03/2026, gia hạn lần 2 đến ngày nào", "khoản 1: đặc biệt nghiêm trọng"),
        ("vu giet nguoi khoi to vu an 01/03/2026 han dieu tra het ngay nao", "khoản 2: rất nghiêm trọng"),
        ("tạm giam để điều tra tội giết người từ 01/03/2026 tối đa đến ngày nào", "khoản 3: nghiêm trọng"),
        ("tội trộm cắp tài sản, khởi tố vụ án 05/03/2026, điều tra đến ngày nào", "khoản 4: đặc biệt nghiêm trọng"),
        ("vu danh bac khoi to vu an 10/02/2026, han dieu tra den ngay nao", "khoản 2: nghiêm trọng"),
    ],
)
async def test_a_crime_whose_clauses_differ_asks_with_the_clauses(world: World, question: str, clause: str) -> None:
    chat = await world.staff_chat("crime2")
    text = await chat.text(question)
    assert "tội phạm thuộc loại nào?" in text and clause in text and "Bắt đầu:" not in text, text


async def test_a_category_said_beside_the_crime_is_used(world: World) -> None:
    chat = await world.staff_chat("crime3")
    text = await chat.text("vụ giết người, RNT, khởi tố vụ án 01/03/2026, hạn điều tra đến ngày nào")
    assert "rất nghiêm trọng" in text and "01/07/2026" in text and "khoản 1:" not in text, text
