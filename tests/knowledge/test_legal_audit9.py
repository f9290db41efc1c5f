"""Round-9 prosecutor's audit of the knowledge base against the Code (BLTTHS 2015, BLHS 2015).

Each test pins one finding, read in the codified article text (diepxuan/diepxuan.github.io, FACTS §15):
what a verified entry states as law must be in the article it cites; what comes from guidance or
practice (FACTS §1: S) is said to be so.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.kb.store import KnowledgeBase, load_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def answer_of(kb: KnowledgeBase, entry_id: str) -> str:
    entry = kb.get(entry_id)
    assert entry is not None, entry_id
    return " ".join(entry.answer.split())


def source_of(kb: KnowledgeBase, entry_id: str) -> str:
    entry = kb.get(entry_id)
    assert entry is not None, entry_id
    return " ".join(entry.source.split())


# -- Đ333 k1 says "15 ngày kể từ ngày tuyên án" and nothing about day 1 or days off -------------------
def test_appeal_day_count_is_flagged_as_guidance_not_article_333(kb: KnowledgeBase) -> None:
    """Day 1 = the day after, and the day-off shift, are NQ 05/2005 / practice (FACTS §1: S)."""
    entry = kb.get("khang_cao_ban_an")
    assert entry is not None and entry.verified == "yes"  # the 15 days are read in Đ333 k1
    text = answer_of(kb, "khang_cao_ban_an")
    assert text.startswith("15 ngày, kể từ ngày tuyên án.")
    assert "ngày thứ nhất là ngày sau ngày tuyên án" in text
    # the counting sentence says where it comes from, and that it is secondary
    assert "NQ 05/2005/NQ-HĐTP" in text and "nguồn thứ cấp" in text
    assert "NQ 05/2005/NQ-HĐTP" in source_of(kb, "khang_cao_ban_an")


# -- A verified entry cites every clause its answer states (read in the article) -------------------------
CLAUSES: list[tuple[str, str, str]] = [
    # entry, a phrase of the answer, the clause that says it
    ("hoan_phien_toa_so_tham_30_ngay", "trong 2 ngày kể từ ngày ra quyết định", "Điều 297 khoản 2, khoản 4"),
    ("tam_giam_phuc_hoi_vu_an_xet_xu", "45 ngày với tội nghiêm trọng", "Điều 277 khoản 1, khoản 2"),
    # the whole of Điều 329 (khoản 1, 2, 4 as well as the 45 days of khoản 3); written without clause numbers,
    # which the search reads as words ('khoản 1' answered 'tiền ăn một ngày')
    ("tam_giam_sau_tuyen_an_45_ngay", "bắt tạm giam ngay tại phiên tòa", "Điều 329; Điều 347 khoản 3"),
    (
        "phuc_hoi_vu_an_giai_doan_truy_to",
        "không được quá thời hạn quyết định việc truy tố",
        "Điều 249 khoản 3, khoản 5",
    ),
]


@pytest.mark.parametrize(("entry_id", "phrase", "clause"), CLAUSES)
def test_the_source_names_the_clause_of_what_the_answer_states(
    kb: KnowledgeBase, entry_id: str, phrase: str, clause: str
) -> None:
    assert phrase in answer_of(kb, entry_id)
    assert clause in source_of(kb, entry_id)


# -- The calculator's table quotes the article: Đ474 k1 counts the 3 days "kể từ ngày nhận được khiếu nại" --
def test_custody_complaint_step_quotes_article_474_from_the_day_of_receipt() -> None:
    result = compute("giai_quyet_khieu_nai_giam_giu", datetime(2026, 3, 2, 10, 0), today=date(2026, 3, 2))
    label = result.steps[0].label
    assert "không quá 03 ngày kể từ ngày nhận được khiếu nại" in label
    assert "kể từ khi nhận" not in label
    # the 72-hour count stays the careful reading, and the card says so (the 24 hours run from the moment)
    assert any("cách tính 72 giờ là thận trọng" in n for n in result.notes)


@pytest.mark.parametrize(
    ("kind", "category", "anqg", "condition"),
    [
        ("tam_giam_dieu_tra", "dac_biet_nghiem_trong", False, "trường hợp cần thiết"),  # Đ173 k6
        ("tam_giam_dieu_tra", "rat_nghiem_trong", True, "trường hợp cần thiết"),  # Đ173 k5
        ("dieu_tra", "dac_biet_nghiem_trong", False, "rất phức tạp"),  # Đ172 k3
    ],
)
def test_the_vkstc_extra_extension_is_labelled_by_its_own_condition(
    kind: str, category: str, anqg: bool, condition: str
) -> None:
    # legal9: the card added "– trường hợp đặc biệt" to every exceptional step; the Code says "trường hợp cần
    # thiết" (Đ173 k5, k6) and "tính chất rất phức tạp" (Đ172 k3) — "đặc biệt" is only the open-ended detention.
    result = compute(kind, date(2026, 1, 1), category=category, anqg=anqg)
    extra = [s for s in result.steps if s.special]
    assert extra and all("trường hợp đặc biệt" not in s.label for s in extra)
    assert condition in extra[0].label
