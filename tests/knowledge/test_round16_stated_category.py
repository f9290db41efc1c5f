"""``attributes.names_a_stated_category``: a follow-up that only names a crime category the last answer gives a
figure for (round 16). The category is found among the answer's words, whatever punctuation follows it."""

from __future__ import annotations

from knowledge.kb.attributes import names_a_stated_category
from knowledge.kb.library import Library

_ANSWER = "30 ngày với tội ít nghiêm trọng; 45 ngày với tội nghiêm trọng; 2 tháng với tội rất nghiêm trọng."


def test_a_category_the_answer_states(library: Library) -> None:
    vocab = library.dialogue.vocab
    assert names_a_stated_category(["vu", "nghiem", "trong", "thi", "cu", "the", "bao", "nhieu"], vocab, _ANSWER)
    # said last in the answer, before a full stop
    assert names_a_stated_category(["con", "rat", "nghiem", "trong"], vocab, _ANSWER)
    # a category the answer does not give
    assert not names_a_stated_category(["vu", "dac", "biet", "nghiem", "trong", "thi", "sao"], vocab, _ANSWER)
    # a category with another question beside it is not only the category
    assert not names_a_stated_category(["nghiem", "trong", "thi", "ai", "gia", "han"], vocab, _ANSWER)
