"""Telex keystrokes left in a folded word when the phone's Vietnamese keyboard was off ("toos" → "to",
"giowf" → "gio", "laau" → "lau", "heets" → "het", "ddeens" → "den", "toongr" → "tong"): a word that is no Vietnamese
syllable and, read without them, is one. Abbreviations without a vowel ("vks", "hs"), digits and
"xoong" stay as typed. Used by the search (``normalize``, ``query``) and the calculator's folding."""

from __future__ import annotations

import re
from collections.abc import Collection

_TELEX_TONE = re.compile(r"(?<=[a-z])[sfrxj]$")
# "oong" is a syllable only after x, b, g, l ("xoong", "boong", "goòng", "loong"): "toongr" is "tổng"
_OO = r"(?<![xbgl])oo|oo(?!ng)"
_TELEX_PAIRS = ((r"aa", "a"), (r"aw", "a"), (r"ee", "e"), (_OO, "o"), (r"ow", "o"), (r"uw", "u"), (r"dd", "d"))
# A folded Vietnamese syllable: onset, vowels, final consonant (no doubled aa/ee/oo, no dd, no w).
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
_SUSPECT = re.compile(r"[a-z]*(?:[sfrxj]\b|w|aa|ee|oo|dd)[a-z]*")
_NOT_PLAIN = re.compile(rf"aa|ee|{_OO}|dd|w")
_WORD = re.compile(r"(?<![a-z0-9])[a-z]+(?![a-z0-9])")


def untelex(token: str) -> str:
    """Undo Telex keystrokes left in a folded syllable ("toos" -> "to", "ddieeuf" -> "dieu")."""
    out = _TELEX_TONE.sub("", token)
    for pair, single in _TELEX_PAIRS:
        out = re.sub(pair, single, out)
    return out


def is_syllable(token: str) -> bool:
    """Whether a folded word reads as one Vietnamese syllable ("giam" yes; "tgiam", "giaam" no)."""
    return _SYLLABLE.fullmatch(token) is not None and not _NOT_PLAIN.search(token)


def suspect(folded: str) -> bool:
    """Whether folded text may hold a word typed with Telex keystrokes left in it."""
    return _SUSPECT.search(folded) is not None


def plain(token: str) -> str:
    """A word typed with Telex keystrokes left in it ("giowf", "laau", "tamj"): the syllable meant,
    when the word is no Vietnamese syllable and, undone, is one. Abbreviations ("vks", "ttlt") stay."""
    if not token.isalpha() or (_SYLLABLE.fullmatch(token) and not _NOT_PLAIN.search(token)):
        return token
    undone = untelex(token)
    return undone if undone != token and _SYLLABLE.fullmatch(undone) and not _NOT_PLAIN.search(undone) else token


def plain_text(folded: str) -> str:
    """``folded`` (lower case, no diacritics) with each word read by :func:`plain`."""
    return _WORD.sub(lambda m: plain(m[0]), folded)


_TYPED = re.compile(r"(?<![\w])[A-Za-z]+(?![\w])")


def keys_read(text: str, known: Collection[str]) -> str:
    """``text`` with each word typed with Telex keys left in read as the syllable (or the ``known``
    shorthand: "ddc" is "dc", "cqddt" "cqdt") meant, a capital kept: "tooij its NT vaf NT" is "toi it NT va NT",
    so that what reads separators ("và", "còn") and question words reads them too. Words with marks, and
    words that are a syllable or a known word as typed, stay."""

    def read(m: re.Match[str]) -> str:
        word = m.group(0)
        out = _read(word)
        return out[:1].upper() + out[1:] if out != word and word[:1].isupper() else out

    def _read(word: str) -> str:
        lower = word.lower()
        if lower in known or (_SYLLABLE.fullmatch(lower) and not _NOT_PLAIN.search(lower)):
            return word
        undone = untelex(lower)
        if undone == lower:
            return word
        if _SYLLABLE.fullmatch(undone) and not _NOT_PLAIN.search(undone):
            return undone
        if undone in known and _NOT_PLAIN.search(lower):  # a shape key ("ddc"), not a tone letter alone ("tks")
            return undone
        return word

    return _TYPED.sub(read, text)
