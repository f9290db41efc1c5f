"""The length written in a tạm giam order as staff type it: a half month is 15 days of detention
(30 days a month, TTLT 04/2018 Đ17), "1,5 tháng" is never 5 months, other decimals are asked."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query

NOW = datetime(2026, 3, 2, 8, 0)


@pytest.mark.parametrize(
    ("text", "months", "days"),
    [
        ("tạm giam 1,5 tháng từ 01/03/2026 hết ngày nào", 1, 15),
        ("tạm giam 1.5 tháng từ 01/03/2026 hết ngày nào", 1, 15),
        ("tạm giam một tháng rưỡi từ 01/03/2026 hết ngày nào", 1, 15),
        ("tạm giam 2 tháng rưỡi từ 01/03/2026", 2, 15),
        ("tạm giam nửa tháng từ 01/03/2026", None, 15),
        ("tạm giam 2 tháng 3 ngày từ 01/03/2026", 2, 3),
    ],
)
def test_the_orders_length(text: str, months: int | None, days: int) -> None:
    q = detect_deadline_query(text, NOW)
    assert q is not None and (q.months, q.days) == (months, days), text


def test_a_month_and_a_half_is_45_days_never_5_months() -> None:
    q = detect_deadline_query("tạm giam 1,5 tháng từ 01/03/2026 hết ngày nào", NOW)
    assert q is not None
    result = compute(q.kind, q.start, months=q.months, days=q.days)
    assert result.base_days == 45 and result.base.last_day == date(2026, 4, 14)


def test_another_decimal_is_asked() -> None:
    with pytest.raises(DateParseError, match="bằng tháng và ngày"):
        detect_deadline_query("tạm giam 1,2 tháng từ 01/03/2026", NOW)


def test_an_investigation_order_of_its_own_length_is_that_order() -> None:
    q = detect_deadline_query("tạm giam để điều tra tội nghiêm trọng 2 tháng từ 01/03/2026 hết ngày nào", NOW)
    assert q is not None and (q.kind, q.category, q.months) == ("tam_giam", "nghiem_trong", 2)  # not Đ173's 3
    law = detect_deadline_query("tạm giam để điều tra tội nghiêm trọng 3 tháng từ 01/03/2026 hết ngày nào", NOW)
    assert law is not None and (law.kind, law.months) == ("tam_giam_dieu_tra", None)  # the law's term: its card
    with pytest.raises(DateParseError, match="không quá 2 tháng"):
        detect_deadline_query("tạm giam để điều tra tội ít nghiêm trọng 3 tháng từ 01/03/2026 hết ngày nào", NOW)
