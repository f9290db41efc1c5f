"""A subject no entry speaks of and the assistant never covers: the unit's own administration.

A unit head asks about the budget ("dự toán chi thường xuyên năm 2027 lập theo thông tư nào, hạn nộp
khi nào"): the words around it ("vks khu vực", "hạn nộp") find a report's deadline, and an answer
about reports would be a confident wrong one. Unlike another institution (``bodies.other_body``), such
a subject is out of scope even when the procuracy is named: the question is the procuracy's own
budget. The subjects are ``dialogue.outside_topics`` in ``synonyms.yaml``; an entry that speaks of
the subject itself still answers. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.kb.entry import Entry
from knowledge.kb.vocabulary import Phrase, find


def outside_topic(tokens: Sequence[str], entry_words: Sequence[str], topics: Sequence[Phrase]) -> Phrase | None:
    """The outside subject the question names first (the longest at one place) when ``entry_words`` speak of
    none of those it names; None otherwise."""
    named = sorted((find(tokens, t), -len(t), t) for t in topics if find(tokens, t) >= 0)
    if not named or any(find(entry_words, t) >= 0 for _, _, t in named):
        return None
    return named[0][2]


def entry_text(entry: Entry) -> str:
    """What an entry speaks of: its title, answer and tags."""
    return f"{entry.title}; {entry.answer}; {' '.join(entry.tags)}"
