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
