"""Families of entries one per crime category (``knowledge/kb/by_category.py``), over the whole knowledge base:
every family's question asked without a category is answered with the whole family, never one member."""

from __future__ import annotations

import re
from datetime import date

from knowledge.kb.by_category import Families, category_at
from knowledge.kb.entry import Entry
from knowledge.kb.library import Library
from knowledge.kb.normalize import fold

TODAY = date(2026, 3, 2)
_CATEGORY = re.compile(r"\s*tội (đặc biệt nghiêm trọng|rất nghiêm trọng|ít nghiêm trọng|nghiêm trọng)", re.IGNORECASE)


def _families(library: Library) -> dict[tuple[str, ...], tuple[Entry, ...]]:
    families = Families(library.kb.entries)
    out = {}
    for entry in library.kb.entries:
        family = families.family(entry)
        if family:
            out[tuple(e.id for e in family)] = family
    return out


def test_the_families_of_the_knowledge_base(library: Library) -> None:
    families = _families(library)
    stems = {fold(_CATEGORY.sub("", family[0].title)) for family in families.values()}
    # the investigation (Đ172), the detention to investigate (Đ173), the trial preparation (Đ277)
    assert stems == {"thoi han dieu tra", "tam giam de dieu tra", "thoi han chuan bi xet xu so tham"}, stems
    for family in families.values():
        named = [category_at(fold(e.title).split()) for e in family]
        assert [" ".join(n[0]) for n in named if n] == [
            "it nghiem trong",
            "nghiem trong",
            "rat nghiem trong",
            "dac biet nghiem trong",
        ]


def test_a_family_asked_without_a_category_is_never_one_member(library: Library) -> None:
    for family in _families(library).values():
        stem = _CATEGORY.sub("", family[0].title)
        whole = 0
        for question in (stem, f"{stem} bao lâu", fold(f"{stem} toi da bao lau"), f"{stem} tối đa mấy tháng"):
            part = library.dialogue.read(question, TODAY)[0]
            if part.answered:  # (a menu is allowed; one member's answer never)
                assert part.family == family, (question, part.result.entry)
                whole += 1
        assert whole >= 2, stem


def test_a_member_asked_by_its_category_is_answered_alone(library: Library) -> None:
    for family in _families(library).values():
        for member in family:
            part = library.dialogue.read(member.title, TODAY)[0]
            assert part.result.entry is member and part.family == (), member.title
