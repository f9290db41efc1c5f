"""Every question of the knowledge base typed without marks and in shorthand gets what it gets typed in full (scan13).

(d) of the sibling scans, over the whole knowledge base: each title and question that is answered, folded, and
folded with one of the shorthand staff type (tgiu, tgiam, dt, gh, vks, cqdt, pt, st, kc, kn) for its words, is
never answered with another entry (a menu is allowed, rarely), when typed in full it is answered with its own entry. A shorthand read as another word ("kc" is also
khẩn cấp, "dt" also dân tộc) would answer the sibling's figure.
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.kb.library import Library
from knowledge.kb.normalize import fold
from knowledge.kb.part import Part

TODAY = date(2026, 3, 2)
SHORTHAND = (
    ("co quan dieu tra", "cqdt"),
    ("vien kiem sat", "vks"),
    ("tam giu", "tgiu"),
    ("tam giam", "tgiam"),
    ("dieu tra", "dt"),
    ("gia han", "gh"),
    ("phuc tham", "pt"),
    ("so tham", "st"),
    ("khang cao", "kc"),
    ("khang nghi", "kn"),
)


def _outcome(library: Library, text: str) -> tuple[str, tuple[str, ...]]:
    parts = library.dialogue.read(text, TODAY)
    if len(parts) != 1:
        return "parts", tuple(p.result.entry.id if p.answered and p.result.entry else "" for p in parts)
    part: Part = parts[0]
    if part.answered and part.result.entry is not None:
        if part.family:
            return "family", tuple(sorted(e.id for e in part.family))
        return "answer", (part.result.entry.id,)
    return part.result.outcome, ()


def test_typed_without_marks_or_in_shorthand_the_same_entry(library: Library) -> None:
    wrong, menus, total = [], [], 0
    for entry in library.kb.entries:
        for text in (entry.title, *entry.questions):
            full = _outcome(library, text)
            if full != ("answer", (entry.id,)):  # (its own answer typed in full: what the typed forms must keep)
                continue
            folded = fold(text)
            variants = [folded] if folded != text else []
            variants += [
                re.sub(rf"\b{words}\b", short, folded)
                for words, short in SHORTHAND
                if re.search(rf"\b{words}\b", folded)
            ]
            for variant in variants:
                total += 1
                typed = _outcome(library, variant)
                if typed == full:
                    continue
                (menus if typed[0] in ("ask", "dont_know", "empty") else wrong).append(f"{text} | {variant} → {typed}")
    assert not wrong, "\n".join(wrong)
    assert len(menus) <= 0.01 * total, "\n".join(menus)
    assert total >= 1500, total
