"""Shorthand of the free-text calculator (kt = khởi tố, dt/đt/đtra = điều tra next to a length or
after "hạn") and the investigation's stated length read against the category (Đ172 k1)."""

from __future__ import annotations

from datetime import date, datetime

from knowledge.deadlines.dateparse import detect_deadline_query
from knowledge.deadlines.kind_words import spell_out

NOW = datetime(2026, 3, 2, 8, 0)


def test_investigation_shorthand_only_with_a_length_or_after_han() -> None:
    assert spell_out("kt vu an ngay 15/01, dt 3 thang") == "khoi to vu an ngay 15/01, dieu tra 3 thang"
    assert spell_out("han dt het ngay nao") == "han dieu tra het ngay nao"
    assert spell_out("han dtra") == "han dieu tra"
    assert spell_out("so dt cua bi can") == "so dt cua bi can"  # a bare "dt" is not over-read
    assert spell_out("kt ho so") == "kt ho so"


def test_investigation_in_free_text() -> None:
    for text in (
        "khởi tố vụ án 15/01/2026 tội nghiêm trọng, điều tra 3 tháng hết ngày nào",
        "kt vu an ngay 15/01/2026 toi nt, dt 3 thang het han ngay nao",
        "đt 3 tháng từ ngày khởi tố 15/01/2026 thì hết hạn ngày nào",
        "hạn đtra vụ án khởi tố 15/01/2026 tội nghiêm trọng",
    ):
        q = detect_deadline_query(text, NOW)
        assert q is not None and q.kind == "dieu_tra", text
        assert q.start == date(2026, 1, 15) and q.category == "nghiem_trong", text


def test_stated_length_picks_or_checks_the_category() -> None:
    two = detect_deadline_query("kt vu an 15/01/2026, dt 2 thang het ngay nao", NOW)
    assert two is not None and two.category == "it_nghiem_trong"
    four = detect_deadline_query("kt vu an 15/01/2026, dt 4 thang het ngay nao", NOW)
    assert four is not None and four.category is None  # rất NT and ĐBNT both: asked, not guessed
    # 3 months is not the term of a less serious crime: no card (the Q&A gives the rule).
    assert detect_deadline_query("kt vu an 15/01/2026 toi it nghiem trong, dt 3 thang het ngay nao", NOW) is None
    assert detect_deadline_query("kt vu an 15/01/2026, dt 5 thang het ngay nao", NOW) is None
