"""A stage's extension decision recorded on a detention tied to that stage (``stage_extend``): the
cap follows the decided length, not the law's longest (Đ241 with Đ240 k1, Đ278 k2 with Đ277 k1,
Đ174 k4 with Đ174 k1 and Đ172 k5), and the decision is checked against the articles (how many,
how long per category, decided within the stage's running limit; Đ346 has none). Dates are
counted by hand in the comments: custody counts the start day as day 1; a stage (calendar) ends
trigger + N days, or the same day n months later, before any day-off shift."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_approvers import approver
from knowledge.deadlines.register_chain import ChainError, Event, State, fold
from knowledge.deadlines.register_decision import next_decision

EXTEND: tuple[str, dict[str, Any]] = ("extend", {})
# Rất nghiêm trọng, truy tố from 01/11/2026: 30 days → the stage ends 01/12 (11/01 + 30 days);
# the VT VKS may extend by ≤ 15 days → 16/12 at most (Đ240 k1).
PROSECUTION = {
    "kind": "tam_giam_truy_to",
    "start": "2026-11-01",
    "stage_start": "2026-11-01",
    "category": "rat_nghiem_trong",
}


def _fold(start: dict[str, Any], *later: tuple[str, dict[str, Any]]) -> State:
    return fold([Event(1, "start", start)] + [Event(i, t, d) for i, (t, d) in enumerate(later, start=2)])


def _decided(days: int, on: str = "2026-11-28") -> tuple[str, dict[str, Any]]:
    return ("stage_extend", {"days": days, "decided_on": on})


def test_the_detention_cap_follows_the_recorded_decision_not_the_longest_extension() -> None:
    # The detention's base: 30 days from 01/11 → 30/11; its extension of 15 days → 15/12.
    assumed = _fold(PROSECUTION, EXTEND).step
    assert assumed is not None and assumed.last_day == date(2026, 12, 15) and assumed.cap_day == date(2026, 12, 16)
    assert assumed.cap_assumed  # the stage's decision is not recorded: the longest is assumed, and said so
    # The VT VKS extended the prosecution by 10 days: the stage ends 11/12, so does the detention.
    for order in ((_decided(10), EXTEND), (EXTEND, _decided(10))):
        step = _fold(PROSECUTION, *order).step
        assert step is not None and step.index == 1 and not step.cap_assumed
        assert (step.last_day, step.cap_day, step.capped_from) == (
            date(2026, 12, 11),
            date(2026, 12, 11),
            date(2026, 12, 15),
        )
    # A detention extension shorter than the decided stage is its own end.
    short = _fold(PROSECUTION, _decided(10), ("extend", {"days": 5})).step
    assert short is not None and (short.last_day, short.cap_day, short.capped_from) == (
        date(2026, 12, 5),
        date(2026, 12, 11),
        None,
    )
    # Before the detention is extended, the decision changes nothing of the base (30/11, cap 01/12).
    base = _fold(PROSECUTION, _decided(10)).step
    assert base is not None and (base.index, base.last_day, base.cap_day) == (0, date(2026, 11, 30), date(2026, 12, 1))


def test_trial_preparation_follows_the_chanh_ans_decision() -> None:
    # Nghiêm trọng, thụ lý 01/10/2026: 45 days → 15/11; Chánh án ≤ 15 days → 30/11 (Đ277 k1).
    start = {
        "kind": "tam_giam_chuan_bi_xet_xu",
        "start": "2026-10-01",
        "stage_start": "2026-10-01",
        "category": "nghiem_trong",
    }
    # Detention 45 days from 01/10 → 14/11; extended 15 days → 29/11; decided 10 days → the stage ends 25/11.
    step = _fold(start, EXTEND, ("stage_extend", {"days": 10, "decided_on": "2026-11-10"})).step
    assert step is not None and (step.last_day, step.capped_from) == (date(2026, 11, 25), date(2026, 11, 29))
    with pytest.raises(ChainError, match=r"tối đa 15 ngày \(Điều 277 khoản 1"):
        _fold(start, ("stage_extend", {"days": 16, "decided_on": "2026-11-10"}))


def test_resumed_investigation_is_decided_in_months() -> None:
    # Nghiêm trọng, phục hồi 01/03/2026: 2 months → 01/05; one extension ≤ 2 months (Đ174 k1), decided 1 month → 01/06.
    start = {
        "kind": "tam_giam_phuc_hoi_dieu_tra",
        "start": "2026-03-01",
        "stage_start": "2026-03-01",
        "category": "nghiem_trong",
    }
    # Detention 60 days from 01/03 → 29/04; extended 2 months (60 days) → 28/06; capped at 01/06.
    step = _fold(start, ("stage_extend", {"months": 1, "decided_on": "2026-04-20"}), EXTEND).step
    assert step is not None and (step.last_day, step.capped_from) == (date(2026, 6, 1), date(2026, 6, 28))


@pytest.mark.parametrize(
    ("decision", "reason"),
    [
        (
            {"days": 16, "decided_on": "2026-11-28"},
            r"tối đa 15 ngày \(Điều 240 khoản 1 BLTTHS 2015\); anh/chị ghi 16 ngày",
        ),
        ({"months": 1, "decided_on": "2026-11-28"}, "tối đa 15 ngày"),
        ({"days": 10}, "ngày ra quyết định"),
        ({"days": 10, "decided_on": "2026-10-31"}, "trước ngày bắt đầu giai đoạn"),
        # The stage ended 01/12/2026 (a Tuesday, no day off): a decision after it extends nothing.
        ({"days": 10, "decided_on": "2026-12-02"}, r"đã hết \(01/12/2026\)"),
        ({"days": 0, "decided_on": "2026-11-28"}, "lớn hơn 0"),
    ],
)
def test_a_decision_the_law_does_not_allow_is_refused_with_the_article(decision: dict[str, Any], reason: str) -> None:
    with pytest.raises(ChainError, match=reason):
        _fold(PROSECUTION, ("stage_extend", decision))


def test_one_decision_only_and_none_where_the_law_has_none() -> None:
    with pytest.raises(ChainError, match=r"chỉ được gia hạn 1 lần \(Điều 240 khoản 1"):
        _fold(PROSECUTION, _decided(10), _decided(5))
    # Appeal preparation: 60 days from receipt, no extension (Đ346 k1).
    appeal = {"kind": "tam_giam_phuc_tham", "start": "2026-11-01", "stage_start": "2026-11-01"}
    with pytest.raises(
        ChainError, match=r"«Chuẩn bị xét xử phúc thẩm \(Tòa án cấp tỉnh\)» không có gia hạn \(Điều 346"
    ):
        _fold(appeal, _decided(10, "2026-11-10"))
    # Supplementary investigation returned by the VKS: 2 months, no extension (Đ174 k2).
    returned = {"kind": "tam_giam_dieu_tra_bo_sung_vks", "start": "2026-11-01", "stage_start": "2026-11-01"}
    with pytest.raises(ChainError, match="không có gia hạn"):
        _fold(returned, _decided(10, "2026-11-10"))
    # Detention not tied to a stage has no stage decision to record.
    with pytest.raises(ChainError, match="chỉ ghi cho tạm giam gắn với thời hạn của giai đoạn"):
        _fold({"kind": "tam_giam_dieu_tra", "start": "2026-11-01", "category": "nghiem_trong"}, _decided(10))
    # An open-ended step has no cap left to move.
    hearing = {
        "kind": "tam_giam_chuan_bi_xet_xu",
        "start": "2026-10-01",
        "stage_start": "2026-10-01",
        "category": "nghiem_trong",
    }
    with pytest.raises(ChainError, match="không có ngày hết hạn"):
        _fold(hearing, ("extend", {"open_ended": True}), _decided(5, "2026-10-20"))


def test_the_next_decision_names_who_decides_and_by_when() -> None:
    step = _fold(PROSECUTION).step
    assert step is not None
    found = next_decision(step)
    assert found is not None and found.number == 1 and found.longest.text() == "15 ngày"
    assert found.stage_end == date(2026, 12, 1) and found.stage_label == "Quyết định việc truy tố"
    assert found.approver(date(2025, 6, 1)) == "Viện trưởng Viện kiểm sát"
    # After 01/07/2025 who approves is to be checked against the consolidated text (FACTS, U).
    assert "Luật 99/2025/QH15" in found.approver(date(2026, 11, 28))
    done = _fold(PROSECUTION, _decided(10)).step
    assert done is not None and next_decision(done) is None


def test_who_extends_an_investigation_follows_article_172_k5_by_category() -> None:
    steps = load_periods().kinds["dieu_tra"].extensions
    assert approver("dieu_tra", "rat_nghiem_trong", 1, steps[0]).startswith("VKSND cấp huyện, VKS quân sự khu vực")
    assert approver("dieu_tra", "rat_nghiem_trong", 2, steps[1]).startswith(
        "VKSND cấp tỉnh, VKS quân sự cấp quân khu (Điều 172 khoản 5 điểm c)"
    )
    assert approver("dieu_tra", "dac_biet_nghiem_trong", 3, steps[2]).startswith(
        "VKSND tối cao, VKS quân sự trung ương (Điều 172 khoản 5 điểm d)"
    )
    assert "Bộ Công an, Bộ Quốc phòng" in approver("dieu_tra", "nghiem_trong", 1, steps[0])  # k6
    assert approver("dieu_tra", "dac_biet_nghiem_trong", 4, steps[3]) == "Viện trưởng VKSND tối cao"  # k3
    assert "Luật 99/2025/QH15" in approver("dieu_tra", "nghiem_trong", 1, steps[0], date(2026, 1, 5))
    # A resumed investigation is extended by whom Đ172 k5 names for the category (Đ174 k1).
    resumed = {"kind": "tam_giam_phuc_hoi_dieu_tra", "start": "2026-03-01", "stage_start": "2026-03-01"}
    step = _fold({**resumed, "category": "rat_nghiem_trong"}).step
    found = next_decision(step) if step else None
    assert found is not None and found.approver(date(2025, 6, 1)).startswith("VKSND cấp huyện")


def test_an_extension_decided_after_its_period_ran_out_is_refused() -> None:
    # Nghiêm trọng, khởi tố 01/01/2026: 3 months → 01/04/2026 (a Wednesday).
    start = {"kind": "dieu_tra", "start": "2026-01-01", "category": "nghiem_trong"}
    step = _fold(start, ("extend", {"decided_on": "2026-03-25"})).step
    assert step is not None and step.index == 1
    with pytest.raises(ChainError, match=r"sau khi thời hạn «Điều tra vụ án» đã hết \(01/04/2026\)"):
        _fold(start, ("extend", {"decided_on": "2026-04-02"}))
    with pytest.raises(ChainError, match="trước ngày bắt đầu"):
        _fold(start, ("extend", {"decided_on": "2025-12-31"}))
