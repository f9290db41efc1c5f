"""The commas a message typed without marks leaves out (``knowledge.kb.marks``), two words typed as one
(``knowledge.kb.joined``), a rate asked (``knowledge.kb.ratio``) and an unsettled "tg"
(``knowledge.kb.unsettled``): pure (guard10)."""

from __future__ import annotations

import pytest

from knowledge.kb.joined import joined_reader
from knowledge.kb.library import Library
from knowledge.kb.marks import with_marks
from knowledge.kb.ratio import rate_asked
from knowledge.kb.unsettled import unsettled_tg


@pytest.mark.parametrize(
    ("typed", "marked"),
    [
        ("tuyen an st sang nay han kc", "tuyen an st sang nay, han kc"),
        ("tuyên án hôm qua thời hạn kháng cáo", "tuyên án hôm qua, thời hạn kháng cáo"),
        ("tuyen an ngay 20/02/2026 han kc het ngay nao", "tuyen an ngay 20/02/2026, han kc het ngay nao"),
        ("tgiu gh lần 1 max mấy ngày có cần vks pc k", "tgiu gh lần 1 max mấy ngày, có cần vks pc k"),
        ("tam giu toi da bao lau co duoc gia han khong", "tam giu toi da bao lau, co duoc gia han khong"),
    ],
)
def test_a_comma_is_put_back_at_a_plain_seam(library: Library, typed: str, marked: str) -> None:
    assert with_marks(typed, library.dialogue.vocab, library.searcher.synonyms) == marked


@pytest.mark.parametrize(
    "typed",
    [
        "tuyen an st sang nay, han kc",  # a mark already there
        "hom nay han che di lai",  # "hạn chế" is no limit
        "cqdt con bao lau de giai quyet tiep",  # "còn bao lâu": what remains, no second question
        "tam giam bao lau con lai may ngay",  # "còn lại": what remains
        "tạm giữ mấy ngày tạm giam có được trừ không",  # the yes or no does not follow the amount
        "bao nhieu ngay co",  # too short to be a question of its own
    ],
)
def test_no_comma_where_the_clause_goes_on(library: Library, typed: str) -> None:
    assert with_marks(typed, library.dialogue.vocab, library.searcher.synonyms) == typed


@pytest.mark.parametrize(
    ("typed", "apart"),
    [
        ("tamgiam toi RNT", "tam giam toi RNT"),
        ("tạm giam tối đa baolâu", "tạm giam tối đa bao lâu"),
        ("tamgiu co duoc giahan khong", "tam giu co duoc gia han khong"),
        ("vks cấp trên khangnghi", "vks cấp trên khang nghi"),
        ("xoong ngayf tgiam", "xoong ngayf tgiam"),  # known or no known pair: as typed
    ],
)
def test_two_words_run_together_are_read_apart(library: Library, typed: str, apart: str) -> None:
    assert joined_reader(library.searcher).apart(typed) == apart


def test_a_rate_asked_and_a_tg_before_a_stage() -> None:
    assert rate_asked(["1", "ngay", "tam", "giu", "duoc", "tinh", "bang", "bao", "nhieu", "ngay", "tam", "giam"]) == (
        ("tam", "giu"),
        ("tam", "giam"),
    )
    assert rate_asked(["1", "thang", "tam", "giam", "bang", "bao", "nhieu", "ngay"]) is None
    asked = unsettled_tg("vụ rút gọn, tg điều tra từ hôm nay thì hết ngày nào")
    assert asked is not None and asked.options == ("tạm giam", "thời gian")
    assert asked.alternatives[0].startswith("vụ rút gọn, tạm giam điều tra")
    assert unsettled_tg("tg 2 tháng từ 01/03/2026") is None
