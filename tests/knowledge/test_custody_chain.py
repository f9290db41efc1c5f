"""Free-text calculator questions that name two things: a tạm giữ chained into a tạm giam (it starts when the tạm giữ ends and
its days are deducted: FACTS §1, TTLT 04/2018 Điều 17), an appeal asked with a protest."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query

NOW = datetime(2026, 3, 2, 8, 0)


def test_custody_then_detention_starts_when_custody_ends() -> None:
    q = detect_deadline_query("tạm giữ 10h 01/03/2018 đủ 3 ngày rồi tạm giam 2 tháng hết ngày nào", NOW)
    assert q is not None and q.kind == "tam_giam"
    assert q.start == date(2018, 3, 4) and q.tam_giu_days == 3 and q.months == 2 and q.days is None


def test_shorthand_chain_with_rồi() -> None:
    q = detect_deadline_query("tgiu tu 10h 02/03/2026 du 3 ngay r chuyen tgiam 2 thang thi tgiam den het ngay nao", NOW)
    assert q is not None and q.start == date(2026, 3, 5) and q.tam_giu_days == 3 and q.days is None


def test_detention_date_with_custody_deducted_keeps_its_start() -> None:
    q = detect_deadline_query("tạm giam 2 tháng từ 04/03/2018, đã tạm giữ 3 ngày thì hết ngày nào", NOW)
    assert q is not None and q.start == date(2018, 3, 4) and q.tam_giu_days == 3


def test_custody_days_after_the_detention_date_are_not_a_chain() -> None:
    # The date follows "tạm giam": it is the detention's own start, and "3 ngày" are days of detention.
    q = detect_deadline_query("tạm giam 2 tháng 3 ngày từ 04/03/2018 hết ngày nào", NOW)
    assert q is not None and q.start == date(2018, 3, 4) and q.tam_giu_days is None and q.days == 3
    assert q.months == 2  # "2 tháng 3 ngày" is 63 days, not 3


CUSTODY_START = date(2026, 3, 2)  # tạm giữ from 09:00 02/03/2026, 3 days: ends 05/03/2026
FOLLOWS = [
    "tạm giữ 3 ngày từ 9h sáng nay, hết tạm giữ thì khởi tố, tạm giam 2 tháng luôn — lệnh tạm giam từ ngày nào đến ngày nào",
    "tạm giữ từ 9h 02/03/2026 đủ 3 ngày rồi tạm giam 2 tháng",
    "tam giu tu 9h 02/03/2026, khi het han tam giu 3 ngay thi chuyen tam giam 2 thang",
    "bị tạm giữ lúc 9 giờ 02/03/2026, tạm giữ 3 ngày, khi hết hạn tạm giữ thì tạm giam 2 tháng",
    "tgiu 3 ngay tu 9h 02/03/2026 sau do tgiam 2 thang het ngay nao",
    "tạm giữ 3 ngày, hết ngày 05/03/2026 thì tạm giam 2 tháng đến ngày nào",
    "lệnh tạm giam 2 tháng từ 05/03/2026, trước đó tạm giữ 3 ngày",
    "tạm giữ từ 9 giờ ngày 02/03/2026 đến 9 giờ ngày 05/03/2026, sau đó chuyển sang tạm giam 2 tháng",
    "tam giu tu 02/03 den 05/03 roi tam giam 2 thang het ngay nao",
    # The custody's end, said with words between "hết" and the date: the tạm giam's first day.
    "lệnh tạm giam 2 tháng kể từ ngày hết hạn tạm giữ 05/03/2026, trước đó tạm giữ 3 ngày",
    "tạm giam 2 tháng từ ngày hết tạm giữ là 05/03/2026, đã tạm giữ 3 ngày",
    "hết hạn tạm giữ 3 ngày vào 9h 05/03/2026 thì tạm giam 2 tháng đến ngày nào",
    "tạm giữ 3 ngày, hết hạn tạm giữ ngày 05/03/2026, tạm giam 2 tháng hết ngày nào",
    "người bị tạm giữ 3 ngày, sau khi hết tạm giữ ngày 05/03/2026 thì bị tạm giam 2 tháng",
    # Words between the measure and its length.
    "tạm giữ về tội trộm cắp 3 ngày từ 9h 02/03/2026 rồi tạm giam 2 tháng",
]


def test_detention_after_custody_starts_when_it_ends_whatever_the_phrasing() -> None:
    for text in FOLLOWS:
        q = detect_deadline_query(text, NOW)
        assert q is not None and q.kind == "tam_giam", text
        day = q.start.date() if isinstance(q.start, datetime) else q.start
        assert (day, q.tam_giu_days, q.months) == (date(2026, 3, 5), 3, 2), text


def test_no_phrasing_starts_at_the_custody_start_and_deducts() -> None:
    unsaid = "tạm giữ từ 9h 02/03/2026 rồi tạm giam 2 tháng thì hết ngày nào"
    for text in [*FOLLOWS, unsaid]:
        q = detect_deadline_query(text, NOW)
        assert q is not None
        day = q.start.date() if isinstance(q.start, datetime) else q.start
        assert not (day == CUSTODY_START and q.tam_giu_days), text
    # Without the custody's length: its 3-day term (Đ118 k1), as after a tạm giữ card; the same last day.
    q = detect_deadline_query(unsaid, NOW)
    assert q is not None and (q.start, q.tam_giu_days, q.custody_start) == (
        date(2026, 3, 5),
        3,
        datetime(2026, 3, 2, 9),
    )


def test_two_dates_for_custody_and_detention_are_asked_back() -> None:
    with pytest.raises(DateParseError, match="cả ngày tạm giữ và ngày tạm giam"):
        detect_deadline_query("tạm giữ 3 ngày từ 9h 02/03/2026, tạm giam 2 tháng từ 10/03/2026 hết ngày nào", NOW)


def test_appeal_and_protest_asked_together_are_both_computed() -> None:
    q = detect_deadline_query(
        "tuyên án 27/02/2026 bị cáo kháng cáo đến ngày nào, vks cấp trên kháng nghị đến ngày nào", NOW
    )
    assert q is not None and q.kind == "khang_cao_ban_an" and q.related_kinds == ("khang_nghi_ban_an_cap_tren",)
    both = detect_deadline_query("tuyên án 27/02/2026 thì hạn kháng cáo, kháng nghị đến ngày nào", NOW)
    assert both is not None and both.related_kinds == ("khang_nghi_ban_an_cung_cap", "khang_nghi_ban_an_cap_tren")


def test_custody_days_said_before_the_word_are_deducted_not_added() -> None:
    for text in (
        "tạm giam 2 tháng từ 04/03/2018, trừ 3 ngày tạm giữ thì hết ngày nào",
        "tam giam 2 thang tu 04/03/2018 tru tg 3 ngay",
        "tạm giam 2 tháng từ 04/03/2018 sau khi trừ thời gian tạm giữ 3 ngày",
    ):
        q = detect_deadline_query(text, NOW)
        assert q is not None and (q.start, q.months, q.days, q.tam_giu_days) == (date(2018, 3, 4), 2, None, 3), text


def test_a_length_already_net_of_the_custody_is_not_deducted_twice() -> None:
    q = detect_deadline_query("lệnh tạm giam 57 ngày từ 04/03/2018 (đã trừ 3 ngày tạm giữ) hết ngày nào", NOW)
    assert q is not None and (q.start, q.days, q.tam_giu_days) == (date(2018, 3, 4), 57, 0)
    chained = detect_deadline_query("tạm giữ 3 ngày từ 10h 01/03/2018 rồi tạm giam 57 ngày (đã trừ tạm giữ)", NOW)
    assert chained is not None and (chained.start, chained.days, chained.tam_giu_days) == (date(2018, 3, 4), 57, 0)
    # In months the order's length is not net of it as a rule: which one it is, is asked.
    with pytest.raises(DateParseError, match="không đoán"):
        detect_deadline_query("tạm giam 2 tháng từ 04/03/2018, thời gian tạm giữ 3 ngày đã được trừ", NOW)


def test_a_second_custody_date_is_asked_back_as_such() -> None:
    with pytest.raises(DateParseError, match="nhiều ngày trong thời gian tạm giữ"):
        detect_deadline_query(
            "tạm giữ 3 ngày từ 9h 02/03/2026, ngày 05/03/2026 gia hạn thêm 3 ngày, rồi tạm giam 2 tháng", NOW
        )


def test_summary_procedure_custody_is_not_extended() -> None:
    with pytest.raises(DateParseError, match="Điều 459 khoản 2"):
        detect_deadline_query(
            "vụ án rút gọn, tạm giữ 3 ngày từ 9h 02/03/2026, gia hạn 3 ngày rồi tạm giam 20 ngày", NOW
        )


def test_the_most_with_every_extension_is_detention_for_investigation() -> None:
    for text in (
        "tạm giam tối đa đến ngày nào nếu gia hạn hết các lần, từ sáng nay, tội RNT",
        "tam giam toi da den ngay nao tu sang nay toi RNT",
        "tạm giam từ 02/03/2026 tội rất nghiêm trọng, gia hạn đủ thì hết ngày nào",
    ):
        q = detect_deadline_query(text, NOW)
        assert q is not None and (q.kind, q.category, q.start) == (
            "tam_giam_dieu_tra",
            "rat_nghiem_trong",
            date(2026, 3, 2),
        )
    # An order's own length is that order, whatever else is asked.
    q = detect_deadline_query("tạm giam 2 tháng từ 01/03/2026, gia hạn đủ thì hết ngày nào", NOW)
    assert q is not None and (q.kind, q.months) == ("tam_giam", 2)


def test_custody_in_fractions_of_a_day_is_not_rounded() -> None:
    with pytest.raises(DateParseError, match="không tự làm tròn"):
        detect_deadline_query("tạm giữ 1,5 ngày từ 9h 02/03/2026 rồi tạm giam 2 tháng", NOW)
