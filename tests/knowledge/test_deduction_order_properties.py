"""The same facts of a tạm giam order in any order give the same card: its length, the tạm giữ days
deducted from it ("trừ 3 ngày tạm giữ") or already deducted ("57 ngày (đã trừ 3 ngày tạm giữ)"), and
its first day. The last day is the hand count: first day + (30 × months + days − deducted) − 1
(TTLT 04/2018 Điều 17, FACTS §1); never the date read as a tạm giữ's start."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import permutations

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.dateparse import detect_deadline_query

NOW = datetime(2026, 3, 2, 8, 0)
ORDERS = list(permutations(range(3)))
DEDUCTIONS = ("trừ {} ngày tạm giữ", "trừ tg {} ngày", "trừ thời gian tạm giữ {} ngày", "trừ đi {} ngày tạm giữ")


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(1, 4),
    st.integers(1, 9),
    st.booleans(),
    st.integers(0, len(ORDERS) - 1),
    st.integers(0, len(DEDUCTIONS) - 1),
    st.booleans(),
)
def test_any_order_gives_the_hand_count(
    first: date, months: int, custody: int, net: bool, order: int, style: int, brackets: bool
) -> None:
    length = f"{30 * months - custody} ngày" if net else f"{months} tháng"
    deduction = ("đã " if net else "") + DEDUCTIONS[style].format(custody)
    parts = (f"tạm giam {length}", f"({deduction})" if brackets else f", {deduction},", f"từ {first:%d/%m/%Y}")
    text = " ".join(parts[i] for i in ORDERS[order]).strip(" ,") + " hết ngày nào"
    query = detect_deadline_query(text, NOW)
    assert query is not None, text
    assert query.start == first, text
    result = compute(query.kind, query.start, months=query.months, days=query.days, tam_giu_days=query.tam_giu_days)
    assert result.base.last_day == first + timedelta(days=30 * months - custody - 1), text
