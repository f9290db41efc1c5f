"""A rate the answer gives, worked out for the length the question states ("tạm giữ, tạm giam tổng cộng
40 ngày rồi bị xử phạt cải tạo không giam giữ thì được trừ bao nhiêu ngày": 1 ngày = 3 ngày cải tạo
không giam giữ, so 40 ngày = 120 ngày).

The answer says "1 ngày <what> = N ngày <into>" (one or more "into", joined by "hoặc = …"); the question
states one length in days (or months of 30 days, as detention counts them) and names one "into".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.kb.normalize import syllables
from knowledge.kb.vocabulary import find

_RATE = re.compile(r"\b1 ngày (?P<what>[^=.;]+?)\s*=\s*(?P<rest>[^.;]+)")
_INTO = re.compile(r"(?P<n>\d+) ngày (?P<into>[^()=,;.]+?)\s*(?:\(|hoặc|$)")
_LENGTH = re.compile(r"(?<![\d/])(\d+)\s+(ngay|thang)\b")
_SHORT_AFTER = frozenset({"an", "phat", "xu", "hinh", "ngay"})  # "án tù", "phạt tù": "tù", not "từ"


def lengths_told(tokens: Sequence[str]) -> list[tuple[str, str]]:
    """The lengths a message states in days or months ("25 ngày", "2 tháng"), as token pairs."""
    return list(_LENGTH.findall(" ".join(tokens)))


def _stated_days(tokens: Sequence[str]) -> int | None:
    """The one length the question states, in days ("40 ngày", "2 tháng" = 60 ngày), or None."""
    found = [int(n) * (30 if unit == "thang" else 1) for n, unit in lengths_told(tokens)]
    found = [n for n in found if n > 1]  # "1 ngày tạm giam bằng mấy ngày tù" states no length
    return found[0] if len(set(found)) == 1 else None


def _names(tokens: Sequence[str], into: str) -> bool:
    phrase = tuple(syllables(into))
    at = find(tokens, phrase)
    if len(phrase) > 1 or at < 0:
        return at >= 0
    return at > 0 and tokens[at - 1] in _SHORT_AFTER


def ratio_line(answer: str, tokens: Sequence[str]) -> str | None:
    """ "40 ngày tạm giữ, tạm giam = 120 ngày cải tạo không giam giữ", or None."""
    rate = _RATE.search(answer)
    days = _stated_days(tokens)
    if rate is None or days is None:
        return None
    rates = [(int(m.group("n")), m.group("into").strip()) for m in _INTO.finditer(rate.group("rest"))]
    named = [(n, into) for n, into in rates if _names(tokens, into)]
    if not named:
        return None
    n, into = max(named, key=lambda r: len(r[1]))  # "cải tạo không giam giữ" before "tù"
    return f"{days} ngày {rate.group('what').strip()} = {days * n} ngày {into}"
