"""Two-word spoken spellings, and the words after a level ("khu vực …") that are no unit's name (pure)."""

from __future__ import annotations

from knowledge.kb.dialogue import Dialogue
from knowledge.kb.normalize import load_synonyms, syllables
from knowledge.kb.scope import scope_of
from knowledge.kb.search import Searcher
from knowledge.kb.spoken import spoken
from knowledge.kb.store import load_kb
from knowledge.kb.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
SYN = load_synonyms()


def test_bi_before_nhiu_or_lau_is_bao() -> None:
    assert spoken("lần 2 đc bi nhiu tháng ạ") == "lần 2 đc bao nhiu tháng ạ"
    assert spoken("them bi lau") == "them bao lau"
    assert spoken("tam giam bi nhieu ngay") == "tam giam bao nhieu ngay"
    assert spoken("giam bi nhieu?") == "giam bao nhieu?"
    # "bị" keeps its meaning
    assert spoken("bị can bị nhiều tội") == "bị can bị nhiều tội"
    assert spoken("bi can bi nhieu toi danh") == "bi can bi nhieu toi danh"


SCOPER = Dialogue(Searcher(load_kb())).scoper


def _unit(text: str) -> str | None:
    tokens = SYN.expand_first(syllables(text))
    return scope_of(text, tokens, VOCAB, SYN, (), SCOPER._common).unit


def test_a_level_followed_by_the_question_names_no_unit() -> None:
    assert _unit("vks khu vực kháng nghị bản án trong mấy ngày") is None
    assert _unit("vks khu vực phải gửi báo cáo tháng trước ngày mấy") is None
    assert _unit("tạm giữ mấy ngày, em mới về vks khu vực nên chưa rành") is None
    assert _unit("em mới về khu vực, anh em bên này nói vậy") is None
    assert _unit("vks khu vuc gui bc thang truoc ngay may") is None


def test_a_level_followed_by_a_name_or_number_is_a_unit() -> None:
    assert _unit("chỉ tiêu năm 2025 của VKSND huyện Bình Lục") == "huyện Bình Lục"
    assert _unit("chi tieu cua vks quan hoan kiem nam 2025") == "quan hoan kiem"
    assert _unit("chỉ tiêu của vks khu vực 9 năm 2025") == "khu vực 9"
