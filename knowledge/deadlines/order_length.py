"""The length written in a tạm giam order, as staff type it: "2 tháng", "60 ngày", "2 tháng 3 ngày",
"1,5 tháng" / "1.5 tháng" / "một tháng rưỡi" (45 days: a month of detention is 30 days, TTLT 04/2018
Đ17), "nửa tháng" (15 days). A decimal that is not a half ("1,2 tháng") is not guessed. Pure; the
text is folded and number words are digits ("một" → "1")."""

from __future__ import annotations

import re

_MONTHS = re.compile(r"(?<![\d/.,])(\d{1,2})\s*thang(?!\s*\d(?!\d*\s*ngay))(?! ruoi)")  # "2 tháng 3 ngày": both
_DAYS = re.compile(r"(?<![\d/.,])(\d{1,4})\s*ngay(?!\s*\d)")
_HALF = re.compile(r"(?<![\d/.,])(\d{1,2})(?:\s*[.,]5\s*thang|\s*thang ruoi)(?![a-z])")
_HALF_ONLY = re.compile(r"(?<![a-z])nua thang(?![a-z])")
_DECIMAL = re.compile(r"(?<![\d/.,])\d{1,2}\s*[.,]\d+\s*thang(?![a-z])")
HALF_MONTH_DAYS = 15


class OrderLengthError(ValueError):
    """A length that cannot be read without guessing."""

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


def order_length(order: str) -> tuple[int | None, int | None]:
    """(months, days) of the order's text; None for what it does not say."""
    half = _HALF.search(order)
    if half is not None:  # "1,5 tháng", "một tháng rưỡi": N months and 15 days
        return int(half[1]), HALF_MONTH_DAYS
    if _DECIMAL.search(order):
        raise OrderLengthError(
            "Anh/chị ghi thời hạn tạm giam bằng tháng và ngày, ví dụ «tạm giam 1 tháng 10 ngày từ 01/03/2026» "
            "(một tháng tạm giam tính 30 ngày)."
        )
    if _HALF_ONLY.search(order):
        return None, HALF_MONTH_DAYS
    m, d = _MONTHS.search(order), _DAYS.search(order)
    return (int(m[1]) if m else None), (int(d[1]) if d else None)


def length_text(months: int | None, days: int | None) -> str:
    """A length as staff read it: "2 tháng 10 ngày", "45 ngày" (zero parts left out)."""
    return " ".join(([f"{months} tháng"] if months else []) + ([f"{days} ngày"] if days else []))
