"""Entries added or rewritten in the coverage audit of FACTS.md (docs/coverage.md).

Each case pins an entry's key figure to the article it comes from (the 2015 codified text of
BLTTHS, read in ``diepxuan/diepxuan.github.io``) or to FACTS.md, and checks that the figure is
where staff see it: in the opening words of the answer, for the case the entry is about.
A test here fails if the figure changes, moves down the answer, or the entry disappears.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb.search import Searcher
from knowledge.kb.store import KnowledgeBase, load_kb
from tests.knowledge.test_kb_content import fold

TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def searcher(kb: KnowledgeBase) -> Searcher:
    return Searcher(kb)


def folded_answer(kb: KnowledgeBase, entry_id: str) -> str:
    entry = kb.get(entry_id)
    assert entry is not None, entry_id
    return fold(entry.answer)


# (entry, the folded opening of its answer, folded figures/words the answer must hold, article)
OPENINGS: list[tuple[str, str, tuple[str, ...], str]] = [
    # Đ277 k2: "trong thời hạn 15 ngày kể từ ngày nhận lại hồ sơ … phải ra quyết định đưa vụ án ra xét xử".
    (
        "chuan_bi_xet_xu_sau_dieu_tra_bo_sung",
        "15 ngay, ke tu ngay toa an nhan lai ho so",
        ("dua vu an ra xet xu", "khong phan biet loai toi", "30 ngay"),
        "Điều 277 khoản 2, 3",
    ),
    # Đ277 k1: extension ≤ 15 days (ít NT, NT) / ≤ 30 days (RNT, ĐBNT), notified to the same-level VKS.
    (
        "chuan_bi_xet_xu_gia_han",
        "gia han chuan bi xet xu so tham: toi da 15 ngay voi toi it nghiem trong va toi nghiem trong; toi da 30 ngay",
        ("chanh an", "vien kiem sat cung cap (vks)", "sau dieu tra bo sung: 15 ngay"),
        "Điều 277 khoản 1, 2",
    ),
    # Đ333 k1, k3 b; Đ134 k2: the appeal period stays 15 days; the day is when the camp head receives it.
    (
        "ngay_khang_cao_xac_dinh",
        "han khang cao khong doi: 15 ngay ke tu ngay tuyen an",
        ("7 ngay", "giam thi trai tam giam", "nhan duoc don", "dau buu dien"),
        "Điều 333 khoản 1, 3",
    ),
    (
        "gui_qua_buu_dien",
        "gui qua buu dien: thoi han tinh theo dau buu dien",
        ("giam thi trai tam giam", "15 ngay"),
        "Điều 134 khoản 2",
    ),
    # Luật 94/2015 Đ13 k1 h (FACTS §3, S): 1 / 5 / 10 days, and the law is replaced from 01/7/2026.
    (
        "thong_bao_truoc_het_han_giam_giu",
        "1 ngay truoc khi het han tam giu",
        ("5 ngay truoc khi het han tam giam", "10 ngay truoc khi het han gia han tam giam", "128/2025"),
        "Luật 94/2015 Điều 13",
    ),
    # Đ241 with Đ240 k1: detention for prosecution is bounded by 20 / 30 days plus 10 / 15 / 30.
    (
        "tam_giam_truy_to",
        "20 ngay voi toi it nghiem trong va toi nghiem trong; 30 ngay voi toi rat nghiem trong",
        ("toi da 10 ngay", "toi da 15 ngay voi toi rat nghiem trong", "toi da 30 ngay voi toi dac biet", "dieu 173"),
        "Điều 240 khoản 1, Điều 241",
    ),
    # Đ278 with Đ277 k1: 30 / 45 days, 2 / 3 months.
    (
        "tam_giam_chuan_bi_xet_xu",
        "30 ngay voi toi it nghiem trong; 45 ngay voi toi nghiem trong; 2 thang voi toi rat nghiem trong; 3 thang",
        ("ket thuc phien toa",),
        "Điều 277 khoản 1, Điều 278",
    ),
    # Đ346 / Đ347 (2015 text): 60 days provincial court, 90 days high court.
    ("tam_giam_phuc_tham", "60 ngay (toa an cap tinh), 90 ngay (toa an cap cao)", ("luat 99/2025",), "Điều 346, 347"),
    ("chuan_bi_xet_xu_phuc_tham", "60 ngay voi toa an nhan dan cap tinh, 90 ngay", ("45 ngay", "75 ngay"), "Điều 346"),
]


@pytest.mark.parametrize(("entry_id", "opening", "needles", "article"), OPENINGS, ids=[o[0] for o in OPENINGS])
def test_answer_opens_with_its_figure(
    kb: KnowledgeBase, entry_id: str, opening: str, needles: tuple[str, ...], article: str
) -> None:
    answer = folded_answer(kb, entry_id)
    assert answer.startswith(opening), f"{entry_id} ({article}) opens with {answer[:90]!r}"
    assert [n for n in needles if n not in answer] == [], f"{entry_id} ({article})"


# FACTS §12 and §15: the sector's phương châm by year and its status.
PHUONG_CHAM: list[tuple[str, int, str, str]] = [
    ("phuong_cham_2020", 2020, "yes", "doan ket, doi moi – trach nhiem, ky cuong – thuc chat, hieu qua"),
    ("phuong_cham_2021", 2021, "yes", "doan ket, doi moi – trach nhiem, ky cuong – thuc chat, hieu qua"),
    ("phuong_cham_2023", 2023, "secondary", "doan ket, trach nhiem – ky cuong, liem chinh – ban linh, hieu qua"),
    (
        "phuong_cham_thai_nguyen_2024",
        2024,
        "yes",
        "doan ket, trach nhiem – ky cuong, liem chinh – ban linh, hieu qua",
    ),
    ("phuong_cham_2025", 2025, "secondary", "doan ket, trach nhiem – ky cuong, liem chinh – ban linh, hieu qua"),
]


@pytest.mark.parametrize(("entry_id", "year", "verified", "motto"), PHUONG_CHAM, ids=[p[0] for p in PHUONG_CHAM])
def test_sector_motto_by_year(kb: KnowledgeBase, entry_id: str, year: int, verified: str, motto: str) -> None:
    entry = kb.get(entry_id)
    assert entry is not None and entry.year == year and entry.unit is None
    assert entry.verified == verified
    assert folded_answer(kb, entry_id).startswith(f'"{motto}"')


@pytest.mark.parametrize(
    "entry_id", ["phuong_cham_2022", "phuong_cham_2026", "tru_tam_giu_chua_du_ngay", "ngay_van_hoa_viet_nam_24_11"]
)
def test_unverified_points_say_so_first(kb: KnowledgeBase, entry_id: str) -> None:
    """FACTS U facts (the 2022 and 2026 mottos, rounding a cut-short tạm giữ) are flagged first."""
    entry = kb.get(entry_id)
    assert entry is not None and entry.verified == "no"
    assert folded_answer(kb, entry_id).startswith("chua kiem chung — can doi chieu van ban")


def test_cut_short_custody_keeps_the_verified_rule(kb: KnowledgeBase) -> None:
    answer = folded_answer(kb, "tru_tam_giu_chua_du_ngay")
    assert "1 ngay tam giu bang 1 ngay tam giam" in answer and "60 − 3 = 57 ngay" in answer


@pytest.mark.parametrize(
    ("query", "entry_id", "opening"),
    [
        (
            "toa nhan lai ho so sau dieu tra bo sung thi bao lau phai dua vu an ra xet xu",
            "chuan_bi_xet_xu_sau_dieu_tra_bo_sung",
            "15 ngày",
        ),
        ("chanh an gia han chuan bi xet xu toi da may ngay", "chuan_bi_xet_xu_gia_han", "Gia hạn chuẩn bị xét xử"),
        ("phuong cham cong tac nam 2023 cua nganh kiem sat", "phuong_cham_2023", '"Đoàn kết, trách nhiệm'),
        ("phương châm công tác năm 2025", "phuong_cham_2025", '"Đoàn kết, trách nhiệm'),
        ("phuong cham nam 2022", "phuong_cham_2022", "Chưa kiểm chứng"),
    ],
)
def test_search_reaches_the_new_entries(
    kb: KnowledgeBase, searcher: Searcher, query: str, entry_id: str, opening: str
) -> None:
    result = searcher.search(query, TODAY)
    assert result.outcome == "answer" and result.entry is not None and result.entry.id == entry_id, query
    assert result.entry.answer.startswith(opening)


def test_motto_of_a_year_is_not_answered_with_that_years_emulation_theme(searcher: Searcher) -> None:
    """Before the audit "phương châm năm 2023" got the 2023 chủ đề thi đua: a confident wrong answer."""
    for year in (2022, 2023, 2025):
        result = searcher.search(f"phuong cham cong tac nam {year}", TODAY)
        assert result.entry is None or not result.entry.id.startswith("chu_de_thi_dua"), year


# Institution names written in full at least once, with the abbreviation beside it (brief item 3).
FULL_NAMES = (
    ("vks", "vien kiem sat"),
    ("cqdt", "co quan dieu tra"),
)


def test_institutions_are_named_in_full_once(kb: KnowledgeBase) -> None:
    import re

    missing = []
    for entry in kb.entries:
        answer = fold(entry.answer)
        for short, full in FULL_NAMES:
            if re.search(rf"(?<![\w/-]){short}(?![\w])", answer) and full not in answer:
                missing.append((entry.id, short))
    assert missing == []


# The lead line (knowledge/kb/lead.py) shows first the clause about the case a question names. Written
# "10 ngày (tội ít nghiêm trọng, nghiêm trọng), 15 ngày (rất nghiêm trọng)", an answer splits a case from
# its figure, and the lead joined "nghiêm trọng" with the next clause's "15 ngày": a wrong number on top.
# Answers keep each case and its figure in one clause ("10 ngày với tội ít nghiêm trọng và tội nghiêm
# trọng; 15 ngày với tội rất nghiêm trọng"), so every lead is a clause of the answer as written.
LEAD_CASES = (
    "toi it nghiem trong",
    "toi nghiem trong",
    "toi rat nghiem trong",
    "toi dac biet nghiem trong",
    "an ninh quoc gia",
    "vks cap tren",
    "vks cung cap",
)


def test_every_lead_line_is_a_clause_of_the_answer(kb: KnowledgeBase) -> None:
    from knowledge.kb.lead import lead_line
    from knowledge.kb.normalize import syllables

    joined = []
    for entry in kb.entries:
        answer = " ".join(fold(entry.answer).split())
        for case in LEAD_CASES:
            lead = lead_line(entry.answer, syllables(case))
            if lead is not None and fold(lead) not in answer:
                joined.append((entry.id, case, lead))
    assert joined == []


@pytest.mark.parametrize(
    ("entry_id", "case", "lead"),
    [
        # Đ173 k1, k2, k5: the category's whole chain for an ANQG crime, not its last step alone (legal review,
        # round 10: "không quá 2 tháng với tội rất nghiêm trọng" read as the whole extension)
        ("tam_giam_anqg_gia_han_them", "toi nghiem trong", "gia han them 4 thang + 1 thang = 10 thang"),
        ("tam_giam_anqg_gia_han_them", "toi rat nghiem trong", "gia han them 4 thang + 2 thang = 13 thang"),
        # Đ240 k1: extension 10 (ít NT, NT) / 15 (RNT) / 30 (ĐBNT) days.
        ("truy_to_gia_han", "toi rat nghiem trong", "toi da 15 ngay voi toi rat nghiem trong"),
        ("truy_to_gia_han", "toi dac biet nghiem trong", "toi da 30 ngay voi toi dac biet nghiem trong"),
        # Đ277 k1 through Đ278: 45 days (NT), 2 months (RNT).
        ("tam_giam_chuan_bi_xet_xu", "toi nghiem trong", "45 ngay voi toi nghiem trong"),
        ("tam_giam_chuan_bi_xet_xu", "toi rat nghiem trong", "2 thang voi toi rat nghiem trong"),
        # BLHS Đ27 k2: 10 / 15 / 20 years.
        ("thoi_hieu_truy_cuu", "toi nghiem trong", "10 nam voi toi nghiem trong"),
        ("thoi_hieu_truy_cuu", "toi rat nghiem trong", "15 nam voi toi rat nghiem trong"),
        ("thoi_hieu_truy_cuu", "toi dac biet nghiem trong", "20 nam voi toi dac biet nghiem trong"),
        # Đ173 k2: detention extensions by category.
        (
            "tam_giam_dieu_tra_gia_han",
            "toi nghiem trong",
            "toi nghiem trong gia han 1 lan toi da 2 thang – tong toi da 5 thang",
        ),
        (
            "tam_giam_dieu_tra_gia_han",
            "toi rat nghiem trong",
            "toi rat nghiem trong gia han 1 lan toi da 3 thang – tong toi da 7 thang",
        ),
        # Đ172 k2: investigation of a serious crime, extensions 3 then 2 months, 8 months in all.
        ("dieu_tra_gia_han", "toi nghiem trong", "tong toi da 8 thang"),
    ],
)
def test_a_named_category_leads_with_its_own_figure(kb: KnowledgeBase, entry_id: str, case: str, lead: str) -> None:
    from knowledge.kb.lead import lead_line
    from knowledge.kb.normalize import syllables

    entry = kb.get(entry_id)
    assert entry is not None
    shown = lead_line(entry.answer, syllables(case))
    assert shown is not None and lead in fold(shown), (entry_id, case, shown)


@pytest.mark.parametrize(("months", "days"), [(2, 60), (3, 90), (4, 120), (5, 150), (7, 210), (12, 360)])
def test_months_of_detention_in_days_lead_with_the_asked_length(kb: KnowledgeBase, months: int, days: int) -> None:
    """Đ134 k1: a month of tạm giữ / tạm giam is 30 days; asked about n months, n × 30 days is shown first."""
    from knowledge.kb.lead import lead_line
    from knowledge.kb.normalize import syllables

    entry = kb.get("mot_thang_tam_giam_30_ngay")
    assert entry is not None and fold(entry.answer).startswith("30 ngay")
    shown = lead_line(entry.answer, syllables(f"tam giam {months} thang la bao nhieu ngay"))
    assert shown is not None and fold(shown) == f"{months} thang = {days} ngay"
