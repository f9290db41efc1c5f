"""A question's words kept next to their folded, expanded syllables.

Two-part splitting and unit detection look at folded syllables ("bn" read as "bao nhiêu")
but must give back the words the user typed (to quote a part, or a unit's name). Each raw
word (punctuation ``, ; ?`` apart) keeps the syllables it folded and expanded to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from knowledge.kb.normalize import Synonyms, fold, syllables
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.vocabulary import Phrase, find

_RAW = re.compile(r"[,;?]|[^\s,;?]+")
# A word typed with its marks that folds to a question word and is another word ("xe máy" is no "mấy", "lau chùi"
# no "lâu"): kept apart, so that a story's motorbike does not end a question ("Vụ trộm xe máy, …").
_ASKING_MARKED = {"may": "mấy", "lau": "lâu", "chua": "chưa"}


@dataclass(frozen=True, slots=True)
class Wording:
    raw: tuple[str, ...]  # the words as typed (NFC), punctuation marks as their own words
    folded: tuple[tuple[str, ...], ...]  # per raw word: its folded, expanded syllables

    @classmethod
    def of(cls, text: str, synonyms: Synonyms) -> Wording:
        raw = tuple(_RAW.findall(unicodedata.normalize("NFC", text)))
        folded = tuple(_other_word(w) or tuple(synonyms.expand_first(numbers_from_words(syllables(w)))) for w in raw)
        return cls(raw, folded)

    def tokens(self, start: int = 0, end: int | None = None) -> list[str]:
        return [t for word in self.folded[start:end] for t in word]

    def text(self, start: int = 0, end: int | None = None) -> str:
        out = ""
        for word in self.raw[start:end]:
            out += word if word in ",;?" or not out else f" {word}"
        return out.strip(" ,;")

    def word_span(self, phrase: Phrase) -> tuple[int, int] | None:
        """The raw words (start, end) covering the first occurrence of a folded phrase."""
        tokens = self.tokens()
        at = find(tokens, phrase)
        if at < 0:
            return None
        owner = [i for i, word in enumerate(self.folded) for _ in word]
        return owner[at], owner[at + len(phrase) - 1] + 1


def _other_word(word: str) -> tuple[str, ...] | None:
    """A marked word that only folds to a question word (``_ASKING_MARKED``), as a syllable of its own."""
    plain = fold(word)
    asked = _ASKING_MARKED.get(plain)
    if asked is None or word.lower() == plain or word.lower() == asked:
        return None  # (typed without marks, in any case: "MAY", "May" may ask)
    return (f"{plain}~",)
