"""The decision day typed at the end of an extension's length: a day that no calendar has (year 0
included) is refused with a sentence, never a crash (found by tests/test_hostile_input.py)."""

from __future__ import annotations

from handlers.register.decided import day_problem


def test_a_day_of_year_zero_is_refused_politely() -> None:
    assert day_problem("3 ngày 0/0/0000") == "Ngày 0/0/0000 không có trên lịch."


def test_a_real_day_is_no_problem_and_a_missing_one_is_named() -> None:
    assert day_problem("3 ngày 05/03/2026") is None
    problem = day_problem("3 ngày 31/02/2026")
    assert problem is not None and "31/02/2026" in problem
