"""Questions in a real chat, through the dispatcher: follow-ups read against the last answer
(for 30 minutes), two-part questions, shorthand, stage words, confidence, unknown units and
years, and the figure for the case asked shown first."""

from __future__ import annotations

from tests.conftest import World
from tests.fakes import FakeChat, buttons, joined


async def _chat(world: World, name: str) -> FakeChat:
    return await world.staff_chat(name)


# --- 1. conversation context ---------------------------------------------------------------


async def test_followup_without_subject_reads_against_the_last_answer(world: World) -> None:
    chat = await _chat(world, "f1")
    first = await chat.text("tạm giữ bao lâu")
    assert "3 ngày" in first and "Điều 118" in first
    follow = await chat.text("còn gia hạn thì sao")
    assert "Về: Gia hạn tạm giữ" in follow
    assert "9 ngày" in follow and "Điều 118 khoản 2" in follow


async def test_followup_replaces_the_crime_category(world: World) -> None:
    chat = await _chat(world, "f2")
    assert "3 tháng" in await chat.text("tam giam dieu tra toi nghiem trong bao lau")
    follow = await chat.text("thế còn tội rất nghiêm trọng")
    assert "Về: Tạm giam để điều tra tội rất nghiêm trọng" in follow
    assert "4 tháng" in follow


async def test_followup_context_expires_after_30_minutes(world: World) -> None:
    chat = await _chat(world, "f3")
    await chat.text("tạm giữ bao lâu")
    world.app.services.clock.advance(minutes=31)  # type: ignore[attr-defined]
    follow = await chat.text("còn gia hạn thì sao")
    assert "Gia hạn tạm giữ" not in follow.split("\n")[0]
    assert "Về: Gia hạn tạm giữ" not in follow


async def test_question_with_its_own_subject_ignores_the_context(world: World) -> None:
    chat = await _chat(world, "f4")
    await chat.text("tạm giữ bao lâu")
    text = await chat.text("kháng cáo bản án sơ thẩm trong bao nhiêu ngày")
    assert "15 ngày" in text and "Về:" not in text


async def test_pressing_an_entry_button_sets_the_context(world: World) -> None:
    chat = await _chat(world, "f5")
    await chat.press("kb:truy_to_thoi_han")
    follow = await chat.text("còn gia hạn thì sao")
    assert "Về: Gia hạn thời hạn quyết định việc truy tố" in follow


# --- 2. two-part questions -----------------------------------------------------------------


async def test_two_part_question_answers_each_part_with_its_source(world: World) -> None:
    chat = await _chat(world, "p1")
    text = await chat.text("tội nghiêm trọng điều tra tối đa bao lâu và tạm giam điều tra tối đa bao lâu")
    assert "có 2 phần" in text
    first, second = text.split("\n2. ")
    assert "Thời hạn điều tra tội nghiêm trọng" in first and "Điều 172" in first
    assert "Tạm giam để điều tra tội nghiêm trọng" in second and "Điều 173" in second
    assert first.count("Căn cứ:") == 1 and second.count("Căn cứ:") == 1


async def test_second_part_without_subject_reads_against_the_first(world: World) -> None:
    chat = await _chat(world, "p2")
    text = await chat.text("truy tố ít NT bao nhiêu ngày, gia hạn thêm mấy ngày")
    first, second = text.split("\n2. ")
    assert "20 ngày" in first and "Điều 240" in first
    assert "Gia hạn thời hạn quyết định việc truy tố" in second


async def test_part_that_finds_nothing_is_named(world: World) -> None:
    chat = await _chat(world, "p3")
    text = await chat.text("thời hạn tạm giữ là bao lâu, giá vàng bao nhiêu một chỉ")
    assert "3 ngày" in text
    assert "«giá vàng bao nhiêu một chỉ»\nTôi chưa tìm được câu trả lời cho phần này" in text


async def test_two_years_are_answered_each(world: World) -> None:
    chat = await _chat(world, "p4")
    text = await chat.text("chủ đề thi đua năm 2022 và 2023 là gì")
    assert "Chủ đề thi đua năm 2022" in text and "Chủ đề thi đua năm 2023" in text


async def test_one_question_with_and_is_not_cut(world: World) -> None:
    chat = await _chat(world, "p5")
    text = await chat.text("tạm giữ và tạm giam có được trừ vào thời hạn chấp hành hình phạt không")
    assert "phần" not in text.split("\n")[0] and text.count("Căn cứ:") == 1


# --- 3. shorthand, and stage words that decide ------------------------------------------


async def test_shorthand_staff_type(world: World) -> None:
    chat = await _chat(world, "s1")
    text = await chat.text("tgiam dt toi DBNT toi da bao lau")
    assert "Điều 173" in text and "Thời hạn điều tra" not in text
    assert "3 ngày" in await chat.text("tgiu bn ngay")


async def test_detention_for_prosecution_is_not_the_investigation_detention(world: World) -> None:
    chat = await _chat(world, "s2")
    text = await chat.text("tạm giam để truy tố tội rất nghiêm trọng")
    assert "Điều 241" in text and "30 ngày" in text
    assert "4 tháng" not in text


async def test_ambiguous_shorthand_is_asked_about(world: World) -> None:
    chat = await _chat(world, "s3")
    replies = await chat.send("gia han tg toi da may lan")
    assert "Có phải anh/chị muốn hỏi" in joined(replies)
    titles = [label for label, _ in buttons(replies)]
    assert any("tạm giữ" in t for t in titles) and any("tạm giam" in t for t in titles)


async def test_stage_not_named_with_close_stages_is_asked(world: World) -> None:
    chat = await _chat(world, "s4")
    replies = await chat.send("tam giam toi da bao lau")
    assert joined(replies).startswith("Thời hạn khác nhau theo giai đoạn tố tụng")
    assert len(buttons(replies)) >= 2


# --- 4. confidence ------------------------------------------------------------------------


async def test_chatty_padding_does_not_change_the_answer(world: World) -> None:
    chat = await _chat(world, "c1")
    plain = await chat.text("thời hạn tạm giữ là bao lâu")
    padded = await chat.text("a ơi cho em hỏi thời hạn tạm giữ là bao lâu ạ")
    assert padded == plain


async def test_out_of_scope_gets_dont_know_with_the_topics_not_a_menu(world: World) -> None:
    chat = await _chat(world, "c2")
    for question in ("lương cơ sở hiện nay là bao nhiêu", "kết quả bóng đá tối qua"):
        replies = await chat.send(question)
        text = joined(replies)
        assert "chưa có thông tin" in text and "thời hạn tố tụng" in text
        assert all(data.startswith("kbc:") for _, data in buttons(replies))


# --- 5. unknown unit or year ------------------------------------------------------------------


async def test_unknown_province_is_said_first_then_the_sector_entry(world: World) -> None:
    chat = await _chat(world, "u1")
    text = await chat.text("phương châm công tác của VKSND tỉnh Cà Mau năm 2023")
    first = text.split("\n")[0]
    assert first.startswith("Trợ lý chưa có thông tin") and "riêng của VKSND tỉnh Cà Mau năm 2023" in first
    assert "thông tin chung của toàn Ngành" in first
    assert "Chủ đề thi đua năm 2023" in text or "2023" in text.split("\n")[1]


async def test_unknown_year_is_said_and_not_answered_with_another_year(world: World) -> None:
    chat = await _chat(world, "u2")
    text = await chat.text("chủ đề thi đua năm 2019 là gì")
    assert text.startswith("Trợ lý chưa có thông tin") and "năm 2019" in text.split("\n")[0]
    assert "Căn cứ:" not in text


# --- 6. lead with what was asked ------------------------------------------------------------


async def test_figure_for_the_case_named_comes_first(world: World) -> None:
    chat = await _chat(world, "l1")
    prosecution = await chat.text("truy tố tội rất nghiêm trọng bao nhiêu ngày")
    assert prosecution.split("\n")[0] == "▶ 30 ngày đối với tội rất nghiêm trọng và tội đặc biệt nghiêm trọng."
    assert "20 ngày" in prosecution  # the whole answer still follows
    shorthand = await chat.text("truy to RNT bn ngay")
    assert shorthand.split("\n")[0] == "▶ 30 ngày đối với tội rất nghiêm trọng và tội đặc biệt nghiêm trọng."
    months = await chat.text("tạm giam hai tháng tính bao nhiêu ngày")
    assert months.split("\n")[0] == "▶ 2 tháng = 60 ngày."
    first_period = await chat.text("tạm giữ khi chưa gia hạn được bao lâu")
    assert first_period.split("\n")[0].startswith("▶ ") and "3 ngày" in first_period.split("\n")[0]


# --- 7. relative times in the free-text calculator -----------------------------------------


async def test_free_text_calculator_reads_relative_times(world: World) -> None:
    chat = await _chat(world, "t1")  # the fake clock: Monday 02/03/2026 08:00 in Hà Nội
    text = await chat.text("tạm giữ từ 9h tối qua thì hết hạn khi nào")
    assert "01/03/2026" in text and "21:00" in text
    assert "04/03/2026" in text  # 3 days of 24 hours, custody is never shifted
    morning = await chat.text("tam giu tu 8h sang nay")
    assert "02/03/2026" in morning and "08:00" in morning and "05/03/2026" in morning


async def test_followup_after_a_computed_period(world: World) -> None:
    chat = await _chat(world, "t2")
    card = await chat.text("tạm giữ từ 14h 01/03/2026 hết hạn khi nào")
    assert "04/03/2026" in card
    follow = await chat.text("còn gia hạn thì sao")  # the card's extensions, with their dates
    assert "14:00 Thứ Bảy 07/03/2026" in follow and "9 ngày" in follow and "10/03/2026" in follow


async def test_a_question_during_a_form_leaves_the_draft_alone(world: World) -> None:
    chat = await _chat(world, "f6")
    await chat.text("/tinhhan")
    await chat.press("dl:k:tam_giu")  # the calculator's form now waits for the start time
    before = await world.app.repos.conversations.load("test", "f6", "f6")
    assert before.state is not None
    await chat.text("/hoi thời hạn tạm giữ là bao lâu")
    after = await world.app.repos.conversations.load("test", "f6", "f6")
    assert "qa_last" not in after.data and after.state == before.state


async def test_the_unanswered_part_is_recorded_for_administrators(world: World) -> None:
    chat = await _chat(world, "p6")
    await chat.text("thời hạn tạm giữ là bao lâu, giá vàng bao nhiêu một chỉ")
    unanswered = await world.chat(world.admin_a).text("/chuatraloi")
    assert "giá vàng bao nhiêu một chỉ — 1 lần" in unanswered
    assert "tạm giữ" not in unanswered
