"""A later part of a message that names no unit, after an earlier part answered by a unit's own entry, is asked of
that unit and year: "Phổ Yên năm 2024 đặt chỉ tiêu … bao nhiêu % UBND xã có người chấp hành án treo, và phát hiện
bao nhiêu % trường hợp giam giữ trái pháp luật" asks Phổ Yên's 2024 target twice. Read alone, the second part was the
best entry of no unit (a penalty's, "phát" folding onto "phạt"): a confident wrong answer. Pure but for ``read``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from knowledge.kb.part import Part

NO_UNIT = "the entry of no unit"  # the reason ``scoping`` gives a unit's question answered by a national entry
_PROVINCE = re.compile(r"\s*\(.*?\)\s*$")  # "VKSND TP. Phổ Yên (Thái Nguyên)": the unit as staff name it


def of_earlier_unit(part: Part, parts: Sequence[Part], read: Callable[[str], Part]) -> Part:
    """``part``, or the part read again under the unit and year of the last earlier part a unit's entry answered,
    when that finds the same unit's entry (``read``: the dialogue's reading of one piece)."""
    if part.result.reason != NO_UNIT:
        return part
    unit = next(
        (p.result.entry for p in reversed(parts) if p.answered and p.result.entry and p.result.entry.unit), None
    )
    if unit is None or unit.unit is None:
        return part
    scope = _PROVINCE.sub("", unit.unit) + (f" năm {unit.year}" if unit.year else "")
    again = read(f"{scope} {part.text}")
    entry = again.result.entry
    if not again.answered or entry is None or entry.unit != unit.unit or entry.year != unit.year:
        return part
    return replace(again, text=part.text)
