"""The register's chain and the law's special cases (BLTTHS 2015, read in the codified text):
ANQG extensions (Đ172 k3, Đ173 k5), the non-ANQG ĐBNT rule (Đ173 k6), detention "until the
investigation (hearing) ends" with no expiry (Đ173 k5, k6; Đ278 k3), and detention tied to a stage
(Đ174 k4, Đ241 with Đ240 k1, Đ278 k2 with Đ277 k1, Đ347 k2 with Đ346 k1). Expected dates are
counted by hand in the comments: custody counts the start day as day 1, 1 month = 30 days, an
extension runs from the day after the previous last day; a stage (calendar) ends trigger + N days,
or the same day n months later, before any day-off shift."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from knowledge.deadlines.calculator import compute
from knowledge.deadlines.register_chain import ChainError, Event, State, apply, fold


def _fold(start: dict[str, Any], *later: tuple[str, dict[str, Any]]) -> State:
    events = [Event(1, "start", start)] + [Event(i, t, d) for i, (t, d) in enumerate(later, start=2)]
    return fold(events)


DETENTION = {"kind": "tam_giam_dieu_tra", "start": "2026-01-01"}
EXTEND: tuple[str, dict[str, Any]] = ("extend", {})
OPEN: tuple[str, dict[str, Any]] = ("extend", {"open_ended": True})


def test_anqg_detention_gets_the_two_extra_extensions_of_article_173_k5() -> None:
    start = {**DETENTION, "category": "nghiem_trong", "anqg": True}
    # 3 months = 90 days: 01/01 … 31/03; +2 months (k2 b) → 30/05; +4 months (k5) → 27/09; +1 month (k5, NT) → 27/10.
    days = [_fold(start, *[EXTEND] * n).step for n in range(4)]
    assert [s.last_day for s in days if s] == [
        date(2026, 3, 31),
        date(2026, 5, 30),
        date(2026, 9, 27),
        date(2026, 10, 27),
    ]
    assert days[3] is not None and "khoản 5" in days[3].basis
    with pytest.raises(ChainError, match="tối đa 3 lần"):
        _fold(start, *[EXTEND] * 4)
    # Without ANQG a serious crime's detention is extended once only (k2 b).
    with pytest.raises(ChainError, match="tối đa 1 lần"):
        _fold({**DETENTION, "category": "nghiem_trong"}, EXTEND, EXTEND)


def test_anqg_investigation_gets_one_more_extension_of_article_172_k3() -> None:
    # Ít nghiêm trọng: 2 months (→ 01/03), one 2-month extension (→ 01/05); ANQG: one more 4 months (→ 01/09).
    start = {"kind": "dieu_tra", "start": "2026-01-01", "category": "it_nghiem_trong"}
    with pytest.raises(ChainError, match="tối đa 1 lần"):
        _fold(start, EXTEND, EXTEND)
    state = _fold({**start, "anqg": True}, EXTEND, EXTEND)
    assert state.step is not None and state.step.raw_end == date(2026, 9, 1) and "khoản 3" in state.step.basis
    # ĐBNT ANQG: the non-ANQG "rất phức tạp" step gives way to the ANQG one (only one 4-month step, the lower).
    ebnt = {"kind": "dieu_tra", "start": "2026-01-01", "category": "dac_biet_nghiem_trong", "anqg": True}
    assert "an ninh quốc gia" in (_fold(ebnt, *[EXTEND] * 4).step or pytest.fail()).label
    with pytest.raises(ChainError):
        _fold(ebnt, *[EXTEND] * 5)


def test_non_anqg_especially_serious_detention_follows_k6_then_runs_until_the_investigation_ends() -> None:
    start = {**DETENTION, "category": "dac_biet_nghiem_trong"}
    with pytest.raises(ChainError, match="còn 3 lần"):  # not before the dated extensions are used up
        _fold(start, OPEN)
    last = _fold(start, EXTEND, EXTEND, EXTEND)
    assert last.step is not None and "khoản 6" in last.step.basis  # the k6 extra extension, 4 months
    assert "cho đến khi kết thúc việc điều tra" in last.step.due
    # 120 × 4 days from 01/01/2026: last day 25/04/2027, so the open step begins at 24:00 that day.
    state = _fold(start, EXTEND, EXTEND, EXTEND, OPEN)
    assert state.step is None and state.open is not None  # no expiry anywhere
    assert state.open.began == datetime(2027, 4, 26, 0, 0) and state.open.basis == "Điều 173 khoản 6 BLTTHS 2015"
    assert state.open.until == "kết thúc việc điều tra" and state.current is not None
    with pytest.raises(ChainError, match="không có ngày hết hạn"):
        apply(state, Event(6, "extend", {}))
    # The investigation ends: the case goes to the VKS, detention now tied to prosecution.
    after = apply(
        state, Event(6, "stage", {"kind": "tam_giam_truy_to", "start": "2027-06-01", "stage_start": "2027-06-01"})
    )
    assert after.open is None and after.step is not None and after.step.kind == "tam_giam_truy_to"
    assert after.step.category == "dac_biet_nghiem_trong"
    assert apply(state, Event(6, "release", {})).closed


def test_anqg_especially_serious_detention_runs_open_under_k5_and_other_categories_never() -> None:
    start = {**DETENTION, "category": "dac_biet_nghiem_trong", "anqg": True}
    state = _fold(start, EXTEND, EXTEND, EXTEND, EXTEND, OPEN)  # 2 of k2 d, 2 of k5
    assert state.open is not None and state.open.basis == "Điều 173 khoản 5 BLTTHS 2015"
    with pytest.raises(ChainError, match="không có trường hợp"):
        _fold({**DETENTION, "category": "rat_nghiem_trong"}, EXTEND, OPEN)


def test_trial_detention_may_run_until_the_hearing_ends_at_any_time() -> None:
    start = {"kind": "tam_giam_chuan_bi_xet_xu", "start": "2026-12-01", "stage_start": "2026-12-01"}
    state = _fold({**start, "category": "nghiem_trong"}, OPEN)
    assert state.open is not None and state.open.until == "kết thúc phiên tòa" and "278" in state.open.basis


def test_prosecution_detention_needs_its_stage_start_and_is_cut_to_the_stage() -> None:
    start = {"kind": "tam_giam_truy_to", "start": "2026-12-01", "category": "nghiem_trong"}
    with pytest.raises(ChainError, match="ngày VKS nhận hồ sơ"):
        _fold(start)
    # File received 25/11: the 20 days of Đ240 k1 end 15/12; the detention's own 20 days would end 20/12.
    state = _fold({**start, "stage_start": "2026-11-25"})
    step = state.step
    assert step is not None and step.last_day == date(2026, 12, 15) and step.expiry == datetime(2026, 12, 16)
    assert step.cap_day == date(2026, 12, 15) and step.capped_from == date(2026, 12, 20)
    # The extension follows the stage's: 10 days from the capped end, never past 15/12 + 10.
    extended = _fold({**start, "stage_start": "2026-11-25"}, ("extend", {})).step
    assert extended is not None and extended.last_day == date(2026, 12, 25) and extended.cap_day == date(2026, 12, 25)
    # A shorter order binds; a longer one than the law is refused; a stage starting after the detention too.
    short = _fold({**start, "stage_start": "2026-11-25", "days": 10}).step
    assert short is not None and short.last_day == date(2026, 12, 10) and short.capped_from is None
    with pytest.raises(ChainError, match="tối đa 20 ngày"):
        _fold({**start, "stage_start": "2026-11-25", "days": 30})
    with pytest.raises(ChainError, match="sớm hơn"):
        _fold({**start, "stage_start": "2026-12-05"})
    with pytest.raises(ChainError, match="không gắn"):
        _fold({"kind": "tam_giu", "start": "2026-12-01T10:00", "stage_start": "2026-12-01"})


@pytest.mark.parametrize(
    ("kind", "category", "stage_start", "start"),
    [
        ("tam_giam_truy_to", "rat_nghiem_trong", "2026-11-20", "2026-11-28"),
        ("tam_giam_chuan_bi_xet_xu", "dac_biet_nghiem_trong", "2026-10-31", "2026-11-15"),
        ("tam_giam_phuc_tham", None, "2026-12-01", "2026-12-20"),
        ("tam_giam_dieu_tra_bo_sung_vks", None, "2026-12-31", "2027-01-10"),
        ("tam_giam_phuc_hoi_dieu_tra", "nghiem_trong", "2026-11-30", "2026-12-02"),
    ],
)
def test_the_register_caps_as_the_calculator_does(
    kind: str, category: str | None, stage_start: str, start: str
) -> None:
    data = {"kind": kind, "start": start, "stage_start": stage_start, **({"category": category} if category else {})}
    step = _fold(data).step
    expected = compute(kind, date.fromisoformat(start), category=category, stage_start=date.fromisoformat(stage_start))
    assert step is not None and step.last_day == expected.base.last_day
    assert step.capped_from == expected.base.capped_from


def test_a_stage_change_carries_anqg_and_asks_the_new_stage_start() -> None:
    start = {**DETENTION, "category": "nghiem_trong", "anqg": True}
    with pytest.raises(ChainError, match="ngày VKS nhận hồ sơ"):
        _fold(start, ("stage", {"kind": "tam_giam_truy_to", "start": "2026-03-20"}))
    state = _fold(start, ("stage", {"kind": "tam_giam_truy_to", "start": "2026-03-20", "stage_start": "2026-03-18"}))
    assert state.step is not None and state.step.anqg and state.step.cap_day == date(2026, 4, 7)  # 18/03 + 20
    with pytest.raises(ChainError, match="Xâm phạm an ninh quốc gia phải là có hoặc không"):
        _fold({**DETENTION, "category": "nghiem_trong", "anqg": "yes"})


def test_an_extension_under_the_anqg_rules_marks_the_item_anqg() -> None:
    start = {**DETENTION, "category": "nghiem_trong"}
    state = _fold(start, EXTEND, ("extend", {"anqg": True}))
    assert state.step is not None and state.step.anqg and state.step.last_day == date(2026, 9, 27)
    assert (_fold(start, EXTEND, ("extend", {"anqg": True}), EXTEND).step or pytest.fail()).anqg  # k5, 1 month
