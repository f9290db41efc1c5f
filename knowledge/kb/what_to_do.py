"""A question that asks what to do ("… hết hạn hôm nay mà chưa thấy lệnh mới thì phải làm sao", "đến ngày xử mà
lệnh tạm giam hết hạn thì hđxx xử lý sao"): the law's rule, never a date to compute, even when a day is told."""

from __future__ import annotations

import re

from knowledge.kb.normalize import fold

# what to do, asked; not "thì sao" ("gia hạn thì sao" asks the calculator again)
_WHAT_TO_DO = re.compile(r"\b(?:lam sao|lam gi|lam the nao|xu ly (?:sao|the nao|ra sao|nhu the nao)|giai quyet sao)\b")
# … and no date or hour asked of it
_DATE_ASKED = re.compile(r"\b(?:ngay nao|ngay may|hom nao|may gio|luc nao|khi nao|bao gio|den ngay|het ngay)\b")


def asks_what_to_do(text: str) -> bool:
    """Whether ``text`` asks what to do and no date or hour."""
    folded = fold(text)
    return _WHAT_TO_DO.search(folded) is not None and _DATE_ASKED.search(folded) is None
