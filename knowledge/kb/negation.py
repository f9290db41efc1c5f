"""A qualifier the question says does not apply is not named: "tội ĐBNT không phải ANQG" asks about
ĐBNT crimes outside the ANQG rule, so "an ninh quốc gia" must not pull the ANQG entry up.

Runs on folded, expanded tokens ("ko phải anqg" is "khong phai an ninh quoc gia" by then); "không" typed with
a slip before "phải", "thuộc", "xâm" ("kông phải ANQG") is still the negation.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

from knowledge.kb.slips import slip_between

_NEGATED_BY = (("khong", "phai"), ("khong", "thuoc"), ("khong", "xam", "pham"), ("khong", "phai", "la"))
_BETWEEN = frozenset({"toi", "vu", "an", "la", "loai", "thuoc", "xam", "pham", "nguoi", "cac"})


def drop_negated(tokens: Sequence[str], modifiers: Collection[str]) -> list[str]:
    """``tokens`` without "không phải <modifier>" / "không xâm phạm <modifier>" (the negation included)."""
    tokens = _negations_read(tokens)
    if "khong" not in tokens:
        return list(tokens)
    phrases = sorted((tuple(m.split()) for m in modifiers), key=len, reverse=True)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        end = _negated_span(tokens, i, phrases)
        if end:
            i = end
            continue
        out.append(tokens[i])
        i += 1
    return out


def _negated_span(tokens: Sequence[str], i: int, phrases: list[tuple[str, ...]]) -> int:
    """The end of a negated modifier starting at ``i`` (0 when there is none)."""
    for neg in sorted(_NEGATED_BY, key=len, reverse=True):
        if tuple(tokens[i : i + len(neg)]) != neg:
            continue
        j = i + len(neg)
        while j < len(tokens) and j - i <= len(neg) + 3:  # "không phải (là) (tội, vụ án) <modifier>"
            for phrase in phrases:
                if tuple(tokens[j : j + len(phrase)]) == phrase:
                    return j + len(phrase)
            if tokens[j] not in _BETWEEN:
                break
            j += 1
        return 0
    return 0


_NEGATING = frozenset(n[1] for n in _NEGATED_BY)  # the word after "không" that makes it negate a qualifier


def _negations_read(tokens: Sequence[str]) -> Sequence[str]:
    """``tokens`` with "không" typed with a slip ("kông", "khôg", "khng", "hkong") read as it where it
    negates ("kông phải ANQG"): a letter left out, added, changed or two swapped, the next word "phải" …"""
    out = list(tokens)
    for i, (word, after) in enumerate(pairwise(tokens)):
        if after in _NEGATING and word != "khong" and len(word) >= 3 and slip_between(word, "khong") is not None:
            out[i] = "khong"
    return out
