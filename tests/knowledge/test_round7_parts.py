"""Round 7 (search): two-part cuts without a question word in the second part, a head word said
again, a year per subject; 'mí' read as 'mấy'; 'tính cả gia hạn' asking the total; the lead line
of a total said once for a sentence; a period's dates for the year asked. Own phrasings, not the
evaluation rows."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.kb.dialogue import Dialogue
from knowledge.kb.lead import asked_year, lead_line, period_line
from knowledge.kb.normalize import load_synonyms, syllables
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
    ("text", "parts"),
    [
        # the subject's head word said again, no separator
        (
            "kỳ báo cáo 6 tháng chốt ngày nào kỳ 12 tháng chốt ngày nào",
            ["kỳ báo cáo 6 tháng chốt ngày nào", "kỳ 12 tháng chốt ngày nào"],
        ),
        # a new subject after "và"/"còn" asking nothing of its own asks the first part's question
        (
            "phương châm năm 2024 là gì, còn chủ đề thi đua năm 2024",
            ["phương châm năm 2024 là gì", "chủ đề thi đua năm 2024 là gì"],
        ),
        (
            "tạm giữ tối đa bao nhiêu ngày và tạm giam để điều tra tội ít nghiêm trọng",
            ["tạm giữ tối đa bao nhiêu ngày", "tạm giam để điều tra tội ít nghiêm trọng bao nhiêu ngày"],
        ),
        # each subject with its own year: not the question asked once per year
        ("phuong cham nam 2023 va chu de thi dua nam 2024", ["phuong cham nam 2023", "chu de thi dua nam 2024"]),
        # "mí" is "mấy": each side holds a question word
        ("truy to toi NT mi ngay, gia han them mi ngay", ["truy to toi NT mi ngay", "gia han them mi ngay"]),
        # still one question
        ("tạm giữ và tạm giam khác nhau thế nào", ["tạm giữ và tạm giam khác nhau thế nào"]),
        ("phương châm năm 2023 và năm 2024 là gì", ["phương châm năm 2023 là gì", "phương châm năm 2024 là gì"]),
    ],
)
def test_two_part_cuts(text: str, parts: list[str]) -> None:
    assert split_question(text, VOCAB, SYN) == parts


def test_a_total_asked_with_the_extension_named_is_the_whole_periods_entry(dialogue: Dialogue) -> None:
    # "tính cả gia hạn" leaves "gia hạn" optional: neither the extension's entry nor the period's is penalised
    assert SYN.either_in(syllables("toi da bao lau tinh ca gia han")) == {"gia han"}
    assert "gia han" not in SYN.modifiers_in(syllables("toi da bao lau tinh ca gia han"))
    for text, entry_id in [
        ("đt tội NT tối đa mấy tháng tính cả gia hạn", "dieu_tra_nghiem_trong"),
        ("dieu tra toi rat nghiem trong ke ca gia han toi da may thang", "dieu_tra_rat_nghiem_trong"),
        ("tam giu tinh ca gia han toi da may ngay", "tam_giu_gia_han"),
        ("tgiam giai doan truy to toi DBNT toi da bao lau ke ca gia han", "tam_giam_truy_to"),
    ]:
        [part] = dialogue.read(text, TODAY)
        assert part.answered and part.result.entry is not None, text
        assert part.result.entry.id == entry_id, (text, part.result.entry.id)


def test_the_lead_line_of_a_total_said_once_for_its_sentence() -> None:
    answer = (
        "20 ngày với tội ít nghiêm trọng; 30 ngày với tội rất nghiêm trọng. Gia hạn: tối đa 15 ngày với tội rất "
        "nghiêm trọng. Tổng cộng kể cả gia hạn, tối đa 30 ngày với tội ít nghiêm trọng, 45 ngày với tội rất "
        "nghiêm trọng."
    )
    lead = lead_line(answer, syllables("toi rat nghiem trong toi da bao lau ke ca gia han"))
    assert lead == "Tổng cộng kể cả gia hạn: 45 ngày với tội rất nghiêm trọng"
    # without the total asked, the category's first figure
    assert lead_line(answer, syllables("toi rat nghiem trong bao lau")) == "30 ngày với tội rất nghiêm trọng"
    # another phrase ("cùng cấp") in one clause does not speak for the next clause
    other = "Quyết định gửi Viện kiểm sát cùng cấp (VKS) và người tham gia tố tụng chậm nhất 10 ngày."
    assert lead_line(other, syllables("vks cung cap may ngay")) is None


def test_a_period_instantiated_for_the_year_asked() -> None:
    twelve = "Từ ngày 1/12 năm trước đến hết ngày 30/11 năm báo cáo."
    six = "Từ ngày 1/12 năm trước đến hết ngày 31/5 năm báo cáo."
    assert period_line(twelve, syllables("ky thong ke 12 thang nam 2026")) == (
        "Kỳ năm 2026: từ ngày 01/12/2025 đến hết ngày 30/11/2026"
    )
    assert period_line(six, syllables("so lieu 6 thang 2027 chot ngay nao")) == (
        "Kỳ năm 2027: từ ngày 01/12/2026 đến hết ngày 31/05/2027"
    )
    assert period_line(twelve, syllables("ky thong ke 12 thang tinh the nao")) is None  # no year asked
    assert asked_year(syllables("theo qd 358 nam 2025 ky 12 thang")) is None  # the document's year
    assert asked_year(syllables("ky 12 thang nam 2024 hay nam 2025")) is None  # two years: not one period


def test_mi_is_a_question_word(dialogue: Dialogue) -> None:
    parts = dialogue.read("tgiu toi da mi ngay, gia han tgiu thi vks phe chuan trong mi gio", TODAY)
    assert [p.result.entry.id for p in parts if p.result.entry] == ["tam_giu_thoi_han", "tam_giu_vks_phe_chuan_gia_han"]


def test_telex_keystrokes_left_in_words_are_undone_before_anything_reads_them(dialogue: Dialogue) -> None:
    assert syllables("thowif hanj tamj giuwx laf bao laau") == ["thoi", "han", "tam", "giu", "la", "bao", "lau"]
    # abbreviations and words that are no syllable either way stay as typed
    assert syllables("vks ks tths bltths dtbs vs hs cqdt tgiam anqg") == [
        "vks", "ks", "tths", "bltths", "dtbs", "vs", "hs", "cqdt", "tgiam", "anqg",
    ]  # fmt: skip
    # a two-part question typed with them is still cut at its question words
    parts = dialogue.read("tam giamf dieu tra toi NT bao lau, truy toos bao laau", TODAY)
    assert [p.result.entry.id for p in parts if p.result.entry] == [
        "tam_giam_nghiem_trong_dieu_tra",
        "truy_to_thoi_han",
    ]


def test_the_lead_never_opens_with_the_neighbouring_figure() -> None:
    one = "2 tháng; có thể gia hạn 1 lần không quá 1 tháng. Tối đa 3 tháng tạm giam để điều tra tội ít nghiêm trọng."
    # an answer about one category only: its category picks no clause (not the 3-month maximum first)
    assert lead_line(one, syllables("tgiam dt toi it nghiem trong bao nhieu thang")) is None
    table = "30 ngày: 1 tháng = 30 ngày; 2 tháng = 60 ngày; 3 tháng = 90 ngày."
    assert lead_line(table, syllables("tam giam ba thang tinh bao nhieu ngay")) == "3 tháng = 90 ngày"
    ranges = "5 năm (tù từ 3 năm trở xuống); 10 năm (tù trên 3 năm đến 15 năm); 15 năm (tù trên 15 năm đến 30 năm)."
    assert lead_line(ranges, syllables("tu tren 3 nam den 15 nam thi bao nhieu nam")) == (
        "10 năm (tù trên 3 năm đến 15 năm)"
    )
    # a length the asker has used up is what they tell, not what they ask
    spent = "4 tháng; gia hạn 2 lần, mỗi lần không quá 4 tháng (tổng 12 tháng). Sau đó thêm 1 lần không quá 4 tháng."
    assert lead_line(spent, syllables("dbnt het 12 thang roi thi sao")) is None
