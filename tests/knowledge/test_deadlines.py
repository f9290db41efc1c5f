"""Deadline calculator: FACTS §1 worked examples, day-off shifts, clamps, chains, validation, card."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from knowledge.deadlines.arithmetic import add_months
from knowledge.deadlines.calculator import DeadlineInputError, compute, list_kinds, load_periods
from knowledge.deadlines.calendar import load_calendar
from knowledge.deadlines.card import format_card
from knowledge.deadlines.periods import PeriodDataError, parse_periods

D = date
DT = datetime


# -- FACTS §1 worked examples (official: V; derived: S) ----------------------------------------
@pytest.mark.parametrize(
    ("kind", "start", "kwargs", "last_day", "end_time", "shifted_from"),
    [
        # Tạm giữ 3 days from 10:00 01/03/2018 -> 10:00 04/03/2018 (TTLT 04/2018 Đ17).
        ("tam_giu", DT(2018, 3, 1, 10, 0), {}, D(2018, 3, 4), "10:00", None),
        # Tạm giam 2 months straight after that tạm giữ: 60 - 3 = 57 days, 04/03 to 29/04/2018.
        ("tam_giam", D(2018, 3, 4), {"months": 2, "tam_giu_days": 3}, D(2018, 4, 29), "24:00", None),
        ("tam_giam", D(2018, 3, 4), {"days": 57}, D(2018, 4, 29), "24:00", None),
        # Tạm giữ 6 days, released, re-arrested 11/04/2018 for 2 months: 54 days -> 03/06/2018.
        ("tam_giam", D(2018, 4, 11), {"months": 2, "tam_giu_days": 6}, D(2018, 6, 3), "24:00", None),
        ("tam_giam", D(2018, 4, 11), {"days": 54}, D(2018, 6, 3), "24:00", None),
        # Tạm giam 4 months (120 days) from 15/02/2014 -> 24:00 14/06/2014.
        ("tam_giam", D(2014, 2, 15), {"months": 4}, D(2014, 6, 14), "24:00", None),
        # Derived: judgment Friday 01/03/2024; 16/03 is a Saturday -> Monday 18/03/2024.
        ("khang_cao_ban_an", D(2024, 3, 1), {}, D(2024, 3, 18), "24:00", D(2024, 3, 16)),
        ("khang_nghi_ban_an_cung_cap", D(2024, 3, 1), {}, D(2024, 3, 18), "24:00", D(2024, 3, 16)),
        # Superior VKS, 30 days: Sunday 31/03 -> Monday 01/04/2024.
        ("khang_nghi_ban_an_cap_tren", D(2024, 3, 1), {}, D(2024, 4, 1), "24:00", D(2024, 3, 31)),
        # Crime report received 04/03/2026 -> 20 days end 24/03/2026.
        ("nguon_tin", D(2026, 3, 4), {}, D(2026, 3, 24), "24:00", None),
    ],
)
def test_facts_worked_examples(
    kind: str, start: date, kwargs: dict[str, Any], last_day: date, end_time: str, shifted_from: date | None
) -> None:
    result = compute(kind, start, **kwargs)
    assert result.base.last_day == last_day
    assert result.base.end_time == end_time
    assert result.base.shifted_from == shifted_from


def test_tam_giu_six_days_is_base_plus_first_extension() -> None:
    # Tạm giữ 6 days from 14:00 05/03/2018 -> until 14:00 11/03/2018.
    result = compute("tam_giu", DT(2018, 3, 5, 14, 0))
    first = result.steps[0]
    assert (first.last_day, first.end_time, first.end_moment) == (D(2018, 3, 11), "14:00", DT(2018, 3, 11, 14, 0))
    assert first.running_total == "6 ngày"
    assert (result.max_step.end_moment, result.max_step.running_total) == (DT(2018, 3, 14, 14, 0), "9 ngày")


def test_tam_giam_57_days_counts_both_ends() -> None:
    result = compute("tam_giam", D(2018, 3, 4), months=2, tam_giu_days=3)
    assert result.base_days == 57
    assert (result.base.last_day - result.start).days + 1 == 57  # type: ignore[operator]
    assert "57 ngày" in result.base.running_total


# -- day-off shifts (Đ134 k1) -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "start", "last_day", "shifted_from", "reason_part"),
    [
        # Tết 2025: 13/01 + 15 = Tue 28/01 (Giao thừa) -> Mon 03/02/2025.
        ("khang_cao_ban_an", D(2025, 1, 13), D(2025, 2, 3), D(2025, 1, 28), "Tết Nguyên đán"),
        # Tết 2026: 10/02 + 7 = Tue 17/02 (mùng 1) -> Mon 23/02/2026.
        ("khang_nghi_quyet_dinh_cung_cap", D(2026, 2, 10), D(2026, 2, 23), D(2026, 2, 17), "Tết Nguyên đán"),
        # 2025 swap: 17/04 + 15 = Fri 02/05 (swapped day off) -> Mon 05/05/2025.
        ("khang_cao_ban_an", D(2025, 4, 17), D(2025, 5, 5), D(2025, 5, 2), "30/4–1/5"),
        # 30/4/2026 (Thursday): 15/04 + 15 -> 30/04, 1/5 Fri, weekend -> Mon 04/05/2026.
        ("khang_nghi_ban_an_cung_cap", D(2026, 4, 15), D(2026, 5, 4), D(2026, 4, 30), "30/4"),
        # Quốc khánh 2025: 17/08 + 15 = Mon 01/09 -> Wed 03/09/2025.
        ("khang_cao_ban_an", D(2025, 8, 17), D(2025, 9, 3), D(2025, 9, 1), "Quốc khánh"),
        # The 2026-01-02 override: 26/12/2025 + 7 = Fri 02/01/2026 -> Mon 05/01/2026.
        ("khang_cao_quyet_dinh", D(2025, 12, 26), D(2026, 1, 5), D(2026, 1, 2), "Tết Dương lịch"),
        # Plain weekend.
        ("khang_nghi_quyet_dinh_cap_tren", D(2026, 3, 6), D(2026, 3, 23), D(2026, 3, 21), "Thứ Bảy"),
        ("khang_cao_quyet_dinh", D(2026, 3, 1), D(2026, 3, 9), D(2026, 3, 8), "Chủ nhật"),
        ("dieu_tra_rut_gon", D(2026, 2, 27), D(2026, 3, 19), None, None),
    ],
)
def test_shift_off_days_off(
    kind: str, start: date, last_day: date, shifted_from: date | None, reason_part: str | None
) -> None:
    base = compute(kind, start).base
    assert (base.last_day, base.shifted_from) == (last_day, shifted_from)
    if reason_part:
        assert base.shift_reason is not None and reason_part in base.shift_reason


@pytest.mark.parametrize(
    ("kind", "start"),
    [
        ("khang_cao_ban_an", D(2025, 4, 11)),  # 11/04 + 15 = Saturday 26/04/2025, a working Saturday
        ("khang_cao_quyet_dinh", D(2026, 1, 3)),  # 03/01 + 7 = Saturday 10/01/2026, a working Saturday
    ],
)
def test_working_saturdays_do_not_shift(kind: str, start: date) -> None:
    base = compute(kind, start).base
    assert base.last_day.weekday() == 5
    assert base.shifted_from is None


@pytest.mark.parametrize(
    ("kind", "start", "kwargs", "last_day", "end_time"),
    [
        # Custody ends on the day written, even in Tết or on a holiday (never shifted).
        ("tam_giam_sau_tuyen_an", D(2026, 1, 4), {}, D(2026, 2, 17), "24:00"),
        ("tam_giu", DT(2025, 12, 29, 10, 0), {}, D(2026, 1, 1), "10:00"),
        ("tam_giam", D(2026, 3, 2), {"days": 60}, D(2026, 4, 30), "24:00"),
        ("tam_giam", D(2026, 3, 1), {"days": 7}, D(2026, 3, 7), "24:00"),  # Saturday
        ("giu_khan_cap", DT(2026, 2, 16, 20, 30), {}, D(2026, 2, 17), "08:30"),
        # Ending exactly at midnight reads as 24:00 of the day before.
        ("tam_giu", DT(2026, 3, 1, 0, 0), {}, D(2026, 3, 3), "24:00"),
    ],
)
def test_custody_never_shifts(kind: str, start: date, kwargs: dict[str, Any], last_day: date, end_time: str) -> None:
    result = compute(kind, start, **kwargs)
    assert (result.base.last_day, result.base.end_time, result.base.shifted_from) == (last_day, end_time, None)
    assert all(s.shifted_from is None for s in result.steps)


# -- months, clamps, years ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2025, 12, 31), 2, D(2026, 2, 28)),
        (D(2023, 12, 31), 2, D(2024, 2, 29)),  # leap year
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2026, 3, 31), 3, D(2026, 6, 30)),
        (D(2026, 1, 15), 2, D(2026, 3, 15)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_month_based_period_ends_on_same_numbered_day() -> None:
    result = compute("dieu_tra", D(2026, 1, 15), category="nghiem_trong")
    assert result.base.last_day == D(2026, 4, 15)


def test_clamp_then_shift_then_conservative_chain() -> None:
    # 31/12/2025 + 2 months = 28/02/2026 (no 31/02), a Saturday -> Monday 02/03/2026.
    result = compute("dieu_tra", D(2025, 12, 31), category="it_nghiem_trong")
    assert (result.base.last_day, result.base.shifted_from) == (D(2026, 3, 2), D(2026, 2, 28))
    # The extension chains from the unshifted, clamped 28/02: 28/04 (not 30/04, not 02/05).
    assert result.steps[0].last_day == D(2026, 4, 28)
    assert any("28/02/2026" in n and "cách tính thận trọng" in n for n in result.notes)


def test_extension_anchor_override() -> None:
    result = compute("dieu_tra", D(2025, 12, 31), category="it_nghiem_trong", extension_anchor=D(2026, 3, 2))
    # 02/03 + 2 months = Saturday 02/05/2026 -> Monday 04/05/2026.
    assert (result.steps[0].last_day, result.steps[0].shifted_from) == (D(2026, 5, 4), D(2026, 5, 2))
    assert any("02/03/2026" in n for n in result.notes)
    assert not any("cách tính thận trọng" in n for n in result.notes)


def test_giam_doc_tham_one_year_from_leap_day() -> None:
    base = compute("giam_doc_tham", D(2024, 2, 29)).base
    assert (base.last_day, base.shifted_from) == (D(2025, 2, 28), None)
    # 1 year from 30/08/2024 = Saturday 30/08/2025 -> 31/08 Sunday, 01–02/09 Quốc khánh -> 03/09/2025.
    assert compute("giam_doc_tham", D(2024, 8, 30)).base.last_day == D(2025, 9, 3)


# -- chained extensions --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("category", "ends"),
    [
        ("it_nghiem_trong", [D(2025, 3, 17), D(2025, 5, 15)]),  # 15/03 Saturday; chain from 15/03
        ("nghiem_trong", [D(2025, 4, 15), D(2025, 7, 15), D(2025, 9, 15)]),
        ("rat_nghiem_trong", [D(2025, 5, 15), D(2025, 9, 15), D(2026, 1, 15)]),
        # FACTS §15: Đ172 k3 lets the VT VKSNDTC extend an ĐBNT investigation once more by 4 months (20 in all).
        ("dac_biet_nghiem_trong", [D(2025, 5, 15), D(2025, 9, 15), D(2026, 1, 15), D(2026, 5, 15), D(2026, 9, 15)]),
    ],
)
def test_dieu_tra_extensions_by_category(category: str, ends: list[date]) -> None:
    result = compute("dieu_tra", D(2025, 1, 15), category=category)
    assert [result.base.last_day, *[s.last_day for s in result.steps]] == ends
    max_months = {"it_nghiem_trong": 4, "nghiem_trong": 8, "rat_nghiem_trong": 12, "dac_biet_nghiem_trong": 20}
    assert result.max_step.running_total == f"{max_months[category]} tháng"


@pytest.mark.parametrize(
    ("category", "base_end", "ext_end"),
    [
        # Received Monday 02/03/2026: +20 = 22/03 Sunday -> 23/03; extension 10 from 22/03 = 01/04.
        ("nghiem_trong", D(2026, 3, 23), D(2026, 4, 1)),
        ("rat_nghiem_trong", D(2026, 4, 1), D(2026, 4, 16)),
        ("dac_biet_nghiem_trong", D(2026, 4, 1), D(2026, 5, 4)),  # 01/05 holiday, weekend -> 04/05
    ],
)
def test_truy_to(category: str, base_end: date, ext_end: date) -> None:
    result = compute("truy_to", D(2026, 3, 2), category=category)
    assert (result.base.last_day, result.steps[0].last_day) == (base_end, ext_end)


def test_chuan_bi_xet_xu_mixed_units() -> None:
    result = compute("chuan_bi_xet_xu", D(2026, 3, 2), category="rat_nghiem_trong")
    assert result.base.last_day == D(2026, 5, 4)  # 02/05 Saturday -> Monday 04/05
    assert result.steps[0].last_day == D(2026, 6, 1)  # 02/05 + 30 days = 01/06 Monday
    assert result.steps[0].running_total == "2 tháng + 30 ngày"


def test_nguon_tin_complex_and_extension() -> None:
    result = compute("nguon_tin", D(2026, 3, 4))
    complex_, extension = result.steps
    assert complex_.last_day == D(2026, 5, 4)  # 2 months from receipt, not from day 20
    assert (extension.last_day, extension.shifted_from) == (D(2026, 7, 6), D(2026, 7, 4))
    assert extension.running_total == "4 tháng"


def test_xet_xu_rut_gon_hearing_after_decision() -> None:
    # Đ462 k2: the hearing within 7 days of the decision, not of the end of the 10 days (19/03 was too late).
    result = compute("xet_xu_rut_gon", D(2026, 3, 2))
    assert result.base.last_day == D(2026, 3, 12)
    assert result.steps == () and [a.decision for a in result.awaiting] == ["đưa vụ án ra xét xử"]
    decided = compute("xet_xu_rut_gon", D(2026, 3, 2), decided_on=D(2026, 3, 5))
    assert [(s.last_day, s.decided_on) for s in decided.steps] == [(D(2026, 3, 12), D(2026, 3, 5))]
    assert decided.awaiting == ()


def test_tam_giam_dieu_tra_chain_with_deduction() -> None:
    # NT: 3 months (90 days) - 3 days tạm giữ from 04/03/2018 -> 87 days -> 29/05/2018;
    # extension 2 months (60 days) from the next day -> 28/07/2018.
    result = compute("tam_giam_dieu_tra", D(2018, 3, 4), category="nghiem_trong", tam_giu_days=3)
    assert result.base.last_day == D(2018, 5, 29)
    assert [s.last_day for s in result.steps] == [D(2018, 7, 28)]
    assert result.max_step.running_total == "5 tháng, trừ 3 ngày tạm giữ = 147 ngày"


@pytest.mark.parametrize(
    ("category", "anqg", "totals"),
    [
        ("it_nghiem_trong", False, [60, 90]),
        ("it_nghiem_trong", True, [60, 90, 210]),  # + 4 months; no second ANQG step for ít NT
        ("nghiem_trong", True, [90, 150, 270, 300]),  # + 4 months, + 1 month
        ("rat_nghiem_trong", True, [120, 210, 330, 390]),  # + 4, + 2
        ("dac_biet_nghiem_trong", False, [120, 240, 360, 480]),  # Đ173 k6: + 4 months (FACTS §15)
        ("dac_biet_nghiem_trong", True, [120, 240, 360, 480, 600]),  # + 4, + 4
    ],
)
def test_tam_giam_dieu_tra_and_the_anqg_rule(category: str, anqg: bool, totals: list[int]) -> None:
    start = D(2026, 1, 1)
    result = compute("tam_giam_dieu_tra", start, category=category, anqg=anqg)
    lasts = [result.base.last_day, *[s.last_day for s in result.steps]]
    assert [(d - start).days + 1 for d in lasts] == totals
    if anqg:
        anqg_steps = [s for s in result.steps if "an ninh quốc gia" in s.label]
        assert anqg_steps and all(s.basis == "Điều 173 khoản 5 BLTTHS 2015" for s in anqg_steps)
        assert all("Viện trưởng VKSND tối cao" in (s.approver or "") for s in anqg_steps)


@pytest.mark.parametrize(("anqg", "basis"), [(True, "Điều 173 khoản 5"), (False, "Điều 173 khoản 6")])
def test_dbnt_detention_until_the_investigation_ends_is_open_ended(anqg: bool, basis: str) -> None:
    # FACTS §15: k5 (ANQG) and k6 (ĐBNT not ANQG) both allow detention until the investigation ends.
    result = compute("tam_giam_dieu_tra", D(2026, 1, 1), category="dac_biet_nghiem_trong", anqg=anqg)
    assert [s.basis.split(" BLTTHS")[0] for s in result.open_steps] == [basis]
    assert "Viện trưởng VKSND tối cao" in (result.open_steps[0].approver or "")
    data = result.to_json()
    assert data["open_ended"] is True
    last = data["steps"][-1]
    assert (last["open_ended"], last["last_day"], last["special"]) == (True, None, True)
    assert data["max_last_day"] == result.max_step.last_day.isoformat() != last["last_day"]
    card = format_card(result)
    assert "cho đến khi kết thúc việc điều tra — luật không định ngày cụ thể" in card
    other = compute("tam_giam_dieu_tra", D(2026, 1, 1), category="nghiem_trong", anqg=True)
    assert not other.open_steps and other.to_json()["open_ended"] is False


def test_dbnt_non_anqg_detention_has_the_vkstc_extension() -> None:
    # FACTS §15: the KB said non-ANQG ĐBNT detention stops at 12 months; Đ173 k6 allows 4 more.
    result = compute("tam_giam_dieu_tra", D(2026, 1, 1), category="dac_biet_nghiem_trong")
    extra = result.steps[-1]
    assert (extra.special, extra.basis, extra.running_total) == (
        True,
        "Điều 173 khoản 6 BLTTHS 2015",
        "16 tháng = 480 ngày",
    )
    assert "Viện trưởng VKSND tối cao" in (extra.approver or "")
    # Đ173 k6 grants it "trong trường hợp cần thiết"; only the open-ended step after it is "trường hợp đặc biệt".
    assert "trường hợp cần thiết" in extra.label and "trường hợp đặc biệt" not in extra.label


def test_dieu_tra_dbnt_reaches_twenty_months_with_the_special_step() -> None:
    # The done-when: dieu_tra 2026-01-10 ĐBNT has the VT VKSNDTC step and max_last_day includes it.
    data = compute("dieu_tra", D(2026, 1, 10), category="dac_biet_nghiem_trong").to_json()
    special = [s for s in data["steps"] if s["special"]]
    assert len(special) == 1 and special[0]["basis"] == "Điều 172 khoản 3 BLTTHS 2015"
    assert "Viện trưởng VKSND tối cao" in special[0]["approver"] and "rất phức tạp" in special[0]["label"]
    assert data["max_last_day"] == special[0]["last_day"] == "2027-09-10"  # 10/01/2026 + 20 months (a Friday)
    anqg = compute("dieu_tra", D(2026, 1, 10), category="nghiem_trong", anqg=True)
    assert anqg.steps[-1].basis == "Điều 172 khoản 3 đoạn 2 BLTTHS 2015" and anqg.steps[-1].length == "4 tháng"
    dbnt_anqg = compute("dieu_tra", D(2026, 1, 10), category="dac_biet_nghiem_trong", anqg=True)
    assert sum(s.special for s in dbnt_anqg.steps) == 1  # one extra extension, not two


def test_tam_giu_second_extension_is_special_and_in_khoan_2() -> None:
    result = compute("tam_giu", DT(2018, 3, 5, 14, 0))
    assert [s.special for s in result.steps] == [False, True]
    assert all(s.basis == "Điều 118 khoản 2 BLTTHS 2015" for s in result.steps)


def test_approver_is_flagged_after_1_july_2025() -> None:
    before = compute("truy_to", D(2025, 5, 2), category="nghiem_trong").steps[0]
    after = compute("truy_to", D(2025, 8, 4), category="nghiem_trong").steps[0]
    assert before.approver == "Viện trưởng Viện kiểm sát"
    assert after.approver is not None and "cần đối chiếu văn bản hợp nhất" in after.approver


def test_aware_start_is_converted_to_vietnam_time() -> None:
    result = compute("tam_giu", DT(2018, 3, 1, 3, 0, tzinfo=UTC))
    assert result.start == DT(2018, 3, 1, 10, 0)
    assert result.base.end_time == "10:00"


# -- validation -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "kwargs", "parts"),
    [
        (("tam_giuu", D(2026, 3, 2)), {}, ["tam_giuu", "tam_giu", "khang_cao_ban_an"]),
        (("thoi_hieu_truy_cuu", D(2026, 3, 2)), {}, ["không tính", "Điều 27"]),  # tai_tham is computed (round 10)
        (("dieu_tra", D(2026, 3, 2)), {}, ["loại tội", "rat_nghiem_trong"]),
        (("dieu_tra", D(2026, 3, 2)), {"category": "nang"}, ["nang", "không hợp lệ", "it_nghiem_trong"]),
        (("tam_giam", D(2026, 3, 2)), {}, ["số tháng", "--months"]),
        (("tam_giam", D(2026, 3, 2)), {"months": -1}, ["không được âm", "-1"]),
        (("tam_giam", D(2026, 3, 2)), {"months": 40}, ["40", "tối đa 12"]),
        (("tam_giam", D(2026, 3, 2)), {"months": 0, "days": 0}, ["lớn hơn 0"]),
        (("tam_giam", D(2026, 3, 2)), {"months": 11, "days": 300}, ["630 ngày", "bất thường"]),
        (("tam_giam", D(2026, 3, 2)), {"days": 3, "tam_giu_days": 3}, ["nhỏ hơn", "3 ngày"]),
        (("tam_giam", D(2026, 3, 2)), {"months": 2, "tam_giu_days": 10}, ["tạm giữ", "10", "9"]),
        (("khang_cao_ban_an", D(2026, 3, 2)), {"days": 20}, ["luật định", "tam_giam"]),
        (("khang_cao_ban_an", D(2026, 3, 2)), {"tam_giu_days": 2}, ["Tạm giam để điều tra"]),  # names, not ids
        (("khang_cao_ban_an", D(2026, 3, 2)), {"anqg": True}, ["ANQG", "Tạm giam để điều tra", "Điều tra vụ án"]),
        (("tam_giu", D(2026, 3, 2)), {}, ["giờ bắt đầu"]),
        (("tam_giu", DT(2026, 3, 2, 8)), {"extension_anchor": D(2026, 3, 5)}, ["mốc"]),
        (("khang_cao_ban_an", D(2026, 3, 2)), {"extension_anchor": D(2026, 3, 5)}, ["mốc"]),
        (("dieu_tra", D(2026, 3, 2)), {"category": "nghiem_trong", "extension_anchor": D(2026, 1, 1)}, ["sớm hơn"]),
        (("khang_cao_ban_an", D(1960, 3, 2)), {"today": D(2026, 5, 1)}, ["50 năm", "02/03/1960"]),
        (("khang_cao_ban_an", D(2080, 3, 2)), {"today": D(2026, 5, 1)}, ["50 năm"]),
        (("khang_cao_ban_an", "2026-03-02"), {}, ["YYYY-MM-DD"]),
    ],
)
def test_bad_input_says_what_is_wrong(args: tuple[Any, ...], kwargs: dict[str, Any], parts: list[str]) -> None:
    with pytest.raises(DeadlineInputError) as info:
        compute(*args, **kwargs)
    for part in parts:
        assert part in info.value.message_vi


def test_category_is_ignored_where_it_does_not_matter() -> None:
    result = compute("khang_cao_ban_an", D(2024, 3, 1), category="nghiem_trong")
    assert result.category is None and result.base.last_day == D(2024, 3, 18)


def test_period_table_is_validated() -> None:
    good = {
        "categories": {"a": "A"},
        "kinds": {
            "k": {
                "label": "K",
                "basis": "B",
                "status": "V",
                "counting": "calendar",
                "trigger": "T",
                "base": {"label": "x", "length": "3x"},
            },
        },
    }
    with pytest.raises(PeriodDataError, match="3x"):
        parse_periods(good)
    good["kinds"]["k"]["base"]["length"] = "12h"
    with pytest.raises(PeriodDataError, match="hours"):
        parse_periods(good)
    good["kinds"]["k"]["status"] = "U"
    with pytest.raises(PeriodDataError, match="status"):
        parse_periods(good)


# -- JSON shape, menu, card ---------------------------------------------------------------------------
def test_json_shape_is_exact() -> None:
    data = compute("tam_giam_dieu_tra", D(2026, 3, 4), category="rat_nghiem_trong").to_json()
    assert list(data) == [
        "kind",
        "start",
        "last_day",
        "end_time",
        "shifted_from",
        "basis",
        "steps",
        "max_last_day",
        "max_end_time",
        "open_ended",
        "provisional_days_off",
        "stage_start",
        "stage_cap_unknown",
        "stage_warning",
        "awaiting",
    ]
    assert data["start"] == "2026-03-04"
    step_keys = [
        "label",
        "length",
        "last_day",
        "end_time",
        "shifted_from",
        "special",
        "approver",
        "basis",
        "open_ended",
        "capped_from",
        "decided_on",
    ]
    assert all(list(step) == step_keys for step in data["steps"])
    assert (data["last_day"], data["end_time"]) == ("2026-07-01", "24:00")  # 4 × 30 days, day 1 = 04/03
    assert (data["max_last_day"], data["max_end_time"]) == ("2026-09-29", "24:00")
    clock = compute("tam_giu", DT(2026, 3, 4, 7, 5)).to_json()
    assert (clock["start"], clock["end_time"], clock["max_end_time"]) == ("2026-03-04 07:05", "07:05", "07:05")
    shifted = compute("khang_cao_ban_an", D(2024, 3, 1)).to_json()
    assert (shifted["shifted_from"], shifted["steps"], shifted["max_last_day"]) == ("2024-03-16", [], "2024-03-18")


def test_list_kinds_covers_the_required_kinds() -> None:
    kinds = {k.kind: k for k in list_kinds()}
    required = {
        "giu_khan_cap",
        "tam_giu",
        "tam_giam",
        "tam_giam_dieu_tra",
        "dieu_tra",
        "nguon_tin",
        "truy_to",
        "chuan_bi_xet_xu",
        "khang_cao_ban_an",
        "khang_cao_quyet_dinh",
        "khang_nghi_ban_an_cung_cap",
        "khang_nghi_ban_an_cap_tren",
        "khang_nghi_quyet_dinh_cung_cap",
        "khang_nghi_quyet_dinh_cap_tren",
        "giam_doc_tham",
        "tam_giam_sau_tuyen_an",
        "dieu_tra_rut_gon",
        "xet_xu_rut_gon",
    }
    assert required <= set(kinds)
    assert kinds["truy_to"].needs_category and not kinds["truy_to"].needs_length
    assert kinds["tam_giam"].needs_length and kinds["tam_giam"].accepts_tam_giu_days
    assert kinds["tam_giu"].needs_time and kinds["tam_giam_dieu_tra"].supports_anqg
    assert all(k.label and k.status in ("V", "S") for k in kinds.values())
    assert not set(load_periods().not_computed) & set(kinds)


def test_every_kind_computes() -> None:
    for info in list_kinds():
        start: date = DT(2026, 3, 4, 9, 0) if info.needs_time else D(2026, 3, 4)
        kwargs: dict[str, Any] = {"category": "nghiem_trong"} if info.needs_category else {}
        if info.needs_length:
            kwargs["months"] = 1
        result = compute(info.kind, start, **kwargs)
        card = format_card(result)
        assert result.label.upper() in card and "Căn cứ:" in card


def test_card_for_custody_shows_both_lines() -> None:
    card = format_card(compute("tam_giam", D(2018, 3, 4), months=2, tam_giu_days=3))
    assert "Ngày cuối cùng: Chủ nhật 29/04/2018" in card
    assert "Trả tự do chậm nhất: 24:00 ngày 29/04/2018" in card
    assert "57 ngày" in card and "Đã trừ 3 ngày tạm giữ" in card
    card = format_card(compute("tam_giu", DT(2018, 3, 1, 10, 0)))
    assert "Trả tự do chậm nhất: 10:00 ngày 04/03/2018" in card
    assert "10:00 Thứ Bảy 10/03/2018" in card  # after both extensions


def test_card_for_a_shifted_protest() -> None:
    card = format_card(compute("khang_cao_ban_an", D(2024, 3, 1)))
    assert "hết 24:00 Thứ Hai 18/03/2024" in card
    assert "16/03/2024 là ngày nghỉ: Thứ Bảy" in card
    # Đ333 k1 read in the codified text (FACTS §15): V, so no "secondary source" warning on the basis;
    # the shift of a day-counted limit off a day off is practice (FACTS §1, S): said in a note.
    assert "Căn cứ: Điều 333 khoản 1 BLTTHS 2015\n" in card and "nên đối chiếu văn bản" not in card
    assert "lùi sang ngày làm việc tiếp theo: theo hướng dẫn (NQ 05/2005/NQ-HĐTP), nguồn thứ cấp" in card
    for markdown in ("*", "_", "`", "#", "**"):
        assert markdown not in card
    assert max(len(line) for line in card.splitlines()) < 200


def test_card_shows_approver_and_open_point() -> None:
    card = format_card(compute("dieu_tra", D(2025, 12, 31), category="it_nghiem_trong"))
    assert "Thẩm quyền: cần đối chiếu văn bản hợp nhất" in card
    assert "cách tính thận trọng" in card
    assert "Tối đa nếu được gia hạn đủ: hết 24:00 Thứ Ba 28/04/2026" in card


def test_unchanged_inputs_give_unchanged_results() -> None:
    a = compute("dieu_tra", D(2026, 3, 4), category="nghiem_trong")
    b = compute("dieu_tra", D(2026, 3, 4), category="nghiem_trong")
    assert a == b
    assert a.base.last_day - D(2026, 3, 4) > timedelta(days=80)


# -- provisional days off (FACTS §15: Tết 2027 not announced) ------------------------------------------
def test_a_shift_over_an_unconfirmed_tet_is_provisional() -> None:
    # 20/01/2027 + 15 = Thursday 04/02/2027, the package's guess for Tết 2027 -> Thursday 11/02/2027.
    result = compute("khang_cao_ban_an", D(2027, 1, 20))
    assert (result.base.shifted_from, result.base.last_day) == (D(2027, 2, 4), D(2027, 2, 11))
    data = result.to_json()
    assert data["provisional_days_off"] == ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"]
    card = format_card(result)
    assert "lịch nghỉ Tết 2027 chưa được công bố chính thức — ngày này có thể thay đổi" in card


def test_no_provisional_warning_without_a_shift_or_in_a_confirmed_year() -> None:
    assert compute("khang_cao_ban_an", D(2027, 3, 1)).to_json()["provisional_days_off"] == []
    tet_2026 = compute("khang_cao_ban_an", D(2026, 2, 1))  # 16/02/2026: confirmed Tết -> no warning
    assert tet_2026.base.shifted_from is not None and tet_2026.provisional_days_off == ()
    assert "chưa được công bố" not in format_card(tet_2026)


def test_custody_over_an_unconfirmed_tet_never_carries_the_warning() -> None:
    result = compute("tam_giam_dieu_tra", D(2027, 1, 20), category="it_nghiem_trong")
    assert result.provisional_days_off == () and "chưa được công bố" not in format_card(result)
    held = compute("tam_giu", DT(2027, 2, 3, 9, 0))
    assert held.to_json()["provisional_days_off"] == []


def test_a_confirmed_calendar_drops_the_warning(tmp_path: Path) -> None:
    file = tmp_path / "days_off.yaml"
    file.write_text("years:\n  2027:\n    confirmed: true\n", encoding="utf-8")
    result = compute("khang_cao_ban_an", D(2027, 1, 20), calendar=load_calendar(file))
    assert result.base.last_day == D(2027, 2, 11) and result.provisional_days_off == ()


# -- kinds added from the articles (issue 14): expected values counted by hand from the text ---------------
@pytest.mark.parametrize(
    ("kind", "start", "category", "ends"),
    [
        # Đ461: 5 days from receipt; Mon 02/03/2026 + 5 = Sat 07/03 -> Mon 09/03/2026.
        ("truy_to_rut_gon", D(2026, 3, 2), None, [D(2026, 3, 9)]),
        # Đ459 k3: 20 / 5 / 17 / 22 days of detention, the start day being day 1.
        ("tam_giam_rut_gon_dieu_tra", D(2026, 3, 2), None, [D(2026, 3, 21)]),
        ("tam_giam_rut_gon_truy_to", D(2026, 3, 2), None, [D(2026, 3, 6)]),
        ("tam_giam_rut_gon_so_tham", D(2026, 3, 2), None, [D(2026, 3, 18)]),
        ("tam_giam_rut_gon_phuc_tham", D(2026, 3, 2), None, [D(2026, 3, 23)]),
        # Đ464 k2: 15 days to decide; the hearing's 7 days run from the decision (k3): no day without it.
        ("xet_xu_phuc_tham_rut_gon", D(2026, 3, 2), None, [D(2026, 3, 17)]),
        # Đ241 + Đ240 k1: RNT 30 days (+15), ĐBNT 30 days (+30), as detention days.
        ("tam_giam_truy_to", D(2026, 3, 2), "rat_nghiem_trong", [D(2026, 3, 31), D(2026, 4, 15)]),
        ("tam_giam_truy_to", D(2026, 3, 2), "dac_biet_nghiem_trong", [D(2026, 3, 31), D(2026, 4, 30)]),
        # Đ278 k2 + Đ277 k1: NT 45 days (+15); RNT 2 months = 60 days (+30).
        ("tam_giam_chuan_bi_xet_xu", D(2026, 3, 2), "nghiem_trong", [D(2026, 4, 15), D(2026, 4, 30)]),
        ("tam_giam_chuan_bi_xet_xu", D(2026, 3, 2), "rat_nghiem_trong", [D(2026, 4, 30), D(2026, 5, 30)]),
        # Đ174 k1: ít NT 2 months (Sat 02/05 -> Mon 04/05) + 1 month from the unshifted end;
        # ĐBNT 3 months + 3 months: 02/09/2026 is Quốc khánh -> Thu 03/09/2026.
        ("phuc_hoi_dieu_tra", D(2026, 3, 2), "it_nghiem_trong", [D(2026, 5, 4), D(2026, 6, 2)]),
        ("phuc_hoi_dieu_tra", D(2026, 3, 2), "dac_biet_nghiem_trong", [D(2026, 6, 2), D(2026, 9, 3)]),
        # Đ174 k2: 2 months (VKS) / 1 month (court) from the day the CQĐT gets the file back.
        ("dieu_tra_bo_sung_vks", D(2026, 3, 2), None, [D(2026, 5, 4)]),
        ("dieu_tra_bo_sung_toa_an", D(2026, 3, 2), None, [D(2026, 4, 2)]),
        # Đ346: 45 days to decide; hearing within 60 days of receipt (Fri 01/05 holiday -> Mon 04/05).
        ("chuan_bi_xet_xu_phuc_tham", D(2026, 3, 2), None, [D(2026, 4, 16), D(2026, 5, 4)]),
        ("tam_giam_phuc_tham", D(2026, 3, 2), None, [D(2026, 4, 30)]),
        ("tam_giam_sau_phuc_tham", D(2026, 3, 2), None, [D(2026, 4, 15)]),
        # Đ385: 4 months from receiving the protest and the file.
        ("mo_phien_toa_giam_doc_tham", D(2026, 3, 2), None, [D(2026, 7, 2)]),
        # Đ338: 7 days from the end of the appeal period; 2 days to send a protest (Sat -> Mon).
        ("thong_bao_khang_cao", D(2026, 3, 17), None, [D(2026, 3, 24)]),
        ("gui_quyet_dinh_khang_nghi", D(2026, 3, 5), None, [D(2026, 3, 9)]),
        # Đ179 k3, Đ119 k5: 3 days; Thu 05/03 + 3 = Sun 08/03 -> Mon 09/03.
        ("phe_chuan_khoi_to_bi_can", D(2026, 3, 5), None, [D(2026, 3, 9)]),
        ("phe_chuan_lenh_tam_giam", D(2026, 3, 2), None, [D(2026, 3, 5)]),
        # Đ230 k3: 15 days; Đ481 k3: 30 days, complex up to 60 days from receipt (01/05 -> 04/05).
        ("vks_xem_xet_dinh_chi_dieu_tra", D(2026, 3, 2), None, [D(2026, 3, 17)]),
        ("giai_quyet_to_cao", D(2026, 3, 2), None, [D(2026, 4, 1), D(2026, 5, 4)]),
    ],
)
def test_new_kinds_follow_their_articles(kind: str, start: date, category: str | None, ends: list[date]) -> None:
    result = compute(kind, start, category=category)
    assert [result.base.last_day, *[s.last_day for s in result.steps]] == ends
    assert result.status == "V" and "BLTTHS 2015" in result.basis


@pytest.mark.parametrize(
    ("kind", "start", "ends"),
    [
        # Đ457 k1: 24 hours from the moment the conditions are met.
        ("ap_dung_rut_gon", DT(2026, 3, 2, 8, 0), [DT(2026, 3, 3, 8, 0)]),
        # Đ474 k1: 24 hours; up to 3 days (counted as 72 hours) when more checking is needed.
        ("giai_quyet_khieu_nai_giam_giu", DT(2026, 3, 2, 9, 30), [DT(2026, 3, 3, 9, 30), DT(2026, 3, 5, 9, 30)]),
    ],
)
def test_new_clock_kinds(kind: str, start: datetime, ends: list[datetime]) -> None:
    result = compute(kind, start)
    assert [result.base.end_moment, *[s.end_moment for s in result.steps]] == ends


def test_limitation_periods_are_refused_with_the_reason() -> None:
    for kind, reason in (("thoi_hieu_truy_cuu", "Điều 27"), ("thoi_hieu_thi_hanh_ban_an", "Điều 60")):
        with pytest.raises(DeadlineInputError) as info:
            compute(kind, D(2026, 3, 2))
        assert reason in info.value.message_vi and "tính lại" in info.value.message_vi


@pytest.mark.parametrize("kind", [k.kind for k in list_kinds()])
def test_every_kind_marks_special_steps_and_keeps_open_ones_out_of_the_maximum(kind: str) -> None:
    info = {k.kind: k for k in list_kinds()}[kind]
    start: date | datetime = DT(2026, 3, 2, 9, 0) if info.needs_time else D(2026, 3, 2)
    lengths = {"months": 2} if info.needs_length else {}
    categories = list(load_periods().categories) if info.needs_category else [None]
    for category in categories:
        for anqg in (False, True) if info.supports_anqg else (False,):
            result = compute(kind, start, category=category, anqg=anqg, **lengths)
            for step in result.steps:
                # an exceptional step says its own condition (the law's words) and who grants it
                assert not step.special or ("(" in step.label and step.approver), step.label
            data = result.to_json()
            assert data["max_last_day"] == result.max_step.last_day.isoformat()
            assert all(s["open_ended"] for s in data["steps"][len(result.steps) :])
            assert data["open_ended"] == bool(result.open_steps)
            if result.custody:
                assert data["provisional_days_off"] == []


@pytest.mark.parametrize(
    ("kind", "category"), [("tam_giam_chuan_bi_xet_xu", "nghiem_trong"), ("tam_giam_phuc_tham", None)]
)
def test_detention_until_the_hearing_ends_is_open_but_not_special(kind: str, category: str | None) -> None:
    # Đ278 k3, Đ347 k2: the trial panel may detain until the hearing ends; no date, not an exceptional case.
    result = compute(kind, D(2026, 3, 2), category=category)
    assert [(s.until, s.special) for s in result.open_steps] == [("kết thúc phiên tòa", False)]
    assert "Hội đồng xét xử" in (result.open_steps[0].approver or "")
    card = format_card(result)
    assert "cho đến khi kết thúc phiên tòa — luật không định ngày cụ thể" in card and "trường hợp đặc biệt" not in card


def test_detention_for_supplementary_investigation() -> None:
    # Đ174 k2, k4: 2 months (VKS) = 60 days, 1 month (court) = 30 days of detention, day 1 = the start day.
    assert compute("tam_giam_dieu_tra_bo_sung_vks", D(2026, 3, 2)).base.last_day == D(2026, 4, 30)
    assert compute("tam_giam_dieu_tra_bo_sung_toa_an", D(2026, 3, 2)).base.last_day == D(2026, 3, 31)


def test_working_days_count_over_an_unconfirmed_tet() -> None:
    # Luật THAHS Đ22 k2: 3 working days. From Mon 02/03/2026: Tue, Wed, Thu -> 05/03/2026, nothing provisional.
    plain = compute("gui_quyet_dinh_thi_hanh_an_phat_tu", D(2026, 3, 2))
    assert (plain.base.last_day, plain.base.length, plain.provisional_days_off) == (
        D(2026, 3, 5),
        "3 ngày làm việc",
        (),
    )
    # From Wed 03/02/2027 the count runs over the guessed Tết (04–10/02): Thu 11, Fri 12, Mon 15/02/2027.
    over = compute("gui_quyet_dinh_thi_hanh_an_phat_tu", D(2027, 2, 3))
    assert over.base.last_day == D(2027, 2, 15) and over.base.shifted_from is None
    assert [d.day for d in over.provisional_days_off] == [4, 5, 8, 9, 10]
    assert "lịch nghỉ Tết 2027 chưa được công bố chính thức" in format_card(over)


def test_enforcement_decision_is_seven_days() -> None:
    # BLTTHS Đ364 k2: 7 days from the judgment taking effect; Mon 02/03/2026 -> Mon 09/03/2026.
    assert compute("quyet_dinh_thi_hanh_an", D(2026, 3, 2)).base.last_day == D(2026, 3, 9)
    assert compute("xet_hoan_chap_hanh_an_phat_tu", D(2026, 3, 2)).base.last_day == D(2026, 3, 9)


def test_working_day_lengths_must_be_days() -> None:
    bad = {
        "kinds": {
            "x": {
                "label": "x",
                "basis": "b",
                "status": "V",
                "counting": "working_days",
                "trigger": "t",
                "base": {"label": "x", "length": "1m"},
            }
        }
    }
    with pytest.raises(PeriodDataError, match="working-day"):
        parse_periods(bad)


def test_crime_report_after_annulled_suspension_or_resumption_is_one_month() -> None:
    # Đ148 k2, Đ149 k1: one more month; 31/01/2026 + 1 month = 28/02 (Saturday) -> Monday 02/03/2026.
    for kind in ("nguon_tin_sau_huy_tam_dinh_chi", "nguon_tin_phuc_hoi"):
        base = compute(kind, D(2026, 1, 31)).base
        assert (base.shifted_from, base.last_day) == (D(2026, 2, 28), D(2026, 3, 2))


@pytest.mark.parametrize(
    ("kind", "start", "ends"),
    [
        # Đ240 k2: 3 days, complex cases up to 10 days from the decision; Đ244 the same for sending the file.
        ("giao_cao_trang", D(2026, 3, 2), [D(2026, 3, 5), D(2026, 3, 12)]),
        ("chuyen_ho_so_cao_trang", D(2026, 3, 2), [D(2026, 3, 5), D(2026, 3, 12)]),
        # Đ341 k1: 15 days, ĐBNT and complex up to 25 days from receipt.
        ("vks_nghien_cuu_ho_so_phuc_tham", D(2026, 3, 2), [D(2026, 3, 17), D(2026, 3, 27)]),
        # Đ262 k1: 10 days from pronouncement; Đ471: 15 days (17/03/2026 is a Tuesday).
        ("giao_ban_an_so_tham", D(2026, 3, 2), [D(2026, 3, 12)]),
        ("thoi_hieu_khieu_nai", D(2026, 3, 2), [D(2026, 3, 17)]),
    ],
)
def test_vks_own_and_court_delivery_limits(kind: str, start: date, ends: list[date]) -> None:
    result = compute(kind, start)
    assert [result.base.last_day, *[s.last_day for s in result.steps]] == ends
