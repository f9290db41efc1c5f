"""Typos, for the metamorphic harness (``tests/eval/transforms.py``): a letter dropped, doubled or swapped,
or a word typed with the phone's Vietnamese keyboard off (its Telex keys). A typo that lands on another
real word (one of the vocabulary) is no typo but another question, and is never made; nor is one made in a
word the vocabulary does not know (a row's own slip, "nghiêm trọg": a second slip there is two in a word).
"""

from __future__ import annotations

import random
import re
import unicodedata

from knowledge.kb.normalize import fold
from tests.eval.transforms_marks import Rewrite

_WORDS = re.compile(r"[^\W\d_]{4,}")
_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_SHAPES = {"\u0302": "", "\u0306": "w", "\u031b": "w"}  # circumflex doubles the vowel; breve, horn: w


def telex_keys(word: str) -> str:
    """The keys typed on a phone whose Vietnamese keyboard is off: "giảm" -> "giamr", "điều" -> "ddieeuf"."""
    out: list[str] = []
    tone = ""
    for char in unicodedata.normalize("NFD", word.replace("đ", "dd").replace("Đ", "DD")):
        if char in _TONES:
            tone = _TONES[char]
        elif char in _SHAPES:
            out.append(_SHAPES[char] or out[-1])
        else:
            out.append(char)
    return "".join(out) + tone


def typo(kind: str) -> Rewrite:
    def make(word: str, rng: random.Random, vocab: frozenset[str]) -> str:
        chars = list(unicodedata.normalize("NFC", word))
        i = rng.randrange(len(chars))
        if kind == "drop":
            del chars[i]
        elif kind == "double":
            chars.insert(i, chars[i])
        elif kind == "swap":
            i = rng.randrange(len(chars) - 1)
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif telex_keys(word) != word:
            return telex_keys(word)
        elif fold(word) in vocab and re.search("[aeiouy]", fold(word)):
            return word + rng.choice("sfrxj")  # a known syllable typed with the keyboard off
        else:
            return word
        return "".join(chars)

    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        text = unicodedata.normalize("NFC", text)
        spans = [m for m in _WORDS.finditer(text)]
        rng.shuffle(spans)
        for match in spans:
            if fold(match.group(0)) not in vocab:
                continue  # a word the row already mistypes ("trọg"): a second slip in it is two, not one
            typo = make(match.group(0), rng, vocab)
            folded = fold(typo)
            if folded == fold(match.group(0)) or folded in vocab:
                continue  # no typo once folded, or another real word
            return text[: match.start()] + typo + text[match.end() :]
        return None

    return rewrite
