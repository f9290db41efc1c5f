"""More of how staff type on phones, for the metamorphic harness (``tests/eval/transforms.py``; guard10):

* ``telex_all``: the phone's Vietnamese keyboard off for the whole message, every marked word typed
  with its Telex keys ("tạm giam" → "tamj giam", "giữ" → "giuwx");
* ``comma_joined``: no space after a comma ("… bao lâu,còn tạm giam …");
* ``joined_word``: one common two-word phrase typed without its space ("tamgiam", "baolâu");
* ``short_khong``: every "không" typed as "k", "ko", "kg", "hông" or "hok".

Each is meaning-keeping: the words are the same words, typed otherwise.
"""

from __future__ import annotations

import random
import re
import unicodedata

from tests.eval.transforms_marks import strip_diacritics
from tests.eval.transforms_typos import telex_keys

_MARKED_WORD = re.compile(r"\w+")


def telex_all(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    def keys(m: re.Match[str]) -> str:
        word = m.group(0)
        return telex_keys(word) if strip_diacritics(word) != word else word

    out = _MARKED_WORD.sub(keys, unicodedata.normalize("NFC", text))
    return out if out != unicodedata.normalize("NFC", text) else None


_AFTER_COMMA = re.compile(r",\s+(?=\w)")


def comma_joined(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    out = _AFTER_COMMA.sub(",", text)
    return out if out != text else None


# Phrases staff run together (with or without their marks)
_JOINABLE = (
    "tạm giam",
    "tạm giữ",
    "điều tra",
    "bao lâu",
    "bao nhiêu",
    "gia hạn",
    "truy tố",
    "kháng cáo",
    "kháng nghị",
    "tối đa",
    "thời hạn",
)
_JOINABLE_PATTERNS = tuple(
    re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for f in {p, strip_diacritics(p)}) + r")(?!\w)", re.IGNORECASE)
    for p in _JOINABLE
)


def joined_word(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    text = unicodedata.normalize("NFC", text)
    found = [(p, m) for p in _JOINABLE_PATTERNS for m in p.finditer(text)]
    if not found:
        return None
    _, m = rng.choice(found)
    return text[: m.start()] + m.group(0).replace(" ", "") + text[m.end() :]


_KHONG = re.compile(r"(?<!\w)(?:không|khong)(?!\w)", re.IGNORECASE)
_SHORT_KHONG = ("k", "ko", "kg", "hông", "hok")


def short_khong(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    text = unicodedata.normalize("NFC", text)
    if not _KHONG.search(text):
        return None
    return _KHONG.sub(lambda _m: rng.choice(_SHORT_KHONG), text)
