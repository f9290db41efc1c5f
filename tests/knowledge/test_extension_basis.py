"""A refusal of an extension past the last the law dates cites the clauses that give the extensions for the case
asked (Đ173 k2 for ít NT, NT and RNT; k2 and k6 for a very serious crime; k2 and k5 for ANQG; Đ172 k2, k3 for the
investigation), not the kind's whole "Điều 173 khoản 1, 2, 5, 6": khoản 1 is the term itself, and khoản 5, 6 do not
apply to every category."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.detention_extension import check_plain
from knowledge.deadlines.extension_ask import ExtensionAsk, answer_extension
from knowledge.deadlines.periods import load_periods

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("kind", "category", "anqg", "nth", "cited"),
    [
        ("tam_giam_dieu_tra", "it_nghiem_trong", False, 2, "(Điều 173 khoản 2 BLTTHS 2015)"),
        ("tam_giam_dieu_tra", "rat_nghiem_trong", False, 2, "(Điều 173 khoản 2 BLTTHS 2015)"),
        ("tam_giam_dieu_tra", "dac_biet_nghiem_trong", False, 4, "(Điều 173 khoản 2, 6 BLTTHS 2015)"),
        ("tam_giam_dieu_tra", "rat_nghiem_trong", True, 4, "(Điều 173 khoản 2, 5 BLTTHS 2015)"),
        ("dieu_tra", "nghiem_trong", False, 3, "(Điều 172 khoản 2 BLTTHS 2015)"),
        ("tam_giu", None, False, 3, "(Điều 118 khoản 2 BLTTHS 2015)"),
    ],
)
def test_the_refusal_cites_the_clauses_of_the_extensions(
    kind: str, category: str | None, anqg: bool, nth: int, cited: str
) -> None:
    start = datetime(2026, 3, 1, 8) if kind == "tam_giu" else date(2026, 3, 1)
    result = compute(kind, start, category=category, anqg=anqg, today=TODAY)
    refusal = answer_extension(result, ExtensionAsk(nth)).splitlines()[0]
    assert "trợ lý không tính gia hạn lần" in refusal and cited in refusal
    assert "khoản 1, 2, 5, 6" not in refusal


@pytest.mark.parametrize(
    ("category", "anqg", "nth", "cited"),
    [
        ("nghiem_trong", False, 2, "(Điều 173 khoản 2 BLTTHS 2015)"),
        ("dac_biet_nghiem_trong", False, 4, "(Điều 173 khoản 2, 6 BLTTHS 2015)"),
        ("nghiem_trong", True, 4, "(Điều 173 khoản 2, 5 BLTTHS 2015)"),
    ],
)
def test_a_plain_detention_orders_refusal_cites_them_too(category: str, anqg: bool, nth: int, cited: str) -> None:
    """«lệnh gia hạn tạm giam lần N» of a plain tạm giam order, checked against Đ173 by category."""
    check = check_plain(load_periods(), 30, "1 tháng", nth, category, anqg)
    assert check.refusal and cited in check.refusal[0] and "khoản 1, 2, 5, 6" not in check.refusal[0]
