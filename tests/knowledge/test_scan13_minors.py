"""A minor named however staff type it never gets the adults' limits, over the whole knowledge base (scan13).

The minors' regime (``regimes:`` of ``synonyms.yaml``; FACTS §14: from 01/01/2026 juvenile cases follow Luật Tư pháp
người chưa thành niên, the adults' limits do not apply) held for "người chưa thành niên" and "17 tuổi", not for
"người dưới 18", "bị can 16t", "ntn phạm tội", nor for the second part of "người chưa thành niên phạm tội, giữ người
khẩn cấp thì …": 1,423 of 2,472 such questions got an adult's figure. Every question of every time limit, asked of a
minor in these ways, is answered by an entry of the regime, or asked about, or refused.
"""

from __future__ import annotations

from datetime import date

from knowledge.kb.library import Library
from knowledge.kb.normalize import fold

TODAY = date(2026, 3, 2)
# The limits of the procedure that the minors' law changes (not a holiday, nor how days are counted)
_PROCEDURE = ("tam giu", "tam giam", "dieu tra", "truy to", "xet xu", "khang cao", "giu nguoi", "bat ")


def _procedural(title: str) -> bool:
    return any(p in f"{title} " for p in _PROCEDURE)


MINOR = (
    "{q} với người dưới 18",
    "bị can 16t {q}",
    "{q} doi voi nguoi duoi 18",
    "ntn phạm tội thì {q}",
    "người chưa thành niên phạm tội, {q}",
    "bi cao chua du 18 {q}",
)


def test_a_minor_never_gets_the_adults_limit(library: Library) -> None:
    syn, title = library.searcher.synonyms, library.searcher.title_tokens
    wrong, total = [], 0
    limits = [e for e in library.kb.entries if e.category.startswith("thoi_han") and _procedural(fold(e.title))]
    for entry in limits:
        for question in entry.questions[:1]:  # (one question each: the scan stays short on a shared machine)
            for form in MINOR:
                text = form.format(q=question)
                total += 1
                for part in library.dialogue.read(text, TODAY):
                    found = part.result.entry if part.answered else None
                    if found is not None and not syn.modifiers_in(title(found)) & syn.regimes:
                        wrong.append(f"{text} → {found.id}")
    assert not wrong, "\n".join(wrong[:40])
    assert total >= 400, total
