"""Procedural deadline calculator (pure functions over ``knowledge/data/periods.yaml``).

Counting conventions (FACTS §1; BLTTHS 2015 Đ134 k1, TTLT 04/2018 Đ17):

* ``clock`` (hours, giữ khẩn cấp, tạm giữ): from the exact start moment; 3 days = 72 hours;
  ends at the same clock time; never shifted. A period ending exactly at 00:00 is shown as
  24:00 of the day before.
* ``custody_days`` (tạm giam): the start day is day 1; 1 month = 30 days;
  last day = start + (30 × months + days − tạm giữ days) − 1, at 24:00; never shifted.
  An extension starts the day after the previous last day: last = previous last + length.
* ``calendar`` (everything else): days: last day = trigger + N (the day after the trigger is
  day 1), at 24:00; months/years: the same-numbered day n months later, clamped to the end
  of the month. A last day that is a day off moves to the next working day.

Open point (FACTS §1, U): how an extension chains after a month-end clamp or a day-off
shift. Rule chosen, the most conservative one: an extension is counted from the
*unshifted, clamped* last day of the period it extends (e.g. 31/12 + 2 months = 28/02;
the next 2 months end 28/04, not 30/04; a base moved from Saturday to Monday is extended
from the Saturday). It never ends later than the alternatives. The caller may override
the anchor of the first chained extension with ``extension_anchor`` (the end of the
extended period as written in the decision); later extensions chain from it.

The modules: ``validate`` (input checks), ``arithmetic`` (dates), ``chain`` (the steps),
``result_notes`` (the notes), ``kind_menu`` (the kinds offered),
this one (the orchestration). Pure: no clock reads (``today`` is a parameter);
I/O only to read the data files.
"""

from __future__ import annotations

from datetime import date, datetime

from knowledge.deadlines.arithmetic import total_text
from knowledge.deadlines.calendar import WorkCalendar, load_calendar
from knowledge.deadlines.chain import ChainBuilder
from knowledge.deadlines.decision_step import decision_steps
from knowledge.deadlines.kind_menu import KindInfo, list_kinds
from knowledge.deadlines.periods import Length, PeriodTable, StepDef, load_periods
from knowledge.deadlines.result import DeadlineResult, OpenStep, StepResult
from knowledge.deadlines.result_notes import result_notes
from knowledge.deadlines.stage import apply_stage_cap, check_stage_start, mark_unknown
from knowledge.deadlines.validate import (
    DeadlineInputError,
    check_category,
    check_options,
    check_start_day,
    fmt_date,
    kind_def,
    normalise_start,
    order_days,
)

__all__ = [
    "DeadlineInputError",
    "DeadlineResult",
    "KindInfo",
    "StepResult",
    "compute",
    "fmt_date",
    "list_kinds",
    "load_periods",
]


# -- the calculator -----------------------------------------------------------------------------
def compute(
    kind: str,
    start: datetime | date,
    *,
    category: str | None = None,
    months: int | None = None,
    days: int | None = None,
    tam_giu_days: int | None = None,
    anqg: bool = False,
    calendar: WorkCalendar | None = None,
    extension_anchor: date | None = None,
    stage_start: date | None = None,
    today: date | None = None,
    table: PeriodTable | None = None,
    decided_on: date | None = None,
) -> DeadlineResult:
    """Compute a period and all its extensions; see the module docstring for the rules.

    ``start`` is local Vietnamese time (naive, or aware and converted to UTC+7); a date for
    day-based kinds, a datetime for kinds counted by the clock. ``today`` (optional) enables
    the "more than 50 years away" check. ``stage_start`` (kinds with a ``stage`` in the table:
    detention tied to a stage) caps every last day at the stage's own limit counted from it;
    without it the result says ``stage_cap_unknown``. ``decided_on``: the day of the decision a step
    counts from (``decision_step``); without it that step is ``awaiting``. Raises :class:`DeadlineInputError`.
    """
    t = table or load_periods()
    kd = kind_def(kind, t)
    begin = normalise_start(start, kd)
    begin_day = begin.date() if isinstance(begin, datetime) else begin
    check_start_day(begin_day, today)
    category = check_category(kd, category, t)
    typed_days = order_days(kd, months, days)
    deduct = check_options(kd, anqg, tam_giu_days, t)
    if isinstance(stage_start, datetime):
        stage_start = stage_start.date()  # a stage starts on a day; the hour does not move the cap
    if stage_start is not None:
        if kd.stage is None:
            allowed = ", ".join(k for k, v in t.kinds.items() if v.stage)
            raise DeadlineInputError(f"Ngày bắt đầu giai đoạn chỉ áp dụng cho: {allowed}.")
        check_start_day(stage_start, today)
        check_stage_start(kd.stage, stage_start, begin_day)

    base_len = kd.base.length_for(category)
    if typed_days is not None:
        base_len = Length(typed_days, "d")
    assert base_len is not None  # guaranteed by the table validation and the category check
    parts: dict[str, int] = {}
    if months:
        parts["m"] = months
    if days:
        parts["d"] = days
    if not parts:
        parts = {base_len.unit: base_len.value}
    base_days = 30 * (months or 0) + (days or 0) if typed_days is not None else None
    if kd.counting == "custody_days":
        base_days = (base_days if base_days is not None else base_len.custody_days()) - deduct
        if base_days <= 0:
            raise DeadlineInputError(
                f"Số ngày tạm giữ được trừ ({deduct}) phải nhỏ hơn thời hạn tạm giam ({base_days + deduct} ngày)."
            )

    eligible = [
        s
        for s in (*(s for s in kd.extensions if not (anqg and s.unless_anqg)), *(kd.anqg_extensions if anqg else ()))
        if s.applies_to(category)
    ]
    chain = [s for s in eligible if not s.open_ended and s.anchor != "decision"]
    if extension_anchor is not None:
        if kd.counting == "clock" or not any(s.anchor == "previous" for s in chain):
            raise DeadlineInputError(f"“{kd.label}” không có lần gia hạn tính theo mốc ngày để thay đổi.")
        if extension_anchor < begin_day:
            raise DeadlineInputError(
                f"Mốc gia hạn {fmt_date(extension_anchor)} sớm hơn ngày bắt đầu {fmt_date(begin_day)}."
            )

    def approver_text(step: StepDef, anchor_day: date) -> str | None:
        if not step.approver:
            return None
        if anchor_day >= t.approver_uncertain_from:
            return f"{t.approver_uncertain_text}; trước 01/07/2025: {step.approver}"
        return step.approver

    builder = ChainBuilder(kd, calendar or load_calendar(), category, deduct)
    base, prev = builder.base(begin, base_len, base_days, parts, typed_days is not None)

    # Extensions, in order.
    steps: list[StepResult] = []
    override = extension_anchor
    for index, step in enumerate(chain, start=1):
        length = step.length_for(category)
        assert length is not None
        if step.anchor == "start":
            anchor: date | datetime = begin
            parts = {length.unit: length.value}
        else:
            anchor = prev
            if override is not None:
                anchor, override = override, None
                builder.flags.clear()  # the user's anchor replaces everything before it
            parts[length.unit] = parts.get(length.unit, 0) + length.value
        anchor_day = anchor.date() if isinstance(anchor, datetime) else anchor
        total = total_text(parts, kd.counting, deduct)
        result_step, prev = builder.extension(index, step, anchor, total, approver_text(step, anchor_day))
        steps.append(result_step)
    decided, awaiting = decision_steps(kd, eligible, builder, base, begin_day, decided_on, len(steps) + 1)
    steps += decided

    open_steps = tuple(
        OpenStep(
            s.label,
            s.until,
            s.basis or kd.basis,
            approver_text(s, steps[-1].last_day if steps else begin_day),
            s.special,
        )
        for s in eligible
        if s.open_ended
    )
    notes = result_notes(
        kd,
        builder,
        chain,
        category=category,
        anqg=anqg,
        deduct=deduct,
        extension_anchor=extension_anchor,
        begin_day=begin_day,
        has_steps=bool(steps),
    )
    provisional = tuple(sorted(builder.provisional))

    result = DeadlineResult(
        kind=kd.kind,
        label=kd.label,
        basis=kd.basis,
        status=kd.status,
        counting=kd.counting,
        custody=kd.custody,
        trigger=kd.trigger,
        start=begin,
        base=base,
        steps=tuple(steps),
        notes=tuple(notes),
        category=category,
        category_label=t.categories.get(category) if category else None,
        anqg=anqg,
        tam_giu_days=deduct,
        base_days=base_days if kd.counting == "custody_days" else None,
        open_steps=open_steps,
        provisional_days_off=provisional,
        provisional_why=tuple(builder.cal.provisional_words(provisional)),
        awaiting=awaiting,
    )
    if kd.stage is None:
        return result
    if stage_start is None:
        return mark_unknown(result, kd.stage)
    stage_kd = t.kinds[kd.stage.kind]
    stage = compute(
        stage_kd.kind,
        stage_start,
        category=category if stage_kd.needs_category else None,
        calendar=builder.cal,
        today=today,
        table=t,
    )
    return apply_stage_cap(result, stage, kd.stage)
