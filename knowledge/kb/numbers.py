"""Number words read as numbers: "hai tháng" is "2 tháng", "mười lăm ngày" is "15 ngày".

"k5" and "đ173" (folded "d173") are read as "khoản 5" and "Điều 173". Number words are read
only before a unit (ngày, tháng, năm, giờ, tiếng, lần, tuần, phút), so that "ba" or "tám"
elsewhere keep their meaning; "tư" (four) is left alone because folded it is "từ" (from).
Runs on folded syllables, for the index and the queries alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_UNITS = frozenset({"ngay", "thang", "nam", "gio", "tieng", "lan", "tuan", "phut"})
_DIGITS = {
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "nam": 5,
    "lam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
}
_FIRST = (frozenset(_DIGITS) - {"lam"}) | {"muoi"}
# "sau" is mostly "sau" (after): "sau ngày tuyên án" must not become "6 ngày"
_ONLY_BEFORE = {"sau": frozenset({"thang"}), "bay": frozenset({"ngay", "thang", "nam"})}


def _read(words: Sequence[str]) -> tuple[int, int] | None:
    """The number spelled at the start of ``words`` and how many words it took."""
    if not words:
        return None
    first = words[0]
    if first == "muoi":  # mười, mười lăm
        if len(words) > 1 and words[1] in _DIGITS and words[1] != "mot":
            return 10 + _DIGITS[words[1]], 2
        return 10, 1
    if first in _DIGITS and first != "lam":
        value = _DIGITS[first]
        if len(words) > 1 and words[1] == "muoi":  # hai mươi (lăm)
            if len(words) > 2 and words[2] in _DIGITS and words[2] not in ("mot",):
                return value * 10 + _DIGITS[words[2]], 3
            return value * 10, 2
        return value, 1
    return None


_REFERENCE = re.compile(r"^(k|d)(\d{1,3})$")  # "k5", "đ173" (folded "d173"): khoản 5, Điều 173
_REFERENCE_WORDS = {"k": "khoan", "d": "dieu"}


def _references(tokens: Sequence[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        match = _REFERENCE.match(token)
        out += [_REFERENCE_WORDS[match.group(1)], match.group(2)] if match else [token]
    return out


def numbers_from_words(tokens: Sequence[str]) -> list[str]:
    """Replace a spelled number followed by a unit with its digits; "k5" and "đ173" are khoản 5 and Điều 173."""
    if any(t[:1] in "kd" and t[-1:].isdigit() for t in tokens):
        tokens = _references(tokens)
    if not _FIRST.intersection(tokens):
        return list(tokens)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        read = _read(tokens[i : i + 3]) if tokens[i] in _FIRST else None
        if read is not None:
            value, used = read
            unit = tokens[i + used] if i + used < len(tokens) else ""
            if unit in _ONLY_BEFORE.get(tokens[i], _UNITS) and unit in _UNITS:
                out.append(str(value))
                i += used
                continue
        out.append(tokens[i])
        i += 1
    return out
