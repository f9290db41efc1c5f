"""A unit's own entry asked without its unit, over the whole knowledge base (scan13).

The questions of a unit's entry (Phổ Yên's targets, Thái Nguyên's, Mộc Châu's results …) often leave the unit out;
the entry of no unit then answers in its place (``scoping.Scoper._national``). Found far below the unit's entry, it
matches words in passing: "tỷ lệ phát hiện người bị giam giữ trái luật" typed without marks got the penalty of
imprisonment ("phát" folds onto "phạt"). Each such question gets the unit's entry, a menu holding it, or an entry
of the same kind (a target for a target, the VKS's powers for the powers); never a time limit or a penalty for a
unit's target.
"""

from __future__ import annotations

from datetime import date

from knowledge.kb.library import Library
from knowledge.kb.normalize import fold

TODAY = date(2026, 3, 2)


def test_a_units_question_without_the_unit_is_never_another_kind(library: Library) -> None:
    wrong, total = [], 0
    for entry in (e for e in library.kb.entries if e.unit is not None):
        for text in (entry.title, *entry.questions):
            for typed in dict.fromkeys((text, fold(text))):
                total += 1
                part = library.dialogue.read(typed, TODAY)[0]
                found = part.result.entry if part.answered else None
                if found is not None and found is not entry and found.category != entry.category:
                    wrong.append(f"{typed} [{entry.id}] → {found.id} ({found.category})")
    assert not wrong, "\n".join(wrong)
    assert total >= 40, total
