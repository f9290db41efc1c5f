"""Steps counted from the day of a decision, not from the end of the step before (pure).

Under the summary procedure the judge decides within 10 days of accepting the case (BLTTHS 2015 Đ462
k1; on appeal 15 days, Đ464 k2), and "trường hợp quyết định đưa vụ án ra xét xử thì trong thời hạn
07 ngày kể từ ngày ra quyết định, Tòa án phải mở phiên tòa" (Đ462 k2; Đ464 k3). The decision may come
on any of those days, so the hearing's last day is the decision's day + 7, never the end of the 10
days + 7 (a later day than the law's). Without the decision's day the step has no date: the card says
what it needs (``Awaiting``). The register counts it the same way (``register_summary.from_decision``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from knowledge.deadlines.chain import ChainBuilder
from knowledge.deadlines.periods import KindDef, Length, StepDef
from knowledge.deadlines.result import Awaiting, StepResult
from knowledge.deadlines.validate import DeadlineInputError, fmt_date


def _check(kd: KindDef, decided_on: date, begin_day: date, base: StepResult, decision: str) -> None:
    if decided_on < begin_day:
        raise DeadlineInputError(
            f"Ngày quyết định {decision} {fmt_date(decided_on)} trước mốc bắt đầu {fmt_date(begin_day)} "
            f"({kd.trigger.lower()}). Anh/chị kiểm tra lại ngày ghi trong quyết định."
        )
    if decided_on > base.last_day:
        raise DeadlineInputError(
            f"Ngày quyết định {decision} {fmt_date(decided_on)} sau khi thời hạn «{base.label}» đã hết "
            f"({fmt_date(base.last_day)}, {kd.basis}). Anh/chị kiểm tra lại ngày ghi trong quyết định."
        )


def decision_steps(
    kd: KindDef,
    eligible: list[StepDef],
    builder: ChainBuilder,
    base: StepResult,
    begin_day: date,
    decided_on: date | None,
    first_index: int,
) -> tuple[list[StepResult], tuple[Awaiting, ...]]:
    """The steps of ``eligible`` counted from a decision: dated from ``decided_on``, or awaiting it."""
    steps = [s for s in eligible if s.anchor == "decision"]
    if not steps:
        if decided_on is not None:
            raise DeadlineInputError(f"“{kd.label}” không có thời hạn tính từ ngày ra quyết định.")
        return [], ()
    if decided_on is None:
        return [], tuple(Awaiting(s.label, _length(s, builder).text(), s.basis or kd.basis, s.decision) for s in steps)
    _check(kd, decided_on, begin_day, base, steps[0].decision)
    dated = []
    for index, step in enumerate(steps, start=first_index):
        length = _length(step, builder)
        result, _ = builder.calendar_step(
            index, step.label, length, decided_on, length.text(), step.basis or kd.basis, None
        )
        dated.append(replace(result, decided_on=decided_on, decision=step.decision))
    return dated, ()


def _length(step: StepDef, builder: ChainBuilder) -> Length:
    length = step.length_for(builder.category)
    assert length is not None  # ``eligible`` holds only the steps that apply to the category
    return length
