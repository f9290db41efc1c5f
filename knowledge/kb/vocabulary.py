"""The conversation vocabulary (``dialogue:`` in ``knowledge/data/synonyms.yaml``), folded.

Subjects (what a question is about), follow-up cues, groups of mutually exclusive phrases,
qualifiers carried from one part of a question to the next,
question words, separators of two-part questions, and place names. Each phrase is a tuple
of folded syllables; ``find`` looks a phrase up in a token list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from knowledge.kb.normalize import SYNONYMS_FILE, fold, has_diacritics, syllables

Phrase = tuple[str, ...]


def find(tokens: Sequence[str], phrase: Phrase, start: int = 0) -> int:
    """Index of the first occurrence of ``phrase`` in ``tokens`` from ``start``, or -1."""
    n = len(phrase)
    for i in range(start, len(tokens) - n + 1):
        if tuple(tokens[i : i + n]) == phrase:
            return i
    return -1


def take(tokens: list[str], phrase: Phrase) -> bool:
    """Find and blank out ``phrase`` ("ít nghiêm trọng" then leaves no "nghiêm trọng" behind)."""
    at = find(tokens, phrase)
    if at >= 0:
        tokens[at : at + len(phrase)] = [""] * len(phrase)
    return at >= 0


def contains(tokens: Sequence[str], phrases: Iterable[Phrase]) -> bool:
    return any(find(tokens, p) >= 0 for p in phrases)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    subjects: tuple[Phrase, ...]
    followup_cues: tuple[Phrase, ...]
    exclusive: tuple[tuple[Phrase, ...], ...]  # each group longest phrase first
    carried: tuple[tuple[Phrase, ...], ...]  # qualifiers a later part takes from an earlier one
    question_words: tuple[Phrase, ...]
    separators: frozenset[str]  # folded, matched against each folded word
    places: tuple[Phrase, ...]  # longest first
    unit_words: tuple[Phrase, ...]
    other_bodies: tuple[Phrase, ...] = ()  # institutions whose mottos, indicators, … the assistant lacks
    outside_bodies: tuple[Phrase, ...] = ()  # ... that take no part in criminal procedure at all
    outside_topics: tuple[Phrase, ...] = ()  # subjects never covered, the procuracy's own included (budget)
    paired: tuple[tuple[Phrase, ...], ...] = ()  # members asked together, each apart ("vks tỉnh và vks khu vực")
    # each outside topic and institution as written in synonyms.yaml, to name it when typed without diacritics
    topic_names: dict[Phrase, str] = field(default_factory=dict, hash=False, compare=False)

    def as_named(self, phrase: Phrase, typed: str) -> str:
        """An outside topic or institution found (``phrase``) named back: as typed ("Dự toán"), or as written
        in synonyms.yaml when typed without diacritics ("bo nhiem": bổ nhiệm, "cong an": công an)."""
        return typed if has_diacritics(typed) else self.topic_names.get(phrase, typed or " ".join(phrase))


def _phrases(items: object, key: str) -> tuple[Phrase, ...]:
    if not isinstance(items, list):
        raise ValueError(f"synonyms.yaml: dialogue.{key} must be a list")
    out = [tuple(syllables(str(item))) for item in items]
    if any(not p for p in out):
        raise ValueError(f"synonyms.yaml: dialogue.{key} has an empty phrase")
    return tuple(sorted(set(out), key=lambda p: (-len(p), p)))


def parse_vocabulary(raw: object) -> Vocabulary:
    section = raw.get("dialogue", {}) if isinstance(raw, dict) else None
    if not isinstance(section, dict):
        raise ValueError("synonyms.yaml: 'dialogue' must be a mapping")
    groups, carried, paired = section.get("exclusive", []), section.get("carried", []), section.get("paired", [])
    for key, value in (("exclusive", groups), ("carried", carried), ("paired", paired)):
        if not isinstance(value, list) or not all(isinstance(g, list) for g in value):
            raise ValueError(f"synonyms.yaml: dialogue.{key} must be a list of lists")
    separators = section.get("separators", [])
    if not isinstance(separators, list):
        raise ValueError("synonyms.yaml: dialogue.separators must be a list")
    return Vocabulary(
        subjects=_phrases(section.get("subjects", []), "subjects"),
        followup_cues=_phrases(section.get("followup_cues", []), "followup_cues"),
        exclusive=tuple(_phrases(g, "exclusive") for g in groups),
        carried=tuple(_phrases(g, "carried") for g in carried),
        question_words=_phrases(section.get("question_words", []), "question_words"),
        separators=frozenset(f for f in (fold(str(s)) for s in separators) if f),
        places=_phrases(section.get("places", []), "places"),
        unit_words=_phrases(section.get("unit_words", []), "unit_words"),
        other_bodies=_phrases(section.get("other_bodies", []), "other_bodies"),
        outside_bodies=_phrases(section.get("outside_bodies", []), "outside_bodies"),
        outside_topics=_phrases(section.get("outside_topics", []), "outside_topics"),
        paired=tuple(_phrases(g, "paired") for g in paired),
        topic_names={
            tuple(syllables(str(t))): str(t)
            for key in ("outside_topics", "other_bodies", "outside_bodies")
            for t in section.get(key, []) or []
        },
    )


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = SYNONYMS_FILE) -> Vocabulary:
    with path.open(encoding="utf-8") as handle:
        return parse_vocabulary(yaml.safe_load(handle))


def straddles(tokens: Sequence[str], phrase: Phrase, others: Sequence[Phrase]) -> bool:
    """Whether every place ``phrase`` is found in ``tokens`` straddles one of ``others`` (shares some words with
    it, not all): "báo cáo bằng sơ đồ" names no Cao Bằng."""
    at = find(tokens, phrase)
    while at >= 0:
        end = at + len(phrase)
        if not any(
            j < at < j + len(p) or at < j < end < j + len(p)
            for p in others
            for j in range(max(at - len(p) + 1, 0), end)
            if tuple(tokens[j : j + len(p)]) == p
        ):
            return False
        at = find(tokens, phrase, at + 1)
    return True
