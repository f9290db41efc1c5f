"""A question as the calculator's readers match it: folded, its shorthand spelled out ("tgiam" → "tam giam") and its
number words as digits ("hai tháng" → "2 thang"). Pure."""

from __future__ import annotations

from knowledge.deadlines.datefind import fold_text
from knowledge.deadlines.kind_words import spell_out
from knowledge.kb.numbers import numbers_from_words


def plain_question(text: str) -> str:
    """``text`` folded, spelled out, with number words as digits."""
    return " ".join(numbers_from_words(spell_out(fold_text(text)).split()))
