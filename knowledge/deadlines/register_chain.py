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
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from knowledge.deadlines.arithmetic import calendar_end, split_moment
from knowledge.deadlines.calculator import DeadlineInputError, compute
from knowledge.deadlines.calendar import load_calendar
from knowledge.deadlines.periods import Length, load_periods
from knowledge.deadlines.register_rules import (
    EXTENSION_TABLE,
    NEXT_STAGES,
    ChainError,
    extension_steps,
    int_field,
    length_text,
    requested,
)
from knowledge.deadlines.reminders import due_text

EVENT_TYPES = ("start", "extend", "convert", "stage", "release", "close")


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    type: str
    data: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Step:
    """The period running now: ``index`` 0 is the order's own term, n its n-th extension."""

    kind: str
    label: str
    counting: str
    custody: bool
    index: int
    start: date | datetime
    expiry: datetime  # naive local; 24:00 of a day is 00:00 of the next
    last_day: date
    end_time: str
    raw_end: date  # unshifted end (calendar counting): the anchor of the next extension
    basis: str
    seq: int  # the event that opened this step
    category: str | None
    tam_giu_days: int = 0
    held_from: datetime | None = None  # when tạm giữ began (for the conversion's deduction)
    begins: datetime | None = None  # when this step began (naive local); None: at ``start``

    @property
    def began(self) -> datetime:
        if self.begins is not None:
            return self.begins
        return self.start if isinstance(self.start, datetime) else datetime.combine(self.start, time(0, 0))

    @property
    def due(self) -> str:
        return due_text(self.kind, self.index, len(extension_steps(self.kind, self.category)[1]))

    @property
    def day_based(self) -> bool:
        return self.counting != "clock"


@dataclass(frozen=True, slots=True)
class State:
    step: Step | None = None
    closed: bool = False
    closed_by: str | None = None
    extensions: int = 0


def _parse_start(value: Any) -> date | datetime:
    text = str(value)
    return datetime.fromisoformat(text) if "T" in text or " " in text else date.fromisoformat(text)


def _base(kind: str, data: Mapping[str, Any], seq: int, category: str | None) -> Step:
    start = _parse_start(data["start"])
    try:
        result = compute(
            kind,
            start,
            category=category,
            months=int_field(data, "months"),
            days=int_field(data, "days"),
            tam_giu_days=int_field(data, "tam_giu_days"),
        )
    except DeadlineInputError as exc:
        raise ChainError(exc.message_vi) from exc
    base = result.base
    end = base.end_moment or _day_end(base.last_day)
    raw = base.shifted_from or base.last_day
    held = result.start if kind in ("tam_giu", "giu_khan_cap") and isinstance(result.start, datetime) else None
    return Step(
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
    )


def _day_end(last: date) -> datetime:
    return datetime.combine(last + timedelta(days=1), time(0, 0))


def _extended(step: Step, length: Length, anchor_start: bool) -> tuple[datetime, date, str, date]:
    """(expiry, last day, end time, raw end) of ``step`` extended by ``length``."""
    if step.counting == "clock":
        anchor = step.start if anchor_start and isinstance(step.start, datetime) else step.expiry
        moment = anchor + timedelta(hours=length.hours())
        last, end_time = split_moment(moment)
        return moment, last, end_time, last
    if step.counting == "custody_days":
        last = step.last_day + timedelta(days=length.custody_days())
        return _day_end(last), last, "24:00", last
    anchor_day = step.start if anchor_start and isinstance(step.start, date) else step.raw_end
    if isinstance(anchor_day, datetime):
        anchor_day = anchor_day.date()
    raw = calendar_end(anchor_day, length)
    last = load_calendar().roll_forward(raw)
    return _day_end(last), last, "24:00", raw


def _extend(state: State, step: Step, event: Event) -> State:
    kd, steps = extension_steps(step.kind, step.category)
    if step.kind in EXTENSION_TABLE and step.category is None:
        raise ChainError(
            "Để kiểm tra giới hạn gia hạn tạm giam (Điều 173), anh/chị cần ghi loại tội của mục này trước."
        )
    n = state.extensions + 1
    if not steps:
        raise ChainError(f"“{kd.label}” không có gia hạn theo {kd.basis}.")
    if n > len(steps):
        raise ChainError(
            f"Đã gia hạn {n - 1} lần: {kd.label.lower()} chỉ được gia hạn tối đa {len(steps)} lần "
            f"({steps[-1].basis or kd.basis}). Không ghi được lần gia hạn thứ {n}."
        )
    rule = steps[n - 1]
    most = rule.length_for(step.category)
    assert most is not None
    length = requested(event.data, step.counting, most)
    expiry, last, end_time, raw = _extended(step, length, rule.anchor == "start")
    limit, *_ = _extended(step, most, rule.anchor == "start")
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
    )
    return replace(state, step=new, extensions=n)


def deducted_days(step: Step, until: datetime | None = None) -> int:
    """Days of tạm giữ deducted from tạm giam (FACTS §1: 1 day = 1 day; 72 hours = 3 days),
    counted up to the end of tạm giữ (or ``until``, if earlier), whole days rounded up."""
    if step.held_from is None:
        return 0
    end = min(step.expiry, until) if until else step.expiry
    return min(max(math.ceil((end - step.held_from) / timedelta(days=1)), 0), 9)


def _convert(step: Step, event: Event) -> State:
    if step.kind not in ("tam_giu", "giu_khan_cap"):
        raise ChainError(
            "Chỉ chuyển sang tạm giam khi người này đang bị tạm giữ. Anh/chị ghi «gia hạn» hoặc «giai đoạn mới»."
        )
    data = dict(event.data)
    data.setdefault("start", step.expiry.date().isoformat())  # TTLT 04/2018 Đ17: day 1 = the day tạm giữ ends
    if data.get("tam_giu_days") is None:
        data["tam_giu_days"] = deducted_days(step)
    category = data.get("category") or step.category
    new = _base("tam_giam", data, event.seq, None)
    return State(step=replace(new, category=category))


def _stage(step: Step, event: Event) -> State:
    kind = str(event.data.get("kind", ""))
    kinds = load_periods().kinds
    if kind not in NEXT_STAGES.get(step.kind, ()):
        allowed = ", ".join(f"“{kinds[k].label}”" for k in NEXT_STAGES.get(step.kind, ())) or "không có"
        target = kinds[kind].label if kind in kinds else kind
        raise ChainError(f"Không chuyển được từ “{step.label}” sang “{target}”. Giai đoạn tiếp theo hợp lệ: {allowed}.")
    category = event.data.get("category") or step.category
    kd = kinds[kind]
    new = _base(kind, event.data, event.seq, category if kd.needs_category else None)
    return State(step=replace(new, category=category))


def apply(state: State, event: Event) -> State:
    """The state after ``event``; raises :class:`ChainError` when the event is not allowed."""
    if event.type not in EVENT_TYPES:
        raise ChainError(f"Loại sự kiện “{event.type}” không hợp lệ.")
    if event.type == "start":
        if state.step is not None:
            raise ChainError(
                "Mục này đã có lệnh ban đầu. Anh/chị ghi gia hạn hoặc chuyển biện pháp từ thẻ của mục (/theodoi)."
            )
        kind = str(event.data.get("kind", ""))
        kd = load_periods().kinds.get(kind)
        if kd is None:
            raise ChainError(f"Loại thời hạn “{kind}” không được theo dõi.")
        category = event.data.get("category")
        step = _base(kind, event.data, event.seq, category if kd.needs_category else None)
        return State(step=replace(step, category=category or None))
    if state.step is None:
        raise ChainError("Mục này chưa có lệnh ban đầu. Anh/chị tạo lại mục bằng /theodoi_moi.")
    if state.closed:
        raise ChainError("Mục này đã kết thúc theo dõi: không ghi thêm sự kiện được. Anh/chị tạo mục mới nếu cần.")
    if event.type == "extend":
        return _extend(state, state.step, event)
    if event.type == "convert":
        return _convert(state.step, event)
    if event.type == "stage":
        return _stage(state.step, event)
    return replace(state, closed=True, closed_by=event.type)


def fold(events: Iterable[Event]) -> State:
    state = State()
    for event in sorted(events, key=lambda e: e.seq):
        state = apply(state, event)
    return state
