"""The pure pieces of a conversation turn: number words, two-part cuts, follow-ups, scope,
the lead line, and the decision on one-option menus and unnamed stages."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb.dialogue import Dialogue
from knowledge.kb.entry import Entry
from knowledge.kb.followup import compose, has_cue, has_subject
from knowledge.kb.lead import lead_line
from knowledge.kb.normalize import load_synonyms, syllables
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.search import Searcher
from knowledge.kb.store import KnowledgeBase, load_kb
from knowledge.kb.twopart import split_question
from knowledge.kb.vocabulary import load_vocabulary

TODAY = date(2026, 3, 1)
VOCAB = load_vocabulary()
SYN = load_synonyms()


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def dialogue(kb: KnowledgeBase) -> Dialogue:
    return Dialogue(Searcher(kb))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tam giam hai thang tinh bao nhieu ngay", "tam giam 2 thang tinh bao nhieu ngay"),
        ("muoi lam ngay", "15 ngay"),
        ("hai muoi ngay", "20 ngay"),
        ("bao cao sau thang", "bao cao 6 thang"),
        ("sau ngay tuyen an", "sau ngay tuyen an"),  # "sau" is "after" before "ngày"
        ("tam giu ba ngay", "tam giu 3 ngay"),
        ("tam giam de dieu tra", "tam giam de dieu tra"),  # "tám" only before a unit
        ("nam 2023", "nam 2023"),
        ("gia han theo k5 d173", "gia han theo khoan 5 dieu 173"),  # clause and article shorthand
        ("vks kv1 ca mau", "vks kv1 ca mau"),  # a regional unit's number is not a clause
    ],
)
def test_number_words(text: str, expected: str) -> None:
    assert " ".join(numbers_from_words(text.split())) == expected


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "tội nghiêm trọng điều tra tối đa bao lâu và tạm giam điều tra tối đa bao lâu",
            ["tội nghiêm trọng điều tra tối đa bao lâu", "tạm giam điều tra tối đa bao lâu"],
        ),
        (
            "truy tố ít NT bao nhiêu ngày, gia hạn thêm mấy ngày",
            ["truy tố ít NT bao nhiêu ngày", "gia hạn thêm mấy ngày"],
        ),
        (
            "truy to it NT bao nhieu ngay gia han them may ngay",
            ["truy to it NT bao nhieu ngay", "gia han them may ngay"],
        ),
        ("chủ đề thi đua năm 2022 và 2023 là gì", ["chủ đề thi đua năm 2022 là gì", "chủ đề thi đua 2023 là gì"]),
        ("tạm giữ và tạm giam khác nhau thế nào", ["tạm giữ và tạm giam khác nhau thế nào"]),
        (
            "thoi han dieu tra toi da va tam giam dieu tra toi da voi toi it NT la bao nhieu",
            [
                "thoi han dieu tra toi da voi toi it NT la bao nhieu",
                "tam giam dieu tra toi da voi toi it NT la bao nhieu",
            ],
        ),
        (
            "phương châm năm 2024 và chủ đề thi đua năm 2024 là gì",
            ["phương châm năm 2024 là gì", "chủ đề thi đua năm 2024 là gì"],
        ),
        ("tạm giam và gia hạn tạm giam tội NT bao lâu", ["tạm giam tội NT bao lâu", "gia hạn tạm giam tội NT bao lâu"]),
        (
            "tin báo phức tạp, phải xác minh thì kéo dài bao lâu",
            ["tin báo phức tạp, phải xác minh thì kéo dài bao lâu"],
        ),
        ("tam giu co duoc gia han khong", ["tam giu co duoc gia han khong"]),
        ("tạm giữ khi chưa gia hạn được bao lâu", ["tạm giữ khi chưa gia hạn được bao lâu"]),
        ("phe chuan bat khan cap 12 gio hay 24 gio", ["phe chuan bat khan cap 12 gio hay 24 gio"]),
    ],
)
def test_two_part_cuts(text: str, parts: list[str]) -> None:
    assert split_question(text, VOCAB, SYN) == parts


def test_followup_words() -> None:
    assert not has_subject(syllables("còn gia hạn thì sao"), VOCAB, SYN)
    assert has_subject(syllables("kháng cáo bao nhiêu ngày"), VOCAB, SYN)
    assert has_subject(["tg", "bao", "lau"], VOCAB, SYN)  # ambiguous, but names a measure
    assert has_cue(syllables("thế còn tội rất nghiêm trọng"), VOCAB)
    assert has_cue(syllables("gia hạn thì sao"), VOCAB)
    title = syllables("Tạm giam để điều tra tội nghiêm trọng")
    assert " ".join(compose(title, syllables("thế còn tội rất nghiêm trọng"), VOCAB)) == (
        "tam giam de dieu tra toi toi rat nghiem trong"
    )


def test_lead_line_picks_the_clause_of_the_case_named() -> None:
    answer = "15 ngày, kể từ ngày tuyên án, đối với VKS cùng cấp (VKS cấp trên trực tiếp: 30 ngày)."
    assert lead_line(answer, syllables("vks cap tren khang nghi may ngay")) == "VKS cấp trên trực tiếp: 30 ngày"
    assert lead_line(answer, syllables("vks cung cap khang nghi may ngay")) is None  # already first
    assert lead_line(answer, syllables("khang nghi may ngay")) is None  # no case named


def test_followup_in_dialogue(dialogue: Dialogue, kb: KnowledgeBase) -> None:
    previous = kb.get("tam_giu_thoi_han")
    [part] = dialogue.read("còn gia hạn thì sao", TODAY, previous)
    assert part.answered and part.result.entry is not None and part.result.entry.id == "tam_giu_gia_han"
    assert part.context == previous
    [fresh] = dialogue.read("còn gia hạn thì sao", TODAY, None)
    assert fresh.context is None


def test_followup_out_of_scope_is_not_read_into_the_context(dialogue: Dialogue, kb: KnowledgeBase) -> None:
    [part] = dialogue.read("thế còn giá xăng hôm nay", TODAY, kb.get("tam_giu_thoi_han"))
    assert not part.answered and part.context is None


def test_unknown_unit_and_year(dialogue: Dialogue) -> None:
    [part] = dialogue.read("phương châm công tác của VKSND tỉnh Cà Mau năm 2023", TODAY)
    assert part.unknown_unit == "VKSND tỉnh Cà Mau"
    [known] = dialogue.read("phương châm hai chân ba mũi của vks huyện Bình Đại", TODAY)
    assert known.unknown_unit is None
    [year] = dialogue.read("chủ đề thi đua năm 2019", TODAY)
    assert year.unknown_year == 2019


def test_stage_named_decides_and_missing_stage_asks(kb: KnowledgeBase) -> None:
    searcher = Searcher(kb)
    named = searcher.search("tạm giam để truy tố tội rất nghiêm trọng", TODAY)
    assert named.outcome == "answer" and named.entry is not None and named.entry.id == "tam_giam_truy_to"
    open_stage = searcher.search("tam giam toi da bao lau", TODAY)
    assert open_stage.outcome == "ask" and open_stage.reason == "stage not named"
    stages = {c.entry.id for c in open_stage.candidates}
    assert "tam_giam_truy_to" in stages and len(stages) >= 2


def test_single_option_menus(kb: KnowledgeBase) -> None:
    searcher = Searcher(kb)
    weak = searcher.search("lương cơ sở hiện nay là bao nhiêu", TODAY)
    assert weak.outcome == "dont_know"
    assert all(isinstance(c.entry, Entry) for c in weak.candidates)


def test_detention_without_stage_or_category_is_asked(kb: KnowledgeBase) -> None:
    searcher = Searcher(kb)
    result = searcher.search("thoi han tam giam", TODAY)
    assert result.outcome == "ask"  # never one stage's limit as "the" detention limit
    # a question that names its stage another way ("xét xử") is not asked about the stage
    assert searcher.search("vu an nao duoc xet xu theo thu tuc rut gon", TODAY).reason != "stage not named"


def test_a_long_paste_is_cut_like_the_search_cuts_it(dialogue: Dialogue) -> None:
    parts = dialogue.read("tam giu bao lau, gia han may lan, " * 300, TODAY)
    assert 1 <= len(parts) <= 3
    assert sum(len(p.text) for p in parts) <= dialogue.searcher.settings.max_query_chars


def test_ambiguous_shorthand_resolved_by_the_other_words(kb: KnowledgeBase) -> None:
    searcher = Searcher(kb)
    report = searcher.search("han gui bc thang", TODAY)  # bc = báo cáo here
    assert report.entry is not None and report.entry.id == "han_gui_bao_cao_thang"
    accused = searcher.search("tam giam bc toi nghiem trong", TODAY)  # bc = bị can here
    assert accused.entry is not None and accused.entry.id == "tam_giam_nghiem_trong_dieu_tra"


def test_lead_line_for_an_absent_party() -> None:
    answer = (
        "15 ngày, kể từ ngày tuyên án. Người vắng mặt tại phiên tòa: 15 ngày tính từ ngày họ nhận được "
        "bản án hoặc ngày bản án được niêm yết."
    )
    lead = lead_line(answer, syllables("bi cao vang mat thi khang cao may ngay"))
    assert (
        lead == "Người vắng mặt tại phiên tòa: 15 ngày tính từ ngày họ nhận được bản án hoặc ngày bản án được niêm yết"
    )


def test_lead_never_joins_a_category_to_the_next_case_figure() -> None:
    """'10 ngày (ít nghiêm trọng, nghiêm trọng), 15 ngày (rất nghiêm trọng)': for 'nghiêm trọng'
    the figure after the closing parenthesis is the next case's (this read 'Nghiêm trọng: 15 ngày')."""
    answer = (
        "Gia hạn truy tố: 10 ngày (tội ít nghiêm trọng, nghiêm trọng), 15 ngày (tội rất nghiêm trọng), "
        "30 ngày (tội đặc biệt nghiêm trọng)."
    )
    lead = lead_line(answer, syllables("gia han truy to toi nghiem trong"))
    assert lead is None or "15" not in lead
    # A clause that opens a parenthesis still takes the figure inside it.
    opened = "Thời hạn 2 tháng. Tội xâm phạm an ninh quốc gia theo khoản 5 (gia hạn thêm 4 tháng)."
    assert lead_line(opened, syllables("tam giam an ninh quoc gia")) == (
        "Tội xâm phạm an ninh quốc gia theo khoản 5: gia hạn thêm 4 tháng"
    )


def test_guard_reads_units_and_documents() -> None:
    from knowledge.kb.counts import asked_units, counted_units
    from knowledge.kb.documents import asks_document

    assert counted_units(["het", "24", "gio", "ngay", "cuoi"]) == {"gio"}
    assert counted_units(["khong", "bao", "gio", "duoc", "lui"]) == frozenset()  # "không bao giờ" counts nothing
    assert counted_units(["hang", "tuan", "tai", "trai"]) == {"tuan"}
    assert asked_units(["khang", "nghi", "toi", "da", "may", "lan"]) == ["lan"]
    assert asks_document(["che", "do", "bao", "cao", "theo", "quyet", "dinh", "so", "may"])
    assert asks_document(["quy", "che", "nao", "ap", "dung"])
    assert not asks_document(["quyet", "dinh", "tam", "giu", "bao", "lau"])


def test_negated_qualifiers_are_dropped() -> None:
    from knowledge.kb.negation import drop_negated

    mods = {"an ninh quoc gia", "rut gon"}
    assert drop_negated(["toi", "dbnt", "khong", "phai", "an", "ninh", "quoc", "gia", "gia", "han"], mods) == [
        "toi",
        "dbnt",
        "gia",
        "han",
    ]
    assert drop_negated(["khong", "phai", "la", "vu", "an", "rut", "gon"], mods) == []
    assert drop_negated(["toi", "khong", "xam", "pham", "an", "ninh", "quoc", "gia"], mods) == ["toi"]
    kept = ["tam", "giam", "toi", "an", "ninh", "quoc", "gia", "khong"]  # "không" as a question word negates nothing
    assert drop_negated(kept, mods) == kept
