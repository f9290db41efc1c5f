"""Detention tied to a stage never runs past the stage's own limit (LEGAL_REVIEW A1).

Đ347 k2 with Đ346 k1 (appeal), Đ174 k2/k4 (supplementary and resumed investigation), Đ241 with
Đ240 k1 (prosecution), Đ278 k2 with Đ277 k1 (first-instance trial): the detention in a stage
"không được quá" the stage's limit, counted from when the stage began. Every expected date is
counted by hand below.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.deadlines.calculator import DeadlineInputError, compute, fmt_date
from knowledge.deadlines.card import format_card
from knowledge.deadlines.periods import load_periods

D = date
STAGE_KINDS = (
    "tam_giam_phuc_tham",
    "tam_giam_dieu_tra_bo_sung_vks",
    "tam_giam_dieu_tra_bo_sung_toa_an",
    "tam_giam_truy_to",
    "tam_giam_chuan_bi_xet_xu",
    "tam_giam_phuc_hoi_dieu_tra",
)


# -- the review's three overshoot examples ------------------------------------------------------
def test_appeal_detention_is_capped_by_the_60_days_from_receipt() -> None:
    # File received 01/12/2026; Đ346 k1: 60 days → 30/01/2027 (a Saturday: custody is never moved,
    # so the cap is 30/01, not the 01/02 shown for the court's own limit). A new order from
    # 20/12/2026 for 60 days would run to 17/02/2027: 18 days past the limit.
    result = compute("tam_giam_phuc_tham", D(2026, 12, 20), stage_start=D(2026, 12, 1))
    assert result.base.last_day == D(2027, 1, 30)
    assert result.base.capped_from == D(2027, 2, 17)
    assert result.stage_cap_unknown is False
    data = result.to_json()
    assert (data["last_day"], data["max_last_day"], data["stage_start"]) == ("2027-01-30", "2027-01-30", "2026-12-01")
    assert data["stage_cap_unknown"] is False
    card = format_card(result)
    assert "Trả tự do chậm nhất: 24:00 ngày 30/01/2027" in card
    assert "17/02/2027" in card and "01/12/2026" in card  # says what was cut and from which stage start


def test_supplementary_investigation_by_the_court_is_capped_at_one_month() -> None:
    # CQĐT receives the file back 01/12/2026: 1 month → 01/01/2027 (Đ174 k2). Order from 15/12 for
    # 30 days would end 13/01/2027: 12 days past.
    result = compute("tam_giam_dieu_tra_bo_sung_toa_an", D(2026, 12, 15), stage_start=D(2026, 12, 1))
    assert (result.base.last_day, result.base.capped_from) == (D(2027, 1, 1), D(2027, 1, 13))


def test_prosecution_detention_is_capped_by_the_prosecution_limit() -> None:
    # Nghiêm trọng, file received 01/12/2026: Đ240 k1 20 days → 21/12/2026. Order from 10/12 would
    # end 29/12: 8 days past. With the prosecution period extended (+10 days → 31/12/2026) the
    # detention may run to 31/12, never to 29/12 + 10 = 08/01/2027.
    result = compute("tam_giam_truy_to", D(2026, 12, 10), category="nghiem_trong", stage_start=D(2026, 12, 1))
    assert (result.base.last_day, result.base.capped_from) == (D(2026, 12, 21), D(2026, 12, 29))
    assert (result.steps[0].last_day, result.steps[0].capped_from) == (D(2026, 12, 31), D(2027, 1, 8))
    assert result.to_json()["max_last_day"] == "2026-12-31"


# -- the other kinds -------------------------------------------------------------------------------
def test_supplementary_investigation_by_the_vks_is_capped_at_two_months() -> None:
    # Received back 01/12/2026: 2 months → 01/02/2027. Order from 20/12 for 60 days → 17/02/2027.
    result = compute("tam_giam_dieu_tra_bo_sung_vks", D(2026, 12, 20), stage_start=D(2026, 12, 1))
    assert (result.base.last_day, result.base.capped_from) == (D(2027, 2, 1), D(2027, 2, 17))


def test_trial_preparation_detention_and_its_extension_are_capped() -> None:
    # Rất nghiêm trọng, thụ lý 01/12/2026: Đ277 k1 2 months → 01/02/2027; extended 30 days → 03/03/2027.
    # Order from 15/12: 60 days → 12/02/2027; + 30 → 14/03/2027.
    result = compute(
        "tam_giam_chuan_bi_xet_xu", D(2026, 12, 15), category="rat_nghiem_trong", stage_start=D(2026, 12, 1)
    )
    assert (result.base.last_day, result.steps[0].last_day) == (D(2027, 2, 1), D(2027, 3, 3))
    assert result.open_steps  # Đ278 k3 still listed, without a date


def test_resumed_investigation_detention_is_capped() -> None:
    # Ít nghiêm trọng, phục hồi 01/12/2026: Đ174 k1 2 months → 01/02/2027, +1 month → 01/03/2027.
    # Order from 01/01/2027: 60 days → 01/03/2027; + 30 → 31/03/2027.
    result = compute(
        "tam_giam_phuc_hoi_dieu_tra", D(2027, 1, 1), category="it_nghiem_trong", stage_start=D(2026, 12, 1)
    )
    assert (result.base.last_day, result.steps[0].last_day) == (D(2027, 2, 1), D(2027, 3, 1))


def test_detention_from_the_stage_start_keeps_its_own_earlier_day() -> None:
    # Starting on the day the file arrives, the custody count (day 1 = start) ends a day before the
    # stage: 01/12 + 20 − 1 = 20/12 < 21/12. Nothing is cut.
    result = compute("tam_giam_truy_to", D(2026, 12, 1), category="nghiem_trong", stage_start=D(2026, 12, 1))
    assert (result.base.last_day, result.base.capped_from) == (D(2026, 12, 20), None)
    assert "Trả tự do chậm nhất: 24:00 ngày 20/12/2026" in format_card(result)


def test_a_stage_start_with_an_hour_counts_as_its_day() -> None:
    result = compute("tam_giam_phuc_tham", D(2026, 12, 20), stage_start=datetime(2026, 12, 1, 15, 30))
    assert (result.base.last_day, result.stage_start) == (D(2027, 1, 30), D(2026, 12, 1))


# -- without the stage start: a warning, never a bare date ------------------------------------------
@pytest.mark.parametrize("kind", STAGE_KINDS)
def test_without_the_stage_start_the_card_and_json_warn(kind: str) -> None:
    category = None if kind in STAGE_KINDS[:3] else "nghiem_trong"
    result = compute(kind, D(2026, 12, 20), category=category)
    data = result.to_json()
    assert data["stage_cap_unknown"] is True and data["stage_start"] is None
    assert "không được vượt quá" in data["stage_warning"]
    card = format_card(result)
    assert data["stage_warning"] in card
    # every line that shows a computed last day is qualified
    days = {fmt_date(step.last_day) for step in (result.base, *result.steps)}
    shown = [line for line in card.splitlines() if any(d in line for d in days)]
    assert shown and all("mức trần" in line or "chỉ tính theo thời hạn tạm giam" in line for line in shown), shown


def test_appeal_warning_names_the_receipt_of_the_file() -> None:
    card = format_card(compute("tam_giam_phuc_tham", D(2026, 12, 20)))
    assert (
        "không được vượt quá thời hạn chuẩn bị xét xử phúc thẩm tính từ ngày Tòa án nhận hồ sơ — "
        "nhập ngày nhận hồ sơ để tính mức trần"
    ) in card


def test_kinds_without_a_stage_carry_no_warning() -> None:
    data = compute("tam_giam_dieu_tra", D(2026, 12, 20), category="nghiem_trong").to_json()
    assert data["stage_cap_unknown"] is False and data["stage_warning"] is None


# -- bad input ---------------------------------------------------------------------------------------
def test_stage_start_after_the_detention_start_is_refused() -> None:
    with pytest.raises(DeadlineInputError, match="sớm hơn"):
        compute("tam_giam_phuc_tham", D(2026, 12, 1), stage_start=D(2026, 12, 20))


def test_detention_starting_after_the_stage_ended_is_refused() -> None:
    # Received 01/10/2026: 60 days → 30/11/2026, before an order from 01/12/2026.
    with pytest.raises(DeadlineInputError, match="30/11/2026"):
        compute("tam_giam_phuc_tham", D(2026, 12, 1), stage_start=D(2026, 10, 1))


def test_stage_start_on_a_kind_without_a_stage_is_refused() -> None:
    with pytest.raises(DeadlineInputError, match="chỉ áp dụng cho"):
        compute("tam_giam_dieu_tra", D(2026, 12, 1), category="nghiem_trong", stage_start=D(2026, 11, 1))


# -- property: the cap is exactly the earlier of the two counts ---------------------------------------
@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(STAGE_KINDS),
    category=st.sampled_from(["it_nghiem_trong", "nghiem_trong", "rat_nghiem_trong", "dac_biet_nghiem_trong"]),
    stage_start=st.dates(min_value=D(2018, 1, 1), max_value=D(2030, 12, 31)),
    delay=st.integers(0, 40),
)
def test_each_day_is_the_earlier_of_the_own_count_and_the_stage_end(
    kind: str, category: str, stage_start: date, delay: int
) -> None:
    begin = stage_start + timedelta(days=delay)
    own = compute(kind, begin, category=category)
    stage_kind = load_periods().kinds[kind].stage
    assert stage_kind is not None
    stage = compute(stage_kind.kind, stage_start, category=category)
    chain = (stage.base, *stage.steps)
    ends = [chain[i].shifted_from or chain[i].last_day for i in stage_kind.steps]
    try:
        capped = compute(kind, begin, category=category, stage_start=stage_start)
    except DeadlineInputError:
        assert ends[0] < begin  # refused only when the stage had ended before the order began
        return
    assert ends[0] >= begin
    for mine, uncut, end in zip((capped.base, *capped.steps), (own.base, *own.steps), ends, strict=False):
        assert mine.last_day == min(uncut.last_day, end)
        assert (mine.capped_from is not None) == (end < uncut.last_day)
    assert not capped.stage_cap_unknown and capped.open_steps == own.open_steps
