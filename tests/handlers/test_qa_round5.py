"""Patterns from the round-5 blind tuning sets, through the dispatcher: several stages listed in one
question, a stage asked under the last answer, a document named by its number, staff shorthand."""

from __future__ import annotations

from tests.conftest import World


async def test_stages_listed_together_are_answered_by_the_entry_that_gives_them_all(world: World) -> None:
    chat = await world.staff_chat("r1")
    text = await chat.text("tgiam theo thu tuc rut gon tung giai doan dt, truy to, st, pt bn ngay")
    assert all(days in text for days in ("20 ngày", "5 ngày", "17 ngày", "22 ngày")), text
    assert "Điều 459" in text


async def test_a_stage_asked_after_an_answer_that_gives_it(world: World) -> None:
    chat = await world.staff_chat("r2")
    await chat.text("rut gon tgiam giai doan dt bn ngay")
    text = await chat.text("so tham thi")
    # Read under the rút gọn detention limits (alone, "sơ thẩm thì" is a menu), which give it.
    assert "Về: Thời hạn tạm giữ, tạm giam theo thủ tục rút gọn" in text and "xét xử sơ thẩm không quá 17 ngày" in text
    chat = await world.staff_chat("r3")
    assert "20 ngày" in await chat.text("tin bao bn ngay")
    complex_case = await chat.text("phuc tap thi toi da")
    assert "2 tháng" in complex_case and "Căn cứ:" in complex_case


async def test_a_document_named_by_number_outweighs_its_titles_other_words(world: World) -> None:
    chat = await world.staff_chat("r4")
    text = await chat.text("qd 259 ban hanh ngay nao, thay qd nao")
    assert "20/7/2023" in text and "501" in text


async def test_shorthand_for_holding_in_an_emergency(world: World) -> None:
    chat = await world.staff_chat("r5")
    text = await chat.text("gnkc xong bn h phai lay loi khai")
    assert "12 giờ" in text and "Điều 110" in text
