"""The question inside a chatty message ("Chị ơi, vụ … bên em … Vậy tạm giam tối đa bao lâu ạ? Em cảm ơn").

A long message tells a story around its question. When the whole message finds nothing, its
clauses that ask (a question word, or a question mark) are the question; what the story says of
the case that the asking clauses leave open — the crime category, ANQG, rút gọn, the measure
or stage (a subject) — is added to them: "xác định ít nghiêm trọng … Vậy tạm giam để điều tra tối
đa bao lâu" asks the detention limit for a less serious crime.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.kb.vocabulary import Vocabulary, contains, find

Phrase = tuple[str, ...]

_CLAUSES = re.compile(r"[.!?;\n]+|,|\(|\)")
# What asks in a chatty clause (stricter than the two-part question words: "không", "hay", "nào"
# are said in passing: "em sợ không kịp", "hay quên").
_ASKING: tuple[Phrase, ...] = (
    ("bao", "lau"),
    ("bao", "nhieu"),
    ("may",),
    ("khi", "nao"),
    ("luc", "nao"),
    ("ngay", "nao"),
    ("the", "nao"),
    ("ra", "sao"),
    ("toi", "da"),
    ("ai",),
    ("o", "dau"),
    ("la", "gi"),
)
_MIN_CLAUSES = 3  # a question with one aside is no story


def question_core(text: str, vocab: Vocabulary, tokens: Callable[[str], list[str]]) -> tuple[str, str] | None:
    """The case details the story of a chatty ``text`` adds (folded) and its asking clauses, or None
    (no story around a question: the message is searched as it is). ``tokens``: folded, expanded."""
    clauses = [c.strip() for c in _CLAUSES.split(text) if c and c.strip()]
    marks = [m.group(0) for m in _CLAUSES.finditer(text)]
    asking = [
        i
        for i, c in enumerate(clauses)
        if contains(tokens(c), _ASKING) or (i < len(marks) and "?" in marks[i] and len(tokens(c)) > 2)
    ]
    if len(clauses) < _MIN_CLAUSES or not asking or len(asking) == len(clauses):
        return None
    asked = [w for i in asking for w in tokens(clauses[i])]
    story = [tokens(c) for i, c in enumerate(clauses) if i not in asking]
    added: list[str] = []  # the phrases added, as typed words
    said: list[str] = []  # and as tokens
    own_subject = contains(asked, vocab.subjects)
    for group in (*vocab.exclusive, *vocab.carried):
        measure = group not in vocab.carried and any(p in vocab.subjects for p in group)
        if contains(asked, group) or contains(said, group) or (own_subject and measure):
            continue  # the question says it itself ("truy tố" asked: the story's "tạm giam" is no detail)
        named = next((p for words in story for p in group if find(words, p) >= 0), None)
        if named is not None:
            added.append(" ".join(named))
            said += named
    return " ".join(added), ", ".join(clauses[i] for i in asking)
