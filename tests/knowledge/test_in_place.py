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


def test_tb_is_a_tin_bao_where_a_prosecutor_puts_it() -> None:
    # at the start (courtesy words apart), after what is done with one, before "tội phạm"
    assert in_place("tb bn ngay?") == "tin bao bn ngay?"
    assert in_place("e oi tb bn ngay") == "e oi tin bao bn ngay"
    assert in_place("cho em hỏi tb giải quyết mấy ngày") == "cho em hỏi tin báo giải quyết mấy ngày"
    assert in_place("thoi han gq tb bao lau") == "thoi han gq tin bao bao lau"
    assert in_place("cqdt xin gh thoi han giai quyet tb") == "cqdt xin gh thoi han giai quyet tin bao"
    # what a thông báo does is not flipped: "tb cho gia đình", "tb kết quả", "gửi tb", "ra tb về việc"
    for kept in (
        "tb cho gia dinh nguoi bi giu trong bn h",
        "tb kq giai quyet",
        "gui tb cho vks",
        "ra tb ve viec",
        "tb truoc khi het han tam giam may ngay",
    ):
        assert in_place(kept) == kept


def test_shorthand_of_a_step_is_read_by_its_neighbours() -> None:
    assert in_place("vks pc lệnh bắt người bị giữ kc") == "vks phê chuẩn lệnh bắt người bị giữ khẩn cấp"
    assert in_place("ksv xet pc lenh bat ng bi giu kc") == "ksv xet phe chuan lenh bat ng bi giu khan cap"
    assert in_place("qd bc tk so may") == "qd bao cao tk so may"
    assert in_place("sau 1/7/25 cn co bn vks kv") == "sau 1/7/25 con co bn vks kv"
    assert in_place("bh ca nuoc con bn vks tinh") == "bay gio ca nuoc con bn vks tinh"
    # elsewhere: chủ nhật, bao giờ, phòng chống, bị can
    for kept in ("t7 cn co tinh khong", "bh het han tam giu", "bh la het han", "pc ma tuy", "bc bi tam giam"):
        assert in_place(kept) == kept


def test_a_word_may_have_several_readings_each_with_its_own_neighbours() -> None:
    rules = parse_rules(
        {"in_place": {"xy": [{"reading": "một", "after": ["^"]}, {"reading": "hai", "not_before": ["ba"]}]}}
    )
    assert in_place("xy bốn", rules) == "một bốn"  # the first that fits
    assert in_place("năm xy bốn", rules) == "năm hai bốn"
    assert in_place("năm xy ba", rules) == "năm xy ba"  # neither fits
