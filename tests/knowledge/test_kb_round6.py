"""Round 6 pieces, pure: what a follow-up asks of the last answer, the question inside a chatty
story, a "là gì" question followed by another, and "pháp luật" naming no law."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb.attributes import asks_how_long, asks_source, asks_total, neighbour_stage, states_total
from knowledge.kb.chatty import question_core
from knowledge.kb.dialogue import Dialogue
from knowledge.kb.normalize import syllables
from knowledge.kb.scope import named_law
from knowledge.kb.search import Searcher
from knowledge.kb.store import load_kb
from knowledge.kb.twopart import split_question
from knowledge.kb.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
TODAY = date(2026, 3, 1)


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    return Dialogue(Searcher(load_kb()))


def test_what_asks_the_basis_and_what_names_a_subject(dialogue: Dialogue) -> None:
    tokens = dialogue._tokens
    assert asks_source(tokens("căn cứ điều mấy"), VOCAB) and asks_source(tokens("căn cứ pháp lý là gì vậy"), VOCAB)
    assert asks_source(tokens("thế quy định ở đâu"), VOCAB)
    assert not asks_source(tokens("điều tra bổ sung mấy lần"), VOCAB)  # "điều tra": a subject, not an article
    assert asks_total(tokens("vậy tổng cộng tối đa bao lâu"), VOCAB) and not asks_total(
        tokens("gia hạn mấy lần"), VOCAB
    )
    assert asks_how_long(tokens("trong thời hạn bao lâu"), VOCAB) and not asks_how_long(tokens("ai gia hạn"), VOCAB)


def test_a_total_is_stated_by_a_sentence_not_by_one_extensions_cap() -> None:
    assert states_total("4 tháng; có thể gia hạn 1 lần không quá 3 tháng. Tối đa 7 tháng tạm giam.")
    assert states_total("nên tổng thời gian tạm giữ tối đa 9 ngày")
    assert not states_total("30 ngày. Viện trưởng gia hạn thêm: tối đa 10 ngày; tối đa 30 ngày với tội đặc biệt")


def test_the_neighbouring_stage() -> None:
    title = syllables("thoi han dieu tra toi nghiem trong")
    assert neighbour_stage(title, 1) == (syllables("thoi han truy to toi nghiem trong"), ("truy", "to"))
    assert neighbour_stage(title, -1) is None  # nothing before the investigation here
    assert neighbour_stage(syllables("thoi han khang cao"), 1) is None


def test_the_question_inside_a_story(dialogue: Dialogue) -> None:
    story = (
        "Anh ơi, vụ cướp bên em xác định tội rất nghiêm trọng, bị can đang bị tạm giam. "
        "Vậy gia hạn tạm giam để điều tra được mấy lần ạ? Em cảm ơn anh"
    )
    core = question_core(story, VOCAB, dialogue._tokens)
    assert core is not None and core[0] == "rat nghiem trong" and "cảm ơn" not in core[1]
    assert core[1] == "Vậy gia hạn tạm giam để điều tra được mấy lần ạ"
    # A question with one aside is no story: searched as it is.
    assert question_core("anh ơi, tạm giữ bao lâu", VOCAB, dialogue._tokens) is None


def test_a_what_question_then_another_subjects_question(dialogue: Dialogue) -> None:
    parts = split_question("hai chân ba mũi là gì ngành thành lập ngày nào", VOCAB, dialogue.searcher.synonyms)
    assert parts == ["hai chân ba mũi là gì", "ngành thành lập ngày nào"]
    # No subject of its own on the right: one question ("là gì" said in passing).
    assert len(split_question("phương châm năm 2024 là gì áp dụng từ khi nào", VOCAB, dialogue.searcher.synonyms)) == 1


def test_the_law_in_general_is_no_law_named() -> None:
    assert named_law(syllables("tam giu trai phap luat thi vks lam gi")) is None
    assert named_law(syllables("theo luat khieu nai thoi han bao lau")) == ("luat", "khieu", "nai")


def test_one_clause_of_story_and_a_yes_no_clause(dialogue: Dialogue) -> None:
    core = question_core(
        "e truc ban gap vu kho qua troi, e hong chac qd tgiu gui vks trong mi gio", VOCAB, dialogue._tokens
    )
    assert core == ("", "e hong chac qd tgiu gui vks trong mi gio")
    # "… được hông" asks yes or no: both clauses ask, no story around them
    assert (
        question_core("tam giu hanh chinh gia han dc hong ad, toi da bao nhieu ngay", VOCAB, dialogue._tokens) is None
    )
    # a colon ends the story
    core = question_core("mai có đoàn kiểm tra: tạm giữ tối đa bao lâu", VOCAB, dialogue._tokens)
    assert core is not None and core[1] == "tạm giữ tối đa bao lâu"


def test_a_part_saying_do_is_no_pointer_back(dialogue: Dialogue) -> None:
    # "do ai duyệt" asks who: an unanswered second part is still said, never dropped as a repeat
    parts = dialogue.read("tạm giữ tối đa mấy ngày, còn nghỉ phép do ai duyệt", TODAY)
    assert len(parts) == 2 and parts[0].answered and not parts[1].answered
