"""Two words typed without the space between them ("tamgiam", "baolâu", "giahan"): read apart.

A word the knowledge base and the synonym table do not know, that splits into two words making a pair
the knowledge base says ("tam giam" in a title, a question or a tag), is read as that pair; the split is
made on the word as typed (its marks kept). Otherwise the word is left alone (the speller and the slip
reader see it next). Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

from knowledge.kb.normalize import fold
from knowledge.kb.search import Searcher

_WORD = re.compile(r"\w{5,}")


class Joined:
    def __init__(self, known: Collection[str], pairs: Collection[str]) -> None:
        self._known = known
        self._pairs = pairs

    def apart(self, text: str) -> str:
        """``text`` with each joined pair of known words typed apart."""
        text = unicodedata.normalize("NFC", text)
        return _WORD.sub(lambda m: self._split(m.group(0)), text)

    def _split(self, word: str) -> str:
        folded = fold(word)
        if folded in self._known or not folded.isalpha() or len(folded) != len(word):
            return word
        splits = [i for i in range(2, len(folded) - 1) if f"{folded[:i]} {folded[i:]}" in self._pairs]
        return f"{word[: splits[0]]} {word[splits[0] :]}" if len(splits) == 1 else word


@lru_cache(maxsize=2)
def joined_reader(searcher: Searcher) -> Joined:
    """The reader of a searcher's knowledge base (built once per loaded base)."""
    index, synonyms = searcher.index, searcher.synonyms
    known = frozenset(index.postings) | synonyms.readings.keys() | synonyms.stopwords
    pairs = frozenset(k for k in index.idf if " " in k)
    return Joined(known, pairs)
