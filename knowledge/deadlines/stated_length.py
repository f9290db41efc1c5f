"""A length stated with a period whose length the law fixes by category ("điều tra 3 tháng").

The law, not the question, gives the length (Đ172 k1: 2, 3, 4, 4 months): a stated length only
tells the category when one category has it, and a length no category of the named one has is
not computed (a wrong number is worse than none). Pure; reads the period table.
"""

from __future__ import annotations

import re

from knowledge.deadlines.periods import load_periods

_MONTHS = re.compile(r"(?<![\d/])(\d{1,2})\s*thang(?![a-z])")
_EXTENSION = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")
STATED = ("dieu_tra",)  # kinds whose free-text length is read against the table


class LengthMismatch(ValueError):
    """The stated length is not the one the law gives for the category named."""


def category_from_length(kind: str, rest: str, category: str | None) -> str | None:
    """The category (the one named, or the only one with the stated length; None if unknown).

    Raises :class:`LengthMismatch` when a length is stated and the named category has another.
    """
    stated = _MONTHS.search(rest)
    if kind not in STATED or stated is None:
        return category
    months = int(stated[1])
    lengths = {
        cat: length for cat, length in load_periods().kinds[kind].base.length_by_category.items() if length.unit == "m"
    }
    if category is not None:
        if category in lengths and lengths[category].value != months:
            raise LengthMismatch(category)
        return category
    matching = [cat for cat, length in lengths.items() if length.value == months]
    if not matching and lengths:
        raise LengthMismatch(str(months))
    return matching[0] if len(matching) == 1 else None


def term_text(marked: str) -> str:
    """The part of ``marked`` (the text with its date as "@") that may state the period's own term: an
    extension said after the date is not it ("điều tra tội NT từ 10/11/2026, gia hạn điều tra 5 tháng": 5
    months is the extension's, checked against the law after the card, never read as the term)."""
    at = marked.find("@")
    extension = _EXTENSION.search(marked, at) if at >= 0 else None
    return (marked[: extension.start()] if extension else marked).replace("@", " ")
