"""How a message is read before anything else reads it (issue #15): courtesy padding cut, short words the
context decides written out, misspelt abbreviations and mistyped words read as meant."""

from __future__ import annotations

import pytest

from knowledge.kb.abbrev_typos import near_misses
from knowledge.kb.library import Library
from knowledge.kb.normalize import load_synonyms
from knowledge.kb.padding import strip_padding
from knowledge.kb.short_words import spell_short
from knowledge.kb.spelling import speller


@pytest.mark.parametrize(
    ("typed", "bare"),
    [
        ("Chị ơi, cho em hỏi tí, còn VKS kháng nghị thì mấy ngày ạ, em cảm ơn", "còn VKS kháng nghị thì mấy ngày"),
        ("a ơi cho em hỏi tạm giam bao lâu vậy ạ?", "tạm giam bao lâu?"),
        ("cho e hỏi chút, nếu tạm giữ 3 ngày thì sao", "nếu tạm giữ 3 ngày thì sao"),
        ("chi oi tam giam toi da bao lau the?", "tam giam toi da bao lau?"),
        ("gia hạn thì sao hiện nay", "gia hạn thì sao"),
        ("tạm giữ tối đa mấy ngày theo luật", "tạm giữ tối đa mấy ngày"),
    ],
)
def test_padding_is_cut_and_the_question_kept_as_typed(typed: str, bare: str) -> None:
    assert strip_padding(typed) == bare


@pytest.mark.parametrize(
    "kept",
    [
        "điều 47 điểm a",  # a letter of a list, not "ạ"
        "tạm giam như vậy",  # "như vậy" belongs to the question
        "cho hỏi",  # nothing but padding: kept whole
        "ạ",
        "hỏi tạm giam bao lâu",  # "hỏi" alone opens no padding
    ],
)
def test_what_is_not_padding_stays(kept: str) -> None:
    assert strip_padding(kept) == kept


@pytest.mark.parametrize(
    ("typed", "spelt"),
    [
        ("tạm giam 2 th từ 20/03/2026 hết ng nào", "tạm giam 2 tháng từ 20/03/2026 hết ngày nào"),
        ("tgiu 3 ng roi chuyen tg 2 th", "tgiu 3 ngay roi chuyen tam giam 2 thang"),
        ("tg 2 th tu 20/03/2026", "tam giam 2 thang tu 20/03/2026"),
        ("con trai tg", "con trai tam giam"),
        ("thời hạn tt tội RNT bn ng", "thời hạn truy tố tội RNT bn ngày"),
        ("vu an theo tt rut gon", "vu an theo thu tuc rut gon"),
        # after a level or "kiểm sát": trực tiếp ("kn pt của vks cấp trên tt", "ks tt ntg")
        ("kn pt của vks cấp trên tt đối với bản án", "kn pt của vks cấp trên trực tiếp đối với bản án"),
        ("vks cap tren tt khang nghi", "vks cap tren truc tiep khang nghi"),
        ("bb ks tt ntg", "bb ks truc tiep ntg"),
        ("cấp dưới tt", "cấp dưới trực tiếp"),
    ],
)
def test_short_words_the_context_decides_are_written_out(typed: str, spelt: str) -> None:
    assert spell_short(typed) == spelt


@pytest.mark.parametrize(
    "kept",
    [
        "5 ng bị tạm giữ",  # people
        "ng bị kết án có quyền gì",
        "thoi han tg bao lau",  # tạm giữ, tạm giam or thời gian: left to the search's menu
        "tt 04/2018 quy dinh gi",  # thông tư
        "ttlt 04",
    ],
)
def test_short_words_the_context_leaves_open_stay(kept: str) -> None:
    assert spell_short(kept) == kept


def test_a_misspelt_abbreviation_is_read_as_meant_unless_it_is_a_word_or_ambiguous() -> None:
    syn = load_synonyms()
    assert syn.expand(["rnt", "tggiam", "dt"]) == [["rat", "nghiem", "trong", "tam", "giam", "dieu", "tra"]]
    assert syn.expand_first(["tgiaam", "bltthss"])[:2] == ["tam", "giam"]
    misses = near_misses(syn.readings)
    assert "giam" not in misses  # "tgiam" without its t is a word
    assert misses["tgia"] == ("tgiam", "tgian")  # either: read as an ambiguous abbreviation
    assert syn.expand(["tgia"]) == [["tam", "giam"], ["thoi", "gian"]]
    assert all(m not in syn.readings for m in misses)


def test_a_mistyped_word_is_read_as_the_one_word_meant(library: Library) -> None:
    spell = speller(library.searcher)
    assert spell.correct("tạm giữ từ 8h ssáng nay") == "tạm giữ từ 8h sang nay"
    assert spell.correct("hạn cuối khanng cáo") == "hạn cuối khang cáo"
    assert spell.correct("tgiu tu 8h sag nay") == "tgiu tu 8h sang nay"  # a letter left out, not "sau"
    assert spell.correct("try to RNT bn ngay") == "truy to RNT bn ngay"  # no Vietnamese syllable
    assert spell.correct("tinh tu ngy nao") == "tinh tu ngay nao"
    assert spell.correct("thế nếu nhận sng nay") == "thế nếu nhận sang nay"  # a moment: sáng, not sông/sung


def test_an_abbreviation_is_never_read_as_another(library: Library) -> None:
    """Abbreviations sit one letter from each other: a consonant token we lack ("gdt", "tdt") is not a
    typo of a neighbour ("dt" would make a giám đốc thẩm question one about the investigation); a key
    pressed twice is ("ksvv", "vkss": the doubled letter wins over "vksqs" with its q dropped)."""
    spell = speller(library.searcher)
    for kept in ("gdt bn ngay", "tdt toi da bao lau", "bpnn la gi"):
        assert spell.correct(kept) == kept
    assert spell.correct("ksvv phai lam gi") == "ksv phai lam gi"
    assert spell.correct("vkss phe chuan") == "vks phe chuan"
    assert spell.correct("phc tap") == "phuc tap"  # a vowel left out is still a typo


@pytest.mark.parametrize("kept", ["tạm giữ từ 10h hôm kia", "kháng nghị thì tới bữa nào", "giamf", "xoong"])
def test_words_of_their_own_are_not_corrected(library: Library, kept: str) -> None:
    assert speller(library.searcher).correct(kept) == kept
