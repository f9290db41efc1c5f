"""Detention tied to a stage, as the register counts it: the stage's own end for the detention's
base term and for each of its extensions (BLTTHS 2015 Đ174 k4, Đ241 with Đ240 k1, Đ278 k2 with
Đ277 k1, Đ347 k2 with Đ346 k1). The stage is counted from the day it began by the calculator,
and its end is taken before any day-off shift (custody is never moved, TTLT 04/2018 Đ17), as the
calculator's cap does (``knowledge.deadlines.stage``). Pure; nothing here is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from knowledge.deadlines.calculator import DeadlineInputError, compute
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_rules import ChainError
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


@lru_cache(maxsize=4096)
def stage_ends(kind: str, category: str | None, stage_start: date) -> StageEnds:
    """The stage's ends for a detention of ``kind`` whose stage began on ``stage_start``."""
    table = load_periods()
    kd = table.kinds[kind]
    cap = kd.stage
    assert cap is not None
    stage_kd = table.kinds[cap.kind]
    try:
        stage = compute(cap.kind, stage_start, category=category if stage_kd.needs_category else None)
    except DeadlineInputError as exc:
        raise ChainError(exc.message_vi) from exc
    chain = (stage.base, *stage.steps)
    ends = tuple(unshifted_end(chain[i]) for i in cap.steps if i < len(chain))
    return StageEnds(ends, stage_kd.label, cap.start_label)


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
