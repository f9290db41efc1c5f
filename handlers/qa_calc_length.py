"""A follow-up that gives a tạm giam card's order another length: "nếu lệnh 3 tháng thì sao", "còn
tạm giam 45 ngày thì sao" after "tạm giam 2 tháng từ 05/03/2026 thì hết ngày nào". The same order,
from the same start (and the same tạm giữ deducted), with the new length; an order for investigation
is checked against Đ173 k1 as when first asked (``investigation_order.order_kind``); so is an order
with a category (the card does not keep whether it was "để điều tra": a length over that category's
investigation term is not computed, the message says to ask it afresh). Not an extension
("gia hạn thêm 1 tháng": ``extension_ask``), nor days left ("còn 10 ngày nữa"), nor the tạm giữ's
days ("nếu trước đó tạm giữ 3 ngày"). Pure apart from the period table."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.detention_extension import INVESTIGATION, PLAIN
from knowledge.deadlines.investigation_order import InvestigationOrderError, order_kind
from knowledge.deadlines.kind_words import detect_kind, spell_out
from knowledge.deadlines.order_length import length_text, order_length

_NOT_LENGTH = re.compile(
    r"(?<![a-z])(?:gia han|gh|nua|con lai|tam giu|tgiu|tru|da qua|qua han|truoc|sau khi|sau|duoc)(?![a-z])"
)

_OTHER_STAGE = (
    "Nếu là lệnh tạm giam ở giai đoạn truy tố, xét xử, anh/chị hỏi lại đầy đủ, ví dụ «tạm giam {length} từ "
    "{start} hết ngày nào»."
)


def resized_order(text: str, last: dict[str, Any]) -> dict[str, Any] | None:
    """The card's inputs with the order's new length, or None (no length said, or not such a card).
    Raises ``OrderLengthError`` / ``InvestigationOrderError`` (with ``message_vi``) for a length not read
    or not allowed."""
    kind = str(last.get("kind", ""))
    if kind not in (PLAIN, INVESTIGATION) or _NOT_LENGTH.search(text):
        return None
    named = detect_kind(spell_out(text))
    if named is not None and not named[0].startswith("tam_giam"):
        return None  # "còn truy tố 30 ngày thì sao": another period, not this order's length
    months, days = order_length(text)
    if not (months or days):
        return None
    category = last.get("category")
    new_kind = order_kind(INVESTIGATION, category, months, days) if kind == INVESTIGATION else PLAIN
    if kind == PLAIN and category:
        try:
            order_kind(INVESTIGATION, category, months, days)
        except InvestigationOrderError as exc:
            start = fmt_date(date.fromisoformat(str(last["start"])[:10]))
            length = length_text(months, days)
            raise InvestigationOrderError(
                f"{exc.message_vi} {_OTHER_STAGE.format(length=length, start=start)}"
            ) from exc
    if new_kind == INVESTIGATION:  # the law's own term: the card shows it with its extensions
        months = days = None
    return {**last, "kind": new_kind, "months": months, "days": days}
