"""Content of the bundled knowledge base, checked independently of search quality.

For each in-scope line of ``shared/eval/queries.tsv`` we name the entry that should answer
it, and check that the entry's folded answer holds every expected group. A second table
pins the key numbers of FACTS.md to the entries that state them.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from knowledge.kb.store import KnowledgeBase, load_kb
from tests import REPO_ROOT

QUERIES_TSV = REPO_ROOT.parent / "shared" / "eval" / "queries.tsv"

# query (exactly as in queries.tsv) -> the entry meant to answer it
INTENDED: dict[str, str] = {
    "thời hạn tạm giữ là bao lâu": "tam_giu_thoi_han",
    "gia han tam giu toi da bao nhieu ngay": "tam_giu_gia_han",
    "VKS phê chuẩn gia hạn tạm giữ trong bao lâu": "tam_giu_vks_phe_chuan_gia_han",
    "thoi han tam giam de dieu tra toi nghiem trong": "tam_giam_nghiem_trong_dieu_tra",
    "tạm giam điều tra tội đặc biệt nghiêm trọng tối đa bao lâu": "tam_giam_dieu_tra_dac_biet_nghiem_trong",
    "thời hạn điều tra tội ít nghiêm trọng": "dieu_tra_it_nghiem_trong",
    "thoi han truy to": "truy_to_thoi_han",
    "han khang nghi phuc tham cua vks cap tren": "khang_nghi_phuc_tham_cap_tren",
    "kháng cáo bản án sơ thẩm trong bao nhiêu ngày": "khang_cao_ban_an",
    "giai quyet to giac tin bao toi pham bao nhieu ngay": "nguon_tin_20_ngay",
    "giữ người trong trường hợp khẩn cấp bao nhiêu giờ phải quyết định": "giu_nguoi_khan_cap_12_gio",
    "thoi han khang nghi giam doc tham": "giam_doc_tham_thoi_han",
    "chuẩn bị xét xử sơ thẩm tội rất nghiêm trọng": "chuan_bi_xet_xu_rat_nghiem_trong",
    "dieu kien ap dung thu tuc rut gon": "rut_gon_dieu_kien",
    "1 thang tam giam tinh bao nhieu ngay": "mot_thang_tam_giam_30_ngay",
    "ban đêm trong tố tụng hình sự tính từ mấy giờ": "ban_dem_22_gio",
    "loi day cua bac ho doi voi can bo kiem sat": "loi_day_bac_ho",
    "phương châm công tác năm 2021 của ngành kiểm sát": "phuong_cham_2021",
    "chu de thi dua nam 2023": "chu_de_thi_dua_2023",
    "cuộc vận động xây dựng đội ngũ cán bộ kiểm sát viên": "cuoc_van_dong_can_bo_kiem_sat",
    "hai chan ba mui la gi": "binh_dai_hai_chan_ba_mui",
    "kiểm sát hồ sơ tạm giữ ở nhà tạm giữ bao lâu một lần": "kiem_sat_ho_so_tam_giu_hang_ngay",
    "ky thong ke 6 thang tinh tu ngay nao": "ky_thong_ke_6_thang",
    "ngày thành lập ngành kiểm sát nhân dân": "ngay_thanh_lap_nganh",
    "co bao nhieu vks khu vuc": "vks_khu_vuc_355",
    "tạm giam sau khi tuyên án bao nhiêu ngày": "tam_giam_sau_tuyen_an_45_ngay",
    "khi nao duoc tam dinh chi giai quyet nguon tin": "nguon_tin_tam_dinh_chi",
    "thoi hna tam guu": "tam_giu_thoi_han",
    "ksv kiem sat ntg may lan": "kiem_sat_ho_so_tam_giu_hang_ngay",
    "thời hạn tạm giữ tối đa bao nhiêu ngày": "tam_giu_gia_han",
    "thoi han tam giam toi it nghiem trong": "tam_giam_dieu_tra_it_nghiem_trong",
    "gia han dieu tra toi rat nghiem trong": "dieu_tra_rat_nghiem_trong",
    "VKS quyết định truy tố tội đặc biệt nghiêm trọng được gia hạn bao lâu": "truy_to_gia_han",
    "mở phiên tòa trong bao lâu kể từ khi có quyết định đưa vụ án ra xét xử": "mo_phien_toa_15_ngay",
    "chỉ tiêu phát hiện tạm giữ tạm giam trái pháp luật": "chi_tieu_pho_yen_2024_giam_giu",
    "tỷ lệ chỉ tiêu đạt của cụm thi đua số 6 năm 2020": "ket_qua_cum_thi_dua_6_2020",
    "nghị quyết 96/2019/QH14 là gì": "nq_96_2019_qh14",
    "phương châm năm 2024": "phuong_cham_thai_nguyen_2024",
}

# entry id -> strings its folded answer must contain (key numbers from FACTS.md)
KEY_NUMBERS: dict[str, tuple[str, ...]] = {
    "tam_giu_thoi_han": ("3 ngay", "9 ngay"),
    "tam_giu_gia_han": ("3 ngay", "9 ngay", "phe chuan"),
    "tam_giam_dieu_tra_it_nghiem_trong": ("2 thang", "1 thang", "3 thang"),
    "tam_giam_nghiem_trong_dieu_tra": ("3 thang", "2 thang", "5 thang"),
    "tam_giam_dieu_tra_rat_nghiem_trong": ("4 thang", "3 thang", "7 thang"),
    "tam_giam_dieu_tra_dac_biet_nghiem_trong": ("4 thang", "2 lan", "12 thang"),
    "dieu_tra_it_nghiem_trong": ("2 thang", "4 thang"),
    "dieu_tra_nghiem_trong": ("3 thang", "2 thang", "8 thang"),
    "dieu_tra_rat_nghiem_trong": ("4 thang", "12 thang"),
    "dieu_tra_dac_biet_nghiem_trong": ("4 thang", "3 lan", "16 thang"),
    "truy_to_gia_han": ("10 ngay", "15 ngay", "30 ngay"),
    "chuan_bi_xet_xu_it_nghiem_trong": ("30 ngay", "15 ngay"),
    "chuan_bi_xet_xu_nghiem_trong": ("45 ngay", "15 ngay"),
    "chuan_bi_xet_xu_dac_biet_nghiem_trong": ("3 thang", "30 ngay"),
    "khang_cao_quyet_dinh": ("7 ngay",),
    "khang_nghi_phuc_tham_cung_cap": ("15 ngay",),
    "khang_nghi_quyet_dinh_so_tham": ("7 ngay", "15 ngay"),
    "nguon_tin_gia_han": ("2 thang", "5 ngay"),
    "tai_tham_thoi_han": ("1 nam",),
    "rut_gon_dieu_tra_20_ngay": ("20 ngay",),
    "rut_gon_xet_xu_so_tham": ("10 ngay", "7 ngay"),
    "ky_thong_ke_12_thang": ("1/12", "30/11"),
    "ky_thong_ke_6_thang": ("31/5",),
    "vks_tinh_34": ("34",),
    "tam_giu_tinh_theo_gio": ("72 gio", "10 gio 4/3/2018"),
    "tam_giam_noi_tiep_tam_giu": ("57 ngay", "29/4/2018", "54 ngay", "3/6/2018"),
    "cach_tinh_tam_giam": ("120 ngay", "14/6/2014"),
    "vi_du_tinh_han_khang_cao": ("18/3/2024", "1/4/2024"),
    "nguon_tin_20_ngay": ("24/3/2026",),
    "ngay_nghi_le_tet": ("11 ngay", "5 ngay"),
    "tru_tam_giu_vao_hinh_phat": ("1 ngay tu", "3 ngay cai tao"),
}


def fold(text: str) -> str:
    """The folding of the queries.tsv header: NFC, lowercase, no diacritics, đ→d,
    collapsed spaces, leading zeros of numbers stripped."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("đ", "d")
    text = re.sub(r"(?<![0-9])0+(?=[0-9])", "", text)
    return " ".join(text.split())


def shared_queries() -> list[tuple[str, str]]:
    rows = []
    for line in QUERIES_TSV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, expect = [*line.split("\t"), ""][:2]
        # queries.tsv holds some NFD-decomposed lines on purpose; compare in NFC.
        rows.append((unicodedata.normalize("NFC", query), expect.strip()))
    return rows


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


needs_shared = pytest.mark.skipif(not QUERIES_TSV.exists(), reason=f"{QUERIES_TSV} absent")


def test_fold_follows_the_header_rule() -> None:
    assert fold("Đoàn kết,  ĐỔI MỚI 03 ngày 26/07/1960 100%") == "doan ket, doi moi 3 ngay 26/7/1960 100%"


@needs_shared
def test_every_in_scope_query_has_an_intended_entry() -> None:
    in_scope = {q for q, expect in shared_queries() if expect != "NONE"}
    assert all(unicodedata.is_normalized("NFC", q) for q in INTENDED)
    assert in_scope - INTENDED.keys() == set(), "map the new queries.tsv lines in INTENDED"
    assert INTENDED.keys() - in_scope == set(), "INTENDED names queries no longer in queries.tsv"


@needs_shared
def test_intended_answers_contain_expected_text(kb: KnowledgeBase) -> None:
    failures = []
    for query, expect in shared_queries():
        if expect == "NONE":
            continue
        entry = kb.get(INTENDED[query])
        if entry is None:
            failures.append(f"{query!r}: entry {INTENDED[query]!r} missing")
            continue
        answer = fold(entry.answer)
        for group in expect.split(" ; "):
            if not any(fold(alt) in answer for alt in group.split(" | ")):
                failures.append(f"{query!r} -> {entry.id}: answer lacks {group!r}")
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize(("entry_id", "needles"), sorted(KEY_NUMBERS.items()))
def test_key_numbers(kb: KnowledgeBase, entry_id: str, needles: tuple[str, ...]) -> None:
    entry = kb.get(entry_id)
    assert entry is not None
    answer = fold(entry.answer)
    missing = [n for n in needles if n not in answer]
    assert missing == [], f"{entry_id}: {missing} not in {answer!r}"


def test_answers_lead_with_the_number_for_deadlines(kb: KnowledgeBase) -> None:
    """Deadline answers put a number in their first words so staff see it at once."""
    late = []
    deadlines = [e for e in kb.by_category("thoi_han") if e.verified != "no"]
    for entry in deadlines:
        head = fold(entry.answer)[:60]
        if not re.search(r"\d", head):
            late.append(entry.id)
    # Explanatory entries (how counting works) and limits tied to another stage's limit ("không quá
    # thời hạn điều tra") legitimately start with words; they stay a small minority.
    assert len(late) <= len(deadlines) * 0.15, late


def test_unverified_details_are_never_stated_as_numbers(kb: KnowledgeBase) -> None:
    """U facts from FACTS.md must not appear as plain law (e.g. a 60% sector target)."""
    for entry in kb.entries:
        answer = fold(entry.answer)
        if "60%" in answer:
            assert "chua kiem chung" in answer, entry.id
    # Đ346 was readable in the codified 2015 text (FACTS §15): the numbers are stated, with the 2025 caveat.
    appeal_prep = kb.get("chuan_bi_xet_xu_phuc_tham")
    assert appeal_prep is not None and appeal_prep.verified == "yes"
    answer = fold(appeal_prep.answer)
    assert "60 ngay" in answer and "90 ngay" in answer and "luat 99/2025" in answer and "doi chieu" in answer


def test_secondary_sources_are_marked(kb: KnowledgeBase) -> None:
    """Facts marked S in FACTS.md are not presented as verified."""
    for entry_id in (
        "kiem_sat_ho_so_tam_giu_hang_ngay",
        "ngay_thanh_lap_nganh",
        "vks_khu_vuc_355",
        "chu_de_thi_dua_2024",
        "binh_dai_hai_chan_ba_mui",
    ):
        entry = kb.get(entry_id)
        assert entry is not None and entry.verified == "secondary", entry_id


@pytest.mark.parametrize(
    "entry_id",
    ["khang_cao_ban_an", "khang_nghi_quyet_dinh_so_tham", "vks_phe_chuan_bat_khan_cap", "tam_giam_truy_to"],
)
def test_articles_read_in_the_codified_text_are_verified(kb: KnowledgeBase, entry_id: str) -> None:
    """FACTS §15: Đ333, Đ337 k2, Đ110 k6, Đ241 were read in the codified 2015 text."""
    entry = kb.get(entry_id)
    assert entry is not None and entry.verified == "yes", entry_id


def test_questions_are_varied(kb: KnowledgeBase) -> None:
    """Alternate questions include unaccented and abbreviated forms, as staff type them."""
    questions = [q for e in kb.entries for q in e.questions]
    plain = [q for q in questions if fold(q) == q.lower()]
    assert len(plain) >= len(questions) // 3
    abbreviations = re.compile(r"\b(vks|ksv|cqdt|cqđt|tg|ntg|ttg|blttths|dbnt|đbnt|qd|thahs)\b")
    assert sum(bool(abbreviations.search(q.lower())) for q in questions) >= 40
    for entry in kb.entries:
        assert len(entry.questions) >= 3, entry.id


# --- the labelled evaluation file (tests/eval/questions.tsv) ------------------------------

QUESTIONS_TSV = REPO_ROOT / "tests" / "eval" / "questions.tsv"
SLICES = {"diacritics", "no_diacritics", "nfd", "typo", "abbrev", "reorder", "out_of_scope"}
MINIMUM_PER_SLICE = {"no_diacritics": 60, "typo": 40, "nfd": 20, "abbrev": 25, "reorder": 20, "out_of_scope": 35}


def eval_rows() -> list[tuple[str, str, set[str]]]:
    rows = []
    lines = QUESTIONS_TSV.read_text(encoding="utf-8").splitlines()
    data = [line for line in lines if line.strip() and not line.startswith("#")]
    assert data[0] == "query\texpected\tslices"
    for line in data[1:]:
        query, expected, slices = line.split("\t")
        rows.append((query, expected, {s for s in slices.split(",") if s}))
    return rows


def test_eval_file_is_well_formed(kb: KnowledgeBase) -> None:
    rows = eval_rows()
    assert len(rows) >= 220
    counts = {name: sum(name in tags for _, _, tags in rows) for name in SLICES}
    for name, minimum in MINIMUM_PER_SLICE.items():
        assert counts[name] >= minimum, (name, counts[name])
    for query, expected, tags in rows:
        assert tags <= SLICES, query
        assert (expected == "NONE") == ("out_of_scope" in tags), query
        if expected not in ("NONE", "ASK"):  # ASK: the question must be answered with a menu
            for entry_id in expected.split("|"):
                assert kb.get(entry_id) is not None, (query, entry_id)
        decomposed = not unicodedata.is_normalized("NFC", query)
        assert decomposed == ("nfd" in tags), query


def test_eval_questions_differ_from_entry_text(kb: KnowledgeBase) -> None:
    """Otherwise the evaluation would be a lookup of the entries' own wording."""
    own = {fold(text) for e in kb.entries for text in (e.title, *e.questions)}
    same = [q for q, _, _ in eval_rows() if fold(q) in own]
    assert same == []
    queries = [fold(q) for q, _, _ in eval_rows()]
    assert len(queries) == len(set(queries)), "duplicate evaluation questions"


# --- FACTS §15 corrections (audit of 2026-12-06): one case per finding ------------------------------------
# (entry, folded words the answer or source must contain, folded words it must not contain)
CORRECTIONS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    # Đ172 k3: ĐBNT investigation up to 20 months, the VT VKSNDTC's extra 4 months.
    ("dieu_tra_dac_biet_nghiem_trong", ("20 thang", "vien truong vksnd toi cao", "khoan 3"), ("toi da 16 thang",)),
    ("dieu_tra_gia_han", ("20 thang", "an ninh quoc gia"), ()),
    # Đ173 k6: non-ANQG ĐBNT detention does not stop at 12 months; k5 is the ANQG rule.
    ("tam_giam_dieu_tra_dac_biet_nghiem_trong", ("khoan 6", "16 thang", "ket thuc dieu tra"), ()),
    ("tam_giam_anqg_gia_han_them", ("khoan 5", "ket thuc dieu tra"), ("khoan 6, nguon thu cap",)),
    ("tam_giam_dieu_tra_gia_han", ("16 thang", "ket thuc dieu tra"), ()),
    # Summary procedure: CQĐT, VKS or court decide in 24 h; prosecution 5 days; no appeal periods of its own.
    ("rut_gon_quyet_dinh_ap_dung", ("co quan dieu tra", "toa an", "24 gio"), ()),
    ("rut_gon_truy_to_khang_cao", ("5 ngay", "dieu 461"), ()),
    (
        "rut_gon_khang_cao_khang_nghi",
        ("15 ngay", "30 ngay", "khong co thoi han rieng", "dieu 333", "dieu 337"),
        ("ngan hon",),
    ),
    ("rut_gon_tam_giu_tam_giam", ("20 ngay", "5 ngay", "17 ngay", "22 ngay"), ()),
    ("rut_gon_phuc_tham", ("15 ngay", "7 ngay"), ()),
    # Đ118 k2 (not k1 or k3 alone: the release when the VKS refuses follows from k2 with k3, legal review
    # 2026-12-07, so "khoản 2, khoản 3"); Đ277 k3's wording.
    ("tam_giu_vks_phe_chuan_gia_han", ("dieu 118 khoan 2",), ("dieu 118 khoan 1", "dieu 118 khoan 3")),
    ("mo_phien_toa_15_ngay", ("bat kha khang", "tro ngai khach quan"), ("ly do chinh dang",)),
    # Seed articles and mottos.
    (
        "ket_qua_moc_chau_2021",
        ("27 vu an diem", "13 phien toa rut kinh nghiem (chi tieu 8, vuot 5 phien, 62,5%)"),
        ("trong diem",),
    ),
    ("cum_thi_dua_7_2021", ("phuong cham cua nganh", "ct-vkstc ngay 17/12/2019"), ()),
    ("binh_dai_hai_chan_ba_mui", ("kiem tra, giam sat", "doi moi cong tac kiem sat hoat dong tu phap"), ()),
    # Luật 94/2015 replaced; Luật 99/2025 changed more than the acting bodies.
    ("thong_bao_truoc_het_han_giam_giu", ("128/2025", "doi chieu"), ()),
    ("luat_99_2025_sua_doi_blttths", ("chu yeu", "cong an cap xa"), ()),
    # Indicators: QĐ 358/2025 is current, QĐ 139/2020 is not.
    ("he_thong_chi_tieu_qd139", ("358/qd-vkstc", "khong con"), ()),
]


@pytest.mark.parametrize(("entry_id", "needed", "forbidden"), CORRECTIONS, ids=[c[0] for c in CORRECTIONS])
def test_facts_15_corrections(
    kb: KnowledgeBase, entry_id: str, needed: tuple[str, ...], forbidden: tuple[str, ...]
) -> None:
    entry = kb.get(entry_id)
    assert entry is not None
    text = fold(f"{entry.answer} {entry.source}")
    assert [n for n in needed if n not in text] == []
    assert [f for f in forbidden if f in text] == []


def test_readme_counts_match_the_knowledge_base(kb: KnowledgeBase) -> None:
    """The README's knowledge-base table (by category and status) is the bundled data's."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z_]+)` — [^|]*\| (\d+ \| \d+ \| \d+ \| \d+) \|$", readme, flags=re.M))
    for category in ("thoi_han", "quy_trinh", "chi_tieu", "phuong_cham", "to_chuc"):
        entries = kb.by_category(category)
        counts = [sum(e.verified == v for e in entries) for v in ("yes", "secondary", "no")]
        assert rows.get(category) == " | ".join(map(str, [*counts, len(entries)])), category
