"""Meaning-preserving rewrites of a question, as staff type on phones (issue #15's metamorphic harness).

Each transform is deterministic: its random choices come from a ``random.Random`` seeded by the
transform's name and the question, so a run is repeatable. The rewrites themselves live by concept:
``transforms_marks`` (diacritics, punctuation), ``transforms_pad`` (padding, additions),
``transforms_shorthand`` (shorthand, phrasings swapped), ``transforms_typos`` and ``transforms_typed``. A transform returns ``None`` when it
does not apply (nothing to abbreviate, no word long enough for a typo, or every typo it could make
is another real word: "giam" → "gia" is no typo of "giam" but another question).

``TRANSFORMS`` lists them by name; ``apply`` runs one on a question whose turns are separated by
`` || `` (a follow-up): the ones that change how everything is typed (no diacritics, case, NFD,
shorthand) rewrite every turn, the others (padding, typos, additions, punctuation) the last one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from tests.eval.transforms_marks import Rewrite, ending, newlines, nfd, no_diacritics, punct_removed
from tests.eval.transforms_pad import append, leading, pad
from tests.eval.transforms_shorthand import shorthand, swap
from tests.eval.transforms_typed import comma_joined, joined_word, short_khong, telex_all
from tests.eval.transforms_typos import typo


@dataclass(frozen=True)
class Transform:
    name: str
    steps: tuple[Rewrite, ...]
    every_turn: bool = False  # how the whole message is typed (else: the last turn only)


def _t(name: str, *steps: Rewrite, every_turn: bool = False) -> Transform:
    return Transform(name, steps, every_turn)


_TYPO_ANY: Rewrite = lambda text, rng, vocab: typo(rng.choice(("drop", "double", "swap", "telex")))(  # noqa: E731
    text, rng, vocab
)

TRANSFORMS: tuple[Transform, ...] = (
    _t("no_diacritics", no_diacritics, every_turn=True),
    _t("nfd", nfd, every_turn=True),
    _t("upper", lambda t, r, v: t.upper(), every_turn=True),
    _t("lower", lambda t, r, v: t.lower(), every_turn=True),
    _t("punct_removed", punct_removed),
    _t("punct_?", ending("?")),
    _t("punct_??", ending("??")),
    _t("punct_...", ending("...")),
    _t("punct_newline", newlines),
    _t("pad_before", pad(True, False, False)),
    _t("pad_after", pad(False, True, False)),
    _t("pad_both", pad(True, True, False)),
    _t("pad_both_plain", pad(True, True, True)),
    _t("shorthand_one", shorthand(False), every_turn=True),
    _t("shorthand_all", shorthand(True), every_turn=True),
    _t("typo_drop", typo("drop")),
    _t("typo_double", typo("double")),
    _t("typo_swap", typo("swap")),
    _t("typo_telex", typo("telex")),
    _t("add_theo_bltths", append("theo bltths")),
    _t("add_theo_luat", append("theo luật")),
    _t("add_hien_nay", append("hiện nay")),
    _t("add_cho_hoi", leading("cho hỏi")),
    _t("swap_toi_da", swap((("tối đa là", "tối đa"), ("tối đa", "tối đa là")))),
    _t("swap_may_ngay", swap((("mấy ngày", "bao nhiêu ngày"), ("bao nhiêu ngày", "mấy ngày")))),
    _t("swap_bao_lau", swap((("trong bao lâu", "bao lâu"), ("bao lâu", "trong bao lâu")))),
    _t("plain+shorthand", shorthand(True), no_diacritics, every_turn=True),
    _t("plain+typo", no_diacritics, _TYPO_ANY, every_turn=True),
    _t("pad+typo", pad(True, True, False), _TYPO_ANY),
    _t("plain+pad", pad(True, True, True)),
    _t("shorthand+pad", shorthand(True), pad(True, True, False)),
    _t("lower+punct_removed+plain", lambda t, r, v: t.lower(), punct_removed, no_diacritics, every_turn=True),
)
TRANSFORMS += (
    _t("telex_all", telex_all, every_turn=True),
    _t("comma_joined", comma_joined),
    _t("joined_word", joined_word),
    _t("short_khong", short_khong, every_turn=True),
)
BY_NAME = {t.name: t for t in TRANSFORMS}


def apply(transform: Transform, question: str, vocab: frozenset[str]) -> str | None:
    """``question`` rewritten by ``transform`` (seeded by both), or None when it does not apply."""
    rng = random.Random(f"{transform.name}\x00{question}")
    turns = [t.strip() for t in question.split(" || ")]
    targets = range(len(turns)) if transform.every_turn else [len(turns) - 1]
    changed = False
    for i in targets:
        text: str | None = turns[i]
        for step in transform.steps:
            out = step(text, rng, vocab) if text is not None else None
            # A composition applies when its steps do; a step with nothing to do passes the text on.
            text = out if out is not None else (text if len(transform.steps) > 1 else None)
        if text is None:
            continue
        changed = changed or text != turns[i]
        turns[i] = text
    return " || ".join(turns) if changed else None
