"""Words read by their place in the message: shorthand with two readings, and Central and Southern
speech typed with its marks (pure; own phrasings, round 8)."""

from __future__ import annotations

from datetime import date

from knowledge.kb.in_place import in_place, parse_rules
from knowledge.kb.normalize import load_synonyms
from knowledge.kb.years import from_answered_year

SYN = load_synonyms()


def test_shorthand_is_read_by_its_neighbours() -> None:
    assert in_place("tb tp phai gq trong may ngay") == "tin bao toi pham phai gq trong may ngay"
    assert in_place("tố giác tp giải quyết mấy ngày") == "tố giác tội phạm giải quyết mấy ngày"
    assert in_place("giữ người kc bao nhiêu giờ") == "giữ người khẩn cấp bao nhiêu giờ"
    assert in_place("2 th tgiam la bn ng") == "2 thang tgiam la bn ngay"
    # elsewhere the one-word table reads them: "tp" a city, "kc" an appeal, "ng" a person
    assert in_place("vks tp hcm") == "vks tp hcm"
    assert in_place("thời hạn kc bản án sơ thẩm") == "thời hạn kc bản án sơ thẩm"
    assert in_place("2 ng bị bắt") == "2 ng bị bắt"


def test_regional_words_are_read_only_with_their_marks() -> None:
    text = "KSV mần ở trại tạm giam theo quy chế mô rứa"
    assert in_place(text) == "KSV làm ở trại tạm giam theo quy chế nào vậy"
    assert in_place("tạm giữ được trừ vô án tù hông") == "tạm giữ được trừ vào án tù hông"
    assert in_place("phương châm năm ni là chi") == "phương châm năm này là gì"
    assert in_place("chi tieu nam ni la chi") == "chi tieu nam nay la gi"  # "chỉ tiêu" kept
    # folded, the same letters are other words: "mở phiên tòa", "mãn hạn", "rửa tiền", "vô hiệu"
    for kept in ("mo phien toa", "mở phiên tòa", "man han tu", "tội rửa tiền", "quyết định vô hiệu"):
        assert in_place(kept) == kept


def test_a_rule_needs_its_reading() -> None:
    try:
        parse_rules({"in_place": {"tp": {"after": ["tin báo"]}}})
    except ValueError as error:
        assert "reading" in str(error)
    else:
        raise AssertionError("a rule without a reading was accepted")


def test_a_year_said_from_the_answered_one() -> None:
    today = date(2026, 3, 2)
    assert from_answered_year("còn năm sau đó", 2022, today, SYN) == "còn năm 2023"
    assert from_answered_year("con nam truoc do thi sao", 2024, today, SYN) == "con năm 2023 thi sao"
    assert from_answered_year("năm liền trước thì sao", 2021, today, SYN) == "năm 2020 thì sao"
    assert from_answered_year("năm ngoái thì sao", 2022, today, SYN) == "năm 2025 thì sao"  # from today
    assert from_answered_year("còn năm nay", 2022, today, SYN) == "còn năm 2026"
