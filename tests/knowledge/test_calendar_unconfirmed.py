"""A swap no official text confirms in a confirmed year (round 10): Monday 31/08/2026 off for Saturday 22/08/2026
comes only from the `holidays` package (citing a Q&A page). The calendar keeps the package's reading, but both
days are `unconfirmed` in days_off.yaml, so a deadline that moves over 31/08 or ends on 22/08 says it may change;
the rest of 2026 stays confirmed. And a shift over an unconfirmed year's day off that is not Tết names its year's
plan, not Tết."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.calendar import CalendarDataError, load_calendar
from knowledge.deadlines.card import format_card

SWAP = "hoán đổi nghỉ thứ Hai 31/08/2026, làm bù thứ Bảy 22/08/2026 (dịp Quốc khánh) chưa có văn bản chính thức"


def test_the_swap_stands_as_the_package_reads_it_but_is_not_confirmed() -> None:
    cal = load_calendar()
    assert cal.is_confirmed(2026)
    assert cal.is_day_off(date(2026, 8, 31)) and not cal.is_day_off(date(2026, 8, 22))
    assert cal.is_provisional(date(2026, 8, 31)) and cal.is_provisional(date(2026, 8, 22))
    assert SWAP in (cal.unconfirmed_reason(date(2026, 8, 22)) or "")
    # the rest of the year's plan is confirmed: Quốc khánh, Tết 2026
    assert not cal.is_provisional(date(2026, 9, 1)) and not cal.is_provisional(date(2026, 2, 17))


def test_a_deadline_moved_over_the_swapped_monday_says_it_may_change() -> None:
    result = compute("khang_cao_ban_an", date(2026, 8, 16))  # 15 days: Monday 31/08 -> Thursday 03/09
    assert (result.base.shifted_from, result.base.last_day) == (date(2026, 8, 31), date(2026, 9, 3))
    assert result.to_json()["provisional_days_off"] == ["2026-08-31"]
    card = format_card(result)
    shift = next(line for line in card.splitlines() if "lùi sang ngày làm việc tiếp theo 03/09/2026" in line)
    assert SWAP in shift and "ngày này có thể thay đổi" in shift and "Tết" not in shift
    assert f"Cảnh báo: {SWAP}" in card


def test_a_deadline_ending_on_the_working_saturday_says_it_may_change() -> None:
    result = compute("khang_cao_ban_an", date(2026, 8, 7))  # 15 days: Saturday 22/08/2026, a working day
    assert result.base.last_day == date(2026, 8, 22) and result.base.shifted_from is None
    assert result.to_json()["provisional_days_off"] == ["2026-08-22"]
    assert f"Cảnh báo: {SWAP}" in format_card(result) and "(22/08/2026)" in format_card(result)


@pytest.mark.parametrize("start", [date(2026, 8, 5), date(2026, 9, 1), date(2026, 3, 2)])
def test_a_deadline_that_does_not_touch_the_swap_has_no_warning(start: date) -> None:
    result = compute("khang_cao_ban_an", start)
    assert result.provisional_days_off == () and "có thể thay đổi" not in format_card(result)


def test_an_unconfirmed_year_s_national_day_is_not_called_tet() -> None:
    # 19/08/2027 + 15 = Friday 03/09/2027, the package's day next to 2/9 (2027 is not confirmed) -> 06/09/2027
    result = compute("khang_cao_ban_an", date(2027, 8, 19))
    assert (result.base.shifted_from, result.base.last_day) == (date(2027, 9, 3), date(2027, 9, 6))
    card = format_card(result)
    assert "lịch nghỉ lễ năm 2027 chưa được công bố chính thức — ngày này có thể thay đổi" in card
    assert "Tết" not in card


def test_an_unconfirmed_day_needs_its_reason(tmp_path: Path) -> None:
    file = tmp_path / "days_off.yaml"
    file.write_text(
        "years:\n  2026:\n    confirmed: true\n    unconfirmed:\n      - date: 2026-08-31\n", encoding="utf-8"
    )
    with pytest.raises(CalendarDataError, match="unconfirmed: each day needs a reason"):
        load_calendar(file)
    file.write_text(
        "years:\n  2026:\n    confirmed: true\n    unconfirmed:\n      - {date: 2026-09-01, reason: chưa rõ}\n",
        encoding="utf-8",
    )
    cal = load_calendar(file)
    assert cal.is_provisional(date(2026, 9, 1)) and not cal.is_provisional(date(2026, 8, 31))
