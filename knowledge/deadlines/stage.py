"""Detention tied to a stage never runs past the stage's own limit (LEGAL_REVIEW A1).

BLTTHS 2015: Đ347 k2 with Đ346 k1 (appeal: 60 days from receipt of the file), Đ174 k4 with
Đ174 k1–2 (resumed and supplementary investigation, counted from the resumption or from the day
the CQĐT receives the file back), Đ241 with Đ240 k1 (prosecution, from receipt of the file and
the conclusion), Đ278 k2 with Đ277 k1 (first-instance trial, from the thụ lý). A detention order
that starts after the stage began therefore ends on the earlier of its own last day (start + N − 1)
and the stage's last day counted by the stage's own rule. The stage's end is taken *before* any
day-off shift: custody is never moved (TTLT 04/2018 Đ17), so the unshifted end is the lawful one.
Each extension of the detention is capped by the matching extension of the stage. Pure.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from knowledge.deadlines.periods import StageCap
from knowledge.deadlines.result import DeadlineResult, StepResult
from knowledge.deadlines.validate import DeadlineInputError, fmt_date


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def unshifted_end(step: StepResult) -> date:
    return step.shifted_from or step.last_day


def check_stage_start(cap: StageCap, stage_start: date, begin_day: date) -> None:
    if stage_start > begin_day:
        raise DeadlineInputError(
            f"Ngày bắt đầu tạm giam {fmt_date(begin_day)} sớm hơn {cap.start_label} ({fmt_date(stage_start)}). "
            "Lệnh tạm giam trong giai đoạn này bắt đầu từ ngày đó trở đi; anh/chị kiểm tra lại hai ngày đã nhập."
        )


def apply_stage_cap(result: DeadlineResult, stage: DeadlineResult, cap: StageCap) -> DeadlineResult:
    """``result`` with each dated step cut to the end of the matching step of ``stage``."""
    chain = (stage.base, *stage.steps)
    begin_day, stage_start = _day(result.start), _day(stage.start)
    ends = [unshifted_end(chain[i]) for i in cap.steps if i < len(chain)]
    if len(ends) < 1 + len(result.steps):
        raise DeadlineInputError(f"Không đủ dữ liệu để tính mức trần của “{stage.label}”; anh/chị đối chiếu văn bản.")
    if ends[0] < begin_day:
        raise DeadlineInputError(
            f"{stage.label} tính từ {cap.start_label} {fmt_date(stage_start)} đã hết ngày {fmt_date(ends[0])}, "
            f"trước ngày bắt đầu tạm giam {fmt_date(begin_day)}. Nếu thời hạn đó đã được gia hạn, anh/chị đối chiếu "
            "quyết định gia hạn; nếu không, anh/chị kiểm tra lại hai ngày đã nhập."
        )

    def cut(step: StepResult, end: date) -> StepResult:
        if end >= step.last_day:
            return step
        return replace(step, last_day=end, capped_from=step.last_day)

    base = cut(result.base, ends[0])
    steps = tuple(cut(s, e) for s, e in zip(result.steps, ends[1:], strict=False))
    limits = f"hết ngày {fmt_date(ends[0])}" + "".join(
        f", khi gia hạn lần {i}: {fmt_date(e)}" for i, e in enumerate(ends[1 : 1 + len(steps)], start=1)
    )
    note = (
        f"Mức trần: thời hạn “{stage.label}” tính từ {cap.start_label} {fmt_date(stage_start)} {limits} "
        f"({stage.basis}; ngày cuối của giai đoạn không lùi ngày nghỉ). Thời hạn tạm giam không được vượt quá mức này"
        + ("; ngày cuối ở trên đã giới hạn theo mức trần." if any(s.capped_from for s in (base, *steps)) else ".")
    )
    notes = (note, *result.notes)
    return replace(result, base=base, steps=steps, notes=notes, stage_start=stage_start)


def mark_unknown(result: DeadlineResult, cap: StageCap) -> DeadlineResult:
    """No stage start: the dates are only the detention's own count; say so on the card and in the JSON."""
    return replace(result, stage_cap_unknown=True, stage_warning=cap.warning)
