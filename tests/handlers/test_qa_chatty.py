"""A question inside a chatty story, through the dispatcher (own phrasings, round 6): the asking
clauses are the question, with the case details the story gives."""

from __future__ import annotations

from tests.conftest import World


async def test_the_category_told_in_the_story_is_the_questions(world: World) -> None:
    chat = await world.staff_chat("c1")
    text = await chat.text(
        "Anh ơi, em mới về phòng điều tra, vụ lừa đảo bên em xác định là tội rất nghiêm trọng, bị can đang "
        "bị tạm giam. Anh cho em hỏi tạm giam để điều tra tối đa bao lâu kể cả gia hạn ạ. Em cảm ơn anh"
    )
    assert "7 tháng" in text and "Điều 173" in text, text


async def test_the_measure_told_in_the_story_when_the_question_names_none(world: World) -> None:
    chat = await world.staff_chat("c2")
    text = await chat.text(
        "chào chị, bên em có vụ rút gọn, mới khởi tố, lãnh đạo giao em theo dõi. "
        "Chị ơi giai đoạn điều tra được bao nhiêu ngày, em sợ trễ. cảm ơn chị nhiều"
    )
    assert "20 ngày" in text and "rút gọn" in text, text


async def test_a_two_part_question_in_a_story_takes_the_category_in_its_first_part(world: World) -> None:
    chat = await world.staff_chat("c3")
    text = await chat.text(
        "Chị ơi, em ở phòng truy tố, vụ giết người tội đặc biệt nghiêm trọng vừa nhận hồ sơ và kết luận "
        "điều tra, em chưa quen. Thời hạn quyết định truy tố mấy ngày và viện trưởng gia hạn thêm bao nhiêu "
        "ạ. Em cảm ơn"
    )
    assert "30 ngày" in text and "Điều 240" in text, text


async def test_a_story_without_a_question_is_not_answered(world: World) -> None:
    chat = await world.staff_chat("c4")
    text = await chat.text(
        "Chị ơi, hôm nay em đi họp giao ban, trưởng phòng khen vụ tạm giam bên em làm nhanh, "
        "em vui quá, cảm ơn chị đã chỉ em hôm trước nhé"
    )
    assert "Căn cứ:" not in text, text


async def test_a_story_around_a_question_out_of_scope_is_not_answered_with_its_measure(world: World) -> None:
    chat = await world.staff_chat("c5")
    text = await chat.text(
        "Chị ơi, bị can bên em đang bị tạm giam, gia đình hỏi tiền ăn một ngày bao nhiêu ạ. Em cảm ơn chị"
    )
    # The asking clause read with the story's "tạm giam" found how a detention is counted: it asks
    # nothing of that, so the story's reading is dropped.
    assert "Căn cứ:" not in text, text
