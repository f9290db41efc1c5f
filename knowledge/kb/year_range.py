"""A period of years named by its two ends: "giai đoạn 2020–2025", "2020 - 2025", "từ 2020 đến 2025",
"nhiệm kỳ 2021 2026". A range is one period: the two-part splitter never asks it once per year
(``twopart``), and an answer for one year of it is no answer for the whole period (``scoping``).
"""

from __future__ import annotations

import re

from knowledge.kb.normalize import fold

RANGE_REASON = "year range"  # the reason of a menu of one kind's entries for the years of a period
_Y = r"(19[4-9]\d|20\d\d)"
_SPAN_WORD = r"(?:giai\s+đoạn|giai\s+doan|gđ|gd|nhiệm\s+kỳ|nhiem\s+ky|thời\s+kỳ|thoi\s+ky)"
_TO = r"(?:\s*[-–—~]\s*|\s+(?:đến|den|tới|toi|->)\s+(?:(?:năm|nam)\s+)?)"
_RANGES = (
    re.compile(rf"(?<![\d/]){_Y}{_TO}{_Y}(?![\d/])", re.I),
    re.compile(rf"(?<=\s){_SPAN_WORD}\s+{_Y}\s+{_Y}(?![\d/])", re.I),  # "giai đoạn 2020 2025"
)


def _spans(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, first year, last year) of each range in ``text``, the first year before the last."""
    out = []
    padded = f" {text}"
    for pattern in _RANGES:
        for m in pattern.finditer(padded):
            if int(m[1]) < int(m[2]):
                out.append((m.start() - 1, m.end() - 1, int(m[1]), int(m[2])))
    return out


def without_ranges(text: str) -> str:
    """``text`` with each period of years blanked out (the years left are years of their own)."""
    for start, end, _, _ in _spans(text):
        text = text[: max(start, 0)] + " " * (end - max(start, 0)) + text[end:]
    return text


def year_range(text: str) -> tuple[int, int] | None:
    """The first and last year of the one period ``text`` names, or None."""
    found = {(a, b) for _, _, a, b in _spans(text)}
    return found.pop() if len(found) == 1 else None


def names_range(words: str, years: tuple[int, int]) -> bool:
    """Whether a text (an entry's title and answer) speaks of the whole period: it names both its ends."""
    folded = f" {fold(words)} "
    return all(re.search(rf"(?<!\d){y}(?!\d)", folded) for y in years)
