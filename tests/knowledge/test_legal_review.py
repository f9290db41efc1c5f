"""The legal review's findings other than the stage cap (LEGAL_REVIEW A2–A7), each read in the article."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.card import format_card
from knowledge.kb.search import Searcher
from knowledge.kb.store import KnowledgeBase, load_kb

D = date
TODAY = date(2026, 12, 6)


# -- A2: Đ172 k3 for an ĐBNT crime that is also ANQG is an open point ------------------
def test_dieu_tra_dbnt_anqg_says_the_two_sentences_of_k3_are_open() -> None:
    result = compute("dieu_tra", D(2026, 1, 15), category="dac_biet_nghiem_trong", anqg=True)
    assert any("ĐBNT xâm phạm ANQG" in n and "chưa thống nhất — đối chiếu hướng dẫn" in n for n in result.notes)
    assert "ĐBNT xâm phạm ANQG" in format_card(result)
    other = compute("dieu_tra", D(2026, 1, 15), category="rat_nghiem_trong", anqg=True)
    assert not any("ĐBNT xâm phạm ANQG" in n for n in other.notes)


# -- A3–A7: knowledge-base entries, read against the articles ------------------------------------------
@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def searcher(kb: KnowledgeBase) -> Searcher:
    return Searcher(kb)


def answer_of(kb: KnowledgeBase, entry_id: str) -> str:
    entry = kb.get(entry_id)
    assert entry is not None, entry_id
    return " ".join(entry.answer.split())


def test_a4_indicator_chain_with_a_secondary_step_is_not_verified_yes(kb: KnowledgeBase) -> None:
    # FACTS §15: QĐ 358 (opening) is V, the QĐ 140 step is S.
    entry = kb.get("he_thong_chi_tieu_qd139")
    assert entry is not None and "QĐ 140" in entry.answer and entry.verified == "secondary"


def test_a3_day_off_rule_is_written_for_months_only(kb: KnowledgeBase) -> None:
    text = answer_of(kb, "ngay_het_han_roi_vao_ngay_nghi")
    assert "Điều 134 khoản 1 quy định cho thời hạn tính theo tháng" in text
    assert "thực tiễn áp dụng tương tự (nguồn thứ cấp)" in text
    assert "(theo ngày, tháng, năm)" not in text
    assert "không bao giờ được lùi" in text  # custody is still never moved


def test_a5_suspension_leads_with_the_grounds_of_article_247(kb: KnowledgeBase, searcher: Searcher) -> None:
    text = answer_of(kb, "tam_dinh_chi_vu_an_truy_to")
    assert not text.startswith("3 ngày") and text.startswith("Viện kiểm sát (VKS) tạm đình chỉ vụ án khi")
    grounds = ("tâm thần", "bỏ trốn", "truy nã", "giám định", "thiên tai, dịch bệnh")
    assert all(g in text for g in grounds)
    assert text.rstrip(".").endswith("(Điều 240 khoản 2)") and "3 ngày" in text
    result = searcher.search("VKS tạm đình chỉ vụ án khi nào", TODAY)
    assert result.entry is not None and result.entry.id == "tam_dinh_chi_vu_an_truy_to"


@pytest.mark.parametrize(
    ("query", "entry_id", "opening"),
    [
        (
            "kháng cáo bản án xét xử theo thủ tục rút gọn trong bao nhiêu ngày",
            "rut_gon_khang_cao_khang_nghi",
            "15 ngày",
        ),
        ("khang nghi ban an rut gon may ngay", "rut_gon_khang_cao_khang_nghi", "15 ngày"),
        ("truy tố vụ án rút gọn trong bao lâu", "rut_gon_truy_to_khang_cao", "5 ngày"),
    ],
)
def test_a6_summary_appeal_and_prosecution_each_lead_with_their_figure(
    kb: KnowledgeBase, searcher: Searcher, query: str, entry_id: str, opening: str
) -> None:
    result = searcher.search(query, TODAY)
    assert result.outcome == "answer" and result.entry is not None and result.entry.id == entry_id
    assert answer_of(kb, entry_id).startswith(opening)


def test_a6_appeal_entry_names_both_articles_and_the_old_id_points_to_it(kb: KnowledgeBase) -> None:
    appeal = answer_of(kb, "rut_gon_khang_cao_khang_nghi")
    assert all(part in appeal for part in ("Điều 333", "Điều 337", "30 ngày", "Điều 455", "không có thời hạn riêng"))
    old = kb.get("rut_gon_truy_to_khang_cao")
    assert old is not None and "Điều 461" in old.answer and "rut_gon_khang_cao_khang_nghi" in old.related


def test_a7_wording(kb: KnowledgeBase) -> None:
    huy_bo = answer_of(kb, "rut_gon_huy_bo")
    assert "có nơi cư trú, lý lịch rõ ràng" in huy_bo and "lai lịch" not in huy_bo
    nguon_tin = answer_of(kb, "nguon_tin_20_ngay")
    assert "Viện trưởng Viện kiểm sát (VKS) gia hạn 1 lần, không quá 2 tháng" in nguon_tin
    assert "chậm nhất 5 ngày trước khi hết hạn" in nguon_tin
    khieu_nai = answer_of(kb, "khieu_nai_giam_giu_24_gio")
    assert "Viện trưởng VKSND tối cao nếu việc giải quyết lần đầu do Viện trưởng VKSND cấp tỉnh" in khieu_nai
