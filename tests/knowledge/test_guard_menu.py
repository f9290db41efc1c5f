"""A menu of close candidates settled by what the question names (pure, on the real knowledge base)."""

from __future__ import annotations

from knowledge.kb.decision import Candidate, SearchResult
from knowledge.kb.dialogue import Dialogue
from knowledge.kb.search import Searcher
from knowledge.kb.store import load_kb

DIALOGUE = Dialogue(Searcher(load_kb()))


def _menu(reason: str, *scored: tuple[str, float]) -> SearchResult:
    kb = {e.id: e for e in DIALOGUE.searcher.entries}
    options = [Candidate(kb[i], s) for i, s in scored]
    return SearchResult("ask", None, options, options[0].score, reason)


def test_the_one_option_that_speaks_of_the_measure_asked_is_the_answer() -> None:
    tokens = DIALOGUE._tokens("tạm giam để chuẩn bị xét xử tội ĐBNT tối đa bao lâu")
    menu = _menu(
        "close candidates", ("chuan_bi_xet_xu_dac_biet_nghiem_trong", 0.57), ("tam_giam_chuan_bi_xet_xu", 0.55)
    )
    result = DIALOGUE.guard.check(menu, tokens)
    assert result.outcome == "answer" and result.entry is not None and result.entry.id == "tam_giam_chuan_bi_xet_xu"


def test_options_that_do_not_speak_of_what_is_named_leave_the_menu() -> None:
    tokens = DIALOGUE._tokens("giai đoạn truy tố rút gọn thì tạm giam tối đa mấy ngày")
    menu = _menu(
        "close candidates",
        ("tam_giam_truy_to", 0.5),
        ("rut_gon_tam_giu_tam_giam", 0.49),
        ("rut_gon_truy_to_khang_cao", 0.47),
    )
    result = DIALOGUE.guard.check(menu, tokens)
    assert result.outcome == "ask"
    assert [c.entry.id for c in result.candidates] == ["rut_gon_tam_giu_tam_giam", "rut_gon_truy_to_khang_cao"]


def test_a_menu_asking_the_stage_is_left_alone() -> None:
    tokens = DIALOGUE._tokens("tạm giam tối đa bao lâu")
    menu = _menu("stage not named", ("tam_giam_truy_to", 0.5), ("tam_giam_chuan_bi_xet_xu", 0.49))
    assert DIALOGUE.guard.check(menu, tokens) == menu
