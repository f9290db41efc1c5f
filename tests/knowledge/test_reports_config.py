"""Report configuration (knowledge/reports/): periods and their keys and labels, due days on
the Vietnamese work calendar (real holidays: Quốc khánh 2026, 30/4–1/5, Tết 2027), reminder
and escalation moments, typed periods, validation of reports.yaml, and reloading that keeps
the old configuration when the new file is wrong."""

from __future__ import annotations

import copy
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from knowledge.deadlines.calendar import WorkCalendar, load_calendar
from knowledge.reports.config import (
    Offset,
    Period,
    ReportBook,
    ReportConfig,
    ReportConfigError,
    ReportType,
    load_reports,
    parse_period,
    parse_reports,
    period_by_key,
    periods_between,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REPORT: dict[str, Any] = {
    "name": "Báo cáo thử",
    "period": "month",
    "due": {"day_of_next_month": 5},
    "reminders": [{"days_before": 0, "at": "08:00"}],
    "escalation": {"working_days_after": 1, "at": "09:00"},
    "applies_to": ["khu_vuc"],
}


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return load_calendar()


def document(report: dict[str, Any] | None = None, code: str = "thu", **top: Any) -> dict[str, Any]:
    return {"version": 1, **top, "reports": {code: report if report is not None else copy.deepcopy(REPORT)}}


def one(report: dict[str, Any] | None = None, **top: Any) -> tuple[ReportConfig, ReportType]:
    config = parse_reports(document(report, **top))
    return config, config.reports["thu"]


def changed(**fields: Any) -> dict[str, Any]:
    report = copy.deepcopy(REPORT)
    report.update(fields)
    return report


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


# -- periods ----------------------------------------------------------------------------------------
def test_month_periods_keys_and_labels() -> None:
    found = periods_between("month", date(2026, 10, 15), date(2026, 11, 3))
    assert found == [
        Period(date(2026, 10, 1), date(2026, 10, 31), "2026-10", "tháng 10/2026"),
        Period(date(2026, 11, 1), date(2026, 11, 30), "2026-11", "tháng 11/2026"),
    ]
    assert period_by_key("month", "2028-02") == Period(date(2028, 2, 1), date(2028, 2, 29), "2028-02", "tháng 02/2028")
    assert period_by_key("month", "2026-02").end == date(2026, 2, 28)


def test_quarter_periods_keys_and_labels() -> None:
    quarters = periods_between("quarter", date(2026, 1, 1), date(2026, 12, 31))
    assert [(q.key, q.label, q.start, q.end) for q in quarters] == [
        ("2026-Q1", "quý I/2026", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-Q2", "quý II/2026", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-Q3", "quý III/2026", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-Q4", "quý IV/2026", date(2026, 10, 1), date(2026, 12, 31)),
    ]


def test_half_year_runs_from_1_december_to_31_may() -> None:
    # A December day belongs to the next year's 6-month period (statistics year, QĐ 358).
    [period] = periods_between("half_year", date(2026, 12, 15), date(2026, 12, 20))
    assert period == Period(
        date(2026, 12, 1), date(2027, 5, 31), "2027-6T", "6 tháng đầu năm 2027 (01/12/2026 – 31/05/2027)"
    )
    # June to November is in no 6-month period.
    assert periods_between("half_year", date(2026, 6, 1), date(2026, 11, 30)) == []
    assert period_by_key("half_year", "2027-6T") == period


def test_year_runs_from_1_december_to_30_november() -> None:
    found = periods_between("year", date(2026, 11, 30), date(2026, 12, 1))
    assert [(p.key, p.start, p.end) for p in found] == [
        ("2026-12T", date(2025, 12, 1), date(2026, 11, 30)),
        ("2027-12T", date(2026, 12, 1), date(2027, 11, 30)),
    ]
    assert found[0].label == "12 tháng năm 2026 (01/12/2025 – 30/11/2026)"


@pytest.mark.parametrize(
    ("rule", "key"),
    [("month", "2026-13"), ("month", "2026-Q4"), ("quarter", "2026-Q5"), ("half_year", "2026-12T"), ("year", "x")],
)
def test_keys_of_another_rule_or_out_of_range_are_not_periods(rule: str, key: str) -> None:
    assert period_by_key(rule, key) is None


# -- typed periods -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "text", "key"),
    [
        ("month", "2026-11", "2026-11"),
        ("month", "11/2026", "2026-11"),
        ("month", "thang 11/2026", "2026-11"),
        ("month", "Tháng 11/2026", "2026-11"),
        ("month", "11.2026", "2026-11"),
        ("month", "11-2026", "2026-11"),
        ("month", " 3 / 2026 ", "2026-03"),
        ("quarter", "2026-Q4", "2026-Q4"),
        ("quarter", "2026-q4", "2026-Q4"),
        ("quarter", "Q4/2026", "2026-Q4"),
        ("quarter", "q4 2026", "2026-Q4"),
        ("quarter", "quy 4/2026", "2026-Q4"),
        ("quarter", "Quý 2/2026", "2026-Q2"),
        ("quarter", "quý IV/2026", "2026-Q4"),  # as the labels show it
        ("quarter", "quy iii/2026", "2026-Q3"),
        ("half_year", "2026", "2026-6T"),
        ("half_year", "2026-6T", "2026-6T"),
        ("half_year", "2026-6t", "2026-6T"),
        ("year", "2026", "2026-12T"),
        ("year", "2026-12T", "2026-12T"),
    ],
)
def test_parse_period_accepts_what_people_type(rule: str, text: str, key: str) -> None:
    period = parse_period(rule, text)
    assert period is not None and period.key == key


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("month", "13/2026"),
        ("month", "0/2026"),
        ("month", "11/1999"),
        ("month", "2026"),  # a month needs one
        ("month", "Q4/2026"),
        ("month", "hôm qua"),
        ("month", ""),
        ("quarter", "Q5/2026"),
        ("quarter", "quý V/2026"),
        ("quarter", "11/2026"),
        ("half_year", "1999"),
        ("half_year", "2101"),
        ("half_year", "2026-12T"),
        ("year", "6T/2026"),
    ],
)
def test_parse_period_refuses_the_rest(rule: str, text: str) -> None:
    assert parse_period(rule, text) is None


# -- due days -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("period", "key", "due", "shift", "expected"),
    [
        # An ordinary Thursday stays.
        ("month", "2026-10", {"day_of_next_month": 5}, "previous", date(2026, 11, 5)),
        # 02/09/2026 Quốc khánh; 01/09 too, Monday 31/08 is the swapped day off, 29–30/08 a weekend.
        ("month", "2026-08", {"day_of_next_month": 2}, "previous", date(2026, 8, 28)),
        ("month", "2026-08", {"day_of_next_month": 2}, "next", date(2026, 9, 3)),
        # 30/04/2026 (Thursday): previous is Wednesday 29/04; next skips 1/5 and the weekend.
        ("month", "2026-03", {"day_of_next_month": 30}, "previous", date(2026, 4, 29)),
        ("month", "2026-03", {"day_of_next_month": 30}, "next", date(2026, 5, 4)),
        # Tết 2027: 04/02 (29 Tết) to 10/02 (mùng năm) are off.
        ("month", "2027-01", {"day_of_next_month": 5}, "previous", date(2027, 2, 3)),
        ("month", "2027-01", {"day_of_next_month": 5}, "next", date(2027, 2, 11)),
        # Day 31 is clamped to the month's last day: 30/06/2026 is a Tuesday ...
        ("month", "2026-05", {"day_of_next_month": 31}, "previous", date(2026, 6, 30)),
        # ... 29/02/2028 (leap year) a Tuesday ...
        ("month", "2028-01", {"day_of_next_month": 31}, "previous", date(2028, 2, 29)),
        # ... 28/02/2026 a Saturday, so it moves like any other day off.
        ("month", "2026-01", {"day_of_next_month": 31}, "previous", date(2026, 2, 27)),
        ("month", "2026-01", {"day_of_next_month": 31}, "next", date(2026, 3, 2)),
        # Working days after the end of the period: August 2026 ends on a day off, then
        # 01/09 and 02/09 are holidays: 03/09 (1), 04/09 (2), Monday 07/09 (3).
        ("month", "2026-08", {"working_days_after_end": 3}, "previous", date(2026, 9, 7)),
        ("month", "2026-12", {"working_days_after_end": 3}, "next", date(2027, 1, 6)),  # 01/01 off
        # Other period rules: the month after the period's end.
        ("quarter", "2026-Q4", {"day_of_next_month": 5}, "previous", date(2027, 1, 5)),
        ("quarter", "2026-Q1", {"day_of_next_month": 30}, "previous", date(2026, 4, 29)),
        ("half_year", "2026-6T", {"day_of_next_month": 5}, "previous", date(2026, 6, 5)),
        ("year", "2026-12T", {"day_of_next_month": 5}, "previous", date(2026, 12, 4)),  # 05/12 a Saturday
        ("year", "2026-12T", {"day_of_next_month": 5}, "next", date(2026, 12, 7)),
    ],
)
def test_due_day(cal: WorkCalendar, period: str, key: str, due: dict[str, int], shift: str, expected: date) -> None:
    config, report = one(changed(period=period, due=due), shift_due_day=shift)
    found = period_by_key(period, key)
    assert found is not None
    assert config.due_day(report, found, cal) == expected
    assert cal.is_working_day(expected)


def test_the_shipped_configuration_is_an_example_and_valid(cal: WorkCalendar) -> None:
    config = load_reports()
    assert config.example is True and config.shift_due_day == "previous"
    assert set(config.reports) == {"cong_tac_thang", "thong_ke_thang", "so_ket_6_thang", "tong_ket_nam"}
    assert {r.period for r in config.reports.values()} == {"month", "half_year", "year"}
    assert all(r.applies("X", "khu_vuc") and not r.applies("P", "tinh") for r in config.reports.values())
    # 05/09/2026 is a Saturday: the monthly work report of August is due on Friday 04/09.
    report = config.reports["cong_tac_thang"]
    august = period_by_key("month", "2026-08")
    assert august is not None
    assert config.due_day(report, august, cal) == date(2026, 9, 4)


# -- reminder and escalation moments --------------------------------------------------------------
def test_shipped_monthly_reminders_count_working_days_across_quoc_khanh(cal: WorkCalendar) -> None:
    config = load_reports()
    report = config.reports["cong_tac_thang"]
    august = period_by_key("month", "2026-08")
    assert august is not None
    schedule = config.schedule(report, august, cal, TZ)
    assert schedule.due == date(2026, 9, 4)
    # 3 working days before Friday 04/09: 03/09 (1), then 02/09, 01/09, 31/08 are off,
    # 28/08 (2), 27/08 (3).
    assert [(m.code, m.at) for m in schedule.reminders] == [
        ("w3@08:00", local(2026, 8, 27, 8)),
        ("d1@08:00", local(2026, 9, 3, 8)),
        ("d0@08:00", local(2026, 9, 4, 8)),
    ]
    assert schedule.escalation.code == "escalation"
    assert schedule.escalation.at == local(2026, 9, 7, 9)  # the next working day, Monday
    assert schedule.useful_until == local(2026, 9, 5, 0)
    assert all(m.at.utcoffset() == timedelta(hours=7) for m in schedule.reminders)


def test_days_before_a_monday_fall_on_the_friday(cal: WorkCalendar) -> None:
    config, report = one(changed(reminders=[{"days_before": 1, "at": "08:00"}, {"days_before": 0, "at": "08:00"}]))
    september = period_by_key("month", "2026-09")
    assert september is not None
    schedule = config.schedule(report, september, cal, TZ)
    assert schedule.due == date(2026, 10, 5)  # a Monday
    assert [m.at for m in schedule.reminders] == [local(2026, 10, 2, 8), local(2026, 10, 5, 8)]


def test_days_before_over_tet_2027_and_escalation_after_it(cal: WorkCalendar) -> None:
    config, report = one(
        changed(
            reminders=[
                {"working_days_before": 3, "at": "08:00"},
                {"days_before": 1, "at": "14:30"},
                {"days_before": 0, "at": "08:00"},
            ]
        )
    )
    january = period_by_key("month", "2027-01")
    assert january is not None
    schedule = config.schedule(report, january, cal, TZ)
    assert schedule.due == date(2027, 2, 3)  # 05/02 is Giao thừa, 04/02 is 29 Tết
    assert [m.at for m in schedule.reminders] == [
        local(2027, 1, 29, 8),
        local(2027, 2, 2, 14, 30),
        local(2027, 2, 3, 8),
    ]
    # One working day after the due day: Tết runs to 10/02.
    assert schedule.escalation.at == local(2027, 2, 11, 9)


def test_coinciding_moments_are_one_reminder(cal: WorkCalendar) -> None:
    # Due Monday 05/10/2026: 1 working day before, 1 day before (Sunday → Friday) and 2 days
    # before (Saturday → Friday) are all Friday 08:00: one reminder, the first listed.
    config, report = one(
        changed(
            reminders=[
                {"working_days_before": 1, "at": "08:00"},
                {"days_before": 1, "at": "08:00"},
                {"days_before": 2, "at": "08:00"},
                {"days_before": 1, "at": "16:00"},
                {"days_before": 0, "at": "08:00"},
            ]
        )
    )
    september = period_by_key("month", "2026-09")
    assert september is not None
    schedule = config.schedule(report, september, cal, TZ)
    assert [(m.code, m.at) for m in schedule.reminders] == [
        ("w1@08:00", local(2026, 10, 2, 8)),
        ("d1@16:00", local(2026, 10, 2, 16)),  # the same day at another time is another reminder
        ("d0@08:00", local(2026, 10, 5, 8)),
    ]


def test_reminders_are_in_time_order_whatever_the_file_order(cal: WorkCalendar) -> None:
    config, report = one(
        changed(
            reminders=[
                {"days_before": 0, "at": "08:00"},
                {"working_days_before": 5, "at": "08:00"},
                {"days_before": 0, "at": "07:00"},
            ]
        )
    )
    october = period_by_key("month", "2026-10")
    assert october is not None
    schedule = config.schedule(report, october, cal, TZ)
    assert [m.at for m in schedule.reminders] == [local(2026, 10, 29, 8), local(2026, 11, 5, 7), local(2026, 11, 5, 8)]


def test_escalation_offset_and_grace_window(cal: WorkCalendar) -> None:
    config, report = one(changed(escalation={"working_days_after": 3, "at": "10:15"}), grace_hours=12)
    august = period_by_key("month", "2026-08")
    assert august is not None
    schedule = config.schedule(report, august, cal, TZ)
    assert schedule.due == date(2026, 9, 4)
    assert schedule.escalation.at == local(2026, 9, 9, 10, 15)  # 07/09 (1), 08/09 (2), 09/09 (3)
    assert schedule.useful_until == local(2026, 9, 5, 12)  # end of the due day + 12 h


def test_offset_codes_and_descriptions() -> None:
    assert Offset(3, True, time(8)).code == "w3@08:00"
    assert Offset(0, False, time(8)).code == "d0@08:00"
    assert Offset(-1, True, time(9)).code == "w-1@09:00"
    assert Offset(3, True, time(8)).describe() == "3 ngày làm việc trước hạn, 08:00"
    assert Offset(1, False, time(8)).describe() == "1 ngày trước hạn, 08:00"
    assert Offset(-1, True, time(9)).describe() == "1 ngày làm việc sau hạn, 09:00"
    assert Offset(0, False, time(8)).describe() == "ngày đến hạn, 08:00"


def test_upcoming_lists_the_next_reminder_of_each_period(cal: WorkCalendar, tmp_path: Path) -> None:
    book = ReportBook(write(tmp_path / "r.yaml", load_reports_raw()), cal)
    now = local(2026, 9, 2, 12)
    upcoming = book.upcoming(TZ, now)
    first = [(s.report.code, s.period.key, s.reminders[i].at) for s, i in upcoming[:2]]
    # Both monthly reports of August remind at 08:00 on 03/09; ties go by code.
    assert first == [
        ("cong_tac_thang", "2026-08", local(2026, 9, 3, 8)),
        ("thong_ke_thang", "2026-08", local(2026, 9, 3, 8)),
    ]
    assert all(s.reminders[i].at > now for s, i in upcoming)
    assert [s.reminders[i].at for s, i in upcoming] == sorted(s.reminders[i].at for s, i in upcoming)


# -- finding a report by what people type ---------------------------------------------------------
def test_find_by_code_or_unique_words() -> None:
    book = ReportBook()
    assert book.find("cong_tac_thang") is book.config.reports["cong_tac_thang"]
    assert book.find("  CONG_TAC_THANG ") is book.config.reports["cong_tac_thang"]
    assert book.find("cong tac") is book.config.reports["cong_tac_thang"]
    assert book.find("thống kê") is book.config.reports["thong_ke_thang"]
    assert book.find("Báo cáo tổng kết năm") is book.config.reports["tong_ket_nam"]
    assert book.find("thang") is None  # three reports have it: ambiguous
    assert book.find("ngan sach") is None
    assert book.find("   ") is None


# -- validation -----------------------------------------------------------------------------------
def _without(*fields: str) -> dict[str, Any]:
    report = copy.deepcopy(REPORT)
    for name in fields:
        del report[name]
    return report


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (document(changed(due={"day_of_next_month": 35})), ["thu.due.day_of_next_month", "'35'", "từ 1 đến 31"]),
        (document(changed(due={"day_of_next_month": 0})), ["day_of_next_month", "'0'"]),
        (document(changed(due={"day_of_next_month": "5"})), ["day_of_next_month", "số nguyên"]),
        (document(changed(due={"day_of_next_month": True})), ["day_of_next_month"]),
        (document(changed(due={"working_days_after_end": 45})), ["working_days_after_end", "từ 1 đến 30"]),
        (document(changed(due={"day_of_next_month": 5, "working_days_after_end": 3})), ["thu.due", "hoặc"]),
        (document(changed(due={"day_of_month": 5})), ["thu.due", "day_of_next_month hoặc working_days_after_end"]),
        (document(changed(period="weekly")), ["thu.period", "'weekly'", "month, quarter, half_year, year"]),
        (document(changed(period="Month")), ["thu.period", "'Month'"]),
        (document(changed(reminders=[{"days_before": 1, "at": "25:00"}])), ["reminders[0]", "'25:00'", "HH:MM"]),
        (document(changed(reminders=[{"days_before": 1, "at": "08:60"}])), ["'08:60'"]),
        (document(changed(reminders=[{"days_before": 1}])), ["reminders[0]", "HH:MM"]),
        (document(changed(reminders=[])), ["thu.reminders", "ít nhất một"]),
        (document(changed(reminders="08:00")), ["thu.reminders"]),
        (document(changed(reminders=[{"days_before": -1, "at": "08:00"}])), ["days_before", "'-1'"]),
        (document(changed(reminders=[{"days_before": 1, "working_days_before": 1, "at": "08:00"}])), ["đúng một"]),
        (document(changed(reminders=[{"weeks_before": 1, "at": "08:00"}])), ["đúng một"]),
        (document(changed(escalation={"working_days_before": 1, "at": "09:00"})), ["escalation", "working_days_after"]),
        (document(changed(escalation={"working_days_after": 0, "at": "09:00"})), ["escalation.working_days_after"]),
        (document(changed(escalation="09:00")), ["thu.escalation", "{working_days_after: N"]),
        (document(_without("due", "applies_to")), ["reports.thu", "thiếu applies_to, due"]),
        (document(_without("name")), ["thiếu name"]),
        (document(changed(name="   ")), ["thu.name", "trống"]),
        (document(changed(applies_to=[])), ["applies_to"]),
        (document(changed(applies_to=["khu_vuc", 3])), ["applies_to"]),
        # A typo of a level would match no unit and nobody would ever be reminded.
        (document(changed(applies_to=["khuvuc"])), ["applies_to", "'khuvuc'", "khu_vuc", "viết hoa"]),
        (document(code="Cong-Tac"), ["mã báo cáo 'Cong-Tac'", "a-z, 0-9, _"]),
        (document(code="a" * 21), ["tối đa 20"]),
        (document(code="thu"), None),  # control: the base document is valid
        (document(shift_due_day="sideways"), ["shift_due_day", "previous hoặc next"]),
        (document(grace_hours=100), ["grace_hours", "'100'"]),
        (document(digest_at="7h30"), ["digest_at", "'7h30'"]),
        ({"reports": {}}, ["cần mục 'reports'"]),
        ({"version": 1}, ["cần mục 'reports'"]),
        ([1, 2], ["cần mục 'reports'"]),
        ({"reports": {"thu": "x"}}, ["reports.thu", "mapping"]),
    ],
)
def test_validation_names_the_report_and_field(data: Any, words: list[str] | None) -> None:
    if words is None:
        assert parse_reports(data).reports["thu"].name == "Báo cáo thử"
        return
    with pytest.raises(ReportConfigError) as caught:
        parse_reports(data)
    message = str(caught.value)
    assert message.startswith("reports.yaml: ")
    for word in words:
        assert word in message


def test_an_unquoted_time_is_refused_with_how_to_write_it(tmp_path: Path) -> None:
    # YAML 1.1 reads an unquoted 9:30 as the number 570.
    text = (
        "reports:\n  thu:\n    name: Thử\n    period: month\n    due: {day_of_next_month: 5}\n"
        "    reminders:\n      - {days_before: 1, at: 9:30}\n"
        '    escalation: {working_days_after: 1, at: "09:00"}\n    applies_to: [khu_vuc]\n'
    )
    assert yaml.safe_load(text)["reports"]["thu"]["reminders"][0]["at"] == 570
    with pytest.raises(ReportConfigError) as caught:
        load_reports(write(tmp_path / "r.yaml", text))
    assert "'570'" in str(caught.value) and 'ví dụ at: "08:00"' in str(caught.value)


def test_unreadable_files_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ReportConfigError, match="không đọc được"):
        load_reports(tmp_path / "missing.yaml")
    with pytest.raises(ReportConfigError, match="không đọc được"):
        load_reports(write(tmp_path / "broken.yaml", "reports: [unclosed"))


# -- reload ---------------------------------------------------------------------------------------
def load_reports_raw() -> str:
    from knowledge.reports.config import REPORTS_FILE

    return REPORTS_FILE.read_text(encoding="utf-8")


def write(path: Path, content: str | dict[str, Any]) -> Path:
    text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("broken", "error_part"),
    [
        (document(changed(due={"day_of_next_month": 35})), "'35'"),
        (document(changed(period="fortnight")), "'fortnight'"),
        (document(changed(reminders=[{"days_before": 1, "at": "25:00"}])), "'25:00'"),
        ("reports: {thu: [", "không đọc được"),
        (None, "không đọc được"),  # the file was deleted
    ],
)
def test_reload_keeps_the_old_configuration_on_error(
    tmp_path: Path, cal: WorkCalendar, broken: dict[str, Any] | str | None, error_part: str
) -> None:
    path = write(tmp_path / "reports.yaml", document())
    book = ReportBook(path, cal)
    before = book.config
    if broken is None:
        path.unlink()
    else:
        write(path, broken)
    error = book.reload()
    assert error is not None and error_part in error
    assert book.config is before
    assert list(book.config.reports) == ["thu"]
    assert book.config.reports["thu"].due_day_of_next_month == 5


def test_reload_takes_a_valid_new_configuration(tmp_path: Path, cal: WorkCalendar) -> None:
    path = write(tmp_path / "reports.yaml", document())
    book = ReportBook(path, cal)
    write(path, document(changed(name="Báo cáo quý", period="quarter", due={"working_days_after_end": 10}), code="quy"))
    assert book.reload() is None
    assert list(book.config.reports) == ["quy"]
    report = book.config.reports["quy"]
    assert (report.name, report.period, report.due_working_days_after_end) == ("Báo cáo quý", "quarter", 10)
    assert book.find("bao cao quy") is report


def test_a_broken_file_at_start_up_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReportConfigError, match="'35'"):
        ReportBook(write(tmp_path / "r.yaml", document(changed(due={"day_of_next_month": 35}))))
