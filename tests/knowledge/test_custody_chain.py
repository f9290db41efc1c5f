"""Free text that chains a tạm giữ into a tạm giam: the tạm giam starts when the tạm giữ ends and
its days are deducted (FACTS §1, the official example of TTLT 04/2018 Điều 17)."""

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
