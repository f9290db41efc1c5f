"""Properties of the calculator over random dates (hypothesis)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.deadlines.calculator import DeadlineResult, StepResult, compute, list_kinds, load_periods
from knowledge.deadlines.calendar import load_calendar

CAL = load_calendar()
KINDS = list_kinds()
CATEGORIES = list(load_periods().categories)

dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))
moments = st.builds(datetime.combine, dates, st.times().map(lambda t: time(t.hour, t.minute)))


@st.composite
def cases(draw: st.DrawFn) -> tuple[DeadlineResult, Any]:
    info = draw(st.sampled_from(KINDS))
    start: date = draw(moments) if info.needs_time else draw(dates)
    kwargs: dict[str, Any] = {}
    if info.needs_category:
        kwargs["category"] = draw(st.sampled_from(CATEGORIES))
    if info.supports_anqg:
        kwargs["anqg"] = draw(st.booleans())
    if info.needs_length:
        kwargs["months"] = draw(st.integers(0, 6))
        kwargs["days"] = draw(st.integers(1 if kwargs["months"] == 0 else 0, 40))
    if info.accepts_tam_giu_days:
        total = 30 * kwargs.get("months", 2) + kwargs.get("days", 0)
        kwargs["tam_giu_days"] = draw(st.integers(0, min(9, total - 1)))
    return compute(info.kind, start, **kwargs), kwargs


def _all_steps(result: DeadlineResult) -> list[StepResult]:
    return [result.base, *result.steps]


@settings(max_examples=400, deadline=None)
@given(cases())
def test_custody_never_shifts(case: tuple[DeadlineResult, Any]) -> None:
    result, _ = case
    if result.counting != "calendar":
        assert all(s.shifted_from is None for s in _all_steps(result))


@settings(max_examples=400, deadline=None)
@given(cases())
def test_a_shift_lands_on_the_first_working_day(case: tuple[DeadlineResult, Any]) -> None:
    result, _ = case
    if result.counting != "calendar":
        return
    for step in _all_steps(result):
        assert CAL.is_working_day(step.last_day)
        if step.shifted_from is None:
            continue
        assert step.shifted_from < step.last_day
        assert step.shift_reason == CAL.day_off_reason(step.shifted_from)
        day = step.shifted_from
        while day < step.last_day:  # the original day and every day up to the new one are days off
            assert CAL.is_day_off(day)
            day += timedelta(days=1)


@settings(max_examples=400, deadline=None)
@given(cases())
def test_extensions_never_end_before_their_base(case: tuple[DeadlineResult, Any]) -> None:
    result, _ = case
    ends = [(s.last_day, s.end_time) for s in _all_steps(result)]
    assert ends == sorted(ends)
    assert (result.max_step.last_day, result.max_step.end_time) >= (result.base.last_day, result.base.end_time)
    data = result.to_json()
    assert data["max_last_day"] >= data["last_day"]


@settings(max_examples=300, deadline=None)
@given(cases())
def test_lengths_match_the_counting_rule(case: tuple[DeadlineResult, Any]) -> None:
    result, kwargs = case
    if result.counting == "custody_days":
        assert isinstance(result.start, date) and result.base_days is not None
        assert (result.base.last_day - result.start).days + 1 == result.base_days
        if result.kind == "tam_giam":
            expected = 30 * kwargs["months"] + kwargs["days"] - kwargs["tam_giu_days"]
            assert result.base_days == expected
        for prev, step in zip(_all_steps(result), result.steps, strict=False):
            assert step.anchor == prev.last_day  # the extension starts the next day
    elif result.counting == "clock":
        assert isinstance(result.start, datetime)
        for step in _all_steps(result):
            value, unit = step.length.split()
            hours = int(value) * (24 if unit == "ngày" else 1)
            assert step.end_moment is not None and isinstance(step.anchor, datetime)
            assert step.end_moment - step.anchor == timedelta(hours=hours)
        if result.kind == "tam_giu":  # each extension runs from the end of the one before
            moments = [result.start, *[s.end_moment for s in _all_steps(result)]]
            assert all(later - earlier == timedelta(hours=72) for earlier, later in pairwise(moments))
    else:
        for step in _all_steps(result):
            raw = step.shifted_from or step.last_day
            assert raw > step.anchor  # day 1 is the day after the trigger


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(1, 60))
def test_day_based_non_custody_is_trigger_plus_n(start: date, n: int) -> None:
    for kind, days in (("khang_cao_ban_an", 15), ("khang_nghi_ban_an_cap_tren", 30), ("khang_cao_quyet_dinh", 7)):
        base = compute(kind, start).base
        assert (base.shifted_from or base.last_day) == start + timedelta(days=days)
        assert base.last_day == CAL.roll_forward(start + timedelta(days=days))
