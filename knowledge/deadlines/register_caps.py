"""Detention tied to a stage, as the register counts it: the stage's own end for the detention's
base term and for each of its extensions (BLTTHS 2015 Đ174 k4, Đ241 with Đ240 k1, Đ278 k2 with
Đ277 k1, Đ347 k2 with Đ346 k1). The stage is counted from the day it began by the calculator,
and its end is taken before any day-off shift (custody is never moved, TTLT 04/2018 Đ17), as the
calculator's cap does (``knowledge.deadlines.stage``). A stage extension whose decision was
recorded (``decided``: its length as decided) ends where the decision says; one not recorded is
assumed at the law's longest, and the step says so (``cap_assumed``). Pure; nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from knowledge.deadlines.arithmetic import calendar_end
from knowledge.deadlines.calculator import DeadlineInputError, compute
from knowledge.deadlines.periods import Length, StepDef, load_periods
from knowledge.deadlines.register_rules import ChainError
from knowledge.deadlines.register_step import Step
from knowledge.deadlines.result import StepResult
from knowledge.deadlines.stage import unshifted_end


@dataclass(frozen=True, slots=True)
class StageEnds:
    ends: tuple[date, ...]  # the stage's last day capping the detention's base, then each extension
    stage_label: str  # "Quyết định việc truy tố"
    start_label: str  # "ngày VKS nhận hồ sơ vụ án và bản kết luận điều tra"


def missing_stage_start(kind: str) -> ChainError:
    kd = load_periods().kinds[kind]
    assert kd.stage is not None
    return ChainError(
        f"“{kd.label}” không được vượt quá thời hạn của giai đoạn ({kd.basis}): anh/chị nhập "
        f"{kd.stage.start_label} để trợ lý tính đúng ngày hết hạn."
    )


def stage_steps(kind: str, category: str | None) -> list[StepDef]:
    """The extensions of the stage capping ``kind`` that apply to ``category``, in the stage's order."""
    table = load_periods()
    cap = table.kinds[kind].stage
    assert cap is not None
    return [s for s in table.kinds[cap.kind].extensions if s.applies_to(category)]


@lru_cache(maxsize=4096)
def stage_raw_ends(
    kind: str, category: str | None, stage_start: date, decided: tuple[Length, ...] = ()
) -> tuple[date, ...]:
    """Every step of the stage capping ``kind`` (0: its base, n: its n-th extension), each taken
    before any day-off shift: a decided extension runs its decided length from the end before it
    (calendar counting, Đ134 k1), one not decided the law's longest."""
    table = load_periods()
    cap = table.kinds[kind].stage
    assert cap is not None
    stage_kd = table.kinds[cap.kind]
    needed = category if stage_kd.needs_category else None
    try:
        stage = compute(cap.kind, stage_start, category=needed)
    except DeadlineInputError as exc:
        raise ChainError(exc.message_vi) from exc
    chain = (stage.base, *stage.steps)
    defs = stage_steps(kind, needed)
    raw = [unshifted_end(chain[0])]
    for n in range(1, len(chain)):
        rule = defs[n - 1]
        longest = rule.length_for(needed)
        if rule.anchor == "start" or longest is None or (n > len(decided) and not decided):
            raw.append(unshifted_end(chain[n]))
        else:
            raw.append(calendar_end(raw[n - 1], decided[n - 1] if n <= len(decided) else longest))
    return tuple(raw)


def stage_ends(kind: str, category: str | None, stage_start: date, decided: tuple[Length, ...] = ()) -> StageEnds:
    """The stage's ends for a detention of ``kind`` whose stage began on ``stage_start``."""
    table = load_periods()
    cap = table.kinds[kind].stage
    assert cap is not None
    raw = stage_raw_ends(kind, category, stage_start, decided)
    ends = tuple(raw[i] for i in cap.steps if i < len(raw))
    return StageEnds(ends, table.kinds[cap.kind].label, cap.start_label)


def day_end(last: date) -> datetime:
    return datetime.combine(last + timedelta(days=1), time(0, 0))


def cap_step(step: Step, n: int) -> Step:
    """Step ``n`` of a detention tied to a stage, cut to the stage's matching end when that is
    earlier (``step.last_day`` is the detention's own count, or ``capped_from`` when already cut)."""
    if step.stage_start is None:
        return step
    ends = stage_ends(step.kind, step.category, step.stage_start, step.stage_ext).ends
    if n >= len(ends):
        raise ChainError(
            f"Không đủ dữ liệu để tính mức trần của giai đoạn ({step.cap_basis}); anh/chị đối chiếu văn bản."
        )
    decisions = sum(1 for s in stage_steps(step.kind, step.category) if s.anchor != "start")
    assumed = 0 < n <= decisions and n > len(step.stage_ext)
    own = step.capped_from or step.last_day
    cap = ends[n]
    if own <= cap:
        uncut = replace(step, last_day=own, expiry=day_end(own), raw_end=own, end_time="24:00")
        return replace(uncut, cap_day=cap, capped_from=None, cap_assumed=assumed)
    return replace(
        step,
        last_day=cap,
        expiry=day_end(cap),
        raw_end=cap,
        end_time="24:00",
        cap_day=cap,
        capped_from=own,
        cap_assumed=assumed,
    )


def with_order(base: StepResult, begin: date, order_days: int | None, basis: str) -> StepResult:
    """The base term of a detention tied to a stage when its order names a length (already net of
    deducted tạm giữ days): the order may be shorter than the law's limit, never longer; the
    earliest of the order's own end, the law's count and the stage's end binds."""
    if order_days is None:
        return base
    if order_days <= 0:
        raise ChainError("Thời hạn ghi trong lệnh phải lớn hơn 0 ngày. Anh/chị kiểm tra lại lệnh.")
    law_last = base.capped_from or base.last_day  # the law's own count, before the stage's cap
    own = begin + timedelta(days=order_days - 1)
    if own > law_last:
        allowed = (law_last - begin).days + 1
        raise ChainError(
            f"Lệnh ghi {order_days} ngày, dài hơn mức tối đa {allowed} ngày ({basis}). Anh/chị kiểm tra lại lệnh."
        )
    if own < base.last_day:
        return replace(base, last_day=own, capped_from=None)
    return replace(base, capped_from=own if own > base.last_day else None)
