"""A tạm giữ named only as the days deducted from the tạm giam is no measure the question's date
belongs to: "tạm giam 57 ngày (đã trừ 3 ngày tạm giữ) từ 04/12/2026" starts the tạm giam on 04/12,
as "tạm giam 57 ngày từ 04/12/2026 (đã trừ 3 ngày tạm giữ)" does (TTLT 04/2018 Điều 17). Read as a
custody chain, the date became the custody's start and the tạm giam began three days later: a
release date later than the law allows.

The deduction is "(đã) trừ [đi] [thời gian] tạm giữ" (``custody_words`` has put "trừ 3 ngày tạm
giữ" and "trừ tg 3 ngày" in that form) or any "tạm giữ" in brackets that hold no date: a remark
about the tạm giam. Pure; the text is folded, the date's place marked ``@``.
"""

from __future__ import annotations

import re

_CUSTODY = re.compile(r"(?<![a-z])tam giu(?![a-z])")
_DEDUCTED = re.compile(r"(?<![a-z])tru(?: di)?(?: (?:thoi gian|so ngay|ngay))? tam giu(?![a-z])")
_REMARK = re.compile(r"\([^()@]*\)")


def _blank(text: str, a: int, b: int) -> str:
    """``text`` with every "tạm giữ" between ``a`` and ``b`` blanked (the same length)."""
    return text[:a] + _CUSTODY.sub(lambda m: " " * len(m[0]), text[a:b]) + text[b:]


def without_deductions(marked: str) -> str:
    """``marked`` with every "tạm giữ" that only names deducted days blanked, positions kept."""
    for m in [*_DEDUCTED.finditer(marked), *_REMARK.finditer(marked)]:
        marked = _blank(marked, m.start(), m.end())
    return marked
