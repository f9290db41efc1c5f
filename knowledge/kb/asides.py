"""The asker's asides in a question ("…, e đang làm tờ trình gấp", "em đang trực, …"): no part of it."""

from __future__ import annotations

import re

from knowledge.kb.normalize import Synonyms, fold, syllables
from knowledge.kb.vocabulary import Vocabulary, contains

_CLAUSES = re.compile(r"(?<!\d)[,;](?!\d)|(?<=\S)\.(?=\s)")
_ASKER = frozenset({"e", "em", "a", "anh", "c", "chi", "minh", "toi", "t", "to"})
_ASKER_STATE = frozenset({"dang", "can", "sap"})  # "em mới về làm …" may carry the subject


def _read(text: str, synonyms: Synonyms) -> list[str]:  # "bn" is "bao nhiêu"
    return synonyms.expand_first(syllables(text))


def drop_asides(text: str, vocab: Vocabulary, synonyms: Synonyms) -> str:
    """Without the asker's asides ("…, e đang làm tờ trình gấp", "em đang trực, …"): a clause that
    opens with the asker and what they are doing, and asks nothing, is no part of the question."""
    clauses = _CLAUSES.split(text)
    if len(clauses) < 2:
        return text
    # an asking clause that names no subject points back at one ("anh cần trích lại lời Bác dạy cán bộ
    # kiểm sát cho thật chính xác, 5 chữ đó là gì"): an aside that names one is then the question's own
    bare = any(
        contains(words, vocab.question_words) and not contains(words, vocab.subjects)
        for words in (_read(q, synonyms) for c in clauses for q in c.split("?"))
    )
    kept = []
    for clause in clauses:
        words = fold(clause).split()
        read = _read(clause, synonyms)
        aside = len(words) >= 2 and words[0] in _ASKER and words[1] in _ASKER_STATE
        if not (aside and not contains(read, vocab.question_words) and not (bare and contains(read, vocab.subjects))):
            kept.append(clause.strip())
    asks = [c for c in kept if contains(_read(c, synonyms), vocab.question_words)]
    return ", ".join(c for c in kept if c) if asks and len(kept) < len(clauses) else text
