"""Follow-ups that ask an attribute of the last answer, through the dispatcher: its legal basis, its
total, the stage before or after it (own phrasings, round 6)."""

from __future__ import annotations

import pytest

from tests.conftest import World


@pytest.mark.parametrize(
    "ask",
    ["can cu dieu may", "quy định ở điều nào", "căn cứ vào đâu", "theo luat nao", "dieu may bltths", "cơ sở pháp lý"],
)
async def test_the_legal_basis_asked_after_an_answer_is_that_answers_basis(world: World, ask: str) -> None:
    chat = await world.staff_chat("a1")
    first = await chat.text("thoi han tam giam dieu tra toi nghiem trong")
    assert "Điều 173" in first
    text = await chat.text(ask)
    # Not another entry that happens to share a word ("điều" of điều tra lại): the same rule and article.
    assert "Về: Tạm giam để điều tra tội nghiêm trọng" in text and "Căn cứ: BLTTHS 2015, Điều 173" in text, text


async def test_a_basis_question_with_a_subject_of_its_own_is_no_attribute(world: World) -> None:
    chat = await world.staff_chat("a2")
    await chat.text("thoi han tam giu")
    text = await chat.text("căn cứ điều tra bổ sung mấy lần")  # "điều tra": a subject, not "which article"
    assert "Về: Thời hạn tạm giữ" not in text


@pytest.mark.parametrize(
    ("first", "total"),
    [
        ("thoi han tam giam dieu tra toi rat nghiem trong", "7 tháng"),
        ("thoi han dieu tra toi nghiem trong", "8 tháng"),
        ("tam giu toi da may ngay", "9 ngày"),
    ],
)
async def test_the_total_asked_after_an_answer_that_states_it(world: World, first: str, total: str) -> None:
    chat = await world.staff_chat("a3")
    await chat.text(first)
    text = await chat.text("tổng cộng tối đa bao lâu")
    assert total in text and "Căn cứ:" in text, text


async def test_the_next_stage_keeps_the_category_asked(world: World) -> None:
    chat = await world.staff_chat("a4")
    await chat.text("thoi han dieu tra toi nghiem trong")
    text = await chat.text("giai doan sau thi bao lau")
    assert "Về: Thời hạn VKS quyết định việc truy tố" in text and "Điều 240" in text, text
    chat = await world.staff_chat("a5")
    await chat.text("thời hạn truy tố tội rất nghiêm trọng")
    before = await chat.text("giai đoạn trước thì bao lâu")
    # Back to the investigation, still for the category the first question named.
    assert "Về: Thời hạn điều tra tội rất nghiêm trọng" in before and "Điều 172" in before, before


async def test_a_stage_after_an_answer_without_one_is_not_another_subject(world: World) -> None:
    chat = await world.staff_chat("a6")
    await chat.text("khang cao ban an so tham may ngay")
    text = await chat.text("giai doan sau thi sao")
    # Before: the complaints entry (it names "giai đoạn"), a confident wrong answer.
    assert "Căn cứ:" not in text, text


async def test_a_total_the_answer_does_not_state_is_asked_not_answered_by_a_statistic(world: World) -> None:
    chat = await world.staff_chat("a7")
    await chat.text("chuẩn bị xét xử tội rất nghiêm trọng mấy tháng")
    text = await chat.text("thế tổng cộng tối đa là bao lâu")
    # The answer gives 2 months and a 30-day extension but no total: a menu with it and the extension.
    assert "Có phải anh/chị muốn hỏi" in text and "Căn cứ:" not in text, text
    # The prosecution period states its totals (30/45/60 days): the follow-up is answered by it.
    await chat.text("truy tố tội rất nghiêm trọng mấy ngày")
    text = await chat.text("thế tổng cộng tối đa là bao lâu")
    assert "45 ngày với tội rất nghiêm trọng" in text and "Điều 240" in text, text


async def test_how_long_after_an_answer_that_states_it(world: World) -> None:
    chat = await world.staff_chat("a8")
    await chat.text("ai có thẩm quyền quyết định áp dụng thủ tục rút gọn")
    text = await chat.text("phải ra trong bao lâu")
    assert "24 giờ" in text and "Điều 457" in text, text


async def test_a_detail_the_answer_gives_under_its_own_subject(world: World) -> None:
    chat = await world.staff_chat("a9")
    await chat.text("phục hồi giải quyết nguồn tin thì thời hạn bao lâu")
    text = await chat.text("qđ phục hồi phải gửi vks trong mấy ngày")
    # Not the restored investigation's entry: the answer about restored reports says 3 days.
    assert "Về: Thời hạn sau khi phục hồi giải quyết nguồn tin" in text and "3 ngày" in text, text


async def test_a_condition_is_read_under_the_answers_subject(world: World) -> None:
    chat = await world.staff_chat("a10")
    await chat.text("chuẩn bị xét xử tội rất nghiêm trọng bao lâu")
    text = await chat.text("nếu tòa trả hồ sơ điều tra bổ sung rồi nhận lại thì sao")
    assert "15 ngày" in text and "Điều 277" in text, text


async def test_a_category_row_of_the_answers_table(world: World) -> None:
    chat = await world.staff_chat("a11")
    await chat.text("tạm giam để chuẩn bị xét xử bao lâu")
    text = await chat.text("còn tội ít nghiêm trọng thì tối đa bao lâu")
    assert "Về: Tạm giam để chuẩn bị xét xử" in text and "30 ngày với tội ít nghiêm trọng" in text, text


async def test_the_investigating_body_names_no_stage(world: World) -> None:
    chat = await world.staff_chat("a12")
    await chat.text("tố giác phức tạp thì gia hạn tối đa bao lâu")
    text = await chat.text("cơ quan điều tra đề nghị gia hạn chậm nhất mấy ngày")
    assert "5 ngày" in text and "Điều 147" in text, text


async def test_not_in_time_asks_what_the_answer_says_of_it(world: World) -> None:
    chat = await world.staff_chat("a13")
    await chat.text("tin báo tội phạm giải quyết trong bao lâu")
    text = await chat.text("vụ việc phức tạp không kịp thì sao")
    assert "2 tháng" in text and "Căn cứ:" in text, text


async def test_a_period_run_out_is_what_the_law_says_of_it_or_nothing(world: World) -> None:
    chat = await world.staff_chat("a14")
    await chat.text("tạm giam để điều tra tội ít nghiêm trọng bao lâu")
    text = await chat.text("hết hạn mà chưa có lệnh gia hạn thì sao")
    assert "Về: Hết thời hạn tạm giữ, tạm giam mà không gia hạn: trả tự do" in text and "trả tự do" in text, text
    chat = await world.staff_chat("a15")
    await chat.text("thời hạn điều tra tội nghiêm trọng")
    unknown = await chat.text("quá hạn thì sao")
    # Before: the same investigation limits again, as if they said what happens then.
    assert "Căn cứ:" not in unknown, unknown
