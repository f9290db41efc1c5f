"""A mistyped word in a message, read as the word meant, before anything reads the message.

The search corrects typos itself (``query.QueryAnalyzer.correct``: the nearest indexed syllable,
weighed down, a guess when several are as near); the calculator and the follow-up readers match
words exactly: "tạm giữ từ 8h ssáng nay", "hạn cuối khanng cáo", "tạm giữ 3 nggày" lost the
morning, the appeal, the days, and the card was computed without them — a confident wrong date.
``correct`` rewrites a word the knowledge base does not know, in the raw text, to the known word it
is a near miss of (one letter dropped, added, changed, or two neighbours swapped: OSA distance 1),
or to the abbreviation it misspells. Among several near misses the one its neighbours make a known
pair with wins, else the one with two letters swapped ("sagn": "sang", not "san"), else the one
with a letter left out ("sag": "sang", not "sau"); still several, the word stays as typed. A word
spelt as a Vietnamese syllable is a word of its own ("hôm kia", "bữa nào"); one that breaks the
spelling rules is not ("ngy", "try"). Known words: every word of the knowledge base (titles,
questions, answers) and of the synonym table (abbreviations, stopwords, courtesy phrases).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.kb import telex
from knowledge.kb.normalize import fold
from knowledge.kb.search import Searcher

_WORD = re.compile(r"[^\W\d_]+")
_VOWEL = re.compile(r"[aeiouy]")
# Moments typed with a slip ("sng nay", "chiu qua"): no entry's text holds them, the calculator reads them.
_MOMENTS = {f"{part} {day}" for part in ("sang", "trua", "chieu", "toi", "dem", "hom") for day in ("nay", "qua", "mai")}
_MIN = 3  # shorter words are abbreviations and particles, too close to one another
# Shaped like a syllable but spelt as no Vietnamese word is: "ng"/"c"/"g" before i, y, e ("ngy" for
# "ngày"), "k" or "ngh"/"gh" before a, o, u, a lone "y" after most onsets ("try" for "truy"), a vowel
# doubled ("phươơng"; "xoong", "boong" apart; "ưu" ends a word), vowels never side by side ("vệic").
_MISSPELT_SYLLABLE = re.compile(
    r"^(?:ng[iye]|c[iye]|g[ye]|k[aou]|ngh[aou]|gh[aou]|(?:tr|ch|nh|ph|kh|ng|g|d|b|x|r)y$)|aa|ee|ii|yy|(?<![xb])oo|uu(?!$)|ei|ou|ae"
)


class Speller:
    def __init__(self, searcher: Searcher) -> None:
        synonyms = searcher.synonyms
        self._misspelt = synonyms.misspelt
        courtesy = {word for phrase in synonyms.fillers for word in phrase}  # "cho em hỏi chút", "ạ"
        self._known = frozenset(searcher.index.vocab) | synonyms.readings.keys() | synonyms.stopwords | courtesy
        # Only words with a vowel are meant: abbreviations ("dt", "gh", "ksv") sit one letter from each
        # other, so a token of consonants near one ("gdt", "tdt") is another abbreviation, not its typo.
        self._choices = sorted(w for w in self._known if len(w) >= _MIN - 1 and w.isalpha() and _VOWEL.search(w))
        # word pairs ("khang cao") are keys of the index; the moments the calculator reads are pairs too
        self._pairs = set(searcher.index.idf) | _MOMENTS
        self._cache: dict[str, tuple[str, ...]] = {}

    def correct(self, text: str) -> str:
        """``text`` with each mistyped word that has one plausible meaning replaced by it (folded)."""
        matches = list(_WORD.finditer(text))
        folded = [fold(m.group(0)) for m in matches]
        out, last = [], 0
        for i, m in enumerate(matches):
            meant = self._meant(folded, i)
            if meant is not None:
                out.append(text[last : m.start()] + meant)
                last = m.end()
        return "".join(out) + text[last:] if out else text

    def _meant(self, words: list[str], i: int) -> str | None:
        word = words[i]
        if len(word) < _MIN or word in self._known:
            return None
        if word in self._misspelt:
            meant = self._misspelt[word]
            return meant[0] if len(meant) == 1 else None  # "tgia": tgiam or tgian, left to the search's menu
        if telex.plain(word) in self._known:
            return None  # Telex keys left in it: the readers undo them
        if telex.is_syllable(word) and not _MISSPELT_SYLLABLE.search(word):
            return None  # a syllable the base lacks is a word of its own ("hôm kia", "bữa nào"), no typo
        options = self._near(word)
        if not _VOWEL.search(word):  # an abbreviation we lack, or one with a key pressed twice ("ksvv")
            options = tuple(o for o in options if _dropped(word, o)) or self._undoubled(word)
        if len(options) > 1:
            prev = words[i - 1] if i else ""
            nxt = words[i + 1] if i + 1 < len(words) else ""
            said = tuple(o for o in options if f"{prev} {o}" in self._pairs or f"{o} {nxt}" in self._pairs)
            options = said or options
            options = tuple(o for o in options if sorted(o) == sorted(word)) or options  # two letters swapped
            options = tuple(o for o in options if _dropped(word, o)) or options
        return options[0] if len(options) == 1 else None

    def _undoubled(self, word: str) -> tuple[str, ...]:
        """The known abbreviation ``word`` is with one doubled letter typed once ("ksvv", "tgg")."""
        found = {word[:k] + word[k + 1 :] for k in range(1, len(word)) if word[k] == word[k - 1]}
        return tuple(sorted(found & self._known))

    def _near(self, word: str) -> tuple[str, ...]:
        cached = self._cache.get(word)
        if cached is None:
            found = process.extract(word, self._choices, scorer=OSA.distance, score_cutoff=1, limit=None)
            cached = tuple(sorted(term for term, _, _ in found))
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[word] = cached
        return cached


def _dropped(word: str, meant: str) -> bool:
    """Whether ``word`` is ``meant`` with one letter left out (the commonest slip: "sag" for "sang")."""
    return len(meant) == len(word) + 1 and any(meant[:k] + meant[k + 1 :] == word for k in range(len(meant)))


@lru_cache(maxsize=2)
def speller(searcher: Searcher) -> Speller:
    """The speller of a searcher's knowledge base (built once per loaded base)."""
    return Speller(searcher)
