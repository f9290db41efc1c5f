"""Telex keystrokes left in a folded word when the phone's Vietnamese keyboard was off ("toos" → "to",
"giowf" → "gio", "laau" → "lau", "heets" → "het", "ddeens" → "den", "toongr" → "tong"): a word that is no Vietnamese
syllable and, read without them, is one. Abbreviations without a vowel ("vks", "hs"), digits and
"xoong" stay as typed. Used by the search (``normalize``, ``query``) and the calculator's folding."""

from __future__ import annotations

import re
from collections.abc import Collection

# the tone key at the end, or typed before the final consonant ("tieesng": "tiếng", "nhaajt": "nhật")
_TELEX_TONE = re.compile(r"(?<=[a-z])[sfrxj]$|(?<=[aeiouy])[sfrxj](?=(?:ng|nh|ch|[cmnpt])$)")
# "oong" is a syllable only after x, b, g, l ("xoong", "boong", "goòng", "loong"): "toongr" is "tổng"
_OO = r"(?<![xbgl])oo|oo(?!ng)"
_TELEX_PAIRS = ((r"aa", "a"), (r"aw", "a"), (r"ee", "e"), (_OO, "o"), (r"ow", "o"), (r"uw", "u"), (r"dd", "d"))
# A folded Vietnamese syllable: onset, vowels, final consonant (no doubled aa/ee/oo, no dd, no w).
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
_SUSPECT = re.compile(r"[a-z]*(?:[sfrxj]\b|[aeiouy][sfrxj](?:ng|nh|ch|[cmnpt])\b|w|aa|ee|oo|dd)[a-z]*")
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
    so that what reads separators ("và", "còn") and question words reads them too. In a message typed so
    (two such words or more), a word that is no syllable loses its tone key too ("trogj": "trog", left to the
    speller). Words with marks, and words that are a syllable or a known word as typed, stay."""
    words = [(m, _read(m.group(0).lower(), known)) for m in _TYPED.finditer(text)]
    typed = sum(1 for m, out in words if out is not None and _SYLLABLE.fullmatch(out)) >= 2
    out, last = [], 0
    for m, read in words:
        lower = m.group(0).lower()
        if read is None and typed and lower not in known and _TELEX_TONE.search(lower) and _VOWEL.search(lower[:-1]):
            read = lower[:-1]
        if read is not None:
            out.append(text[last : m.start()] + (read[:1].upper() + read[1:] if m.group(0)[:1].isupper() else read))
            last = m.end()
    return "".join(out) + text[last:]


_VOWEL = re.compile(r"[aeiouy]")


def _read(lower: str, known: Collection[str]) -> str | None:
    """The word meant by a word typed with Telex keys, or None (it is read as typed)."""
    if lower in known or (_SYLLABLE.fullmatch(lower) and not _NOT_PLAIN.search(lower)):
        return None
    undone = untelex(lower)
    if undone == lower:
        return None
    if _SYLLABLE.fullmatch(undone) and not _NOT_PLAIN.search(undone):
        return undone
    if undone in known and _NOT_PLAIN.search(lower):  # a shape key ("ddc"), not a tone letter alone ("tks")
        return undone
    return None
