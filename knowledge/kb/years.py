"""A follow-up naming the year before or after the one just answered ("chủ đề thi đua năm 2022" →
"còn năm sau đó"): the year is counted from the previous answer's year, not from today.

"năm trước đó", "năm sau đó", "năm kế tiếp", "năm liền trước" always point at the year answered; a bare
"năm trước" / "năm sau" does too in a follow-up to an answer about a year (the question is about that
year's neighbour: "phương châm 2021 || còn năm sau" is 2022). "năm ngoái", "năm nay", "năm tới" keep
their meaning from today: they are written as the year too, or the answered year would be kept
("còn năm nay thì sao" after the 2022 theme is this year's).
"""

from __future__ import annotations

from datetime import date

from knowledge.kb.normalize import Synonyms
from knowledge.kb.vocabulary import Phrase
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


def from_answered_year(text: str, year: int, today: date, synonyms: Synonyms) -> str:
    """``text`` with a year said relative to ``year`` (the previous answer's) or to today written as the
    year itself."""
    wording = Wording.of(text, synonyms)
    steps = [(p, today.year + n) for p, n in _FROM_TODAY] + [(p, year + n) for p, n in _STEPS]
    for phrase, named in sorted(steps, key=lambda s: -len(s[0])):
        span = wording.word_span(phrase)
        if span is None:
            continue
        start, end = span
        before, after = wording.text(0, start), wording.text(end)
        return " ".join(w for w in (before, f"năm {named}", after) if w)
    return text
