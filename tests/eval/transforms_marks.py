"""Rewrites of how a question is marked, for the metamorphic harness (``tests/eval/transforms.py``): its
diacritics (stripped, or decomposed as NFD) and its punctuation (removed, another ending, clauses on lines).

``Rewrite`` is the shape of every transform's step: the text, a seeded ``random.Random`` and the vocabulary
(every folded word the knowledge base knows) in; the rewritten text out, or ``None`` when it does not apply.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

Rewrite = Callable[[str, random.Random, frozenset[str]], str | None]


def strip_diacritics(text: str) -> str:
    nfd = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text))
    out = "".join(c for c in nfd if not unicodedata.combining(c))
    return out.replace("đ", "d").replace("Đ", "D")


def nfd(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    out = unicodedata.normalize("NFD", text)
    return out if out != text else None


def no_diacritics(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    out = strip_diacritics(text)
    return out if out != text else None


_END = re.compile(r"[\s?!.…]*$")
_PUNCT = re.compile(r"[?!,;:…]|(?<![0-9])\.|\.(?![0-9])")


def split_end(text: str) -> tuple[str, str]:
    """The question without its final punctuation, and that punctuation (maybe none)."""
    match = _END.search(text)
    assert match is not None
    return text[: match.start()], match.group(0).strip()


def punct_removed(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    out = " ".join(_PUNCT.sub(" ", text).split())
    return out if out != " ".join(text.split()) else None


_INNER = re.compile(r"\s*[,;]\s+")


def newlines(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    """Each clause on a line of its own, as staff type two questions on a phone ("…, …" -> "…\n…")."""
    out = _INNER.sub("\n", text)
    return out if out != text else None


def ending(mark: str) -> Rewrite:
    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        body, _ = split_end(text)
        return body + mark

    return rewrite
