"""The summary hearing on the calculator's card (BLTTHS 2015 Đ462 k1, k2; on appeal Đ464 k2, k3, read in
the codified text): the judge decides within 10 (15) days of accepting the case, and "trong thời hạn 07
ngày kể từ ngày ra quyết định" the court opens the hearing. The card used to add the 7 days to the end
of the 10 — a later day than the law's whenever the decision comes earlier. Now, as in the register, the
hearing is counted from the decision's day, and without it the card gives no hearing day at all."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from knowledge.deadlines.calculator import DeadlineInputError, compute
from knowledge.deadlines.card import format_card
from knowledge.deadlines.dateparse import detect_deadline_query
from knowledge.deadlines.register_chain import Event, fold
from knowledge.deadlines.reminders import reminder_text

NOW = datetime(2026, 3, 3, 8, 0)


def test_without_the_decision_the_card_gives_the_last_day_to_decide_and_no_hearing_day() -> None:
    result = compute("xet_xu_rut_gon", date(2026, 3, 2))
    card = format_card(result, now=NOW)
    assert "Quyết định đưa vụ án ra xét xử (10 ngày): hết 24:00 Thứ Năm 12/03/2026" in card
    assert "cần ngày ra quyết định đưa vụ án ra xét xử (Điều 462 khoản 2 BLTTHS 2015)" in card
    # Before: "1. Mở phiên tòa … hết 24:00 Thứ Năm 19/03/2026", "Tổng tối đa: 17 ngày", "Tối đa nếu được gia hạn đủ".
    assert "19/03/2026" not in card and "Tổng tối đa" not in card and "gia hạn" not in card
    # The reminder of that card is the decision's, not the hearing's.
    assert "cần quyết định đưa vụ án ra xét xử" in reminder_text(result, 0) and "mở phiên tòa xét xử vụ án" not in (
        reminder_text(result, 0)
    )


@pytest.mark.parametrize(
    ("kind", "decided", "last"),
    [
        ("xet_xu_rut_gon", date(2026, 3, 5), date(2026, 3, 12)),  # Thu 05/03 + 7 = Thu 12/03
        ("xet_xu_rut_gon", date(2026, 3, 2), date(2026, 3, 9)),  # decided the day it was accepted
        ("xet_xu_rut_gon", date(2026, 3, 12), date(2026, 3, 19)),  # on the 10th day: only then the old day
        ("xet_xu_rut_gon", date(2026, 3, 7), date(2026, 3, 16)),  # Sat 14/03 → Monday 16/03 (Đ134 k1)
        ("xet_xu_phuc_tham_rut_gon", date(2026, 3, 13), date(2026, 3, 20)),  # Đ464 k3
    ],
)
def test_with_the_decision_the_hearing_runs_7_days_from_it(kind: str, decided: date, last: date) -> None:
    result = compute(kind, date(2026, 3, 2), decided_on=decided)
    (hearing,) = result.steps
    assert (hearing.last_day, hearing.decided_on) == (last, decided)
    card = format_card(result, now=NOW)
    assert "tính từ ngày quyết định đưa vụ án ra xét xử" in card and decided.strftime("%d/%m/%Y") in card
    assert "Tổng tối đa" not in card and "Tối đa nếu được gia hạn đủ" not in card
    assert "(gia hạn lần 1)" not in reminder_text(result, 1) and "mở phiên tòa" in reminder_text(result, 1)


@pytest.mark.parametrize("kind", ["xet_xu_rut_gon", "xet_xu_phuc_tham_rut_gon"])
@pytest.mark.parametrize("decided", [date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 11)])
def test_the_card_and_the_register_give_the_same_hearing_day(kind: str, decided: date) -> None:
    start: dict[str, Any] = {"kind": kind, "start": "2026-03-02"}
    state = fold([Event(1, "start", start), Event(2, "extend", {"decided_on": decided.isoformat()})])
    assert state.step is not None
    assert compute(kind, date(2026, 3, 2), decided_on=decided).steps[0].last_day == state.step.last_day


def test_a_decision_outside_its_period_is_refused_not_counted() -> None:
    with pytest.raises(DeadlineInputError, match="trước mốc bắt đầu"):
        compute("xet_xu_rut_gon", date(2026, 3, 2), decided_on=date(2026, 3, 1))
    with pytest.raises(DeadlineInputError, match="đã hết"):  # the 10 days ended on 12/03
        compute("xet_xu_rut_gon", date(2026, 3, 2), decided_on=date(2026, 3, 13))
    with pytest.raises(DeadlineInputError, match="không có thời hạn tính từ ngày ra quyết định"):
        compute("truy_to_rut_gon", date(2026, 3, 2), decided_on=date(2026, 3, 3))


@pytest.mark.parametrize(
    "text",
    [
        "xét xử rút gọn thụ lý 02/03/2026, quyết định đưa vụ án ra xét xử ngày 05/03/2026, hạn mở phiên tòa",
        "xet xu rut gon, toa thu ly 02/03/2026; qd dua vu an ra xet xu 05/03/2026",
        "xét xử rút gọn thụ lý 02/03/2026, ngày 05/03/2026 tòa ra quyết định đưa vụ án ra xét xử",
        "xét xử rút gọn, quyết định đưa vụ án ra xét xử ngày 05/03/2026, thụ lý ngày 02/03/2026",
    ],
)
def test_a_question_dating_the_decision_counts_the_hearing_from_it(text: str) -> None:
    query = detect_deadline_query(text, NOW)
    assert query is not None and query.kind == "xet_xu_rut_gon"
    assert (query.start, query.decided_on) == (date(2026, 3, 2), date(2026, 3, 5))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("quyết định đưa vụ án ra xét xử rút gọn ngày 05/03/2026, hạn mở phiên tòa", "mo_phien_toa_rut_gon"),
        ("rút gọn, qđ đưa ra xét xử ngày 05/03/2026 thì phải mở phiên tòa chậm nhất ngày nào", "mo_phien_toa_rut_gon"),
        ("rut gon qd dua vu an ra xet xu ngay 05/03/2026 mo phien toa cham nhat ngay nao", "mo_phien_toa_rut_gon"),
        (
            "phúc thẩm rút gọn, qđ đưa vụ án ra xét xử phúc thẩm ngày 05/03/2026, mở phiên tòa chậm nhất ngày nào",
            "mo_phien_toa_phuc_tham_rut_gon",
        ),
    ],
)
def test_a_question_dating_only_the_decision_counts_the_hearing_alone(text: str, kind: str) -> None:
    # Before round 8: 05/03 was read as the acceptance (hearing by 23/03), then only asked for the acceptance.
    # The hearing counts from the decision alone (Đ462 k2, Đ464 k3): 05/03 + 7 = Thursday 12/03/2026.
    query = detect_deadline_query(text, NOW)
    assert query is not None and (query.kind, query.start, query.decided_on) == (kind, date(2026, 3, 5), None)
    result = compute(query.kind, query.start)
    assert result.base.last_day == date(2026, 3, 12) and not result.steps
    plain = detect_deadline_query("xét xử rút gọn thụ lý 02/03/2026 hạn khi nào", NOW)
    assert plain is not None and plain.decided_on is None and plain.kind == "xet_xu_rut_gon"
