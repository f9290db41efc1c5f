"""An extension order's length typed where /tinhhan asks a tạm giam order's length ("gia hạn 4 tháng",
"gh lần 2 1 tháng"): checked against Đ173 by the check the free text uses for the same order
(``detention_extension.order_refusal``: the category's limit; with none, refused only when no category may
have that length), so both refuse the same lengths with the same reason."""

from __future__ import annotations

import re

from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.detention_extension import order_refusal
from knowledge.deadlines.extension_ask import read_extension
from knowledge.deadlines.periods import load_periods
from knowledge.kb.numbers import numbers_from_words

_EXTENSION = re.compile(r"^\s*(?:gia han|gh)(?![a-z])")
UNREAD = "Anh/chị nhập thời hạn của lệnh gia hạn theo tháng và/hoặc ngày, ví dụ «gia hạn 1 tháng» hoặc «2 tháng»."


def extension_order_length(text: str, category: str | None, anqg: bool) -> tuple[int, int] | str | None:
    """(months, days) of an extension order the law may allow; the refusal (str) when it may not or its
    length is unreadable; None when the text is not an extension (a plain length: the caller's)."""
    folded = " ".join(numbers_from_words(fold_text(text).split()))
    if not _EXTENSION.match(folded):
        return None
    ask = read_extension(f"{folded} thi sao")
    if ask is None or not (ask.months or ask.days) or ask.hours:
        return UNREAD
    nth = ask.nth if ask.nth is not None and ask.nth > 0 else 1
    refusal = order_refusal(
        load_periods(), 30 * ask.months + ask.days, ask.length_text(), nth, category or ask.category, anqg
    )
    return "\n".join(refusal) if refusal else (ask.months, ask.days)
