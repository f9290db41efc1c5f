"""A detention in months after a custody in days, worked out (TTLT 04/2018 Điều 17, V): "lệnh tạm giam 2 tháng,
trước đó tạm giữ 3 ngày" is 2 × 30 − 3 = 57 ngày, as the circular's own example counts it.

Shown beside an answer that says the custody's days are deducted from the detention, when the question states
both lengths and nothing else that changes the count (an extension of the custody, a second custody).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.kb.normalize import fold

_DETENTION = re.compile(r"(?<![a-z])tam giam(?: [a-z]+){0,3} (\d{1,2}) thang(?![a-z])")
_CUSTODY = re.compile(
    r"(?<![a-z])tam giu(?: [a-z]+){0,3} ([1-9]) ngay(?![a-z])|(?<![\d/])([1-9]) ngay tam giu(?![a-z])"
)
_CHANGES = re.compile(r"(?<![a-z])(?:gia han|lan 2|lan thu hai|bat lai|tha|huy|tra tu do)(?![a-z])")
_FULL_TERMS = frozenset({3, 6, 9})  # a custody's lawful lengths (Đ118): 3 days, extended once or twice
_SAYS_DEDUCTED = "tru vao thoi han tam giam"
_MONTH = 30  # one month of detention is 30 days (Đ134 k1 as TTLT 04/2018 applies it)


def _lengths(tokens: Sequence[str]) -> tuple[int, int] | None:
    """The detention's months and the custody's days the tokens state, each once, and nothing that changes them."""
    text = " ".join(tokens)
    months = {int(m) for m in _DETENTION.findall(text)}
    days = {int(a or b) for a, b in _CUSTODY.findall(text)}
    if len(months) != 1 or len(days) != 1 or _CHANGES.search(text) or not days <= _FULL_TERMS:
        return None  # a custody cut short (1, 2 days): the days deducted are not settled (FACTS §1, U)
    return months.pop(), days.pop()


def lengths_said(tokens: Sequence[str]) -> tuple[str, ...]:
    """Both lengths as the story says them ("tam giam 2 thang tam giu 3 ngay"), for an answer read from its
    asking clause alone; () when the story does not state both."""
    found = _lengths(tokens)
    return () if found is None else ("tam", "giam", str(found[0]), "thang", "tam", "giu", str(found[1]), "ngay")


_ASKS_CUSTODY = re.compile(r"(?<![a-z])(?:tam giu|tru)(?![a-z])")


def deducted_line(answer: str, tokens: Sequence[str], asked: str) -> str | None:
    """ "Tạm giam 2 tháng = 60 ngày, trừ 3 ngày tạm giữ: 60 − 3 = 57 ngày (TTLT 04/2018, Điều 17)", or None.
    ``asked``: the part's own words, which must speak of the custody or the deduction (of a message in two
    parts, "… 1 tháng tạm giam tính bao nhiêu ngày" is not asked it again)."""
    found = _lengths(tokens)
    if found is None or _SAYS_DEDUCTED not in fold(answer) or not _ASKS_CUSTODY.search(fold(asked)):
        return None
    total, held = found[0] * _MONTH, found[1]
    if f"{total} − {held} =" in answer:
        return None  # the answer's own example is the case asked
    return (
        f"Tạm giam {found[0]} tháng = {total} ngày, trừ {held} ngày tạm giữ: {total} − {held} = {total - held} "
        "ngày (TTLT 04/2018, Điều 17)"
    )
