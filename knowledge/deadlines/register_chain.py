"""A tracked item's current step and its expiry, as a pure function of its event chain.

Nothing here is stored: the register keeps the events people recorded (the order's start and
length, each extension, a conversion, a release) and this module folds them with the calculator
every time it is asked. ``apply`` is also the law check: an event that the law does not allow
(one extension too many, a longer one than the article permits, a tạm giam conversion without a
tạm giữ) raises :class:`ChainError` with a Vietnamese message naming the article.

Arithmetic per counting (knowledge/deadlines/calculator.py, FACTS §1): an extension runs from the
end of the step it extends — clock steps from the exact end moment, tạm giam from the day after
the last day (last = previous last + days), calendar steps from the previous *unshifted* end (the
calculator's conservative rule), moved off a day off at the end.

The law's special cases (FACTS §4, §15): an ANQG item (``anqg`` on the start, conversion or stage
event) follows Đ172 k3 and Đ173 k5 instead of the non-ANQG steps; an ``extend`` with
``open_ended`` records detention "until the investigation (hearing) ends" — a state with no
expiry (``State.open``); detention tied to a stage carries the stage's start (``stage_start``)
and each of its steps ends at the earlier of its own count and the stage's end; a
``stage_extend`` records the stage's own extension decision (``register_decision``), and the cap
of the detention's matching extension follows the decided length.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from knowledge.deadlines.arithmetic import calendar_end, split_moment
from knowledge.deadlines.calculator import DeadlineInputError, compute
from knowledge.deadlines.calendar import load_calendar
from knowledge.deadlines.periods import Length, load_periods
from knowledge.deadlines.register_caps import cap_step, day_end, missing_stage_start, stage_ends, with_order
from knowledge.deadlines.register_decision import check_decided_on, decide
from knowledge.deadlines.register_rules import (
    CONVERSIONS,
    EXTENSION_TABLE,
    NEXT_STAGES,
    ChainError,
    day_field,
    extension_steps,
    flag,
    int_field,
    length_text,
    open_step,
    requested,
)
from knowledge.deadlines.register_step import Event, OpenPeriod, State, Step
from knowledge.deadlines.register_summary import SUMMARY_DETENTION, cancel_data, from_decision

__all__ = ["EVENT_TYPES", "ChainError", "Event", "OpenPeriod", "State", "Step", "apply", "deducted_days", "fold"]

EVENT_TYPES = ("start", "extend", "convert", "stage", "stage_extend", "release", "close")


def _parse_start(value: Any) -> date | datetime:
    text = str(value)
    return datetime.fromisoformat(text) if "T" in text or " " in text else date.fromisoformat(text)


def _base(kind: str, data: Mapping[str, Any], seq: int, category: str | None) -> Step:
    start = _parse_start(data["start"])
    stage_start = day_field(data, "stage_start")
    kd = load_periods().kinds[kind]
    if kd.stage is not None and stage_start is None:
        raise missing_stage_start(kind)
    if kd.stage is None and stage_start is not None:
        raise ChainError(f"“{kd.label}” không gắn với thời hạn của giai đoạn nào: bỏ ngày bắt đầu giai đoạn.")
    months, days = int_field(data, "months"), int_field(data, "days")
    capped = kd.stage is not None or kind in SUMMARY_DETENTION  # the order's length: below, within the law's
    try:
        result = compute(
            kind,
            start,
            category=category,
            months=None if capped else months,
            days=None if capped else days,
            tam_giu_days=int_field(data, "tam_giu_days"),
            stage_start=stage_start,
        )
    except DeadlineInputError as exc:
        raise ChainError(exc.message_vi) from exc
    base = result.base
    if capped and (months or days):
        order = 30 * (months or 0) + (days or 0) - result.tam_giu_days
        begin = result.start.date() if isinstance(result.start, datetime) else result.start
        base = with_order(base, begin, order, kd.basis)
    end = base.end_moment or day_end(base.last_day)
    raw = base.shifted_from or base.last_day
    held = result.start if kind in CONVERSIONS and isinstance(result.start, datetime) else None
    cap_day = stage_ends(kind, result.category, stage_start).ends[0] if stage_start else None
    step = Step(
        kind,
        result.label,
        result.counting,
        result.custody,
        0,
        result.start,
        end,
        base.last_day,
        base.end_time,
        raw,
        base.basis,
        seq,
        result.category,
        result.tam_giu_days,
        held,
        stage_start=stage_start,
        cap_day=cap_day,
        capped_from=base.capped_from,
        cap_basis=kd.basis if stage_start else "",
    )
    return step


def _extended(step: Step, length: Length, anchor_start: bool) -> tuple[datetime, date, str, date]:
    """(expiry, last day, end time, raw end) of ``step`` extended by ``length``."""
    if step.counting == "clock":
        anchor = step.start if anchor_start and isinstance(step.start, datetime) else step.expiry
        moment = anchor + timedelta(hours=length.hours())
        last, end_time = split_moment(moment)
        return moment, last, end_time, last
    if step.counting == "custody_days":
        last = step.last_day + timedelta(days=length.custody_days())
        return day_end(last), last, "24:00", last
    anchor_day = step.start if anchor_start and isinstance(step.start, date) else step.raw_end
    if isinstance(anchor_day, datetime):
        anchor_day = anchor_day.date()
    raw = calendar_end(anchor_day, length)
    last = load_calendar().roll_forward(raw)
    return day_end(last), last, "24:00", raw


def _open(state: State, step: Step, event: Event) -> State:
    """The step the law leaves without a date (Đ173 k5, k6; Đ278 k3; Đ347 k2): no expiry from now on."""
    rule = open_step(step.kind, step.category, step.anqg, state.extensions)
    if rule is None:
        kd, steps = extension_steps(step.kind, step.category, step.anqg)
        later = open_step(step.kind, step.category, step.anqg, len(steps))
        if later is not None:
            raise ChainError(
                f"Chưa ghi được: tạm giam cho đến khi {later.until} chỉ áp dụng khi đã hết các lần gia hạn có thời "
                f"hạn (còn {len(steps) - state.extensions} lần, {later.basis or kd.basis})."
            )
        raise ChainError(
            f"“{kd.label}” với loại tội này không có trường hợp tạm giam cho đến khi kết thúc điều tra hoặc "
            f"phiên tòa ({kd.basis}). Không có gì được lưu."
        )
    kd = load_periods().kinds[EXTENSION_TABLE.get(step.kind, step.kind)]
    period = OpenPeriod(
        step, rule.label, rule.until, rule.basis or kd.basis, rule.approver or "", event.seq, step.expiry
    )
    return replace(state, step=None, open=period)


def _extend(state: State, step: Step, event: Event) -> State:
    if flag(event.data, "anqg"):  # extended under Đ172 k3 / Đ173 k5: the item is ANQG from now on
        step = replace(step, anqg=True)
    kd, steps = extension_steps(step.kind, step.category, step.anqg)
    if step.kind in EXTENSION_TABLE and step.category is None:
        raise ChainError(
            "Để kiểm tra giới hạn gia hạn tạm giam (Điều 173), anh/chị cần ghi loại tội của mục này trước."
        )
    if flag(event.data, "open_ended"):
        return _open(state, step, event)
    n = state.extensions + 1
    after = open_step(step.kind, step.category, step.anqg, n - 1)
    beyond = f" Nếu đã có quyết định tạm giam cho đến khi {after.until}, anh/chị ghi việc đó." if after else ""
    if not steps:
        raise ChainError(f"“{kd.label}” không có gia hạn theo {kd.basis}.{beyond}")
    if n > len(steps):
        raise ChainError(
            f"Đã gia hạn {n - 1} lần: {kd.label.lower()} chỉ được gia hạn tối đa {len(steps)} lần "
            f"({steps[-1].basis or kd.basis}). Không ghi được lần gia hạn thứ {n}.{beyond}"
        )
    rule = steps[n - 1]
    check_decided_on(step, event.data)
    most = rule.length_for(step.category)
    assert most is not None
    length = requested(event.data, step.counting, most)
    anchored = from_decision(step, n, event.data, length, most)  # Đ462 k2, Đ464 k3: from the decision
    expiry, last, end_time, raw = anchored[0] if anchored else _extended(step, length, rule.anchor == "start")
    limit = anchored[1] if anchored else _extended(step, most, rule.anchor == "start")[0]
    if expiry > limit or length.value <= 0:
        raise ChainError(
            f"Lần gia hạn thứ {n} tối đa {most.text()} ({rule.basis or kd.basis}); "
            f"anh/chị ghi {length_text(length)}. Anh/chị kiểm tra lại quyết định gia hạn."
        )
    new = replace(
        step,
        index=n,
        label=rule.label,
        expiry=expiry,
        last_day=last,
        end_time=end_time,
        raw_end=raw,
        basis=rule.basis or kd.basis,
        seq=event.seq,
        begins=step.expiry,
        capped_from=None,  # the extension's own count; cap_step cuts it to the stage's end
    )
    return replace(state, step=cap_step(new, n), extensions=n)


def deducted_days(step: Step, until: datetime | None = None) -> int:
    """Days of tạm giữ deducted from tạm giam (FACTS §1: 1 day = 1 day; 72 hours = 3 days),
    counted up to the end of tạm giữ (or ``until``, if earlier), whole days rounded up."""
    if step.held_from is None:
        return 0
    end = min(step.expiry, until) if until else step.expiry
    return min(max(math.ceil((end - step.held_from) / timedelta(days=1)), 0), 9)


def _convert(step: Step, event: Event) -> State:
    if step.kind not in CONVERSIONS:
        raise ChainError(
            "Chỉ chuyển sang tạm giam khi người này đang bị tạm giữ. Anh/chị ghi «gia hạn» hoặc «giai đoạn mới»."
        )
    data = dict(event.data)
    data.setdefault("start", step.expiry.date().isoformat())  # TTLT 04/2018 Đ17: day 1 = the day tạm giữ ends
    if data.get("tam_giu_days") is None:
        data["tam_giu_days"] = deducted_days(step)
    category = data.get("category") or step.category
    new = _base(CONVERSIONS[step.kind][0], data, event.seq, None)
    return State(step=replace(new, category=category, anqg=flag(data, "anqg") or step.anqg))


def _cancel_summary(step: Step, event: Event) -> State:
    """Đ458: the summary procedure cancelled, the item goes on as the general kind from the decision."""
    kind, data, decided = cancel_data(step, event.data)
    category = data.pop("category")
    needed = category if load_periods().kinds[kind].needs_category else None
    new = _base(kind, data, event.seq, needed)
    anqg = flag(event.data, "anqg") or step.anqg
    return State(step=replace(new, category=category, anqg=anqg, summary_cancelled_on=decided))


def _stage(step: Step, event: Event) -> State:
    kind = str(event.data.get("kind", ""))
    kinds = load_periods().kinds
    if event.data.get("summary_cancelled") is True:
        return _cancel_summary(step, event)
    if kind not in NEXT_STAGES.get(step.kind, ()):
        allowed = ", ".join(f"“{kinds[k].label}”" for k in NEXT_STAGES.get(step.kind, ())) or "không có"
        target = kinds[kind].label if kind in kinds else kind
        raise ChainError(f"Không chuyển được từ “{step.label}” sang “{target}”. Giai đoạn tiếp theo hợp lệ: {allowed}.")
    category = event.data.get("category") or step.category
    kd = kinds[kind]
    new = _base(kind, event.data, event.seq, category if kd.needs_category else None)
    return State(step=replace(new, category=category, anqg=flag(event.data, "anqg") or step.anqg))


def apply(state: State, event: Event) -> State:
    """The state after ``event``; raises :class:`ChainError` when the event is not allowed."""
    if event.type not in EVENT_TYPES:
        raise ChainError(f"Loại sự kiện “{event.type}” không hợp lệ.")
    if event.type == "start":
        if state.current is not None:
            raise ChainError(
                "Mục này đã có lệnh ban đầu. Anh/chị ghi gia hạn hoặc chuyển biện pháp từ thẻ của mục (/theodoi)."
            )
        kind = str(event.data.get("kind", ""))
        kd = load_periods().kinds.get(kind)
        if kd is None:
            raise ChainError(f"Loại thời hạn “{kind}” không được theo dõi.")
        category = event.data.get("category")
        step = _base(kind, event.data, event.seq, category if kd.needs_category else None)
        return State(step=replace(step, category=category or None, anqg=flag(event.data, "anqg")))
    current = state.current
    if current is None:
        raise ChainError("Mục này chưa có lệnh ban đầu. Anh/chị tạo lại mục bằng /theodoi_moi.")
    if state.closed:
        raise ChainError("Mục này đã kết thúc theo dõi: không ghi thêm sự kiện được. Anh/chị tạo mục mới nếu cần.")
    if state.open is not None and event.type in ("extend", "convert", "stage_extend"):
        raise ChainError(
            f"Đang {state.open.label.lower()}: không có ngày hết hạn nên không gia hạn được. "
            "Anh/chị ghi «giai đoạn mới», «trả tự do / đổi biện pháp» hoặc «kết thúc theo dõi»."
        )
    if event.type == "extend":
        return _extend(state, current, event)
    if event.type == "convert":
        return _convert(current, event)
    if event.type == "stage_extend":
        return replace(state, step=decide(current, event))
    if event.type == "stage":
        return _stage(current, event)
    return replace(state, closed=True, closed_by=event.type)


def fold(events: Iterable[Event]) -> State:
    state = State()
    for event in sorted(events, key=lambda e: e.seq):
        state = apply(state, event)
    return state
