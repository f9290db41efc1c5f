"""Free-text calculator questions that name two things: a tạm giữ chained into a tạm giam (it starts when the tạm giữ ends and
its days are deducted: FACTS §1, TTLT 04/2018 Điều 17), an appeal asked with a protest."""

from __future__ import annotations

from datetime import date, datetime

from knowledge.deadlines.dateparse import detect_deadline_query

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


def test_appeal_and_protest_asked_together_are_both_computed() -> None:
    q = detect_deadline_query(
        "tuyên án 27/02/2026 bị cáo kháng cáo đến ngày nào, vks cấp trên kháng nghị đến ngày nào", NOW
    )
    assert q is not None and q.kind == "khang_cao_ban_an" and q.related_kinds == ("khang_nghi_ban_an_cap_tren",)
    both = detect_deadline_query("tuyên án 27/02/2026 thì hạn kháng cáo, kháng nghị đến ngày nào", NOW)
    assert both is not None and both.related_kinds == ("khang_nghi_ban_an_cung_cap", "khang_nghi_ban_an_cap_tren")
