"""Session 13 (calc13): staff read the calculator's kinds by their Vietnamese names, never the internal ids
("Tính ngày: loại thong_bao_khang_cao" was shown). Every KB answer is checked against every kind id."""

from __future__ import annotations

import re

from knowledge.deadlines.periods import load_periods
from knowledge.kb.store import load_kb


def test_no_answer_shows_a_kind_id() -> None:
    ids = [kind for kind in load_periods().kinds if "_" in kind]
    assert "thong_bao_khang_cao" in ids
    pattern = re.compile(r"(?<![a-z_])(?:" + "|".join(map(re.escape, ids)) + r")(?![a-z_])|[a-z]+_[a-z_]*\*")
    shown = [(e.id, m[0]) for e in load_kb().entries for m in pattern.finditer(e.answer)]
    assert not shown, shown
