"""What the slip reader (``knowledge.kb.unread``) knows of words: whether one word is another with one
slip, and the word pairs and written forms (with their marks) of the knowledge base's texts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz.distance import OSA

from knowledge.kb.entry import Entry
from knowledge.kb.index import bigrams
from knowledge.kb.normalize import fold, syllables

WORD = re.compile(r"\w+")  # words and numbers: a number is a neighbour too ("giữ 3 ngày")
MOMENTS_SHOWN = {
    f"{part} {day}": f"{p} {d}"
    for part, p in (("sang", "sáng"), ("trua", "trưa"), ("chieu", "chiều"), ("toi", "tối"), ("dem", "đêm"))
    for day, d in (("nay", "nay"), ("qua", "qua"))
}


def said_in(entries: Iterable[Entry], wanted: set[str]) -> tuple[set[str], dict[str, str]]:
    """The word pairs of the entries' texts, and the commonest written form (with its marks) of each
    folded phrase of ``wanted`` and of each word."""
    pairs: set[str] = set()
    phrases: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for entry in entries:
        for text in (entry.title, *entry.questions, entry.answer, *entry.tags):
            pairs.update(bigrams(syllables(text)))
            phrases.update(written_phrases(text, wanted))
            words.update(w.lower() for w in WORD.findall(text))
    shown = dict(MOMENTS_SHOWN)
    for written, _ in (*phrases.most_common(), *words.most_common()):  # a phrase, else a word alone
        shown.setdefault(fold(written), written)
    return pairs, shown


def written_phrases(text: str, wanted: set[str]) -> list[str]:
    """The phrases of ``wanted`` (folded) in ``text``, as written there (lower case, with diacritics)."""
    words = [w.lower() for w in WORD.findall(text)]
    folded = [fold(w) for w in words]
    found = []
    for n in (1, 2, 3, 4):
        for i in range(len(words) - n + 1):
            if " ".join(folded[i : i + n]) in wanted:
                found.append(" ".join(words[i : i + n]))
    return found


def slip_between(typed: str, meant: str) -> int | None:
    """How ``typed`` is ``meant`` with one slip (0 two letters swapped, 1 a letter left out, 2 another
    one), or None when it is not one slip away (or is the same word)."""
    if typed == meant or abs(len(typed) - len(meant)) > 1 or OSA.distance(typed, meant, score_cutoff=1) > 1:
        return None
    if len(typed) == len(meant) and sorted(typed) == sorted(meant):
        return 0
    if len(meant) == len(typed) + 1 and any(meant[:k] + meant[k + 1 :] == typed for k in range(len(meant))):
        return 1
    return 2
