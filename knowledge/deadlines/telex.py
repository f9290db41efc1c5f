"""Telex keystrokes left in a folded word when the phone's Vietnamese keyboard was off: "tạm giamf",
"đến heets ngày nào", "chij owi", "ddeens". Folded Vietnamese never ends a syllable in s, f, r, x or j
(the tone keys) and never has "aa", "ee", "dd" or a "w" after a vowel (the mark keys): such a word is
read without them when what is left is a Vietnamese syllable ("giamf" → "giam", "heets" → "het").
Anything else (abbreviations without a vowel: "vks", "hs"; digits; English) is left as typed. Pure.
"""

from __future__ import annotations

import re

_TONE_KEY = re.compile(r"^([a-z]+?)[sfrxj]$")
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(?:[aeiouy]{1,3})"
    r"(?:ng|nh|ch|[cmnpt])?$"
)
_MARKS = ((re.compile(r"aa"), "a"), (re.compile(r"ee"), "e"), (re.compile(r"oo(?!ng)"), "o"))
_HOOK = re.compile(r"(?<=[aou])w")
_WORD = re.compile(r"(?<![a-z0-9])[a-z]+(?![a-z0-9])")


def _word(word: str) -> str:
    bare = _HOOK.sub("", word)
    if bare.startswith("dd"):
        bare = bare[1:]
    for rx, single in _MARKS:
        bare = rx.sub(single, bare)
    tone = _TONE_KEY.match(bare)
    if tone and not _SYLLABLE.match(bare):
        bare = tone[1]
    if bare == word or not _SYLLABLE.match(bare):
        return word
    return bare


def untelex(folded: str) -> str:
    """``folded`` (lower case, no diacritics) with Telex keys left in its words read away."""
    return _WORD.sub(lambda m: _word(m[0]), folded)
