"""Words added around a question, for the metamorphic harness (``tests/eval/transforms.py``): chatty padding
("chị ơi …", "… ạ") and harmless additions ("… theo luật", "cho hỏi …"). Neither changes what is asked.
"""

from __future__ import annotations

import random

from tests.eval.transforms_marks import Rewrite, split_end, strip_diacritics

BEFORE = ("a ơi cho em hỏi", "chị ơi", "ad ơi", "cho e hỏi chút", "anh ơi em hỏi", "cho em hỏi với")
AFTER = ("ạ", "với ạ", "e cảm ơn ạ", "nhé", "vậy", "thế", "vậy ạ", "ạ, em cảm ơn")


def pad(before: bool, after: bool, plain: bool) -> Rewrite:
    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        body, end = split_end(text)
        if before:
            first = rng.choice(BEFORE)
            body = f"{first}, {body[:1].lower()}{body[1:]}" if rng.random() < 0.5 else f"{first} {body}"
        if after:
            body = f"{body} {rng.choice(AFTER)}"
        out = body + end
        return strip_diacritics(out) if plain else out

    return rewrite


def append(words: str) -> Rewrite:
    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        body, end = split_end(text)
        return f"{body} {words}{end}"

    return rewrite


def leading(words: str) -> Rewrite:
    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        return f"{words} {text[:1].lower()}{text[1:]}"

    return rewrite
