"""Round 7 (own phrasings): a question after one clause of story, "bi nhiu"/"bi lâu", a clause ending in
"hông" that asks yes or no, a story about another branch of law, and the words after "khu vực" that
name no unit — through the dispatcher."""

from __future__ import annotations

from tests.conftest import World


async def test_one_clause_of_story_then_the_question(world: World) -> None:
    chat = await world.staff_chat("r1")
    text = await chat.text(
        "e di kiem sat nha tam giu thay so sach lon xon qua troi, "
        "e hong chac luat bat cqdt gui qd tam giu cho vks trong mi gio"
    )
    assert "12 giờ" in text and "Căn cứ:" in text, text


async def test_bi_nhiu_and_bi_lau_are_how_much_and_how_long(world: World) -> None:
    chat = await world.staff_chat("r2")
    text = await chat.text(
        "chi oi vu lua dao ben e la toi rat nghiem trong, cqdt dieu tra sap het han roi, "
        "dzay gia han dieu tra lan dau dc bi lau"
    )
    assert "4 tháng" in text and "Căn cứ:" in text, text


async def test_a_story_in_another_branch_of_law_is_not_answered_with_criminal_procedure(world: World) -> None:
    chat = await world.staff_chat("r3")
    text = await chat.text("tam giu phuong tien vi pham hanh chinh gia han dc hong, toi da bi nhiu ngay")
    assert "Căn cứ:" not in text, text


async def test_words_after_khu_vuc_that_ask_are_no_unit(world: World) -> None:
    chat = await world.staff_chat("r4")
    text = await chat.text("vks khu vực kháng nghị quyết định sơ thẩm trong mấy ngày")
    assert "Căn cứ:" in text and "khu vực kháng" not in text, text


async def test_an_unknown_district_is_still_said(world: World) -> None:
    chat = await world.staff_chat("r5")
    text = await chat.text("chỉ tiêu công tác năm 2025 của VKSND huyện Bình Lục")
    assert "Bình Lục" in text and "Căn cứ:" not in text, text


async def test_a_detail_of_the_story_the_answer_need_not_say_is_dropped(world: World) -> None:
    chat = await world.staff_chat("r6")
    text = await chat.text(
        "chị ơi vụ đánh bạc ít nghiêm trọng bên em, có áp dụng rút gọn, "
        "cho em hỏi thời hạn điều tra rút gọn bao nhiêu ngày"
    )
    assert "20 ngày" in text and "Căn cứ:" in text, text


async def test_a_question_pointing_back_at_what_the_story_named(world: World) -> None:
    chat = await world.staff_chat("r7")
    text = await chat.text("sếp có nhắc lời Bác dạy cán bộ kiểm sát, mà e hông nhớ mí chữ đó, a nhắc lại với")
    assert "Công minh, chính trực" in text and "Căn cứ:" in text, text


async def test_a_part_asking_again_what_the_part_before_named_is_no_second_part(world: World) -> None:
    chat = await world.staff_chat("r8")
    text = await chat.text(
        "hôm trước đi tập huấn có nghe nói về cuộc vận động vững về chính trị gì đó trong ngành, "
        "anh nhắc lại giúp em cái đó đầy đủ là gì"
    )
    assert "Căn cứ:" in text and "chưa tìm được câu trả lời cho phần này" not in text.lower(), text


async def test_a_pointer_does_not_make_a_story_answer_what_it_does_not_ask(world: World) -> None:
    chat = await world.staff_chat("r9")
    text = await chat.text("Chị ơi, bị can bên em đang bị tạm giam, gia đình hỏi vụ đó tiền ăn một ngày bao nhiêu ạ")
    assert "Căn cứ:" not in text, text


async def test_a_greeting_that_finds_nothing_is_no_unanswered_part(world: World) -> None:
    chat = await world.staff_chat("r10")
    text = await chat.text(
        "Chào anh chị, em mới chuyển về phòng 2 được mấy tuần. Cho em hỏi tạm giữ lần đầu tối đa mấy ngày ạ"
    )
    assert "3 ngày" in text and "chưa tìm được câu trả lời cho phần này" not in text.lower(), text


async def test_a_real_second_question_left_unanswered_is_still_said(world: World) -> None:
    chat = await world.staff_chat("r11")
    text = await chat.text("tạm giữ tối đa mấy ngày, còn giá vàng bao nhiêu một chỉ")
    assert "3 ngày" in text and "chưa tìm được câu trả lời cho phần này" in text.lower(), text


async def test_the_province_of_a_known_district_is_not_known_alone(world: World) -> None:
    chat = await world.staff_chat("r12")
    text = await chat.text("phương châm công tác năm 2025 của VKSND tỉnh Bến Tre")
    assert text.startswith("Trợ lý chưa có thông tin") and "Bến Tre" in text.split("\n")[0], text
    district = await (await world.staff_chat("r13")).text("VKS Bình Đại Bến Tre có phương châm hai chân ba mũi là gì")
    assert not district.startswith("Trợ lý chưa có thông tin") and "oan" in district, district


async def test_a_known_units_year_it_lacks_still_offers_its_own_entries(world: World) -> None:
    chat = await world.staff_chat("r14")
    text = await chat.text("kết quả của cụm thi đua số 6 năm 2024")
    assert "cụm thi đua số 6 năm 2024" in text and "chọn nếu phù hợp" in text, text


async def test_a_time_limit_asked_with_any_unit_named_is_the_law(world: World) -> None:
    chat = await world.staff_chat("r15")
    text = await chat.text("vks huyện Châu Thành kháng nghị phúc thẩm bản án trong mấy ngày")
    assert not text.startswith("Trợ lý chưa có thông tin") and "15 ngày" in text and "Căn cứ:" in text, text
    own = await (await world.staff_chat("r16")).text("chỉ tiêu công tác của vks huyện Châu Thành năm 2025")
    assert own.startswith("Trợ lý chưa có thông tin") and "Châu Thành" in own, own


async def test_a_year_named_only_as_a_documents_date_is_not_covered(world: World) -> None:
    chat = await world.staff_chat("r17")
    text = await chat.text("phương châm công tác năm 2019 của ngành")
    assert text.startswith("Trợ lý chưa có thông tin") and "2019" in text.split("\n")[0], text


async def test_a_city_unit_is_a_unit(world: World) -> None:
    chat = await world.staff_chat("r18")
    text = await chat.text("chỉ tiêu năm 2025 của VKSND thành phố Thủ Đức")
    assert text.startswith("Trợ lý chưa có thông tin") and "Thủ Đức" in text.split("\n")[0], text
    law = await (await world.staff_chat("r19")).text("vks thành phố Thủ Đức hỏi tạm giữ tối đa mấy ngày")
    assert "3 ngày" in law and not law.startswith("Trợ lý chưa có thông tin"), law
