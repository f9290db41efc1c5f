"""The prosecutor's review B1, B3, B4, C1: notes and citations read against the articles (BLTTHS
2015, TTLT 04/2018/TTLT-VKSNDTC-BCA-BQP, BLHS 2015 in the codified texts)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.card import format_card
from knowledge.kb.search import Searcher
from knowledge.kb.store import KnowledgeBase, load_kb

TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _answer(kb: KnowledgeBase, entry_id: str) -> str:
    entry = kb.get(entry_id)
    assert entry is not None, entry_id
    return " ".join(entry.answer.split())


@pytest.mark.parametrize("kind", ["phe_chuan_khoi_to_bi_can", "phe_chuan_lenh_tam_giam"])
def test_b1_approval_while_in_custody_is_due_before_custody_ends(kind: str) -> None:
    # Thu 05/03/2026 + 3 = Sun 08/03 → Mon 09/03 for the VKS; the custody itself never moves.
    card = format_card(compute(kind, date(2026, 3, 5)))
    assert "09/03/2026" in card
    assert "chậm nhất 24 giờ trước khi hết thời hạn tạm giữ (Điều 16 khoản 1 TTLT 04/2018" in card
    assert "VKS quyết định trước khi hết hạn tạm giữ" in card and "Hạn tạm giữ không lùi ngày nghỉ" in card


@pytest.mark.parametrize("entry_id", ["thi_hanh_an_treo", "thi_hanh_cai_tao_khong_giam_giu", "tra_tu_do_het_han_tu"])
def test_b3_district_level_bodies_carry_the_2025_caveat(kb: KnowledgeBase, entry_id: str) -> None:
    text = _answer(kb, entry_id)
    assert "cấp huyện" in text
    assert "Từ 01/07/2025 không còn cấp huyện; cơ quan thực hiện cần đối chiếu văn bản hiện hành." in text


def test_b4_a_detention_extension_starts_the_day_after_the_last_day(kb: KnowledgeBase) -> None:
    for entry_id in ("tam_giam_dieu_tra_gia_han", "gia_han_tinh_tu_khi_nao"):
        text = _answer(kb, entry_id)
        assert "ngày kế tiếp ngày cuối cùng" in text and "Điều 19 khoản 1" in text, entry_id
    chained = kb.get("tam_giam_lenh_noi_tiep")
    assert chained is not None and "Điều 19 khoản 1" in chained.source and "NQ 04/2004" in chained.source
    assert chained.verified == "secondary"  # FACTS §1: consecutive orders are S


def test_c1_custody_deducted_from_the_sentence_cites_article_38_k1(kb: KnowledgeBase) -> None:
    result = Searcher(kb).search("1 ngày tạm giam bằng mấy ngày tù", TODAY)
    assert result.entry is not None and result.entry.id == "tru_tam_giu_vao_hinh_phat"
    text, source = _answer(kb, result.entry.id), result.entry.source
    assert "Điều 38 khoản 1" in text and "Điều 36 khoản 1" in text
    assert "Điều 38 khoản 1" in source and "khoản 2" not in source


def test_no_note_shows_staff_an_internal_kind_id() -> None:
    """Notes are printed on cards: a kind is named by its label, never by the table's id."""
    from knowledge.deadlines.periods import load_periods

    table = load_periods()
    for name, kind in table.kinds.items():
        for note in kind.notes:
            assert not any(other in note for other in table.kinds if "_" in other), (name, note)
