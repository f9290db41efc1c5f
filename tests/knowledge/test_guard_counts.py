"""A count asked of something an entry never mentions ("nhà tạm giữ có bao nhiêu buồng") is not answered
with that entry's time limit; a count of days, months or times (even mistyped) is still a time limit."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb.counts import counted_nouns
from knowledge.kb.dialogue import Dialogue
from knowledge.kb.search import Searcher
from knowledge.kb.store import load_kb

DIALOGUE = Dialogue(Searcher(load_kb()))
STOP = DIALOGUE.searcher.synonyms.stopwords
TODAY = date(2026, 12, 6)
KNOWN = DIALOGUE.searcher.index.postings.keys()


def _asked(text: str) -> set[str]:
    return set(counted_nouns(DIALOGUE._tokens(text), STOP, KNOWN))


@pytest.mark.parametrize(
    ("text", "things"),
    [
        ("nhà tạm giữ có bao nhiêu buồng", {"buong"}),
        ("trai tam giam co bao nhieu phong giam", {"phong"}),
        ("vksnd co may cap sau 1/7/2025", {"cap"}),  # the levels: one word
        ("nhà tạm giữ phải có bao nhiêu cán bộ", {"can bo"}),  # "cán" folds onto the stopword "cần"
        ("quy trình này gồm mấy bước", {"buoc"}),
        ("hdxx gồm mấy người", {"nguoi"}),  # people: "người" and "hỏi" ("hội thẩm") fold onto stopwords
        ("phiên tòa có bao nhiêu hội thẩm", {"hoi tham"}),
        ("hdxx phuc tham co may tham phan", {"tham phan"}),
        ("tạm giữ tối đa bao nhiêu ngày", set()),
        ("tam giam duoc gia han bao nhieu lan", set()),
        ("tạm gam gia hạn đc mấy thág", set()),  # a mistyped unit is still a unit
        ("1 thang tam giam la bao nhieu ngya", set()),
        ("dt NT tối đa bn th", set()),  # "th": tháng cut short
        ("mấy đứa bạn em hỏi thời hạn tạm giữ", set()),  # "mấy" that asks nothing
        ("tạm giữ bao nhiêu là tối đa", set()),
    ],
)
def test_the_thing_counted(text: str, things: set[str]) -> None:
    assert _asked(text) == things


@pytest.mark.parametrize(
    "text",
    [
        "nhà tạm giữ có bao nhiêu buồng",
        "nha tam giu phai co bao nhieu can bo",
    ],
)
def test_not_answered_with_a_time_limit(text: str) -> None:
    parts = DIALOGUE.read(text, TODAY)
    assert all(not p.answered for p in parts), [p.result.entry for p in parts]


@pytest.mark.parametrize(
    "text",
    [
        "tạm giữ tối đa bao nhiêu ngày",
        "tam giu duoc gia han may lan",
        "cum thi dua so 6 nam 2020 dat bao nhieu chi tieu",
    ],
)
def test_counts_the_knowledge_base_gives_are_answered(text: str) -> None:
    parts = DIALOGUE.read(text, TODAY)
    assert parts and parts[0].answered, parts
