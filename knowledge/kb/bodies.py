"""Other institutions named: a question about the motto, indicators or organisation of another body ("phương
châm của ngành tòa án": the assistant has these for the procuracy only), or about what a body that takes no part
in criminal procedure does ("thanh tra giải quyết tố cáo"), is refused, never answered with the procuracy's.
The bodies are ``dialogue.other_bodies`` and ``dialogue.outside_bodies`` in ``synonyms.yaml``. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from knowledge.kb.entry import Entry
from knowledge.kb.normalize import Synonyms
from knowledge.kb.vocabulary import Phrase, Vocabulary, find
from knowledge.kb.wording import Wording

PROCURACY_ONLY = ("phuong_cham", "chi_tieu", "to_chuc")  # the assistant has these for the procuracy only
_PROCURACY = (("kiem", "sat"), ("vks",))


def other_body(tokens: Sequence[str], entry_words: Sequence[str], bodies: Sequence[Phrase]) -> Phrase | None:
    """Another institution named ("phương châm của ngành tòa án", "thanh tra giải quyết tố cáo") that
    the entry found does not speak of; a question naming the procuracy too is about the procuracy."""
    if any(find(tokens, p) >= 0 for p in _PROCURACY):
        return None
    for body in bodies:  # longest first
        if find(tokens, body) >= 0:
            return None if find(entry_words, body) >= 0 else body
    return None


class _Folding(Protocol):
    synonyms: Synonyms

    def fold_text(self, text: str) -> list[str]: ...


def body_named(text: str, tokens: list[str], top: Entry, vocab: Vocabulary, searcher: _Folding) -> str | None:
    """Another institution named with a procuracy-only topic ("phương châm của ngành tòa án"), or one that
    takes no part in criminal procedure ("thanh tra giải quyết tố cáo"), as typed (as written when typed without
    diacritics: "cong an" is named "công an")."""
    bodies = vocab.other_bodies if top.category in PROCURACY_ONLY else vocab.outside_bodies
    if not any(find(tokens, b) >= 0 for b in bodies):
        return None
    body = other_body(tokens, searcher.fold_text(f"{top.title}; {top.answer}"), bodies)
    if body is None:
        return None
    wording = Wording.of(text, searcher.synonyms)
    span = wording.word_span(body)
    return vocab.as_named(body, wording.text(*span) if span is not None else "")
