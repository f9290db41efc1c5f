"""A tạm giam order for investigation that states its own length: "tạm giam để điều tra tội nghiêm
trọng 2 tháng từ 01/03". The law's term (Đ173 k1: 2, 3, 4, 4 months) is the most an order may give;
the order's own length is what ends it. So the card is the order's (a plain order of that length,
its extension checked against Đ173 for the category) unless the length is the law's term; a length
over the law's term is refused, not computed. Pure; reads the period table."""

from __future__ import annotations

from knowledge.deadlines.periods import load_periods

INVESTIGATION = "tam_giam_dieu_tra"


class InvestigationOrderError(ValueError):
    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


def order_kind(kind: str, category: str | None, months: int | None, days: int | None) -> str:
    """The kind to compute an investigation detention order of the stated length with."""
    if kind != INVESTIGATION or not (months or days):
        return kind
    stated = 30 * (months or 0) + (days or 0)
    table = load_periods()
    base = table.kinds[INVESTIGATION].base.length_for(category) if category else None
    if base is None:
        return "tam_giam"  # the order's length; its extension is checked once the category is said
    if stated > base.custody_days():
        label = table.categories.get(category or "", category)
        raise InvestigationOrderError(
            f"Tạm giam để điều tra đối với {label} không quá {base.value} tháng (Điều 173 khoản 1 BLTTHS 2015); "
            f"lệnh ghi {stated} ngày vượt mức này. Anh/chị kiểm tra lại lệnh tạm giam."
        )
    return INVESTIGATION if stated == base.custody_days() else "tam_giam"
