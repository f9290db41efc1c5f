"""Working-day calendar: base layer (holidays package) + days_off.yaml overrides (FACTS §13)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest

from knowledge.deadlines.calendar import CalendarDataError, WorkCalendar, load_calendar, weekday_vi
from tests import REPO_ROOT


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return load_calendar()


@pytest.mark.parametrize(
    ("day", "off", "reason_part"),
    [
        # Weekends.
        (date(2026, 3, 7), True, "Thứ Bảy"),
        (date(2026, 3, 8), True, "Chủ nhật"),
        (date(2026, 3, 9), False, None),
        # Tết Dương lịch 2026 and the VPCP 12729/VPCP-KGVX swap (missing from the package).
        (date(2026, 1, 1), True, "Tết Dương lịch"),
        (date(2026, 1, 2), True, "Tết Dương lịch"),
        (date(2026, 1, 10), False, None),  # working Saturday
        (date(2026, 1, 17), True, "Thứ Bảy"),  # an ordinary Saturday stays off
        # Tết Nguyên đán 2026 (lunar, from the package).
        (date(2026, 2, 16), True, "Tết Nguyên đán"),
        (date(2026, 2, 17), True, "Tết Nguyên đán"),
        (date(2026, 2, 20), True, "Tết Nguyên đán"),
        (date(2026, 2, 23), False, None),
        # Tết 2025.
        (date(2025, 1, 28), True, "Tết Nguyên đán"),
        (date(2025, 1, 31), True, "Tết Nguyên đán"),
        (date(2025, 2, 3), False, None),
        # Giỗ Tổ 2026 falls on a Sunday: Monday 27/04 is the compensatory day.
        (date(2026, 4, 27), True, "Giỗ Tổ Hùng Vương"),
        # 30/4–1/5 2025 with the swap: Friday 02/05 off, Saturday 26/04 worked.
        (date(2025, 4, 30), True, "30/4"),
        (date(2025, 5, 1), True, "1/5"),
        (date(2025, 5, 2), True, "30/4–1/5"),
        (date(2025, 4, 26), False, None),
        # 2024 swap known only from the package's label: Saturday 04/05/2024 worked.
        (date(2024, 4, 29), True, "thay cho ngày 04/05/2024"),
        (date(2024, 5, 4), False, None),
        # Quốc khánh.
        (date(2025, 9, 1), True, "Quốc khánh"),
        (date(2025, 9, 2), True, "Quốc khánh"),
        (date(2025, 9, 3), False, None),
        # 24/11 "Ngày Văn hóa Việt Nam" was only a draft: not a day off, any year.
        (date(2026, 11, 24), False, None),
        (date(2027, 11, 24), False, None),
    ],
)
def test_days_off_and_reasons(cal: WorkCalendar, day: date, off: bool, reason_part: str | None) -> None:
    assert cal.is_day_off(day) is off
    assert cal.is_working_day(day) is not off
    reason = cal.day_off_reason(day)
    if reason_part is None:
        assert reason is None
    else:
        assert reason is not None and reason_part in reason


def test_the_package_still_lists_the_draft_day_we_remove() -> None:
    # If this fails, the package dropped 24/11/2026 and the removal in days_off.yaml is moot.
    assert date(2026, 11, 24) in holidays.country_holidays("VN", years=2026)


def test_weekday_names() -> None:
    assert [weekday_vi(date(2026, 3, 2) + timedelta(days=i)) for i in range(7)] == [
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
        "Chủ nhật",
    ]


def test_next_and_previous_working_day_across_tet_2026(cal: WorkCalendar) -> None:
    assert cal.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)
    assert cal.previous_working_day(date(2026, 2, 23)) == date(2026, 2, 13)
    # Strictly after / before, even from a working day.
    assert cal.next_working_day(date(2026, 3, 9)) == date(2026, 3, 10)
    assert cal.previous_working_day(date(2026, 3, 9)) == date(2026, 3, 6)
    assert cal.roll_forward(date(2026, 3, 9)) == date(2026, 3, 9)
    assert cal.roll_forward(date(2026, 3, 7)) == date(2026, 3, 9)


def test_add_working_days(cal: WorkCalendar) -> None:
    assert cal.add_working_days(date(2026, 2, 12), 0) == date(2026, 2, 12)
    assert cal.add_working_days(date(2026, 2, 12), 1) == date(2026, 2, 13)
    assert cal.add_working_days(date(2026, 2, 12), 2) == date(2026, 2, 23)
    assert cal.add_working_days(date(2026, 2, 23), -2) == date(2026, 2, 12)
    # The working Saturday 10/01/2026 counts.
    assert cal.add_working_days(date(2026, 1, 9), 1) == date(2026, 1, 10)
    assert cal.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)


def test_holidays_are_looked_up_once_per_year(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = holidays.country_holidays

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(kwargs.get("years"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(holidays, "country_holidays", counting)
    fresh = load_calendar(REPO_ROOT / "knowledge" / "data" / "days_off.yaml")
    for i in range(400):
        fresh.is_day_off(date(2026, 1, 1) + timedelta(days=i))
    # 2028 too: a December Saturday may be a working day swapped for a day in January.
    assert sorted(set(calls)) == [2026, 2027, 2028]
    assert len(calls) == len(set(calls))


def test_default_calendar_is_cached() -> None:
    assert load_calendar() is load_calendar()


# -- validation of the override file ------------------------------------------------------------
def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "days_off.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "years:\n  2026:\n    days_off:\n      - {date: 2026-02-30, name: X}\n",
            ["days_off.yaml", "2026", "days_off", "2026-02-30"],
        ),
        (
            "years:\n  2026:\n    working_saturdays:\n      - {date: 2026-01-09, name: X}\n",
            ["2026", "working_saturdays", "Friday", "not a Saturday"],
        ),
        (
            "years:\n  2026:\n    days_off:\n      - {date: 2026-01-02, name: X}\n      - {date: 2026-01-02, name: Y}\n",
            ["2026", "days_off", "duplicate", "2026-01-02"],
        ),
        ("years:\n  2026:\n    days_off:\n      - {date: 2025-01-02, name: X}\n", ["2026", "not in year 2026"]),
        ("years:\n  2026:\n    days_off:\n      - {date: 2026-01-02}\n", ["2026", "name"]),
        (
            "years:\n  2026:\n    days_off:\n      - {date: 2026-01-10, name: X}\n"
            "    working_saturdays:\n      - {date: 2026-01-10, name: Y}\n",
            ["2026-01-10", "both"],
        ),
        ("years:\n  2026:\n    holidays: []\n", ["2026", "unknown field"]),
        ("remove_every_year:\n  - {month_day: '13-01'}\n", ["remove_every_year", "13-01"]),
        ("years: [1, 2\n", ["not valid YAML"]),
    ],
)
def test_bad_override_files_are_rejected_with_a_clear_message(tmp_path: Path, body: str, expected: list[str]) -> None:
    with pytest.raises(CalendarDataError) as info:
        load_calendar(_write(tmp_path, body))
    for part in expected:
        assert part in str(info.value)


def test_an_override_file_can_restore_a_removed_day_and_add_days(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "remove_every_year:\n  - {month_day: '11-24', name: VH}\n"
        "years:\n  2027:\n    days_off:\n      - {date: 2027-11-24, name: Ngày Văn hóa Việt Nam}\n"
        "      - {date: 2027-03-03, name: Nghỉ đặc biệt}\n"
        "    working_saturdays:\n      - {date: 2027-03-06, name: Làm bù}\n",
    )
    custom = load_calendar(path)
    assert custom.day_off_reason(date(2027, 11, 24)) == "Ngày Văn hóa Việt Nam"
    assert custom.is_day_off(date(2028, 11, 24)) is False  # still removed in other years
    assert custom.day_off_reason(date(2027, 3, 3)) == "Nghỉ đặc biệt"
    assert custom.is_working_day(date(2027, 3, 6))


def test_without_overrides_the_base_layer_shows(tmp_path: Path) -> None:
    bare = load_calendar(_write(tmp_path, "{}\n"))
    assert bare.is_day_off(date(2026, 11, 24))  # the package's draft day
    assert bare.is_working_day(date(2026, 1, 2))  # the announced swap is unknown to it


# -- confirmed years and provisional days off (FACTS §15) ------------------------------------------
def test_a_year_is_confirmed_only_when_the_file_says_so(cal: WorkCalendar) -> None:
    assert cal.is_confirmed(2026) and cal.is_confirmed(2025)
    assert not cal.is_confirmed(2027)  # no official Tết 2027 plan was found


@pytest.mark.parametrize(
    ("day", "provisional"),
    [
        (date(2027, 2, 4), True),  # the package's guess for Tết 2027 (a Thursday)
        (date(2027, 2, 10), True),
        (date(2027, 2, 6), False),  # a Saturday: off whatever the plan says
        (date(2027, 1, 1), False),  # fixed by Đ112 BLLĐ
        (date(2027, 9, 2), False),
        (date(2027, 9, 3), True),  # the day next to 2/9 is chosen each year
        (date(2027, 3, 3), False),  # an ordinary working day
        (date(2026, 2, 17), False),  # 2026 is confirmed
    ],
)
def test_provisional_days_off(cal: WorkCalendar, day: date, provisional: bool) -> None:
    assert cal.is_provisional(day) is provisional


def test_confirming_a_year_removes_the_provisional_mark(tmp_path: Path) -> None:
    file = tmp_path / "days_off.yaml"
    file.write_text("years:\n  2027:\n    confirmed: true\n", encoding="utf-8")
    confirmed = load_calendar(file)
    assert confirmed.is_confirmed(2027) and confirmed.provisional_between(date(2027, 2, 1), date(2027, 2, 28)) == []
    assert confirmed.is_day_off(date(2027, 2, 4))  # still a day off, no longer a guess


def test_confirmed_must_be_a_boolean(tmp_path: Path) -> None:
    file = tmp_path / "days_off.yaml"
    file.write_text("years:\n  2027:\n    confirmed: yes please\n", encoding="utf-8")
    with pytest.raises(CalendarDataError) as info:
        load_calendar(file)
    assert "2027" in str(info.value) and "confirmed" in str(info.value)
