"""Extensions said by their number: "gia hạn lần 1 3 ngày, lần 2 3 ngày", "lần thứ hai 2 tháng",
"gia hạn 2 lần, mỗi lần 3 ngày", "kết thúc gia hạn lần 2".

The number after "lần" is the extension's rank, never its length ("gia hạn lần 1 ngày nào" is the
first extension, not one day): ``blank_ranks`` hides it before a length is read. ``numbered`` gives
each rank with the length said right after it (up to the next rank), so a list is read as that many
extensions, each counted in turn from the end of the one before. Pure; the text is folded, number
words are digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.deadlines.order_length import OrderLengthError, order_length

_WORDS = {"nhat": 1, "mot": 1, "dau": 1, "nhi": 2, "hai": 2, "ba": 3, "tu": 4, "nam": 5}
# Not the "lần" of a count ("gh 1 lần 3 ngày": one extension of 3 days, not the third).
RANK = re.compile(
    r"(?<![a-z])(?<!moi )(?<!\d )(?<!mot )(?<!hai )lan(?: thu)? (\d|nhat|nhi|hai|ba|tu|nam|dau)(?![\da-z])"
)
# "gia hạn 2 lần", "2 lần gia hạn", "gia hạn thêm 2 lần": how many, the last of them asked.
COUNT = re.compile(r"(?<![a-z])(?:(?:gia han|gh)(?: (?:them|du|ca))? (\d) lan|(\d) lan (?:gia han|gh))(?![a-z])")
_EACH = re.compile(r"(?<![a-z])moi lan(?![a-z])")
_HOURS = re.compile(r"(?<![\d/.,])(\d{1,3})\s*(?:gio|tieng)(?![a-z])")


@dataclass(frozen=True, slots=True)
class Said:
    """One extension as said: its rank and its length (all zero: no length said)."""

    nth: int
    months: int = 0
    days: int = 0
    hours: int = 0

    @property
    def has_length(self) -> bool:
        return bool(self.months or self.days or self.hours)


def rank_of(word: str) -> int:
    return _WORDS.get(word) or int(word)


def blank_ranks(folded: str) -> str:
    """The text with every "lần N" blanked (same length), so that N is never read as a length."""
    return RANK.sub(lambda m: " " * len(m[0]), folded)


def _length(text: str) -> tuple[int, int, int]:
    try:
        months, days = order_length(text)
    except OrderLengthError:
        return 0, 0, 0
    hours = _HOURS.search(text)
    return months or 0, days or 0, int(hours[1]) if hours else 0


def numbered(folded: str) -> list[Said]:
    """Each "lần N" of the text, in order, with the length said after it (before the next "lần")."""
    ranks = list(RANK.finditer(folded))
    found = []
    for i, m in enumerate(ranks):
        end = ranks[i + 1].start() if i + 1 < len(ranks) else len(folded)
        found.append(Said(rank_of(m[1]), *_length(folded[m.end() : end])))
    return found


def each_of(folded: str) -> tuple[int, tuple[int, int, int]] | None:
    """ "gia hạn 2 lần, mỗi lần 3 ngày": (2, the length of each); None when not said so."""
    count = COUNT.search(folded)
    each = _EACH.search(folded, count.end()) if count else None
    if count is None or each is None:
        return None
    length = _length(blank_ranks(folded[each.end() :]))
    return (int(count[1] or count[2]), length) if any(length) else None


def highest_rank(folded: str) -> int:
    """The highest extension number the text names ("lần 2", "gia hạn 2 lần"): 0 when none."""
    ranks = [rank_of(m[1]) for m in RANK.finditer(folded)]
    counts = [int(m[1] or m[2]) for m in COUNT.finditer(folded)]
    return max([*ranks, *counts], default=0)
