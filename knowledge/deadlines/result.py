"""What the deadline calculator returns: each step's last day, shift and basis, and the
JSON view used by ``python -m bot deadline --json``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from knowledge.deadlines.calendar import weekday_vi


@dataclass(frozen=True, slots=True)
class StepResult:
    label: str
    length: str
    last_day: date
    end_time: str  # "HH:MM" (clock) or "24:00"
    shifted_from: date | None
    shift_reason: str | None
    running_total: str
    basis: str
    approver: str | None
    anchor: date | datetime
    end_moment: datetime | None = None  # clock counting only
    special: bool = False  # "trường hợp đặc biệt" (exceptional extension)
    capped_from: date | None = None  # the detention's own last day, cut to the stage's limit
    decided_on: date | None = None  # counted from the day of a decision (Đ462 k2, Đ464 k3), not chained
    decision: str = ""  # that decision ("đưa vụ án ra xét xử")

    @property
    def weekday(self) -> str:
        return weekday_vi(self.last_day)

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "length": self.length,
            "last_day": self.last_day.isoformat(),
            "end_time": self.end_time,
            "shifted_from": self.shifted_from.isoformat() if self.shifted_from else None,
            "special": self.special,
            "approver": self.approver,
            "basis": self.basis,
            "open_ended": False,
            "capped_from": self.capped_from.isoformat() if self.capped_from else None,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
        }


@dataclass(frozen=True, slots=True)
class OpenStep:
    """A step the law leaves without a date ("cho đến khi kết thúc việc điều tra")."""

    label: str
    until: str  # what ends it, in Vietnamese
    basis: str
    approver: str | None
    special: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "length": None,
            "last_day": None,
            "end_time": None,
            "shifted_from": None,
            "special": self.special,
            "approver": self.approver,
            "basis": self.basis,
            "open_ended": True,
            "until": self.until,
        }


@dataclass(frozen=True, slots=True)
class Awaiting:
    """A step counted from a decision whose day was not given: no date until it is (Đ462 k2)."""

    label: str
    length: str
    basis: str
    decision: str  # "đưa vụ án ra xét xử"

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "length": self.length,
            "basis": self.basis,
            "needs": f"ngày quyết định {self.decision}",
        }


@dataclass(frozen=True, slots=True)
class DeadlineResult:
    kind: str
    label: str
    basis: str
    status: str
    counting: str
    custody: bool
    trigger: str
    start: date | datetime
    base: StepResult
    steps: tuple[StepResult, ...] = ()
    notes: tuple[str, ...] = ()
    category: str | None = None
    category_label: str | None = None
    anqg: bool = False
    tam_giu_days: int = 0
    base_days: int | None = None  # custody_days: days in the base period after deduction
    open_steps: tuple[OpenStep, ...] = ()  # after the dated steps; never in max_step
    provisional_days_off: tuple[date, ...] = ()  # days off of unconfirmed years the result depends on
    provisional_why: tuple[tuple[str, tuple[date, ...]], ...] = ()  # what is uncertain about them, and which
    stage_start: date | None = None  # when the stage that caps this detention began (given by the user)
    stage_cap_unknown: bool = False  # a stage caps this detention but its start was not given
    stage_warning: str | None = None  # shown when stage_cap_unknown
    awaiting: tuple[Awaiting, ...] = ()  # steps that need a decision's day to be dated

    @property
    def max_step(self) -> StepResult:
        return self.steps[-1] if self.steps else self.base

    def start_text(self) -> str:
        if isinstance(self.start, datetime):
            return self.start.strftime("%Y-%m-%d %H:%M")
        return self.start.isoformat()

    def to_json(self) -> dict[str, Any]:
        base = self.base.to_json()
        return {
            "kind": self.kind,
            "start": self.start_text(),
            "last_day": base["last_day"],
            "end_time": base["end_time"],
            "shifted_from": base["shifted_from"],
            "basis": self.basis,
            "steps": [s.to_json() for s in self.steps] + [s.to_json() for s in self.open_steps],
            "max_last_day": self.max_step.last_day.isoformat(),
            "max_end_time": self.max_step.end_time,
            "open_ended": bool(self.open_steps),
            "provisional_days_off": [d.isoformat() for d in self.provisional_days_off],
            "stage_start": self.stage_start.isoformat() if self.stage_start else None,
            "stage_cap_unknown": self.stage_cap_unknown,
            "stage_warning": self.stage_warning if self.stage_cap_unknown else None,
            "awaiting": [a.to_json() for a in self.awaiting],
        }
