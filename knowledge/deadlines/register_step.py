"""What a tracked item's chain folds to (pure values; the folding is in ``register_chain``).

``State.step`` is the dated period running now, whose ``expiry`` is the binding one: for detention
tied to a stage (Đ174 k4, Đ241, Đ278 k2, Đ347 k2) the earlier of the detention's own end and the
stage's end (``cap_day``; ``capped_from`` keeps the detention's own last day when the cap binds).
``State.open`` is set instead when the law lets the step run "until the investigation (or the
hearing) ends" (Đ173 k5, k6; Đ278 k3; Đ347 k2): there is no expiry at all, so ``State.step`` is
None and nothing that reads a date can make one up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from knowledge.deadlines.periods import Length
from knowledge.deadlines.register_rules import extension_steps, open_step
from knowledge.deadlines.reminders import due_text


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
    expiry: datetime  # naive local; 24:00 of a day is 00:00 of the next. The binding end.
    last_day: date
    end_time: str
    raw_end: date  # unshifted end (calendar counting): the anchor of the next extension
    basis: str
    seq: int  # the event that opened this step
    category: str | None
    tam_giu_days: int = 0
    held_from: datetime | None = None  # when tạm giữ began (for the conversion's deduction)
    begins: datetime | None = None  # when this step began (naive local); None: at ``start``
    anqg: bool = False  # the crime infringes national security (Đ172 k3, Đ173 k5)
    stage_start: date | None = None  # detention tied to a stage: the day the stage began
    cap_day: date | None = None  # ... and the stage's (unshifted) last day capping this step
    capped_from: date | None = None  # the detention's own last day, when the stage's end binds
    cap_basis: str = ""  # the articles of the cap
    stage_ext: tuple[Length, ...] = ()  # the stage's extensions as decided (recorded ``stage_extend`` events)
    cap_assumed: bool = False  # the cap is the stage's longest lawful extension: its decision is not recorded
    summary_cancelled_on: date | None = None  # continues a summary procedure cancelled that day (Đ458)

    @property
    def began(self) -> datetime:
        if self.begins is not None:
            return self.begins
        return self.start if isinstance(self.start, datetime) else datetime.combine(self.start, time(0, 0))

    @property
    def due(self) -> str:
        steps = len(extension_steps(self.kind, self.category, self.anqg)[1])
        text = due_text(self.kind, self.index, steps)
        if self.stage_start is not None:  # detention tied to a stage
            extend = " hoặc gia hạn khi thời hạn của giai đoạn được gia hạn" if self.index < steps else ""
            text = (
                f"cần quyết định tạm giam của giai đoạn tiếp theo{extend}, thay đổi biện pháp ngăn chặn hoặc trả tự do"
            )
        after = open_step(self.kind, self.category, self.anqg, self.index)
        if after is not None and self.index == steps:
            text += f"; trường hợp đặc biệt có thể tạm giam cho đến khi {after.until} ({after.basis})"
        return text


@dataclass(frozen=True, slots=True)
class OpenPeriod:
    """A step with no end date: ``after`` is the dated step it followed (kind, category, ANQG)."""

    after: Step
    label: str
    until: str  # what ends it, e.g. "kết thúc việc điều tra"
    basis: str
    approver: str
    seq: int
    began: datetime  # naive local: the end of ``after``

    @property
    def custody(self) -> bool:
        return self.after.custody

    @property
    def kind(self) -> str:
        return self.after.kind


@dataclass(frozen=True, slots=True)
class State:
    step: Step | None = None
    closed: bool = False
    closed_by: str | None = None
    extensions: int = 0
    open: OpenPeriod | None = None

    @property
    def current(self) -> Step | None:
        """The last dated step, whether or not an open-ended one followed it (kind, category)."""
        return self.step or (self.open.after if self.open else None)
