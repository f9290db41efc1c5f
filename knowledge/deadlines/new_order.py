"""A new tạm giam order after an old one, the old one known by its last day: "lệnh tạm giam cũ hết ngày
10/03/2026, giờ ra lệnh tạm giam mới 1 tháng thì đến hết ngày nào". A consecutive order's first day is
the day after the previous order's last day (FACTS §1, NQ 04/2004 — S), counted as any order (30 days a
month, the first day is day 1, never shifted: TTLT 04/2018 Đ17). An extension of the same order ("gia
hạn thêm 1 tháng") is not this (``handlers.qa_calc_order_end``). Pure; the text is folded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from knowledge.deadlines.kind_words import spell_out
from knowledge.deadlines.order_length import order_length
from knowledge.kb.numbers import numbers_from_words

# "lệnh (tạm giam) mới", "lệnh tiếp theo", "ra lệnh tạm giam mới", "tiếp tục tạm giam … bằng lệnh mới".
_NEW = re.compile(r"(?<![a-z])lenh(?: tam giam)? (?:moi|tiep theo|tiep|thu 2|thu hai)(?![a-z])")
# The date closes the old order: "lệnh (tạm giam) cũ/trước hết (hạn) (ngày)", "lệnh trước đến hết ngày".
_OLD_END = re.compile(
    r"(?<![a-z])lenh(?: tam giam)?(?: cu| truoc| truoc do| dang thi hanh)?(?: [a-z]+){0,3}? "
    r"(?:den het|het han|het|ket thuc|toi het)(?: (?:vao|la))?(?: ngay)?\s*$"
)
_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_EXTENSION = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")


@dataclass(frozen=True, slots=True)
class NewOrder:
    old_end: date
    start: date  # the day after the old order's last day
    months: int | None
    days: int | None


def new_order(folded: str) -> NewOrder | None:
    """The new order the text describes, or None (not one, or something is missing)."""
    text = " ".join(numbers_from_words(spell_out(folded).split()))
    dates = list(_DATE.finditer(text))
    new = _NEW.search(text)
    if len(dates) != 1 or new is None or _EXTENSION.search(text) or "tam giam" not in text:
        return None
    found = dates[0]
    if found.end() > new.start() or not _OLD_END.search(text[: found.start()]):
        return None
    months, days = order_length(text[new.start() :])
    if not (months or days):
        return None
    try:
        old_end = date(int(found[3]), int(found[2]), int(found[1]))
    except ValueError:
        return None
    return NewOrder(old_end, old_end + timedelta(days=1), months, days)
