"""A follow-up naming the year before or after the one just answered ("chủ đề thi đua năm 2022" →
"còn năm sau đó"): the year is counted from the previous answer's year, not from today.

"năm trước đó", "năm sau đó", "năm kế tiếp", "năm liền trước" always point at the year answered; a bare
"năm trước" / "năm sau" does too in a follow-up to an answer about a year (the question is about that
year's neighbour: "phương châm 2021 || còn năm sau" is 2022). "năm ngoái", "năm nay", "năm tới" keep
their meaning from today: they are written as the year too, or the answered year would be kept
("còn năm nay thì sao" after the 2022 theme is this year's).
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.kb.normalize import Synonyms
from knowledge.kb.vocabulary import Phrase, find
from knowledge.kb.wording import Wording

# Longest first: "năm trước đó" before "năm trước".
_STEPS: tuple[tuple[Phrase, int], ...] = (
    (("nam", "tiep", "theo"), 1),
    (("nam", "ke", "tiep"), 1),
    (("nam", "lien", "sau"), 1),
    (("nam", "lien", "truoc"), -1),
    (("nam", "ke", "truoc"), -1),
    (("nam", "sau", "do"), 1),
    (("nam", "sau", "nam", "do"), 1),
    (("nam", "truoc", "do"), -1),
    (("nam", "truoc", "nam", "do"), -1),
    (("nam", "sau", "ay"), 1),
    (("nam", "truoc", "ay"), -1),
    (("nam", "sau", "day"), 1),
    (("nam", "truoc", "day"), -1),
    (("nam", "ke", "do"), 1),
    (("nam", "lien", "ke", "sau"), 1),
    (("nam", "lien", "ke", "truoc"), -1),
    (("nam", "sau"), 1),
    (("nam", "truoc"), -1),
    (("nam", "ke"), 1),
)
# Counted from today ("năm tới" before "năm sau": never from the answered year).
_FROM_TODAY: tuple[tuple[Phrase, int], ...] = (
    (("nam", "nay"), 0),
    (("nam", "ngoai"), -1),
    (("nam", "qua"), -1),
    (("nam", "roi"), -1),
    (("nam", "toi"), 1),
)


# Said beside a year in the same message, only these point at it ("chủ đề thi đua năm 2023 và năm trước đó");
# a bare "năm trước" there may be a period's ("từ 1/12 năm trước").
_ANCHORED = frozenset(p for p, _ in _STEPS if len(p) > 2)
_YEAR = re.compile(r"(?<![\d/])(19[4-9]\d|20\d\d)(?![\d/])")


def beside_named_year(text: str, today: date, synonyms: Synonyms) -> str:
    """``text`` with "năm trước đó", "năm sau đó", … said beside the one year it names written as that
    year's neighbour (the message is then asked once per year)."""
    years = set(_YEAR.findall(text))
    if len(years) != 1:
        return text
    tokens = Wording.of(text, synonyms).tokens()
    if not any(find(tokens, p) >= 0 for p in _ANCHORED):
        return text
    return from_answered_year(text, int(years.pop()), today, synonyms, anchored_only=True)


def from_answered_year(text: str, year: int, today: date, synonyms: Synonyms, anchored_only: bool = False) -> str:
    """``text`` with a year said relative to ``year`` (the previous answer's) or to today written as the
    year itself."""
    wording = Wording.of(text, synonyms)
    steps = [(p, today.year + n) for p, n in _FROM_TODAY] + [(p, year + n) for p, n in _STEPS]
    if anchored_only:
        steps = [(p, n) for p, n in steps if p in _ANCHORED]
    for phrase, named in sorted(steps, key=lambda s: -len(s[0])):
        span = wording.word_span(phrase)
        if span is None:
            continue
        start, end = span
        before, after = wording.text(0, start), wording.text(end)
        return " ".join(w for w in (before, f"năm {named}", after) if w)
    return text
