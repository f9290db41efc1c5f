"""The days held told in the question before, for a deduction asked now ("bị tgiu 3 ngày rồi tgiam 57 ngày thì
tổng bao nhiêu ngày" → "nếu bị xử 3 năm tù thì được trừ bao nhiêu ngày": 60 days, BLHS Đ38). Pure;
``handlers.qa_context`` keeps the earlier question."""

from __future__ import annotations

import re

from knowledge.kb.normalize import fold

# "tạm giữ 3 ngày", "tgiam 57 ngày": a length told of one measure, as typed
_HELD = re.compile(
    r"(?<!\w)(?:tạm\s+giữ|tam\s+giu|tgiu|tạm\s+giam|tam\s+giam|tgiam)(?:\s+\w+){0,2}?\s+\d+\s*(?:ngày|ngay)(?!\w)",
    re.IGNORECASE,
)
# A deduction asked ("được trừ bao nhiêu ngày", "trừ mấy ngày")
_DEDUCTION = re.compile(r"\btru\b.*\b(?:bao nhieu|may|bn) ngay\b")


def with_held(text: str, earlier: str | None) -> str | None:
    """``text`` after the lengths of tạm giữ and tạm giam the earlier question told, when it asks a deduction and
    tells no length of its own; else None."""
    if earlier is None or _DEDUCTION.search(fold(text)) is None or _HELD.search(text) is not None:
        return None
    held = _HELD.findall(earlier)
    if len(held) != 2:
        return None
    return f"{', '.join(h.strip() for h in held)}, {text}"
