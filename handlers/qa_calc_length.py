"""A follow-up that gives a tạm giam card's order another length: "nếu lệnh 3 tháng thì sao", "còn
tạm giam 45 ngày thì sao" after "tạm giam 2 tháng từ 05/03/2026 thì hết ngày nào". The same order,
from the same start (and the same tạm giữ deducted), with the new length; an order for investigation
is checked against Đ173 k1 as when first asked (``investigation_order.order_kind``). Not an extension
("gia hạn thêm 1 tháng": ``extension_ask``), nor days left ("còn 10 ngày nữa"), nor the tạm giữ's
days ("nếu trước đó tạm giữ 3 ngày"). Pure apart from the period table."""

from __future__ import annotations

import re
from typing import Any

from knowledge.deadlines.detention_extension import INVESTIGATION, PLAIN
from knowledge.deadlines.investigation_order import order_kind
from knowledge.deadlines.order_length import order_length

_NOT_LENGTH = re.compile(
    r"(?<![a-z])(?:gia han|gh|nua|con lai|tam giu|tgiu|tru|da qua|qua han|truoc|sau khi|sau|duoc)(?![a-z])"
)


def resized_order(text: str, last: dict[str, Any]) -> dict[str, Any] | None:
    """The card's inputs with the order's new length, or None (no length said, or not such a card).
    Raises ``OrderLengthError`` / ``InvestigationOrderError`` (with ``message_vi``) for a length not read
    or not allowed."""
    kind = str(last.get("kind", ""))
    if kind not in (PLAIN, INVESTIGATION) or _NOT_LENGTH.search(text):
        return None
    months, days = order_length(text)
    if not (months or days):
        return None
    base = INVESTIGATION if kind == INVESTIGATION else PLAIN
    new_kind = order_kind(base, last.get("category"), months, days)
    if new_kind == INVESTIGATION:  # the law's own term: the card shows it with its extensions
        months = days = None
    return {**last, "kind": new_kind, "months": months, "days": days}
