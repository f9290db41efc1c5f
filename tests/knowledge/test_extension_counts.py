"""Extension counts for prosecution (Đ240 k1) and first-instance trial preparation (Đ277 k1): each article gives
one extension ("có thể gia hạn … nhưng không quá …") and no second one, so "gia hạn lần 2 được không" is answered
no, per category and without one, and the first extension yes. The reply goes through the real dialogue."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb.dialogue import Dialogue
from knowledge.kb.reply import render_parts
from knowledge.kb.search import Searcher
from knowledge.kb.store import KnowledgeBase, load_kb

TODAY = date(2026, 12, 7)
CATEGORIES = ("ít nghiêm trọng", "nghiêm trọng", "rất nghiêm trọng", "đặc biệt nghiêm trọng")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def dialogue(kb: KnowledgeBase) -> Dialogue:
    return Dialogue(Searcher(kb))


def _reply(dialogue: Dialogue, question: str) -> str:
    return render_parts(dialogue.read(question, TODAY), TODAY).text


@pytest.mark.parametrize(
    ("entry_id", "article"),
    [
        ("truy_to_thoi_han", "Điều 240"),
        ("truy_to_gia_han", "Điều 240"),
        ("tam_giam_truy_to", "Điều 240"),
        ("tam_giam_chuan_bi_xet_xu", "Điều 277"),
        ("chuan_bi_xet_xu_gia_han", "Điều 277"),
        ("chuan_bi_xet_xu_it_nghiem_trong", "Điều 277"),
        ("chuan_bi_xet_xu_dac_biet_nghiem_trong", "Điều 277"),
    ],
)
def test_the_entries_state_one_extension_and_no_second(kb: KnowledgeBase, entry_id: str, article: str) -> None:
    entry = kb.get(entry_id)
    assert entry is not None
    said = " ".join(entry.answer.split())
    assert ("gia hạn 1 lần" in said or "gia hạn tối đa 1 lần" in said) and "không có lần gia hạn thứ hai" in said
    assert article in said or article in entry.source


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("stage", ["truy tố", "chuẩn bị xét xử"])
def test_a_second_extension_is_refused_per_category(dialogue: Dialogue, stage: str, category: str) -> None:
    text = _reply(dialogue, f"gia hạn {stage} tội {category} lần 2 được không")
    assert f"▶ Không: tội {category} chỉ được gia hạn 1 lần." in text.splitlines()


@pytest.mark.parametrize("category", CATEGORIES)
def test_the_first_extension_is_allowed_per_category(dialogue: Dialogue, category: str) -> None:
    text = _reply(dialogue, f"gia hạn truy tố tội {category} lần đầu được không")
    assert f"▶ Được: tội {category} được gia hạn tối đa 1 lần." in text.splitlines()


@pytest.mark.parametrize(
    "question",
    [
        "gia hạn truy tố lần 2 được không",
        "gia hạn chuẩn bị xét xử lần 2 được không",
        "tạm giam truy tố gia hạn lần 2 được không",
        "vks đã gia hạn truy tố 1 lần rồi, gia hạn tiếp được không",
    ],
)
def test_a_second_extension_is_refused_without_a_category(dialogue: Dialogue, question: str) -> None:
    assert "▶ Không: chỉ được gia hạn 1 lần." in _reply(dialogue, question).splitlines()


def test_the_first_extension_without_a_category_is_allowed(dialogue: Dialogue) -> None:
    assert "▶ Được: được gia hạn tối đa 1 lần." in _reply(dialogue, "gia hạn truy tố lần đầu được không").splitlines()


@pytest.mark.parametrize(
    "question",
    ["gia hạn truy tố được mấy lần", "gia hạn thời hạn chuẩn bị xét xử được mấy lần", "gia hạn cbxx mấy lần"],
)
def test_how_many_extensions_leads_with_the_count(dialogue: Dialogue, question: str) -> None:
    lines = _reply(dialogue, question).splitlines()
    assert lines[0] == "▶ Được gia hạn tối đa 1 lần.", lines[:2]
