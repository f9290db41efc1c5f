"""Session 13 (calc13): staff read the calculator's kinds by their Vietnamese names, never the internal ids
("Tính ngày: loại thong_bao_khang_cao" was shown). Every KB answer is checked against every kind id, and the
calculator's refusals of an option list the kinds that take it by name."""

from __future__ import annotations

import re

import pytest

from knowledge.deadlines.calculator import DeadlineInputError
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.validate import check_options
from knowledge.kb.store import load_kb


def test_no_answer_shows_a_kind_id() -> None:
    ids = [kind for kind in load_periods().kinds if "_" in kind]
    assert "thong_bao_khang_cao" in ids
    pattern = re.compile(r"(?<![a-z_])(?:" + "|".join(map(re.escape, ids)) + r")(?![a-z_])|[a-z]+_[a-z_]*\*")
    shown = [(e.id, m[0]) for e in load_kb().entries for m in pattern.finditer(e.answer)]
    assert not shown, shown


@pytest.mark.parametrize(("anqg", "custody_days"), [(True, None), (False, 3)])
def test_option_refusals_name_the_kinds(anqg: bool, custody_days: int | None) -> None:
    table = load_periods()
    with pytest.raises(DeadlineInputError) as refused:
        check_options(table.kinds["khang_cao_ban_an"], anqg, custody_days, table)
    assert "tam_giam" not in str(refused.value) and "Tạm giam" in str(refused.value), refused.value
