"""The summary procedure in the register's chain (BLTTHS 2015, read in the codified text): cancelling
it (Đ458: the general limits from the cancellation decision), tạm giữ rút gọn → tạm giam rút gọn
(Đ459 k2, k3; Đ118 k4 and TTLT 04/2018 Đ17 for the deduction). Expected dates are counted by hand
in the comments: tạm giữ by the clock (3 days = 72 h), tạm giam with the start day as day 1, a
calendar period ends trigger + N days (or the same day n months later), moved off a day off."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from knowledge.deadlines.register_chain import ChainError, Event, State, fold
from knowledge.deadlines.register_summary import CANCEL_TARGETS, summary_kind

CUSTODY = {"kind": "tam_giu_rut_gon", "start": "2026-03-02T08:00"}  # Monday 02/03/2026 08:00


def _fold(start: dict[str, Any], *later: tuple[str, dict[str, Any]]) -> State:
    events = [Event(1, "start", start)] + [Event(i, t, d) for i, (t, d) in enumerate(later, start=2)]
    return fold(events)


def _cancel(**data: Any) -> tuple[str, dict[str, Any]]:
    return ("stage", {"summary_cancelled": True, **data})


def test_summary_custody_converts_to_the_summary_detention_with_its_days_deducted() -> None:
    # Tạm giữ 08:00 02/03 → 08:00 05/03 (72 h, Đ459 k2); tạm giam from 05/03 (the day tạm giữ ends),
    # 20 days (Đ459 k3) − 3 days of tạm giữ = 17 days: 05/03 … 21/03/2026.
    state = _fold(CUSTODY, ("convert", {}))
    step = state.step
    assert step is not None and step.kind == "tam_giam_rut_gon_dieu_tra"
    assert (step.start, step.last_day, step.tam_giu_days) == (date(2026, 3, 5), date(2026, 3, 21), 3)
    assert "Điều 459" in step.basis
    # An order of 15 days: 15 − 3 = 12 days, 05/03 … 16/03; one over 20 days is refused.
    shorter = _fold(CUSTODY, ("convert", {"days": 15})).step
    assert shorter is not None and shorter.last_day == date(2026, 3, 16)
    with pytest.raises(ChainError, match="dài hơn mức tối đa"):
        _fold(CUSTODY, ("convert", {"days": 25}))


def test_summary_custody_cut_short_deducts_only_the_days_held() -> None:
    # Released after the summary custody's end is not the case here: the deduction is what was held.
    state = _fold(CUSTODY, ("convert", {"start": "2026-03-04", "tam_giu_days": 2}))
    assert state.step is not None and state.step.last_day == date(2026, 3, 21)  # 04/03 + 18 − 1


def test_the_summary_investigation_cancelled_runs_the_general_one_from_the_decision() -> None:
    start = {"kind": "dieu_tra_rut_gon", "start": "2026-03-02"}
    # Đ458: from the cancellation decision 10/03/2026; Đ172 k1, NT: 3 months → 10/06/2026 (a Wednesday).
    state = _fold(start, _cancel(decided_on="2026-03-10", category="nghiem_trong"))
    step = state.step
    assert step is not None and step.kind == "dieu_tra" and step.summary_cancelled_on == date(2026, 3, 10)
    assert (step.start, step.last_day) == (date(2026, 3, 10), date(2026, 6, 10))
    # … and its extensions are Đ172's: 3 more months → 10/09/2026.
    extended = _fold(start, _cancel(decided_on="2026-03-10", category="nghiem_trong"), ("extend", {}))
    assert extended.step is not None and extended.step.last_day == date(2026, 9, 10)


def test_a_cancellation_needs_its_day_the_category_and_the_general_kind() -> None:
    start = {"kind": "dieu_tra_rut_gon", "start": "2026-03-02"}
    with pytest.raises(ChainError, match="ngày ra quyết định hủy bỏ"):
        _fold(start, _cancel(category="nghiem_trong"))
    with pytest.raises(ChainError, match="loại tội"):
        _fold(start, _cancel(decided_on="2026-03-10"))
    with pytest.raises(ChainError, match="trước ngày bắt đầu"):
        _fold(start, _cancel(decided_on="2026-03-01", category="nghiem_trong"))
    with pytest.raises(ChainError, match="Điều tra vụ án"):
        _fold(start, _cancel(decided_on="2026-03-10", category="nghiem_trong", kind="truy_to"))
    with pytest.raises(ChainError, match="tính từ ngày có quyết định hủy bỏ"):
        _fold(start, _cancel(decided_on="2026-03-10", category="nghiem_trong", start="2026-03-02"))
    with pytest.raises(ChainError, match="không theo thủ tục rút gọn"):
        _fold({"kind": "dieu_tra", "start": "2026-03-02", "category": "nghiem_trong"}, _cancel(decided_on="2026-03-10"))


def test_a_summary_stage_never_moves_to_a_general_stage_without_the_cancellation() -> None:
    with pytest.raises(ChainError, match="Không chuyển được"):
        _fold(
            {"kind": "dieu_tra_rut_gon", "start": "2026-03-02"}, ("stage", {"kind": "truy_to", "start": "2026-03-10"})
        )


@pytest.mark.parametrize(
    ("kind", "category", "last"),
    [
        # Đ240 k1, ít NT: 20 days from 04/03 → 24/03/2026 (a Tuesday).
        ("truy_to_rut_gon", "it_nghiem_trong", date(2026, 3, 24)),
        # Đ277 k1, NT: 45 days from 04/03 → 18/04/2026, a Saturday → Monday 20/04/2026.
        ("xet_xu_rut_gon", "nghiem_trong", date(2026, 4, 20)),
        # Đ346 k1: 45 days from 04/03 → 18/04 (Saturday) → 20/04/2026.
        ("xet_xu_phuc_tham_rut_gon", None, date(2026, 4, 20)),
    ],
)
def test_every_summary_stage_cancelled_runs_its_general_limit_from_the_decision(
    kind: str, category: str | None, last: date
) -> None:
    data = {"decided_on": "2026-03-04", **({"category": category} if category else {})}
    step = _fold({"kind": kind, "start": "2026-03-02"}, _cancel(**data)).step
    assert step is not None and step.kind == CANCEL_TARGETS[kind]
    assert (step.start, step.last_day) == (date(2026, 3, 4), last)


def test_summary_custody_cancelled_keeps_its_start_and_gains_the_general_extensions() -> None:
    # Đ118 k1 counts from the CQĐT's receipt, as Đ459 k2: the earliest reading, 08:00 05/03; then
    # Đ118 k2's first extension (≤ 3 days) → 08:00 08/03/2026, which the summary custody never had.
    state = _fold(CUSTODY, _cancel(decided_on="2026-03-03"))
    step = state.step
    assert step is not None and step.kind == "tam_giu" and step.expiry == datetime(2026, 3, 5, 8, 0)
    extended = _fold(CUSTODY, _cancel(decided_on="2026-03-03"), ("extend", {}))
    assert extended.step is not None and extended.step.expiry == datetime(2026, 3, 8, 8, 0)
    with pytest.raises(ChainError, match="không có gia hạn"):
        _fold(CUSTODY, ("extend", {}))


def test_summary_detention_cancelled_runs_on_the_new_order_without_guessing_the_days_served() -> None:
    start = {"kind": "tam_giam_rut_gon_dieu_tra", "start": "2026-03-02"}
    # A new order of 2 months from 06/03: 60 days, 06/03 … 04/05/2026; nothing deducted or added.
    state = _fold(start, _cancel(decided_on="2026-03-06", category="it_nghiem_trong", start="2026-03-06", months=2))
    step = state.step
    assert step is not None and step.kind == "tam_giam" and step.last_day == date(2026, 5, 4)
    assert step.summary_cancelled_on == date(2026, 3, 6) and step.tam_giu_days == 0
    with pytest.raises(ChainError, match="thời hạn tạm giam ghi trong lệnh"):  # the order's length is required
        _fold(start, _cancel(decided_on="2026-03-06", category="it_nghiem_trong"))
    with pytest.raises(ChainError, match="trước ngày hủy bỏ"):
        _fold(start, _cancel(decided_on="2026-03-06", category="it_nghiem_trong", start="2026-03-05", months=2))


def test_summary_detention_in_prosecution_cancelled_is_capped_by_the_general_stage_from_the_decision() -> None:
    start = {"kind": "tam_giam_rut_gon_truy_to", "start": "2026-03-02"}
    # Đ241 with Đ240 k1, RNT: 30 days from the cancellation 04/03 → stage ends 03/04/2026; the
    # detention's own 30 days from 04/03 end 02/04/2026 (day 1 = 04/03), the earlier.
    step = _fold(start, _cancel(decided_on="2026-03-04", category="rat_nghiem_trong")).step
    assert step is not None and step.kind == "tam_giam_truy_to"
    assert (step.stage_start, step.cap_day, step.last_day) == (date(2026, 3, 4), date(2026, 4, 3), date(2026, 4, 2))
    # An order starting later than the cancellation is still capped by the stage counted from it.
    later = _fold(start, _cancel(decided_on="2026-03-04", category="rat_nghiem_trong", start="2026-03-10")).step
    assert later is not None and later.last_day == date(2026, 4, 3) and later.capped_from == date(2026, 4, 8)


def test_a_sheet_naming_the_summary_procedure_is_read_as_its_summary_kind() -> None:
    assert summary_kind("tam giam trong giai doan dieu tra theo thu tuc rut gon") == "tam_giam_rut_gon_dieu_tra"
    assert summary_kind("dieu tra theo thu tuc rut gon") == "dieu_tra_rut_gon"
    assert summary_kind("tam giam (truy to) rut gon") == "tam_giam_rut_gon_truy_to"
    assert summary_kind("tam giam rut gon") == ""  # 20, 5, 17 or 22 days: not guessed
    assert summary_kind("tam giam de truy to") is None


@pytest.mark.parametrize(
    ("kind", "base_last"), [("xet_xu_rut_gon", date(2026, 3, 12)), ("xet_xu_phuc_tham_rut_gon", date(2026, 3, 17))]
)
def test_the_summary_hearing_opens_within_7_days_of_the_decision_not_of_the_limit_for_it(
    kind: str, base_last: date
) -> None:
    start = {"kind": kind, "start": "2026-03-02"}
    # Đ462 k1 (k2 of Đ464): the decision within 10 (15) days of the thụ lý 02/03 → 12/03 (17/03).
    base = _fold(start).step
    assert base is not None and base.last_day == base_last
    # Decided on Wednesday 04/03: the hearing within 7 days → Wednesday 11/03/2026 (Đ462 k2, Đ464 k3),
    # not 7 days after the decision's own limit (19/03, 24/03), which would be too late.
    step = _fold(start, ("extend", {"decided_on": "2026-03-04"})).step
    assert step is not None and step.last_day == date(2026, 3, 11)
    with pytest.raises(ChainError, match="tính từ ngày ra quyết định"):  # the decision's day is required
        _fold(start, ("extend", {}))
    with pytest.raises(ChainError, match="tối đa 7 ngày"):
        _fold(start, ("extend", {"decided_on": "2026-03-04", "days": 8}))
