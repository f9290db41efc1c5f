"""The steps of one computed period: the base period, then each extension in order.

Counting rules (FACTS §1): ``clock`` steps run from the exact moment and never shift;
``custody_days`` steps count the start day as day 1, 30 days a month, never shift, and an
extension starts the day after the previous last day; ``calendar`` steps end trigger + N days
or the same-numbered day n months later (clamped) and move off days off. An extension is
counted from the *unshifted, clamped* last day of the step it extends (the conservative rule,
see ``knowledge.deadlines.calculator``). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from knowledge.deadlines.arithmetic import calendar_end, split_moment, total_text
from knowledge.deadlines.calendar import WorkCalendar
from knowledge.deadlines.periods import KindDef, Length, StepDef
from knowledge.deadlines.result import StepResult


@dataclass
class ChainBuilder:
    """Builds the steps of one kind; remembers shifts and irregular ends for the notes."""

    kd: KindDef
    cal: WorkCalendar
    category: str | None
    deduct: int
    shifted_any: bool = False
    # Calendar steps whose end is not a "natural" anchor for the next one: (index, raw end, why).
    flags: list[tuple[int, date, list[str]]] = field(default_factory=list)
    # Days off of unconfirmed years that a shift moved over (FACTS §15: provisional).
    provisional: set[date] = field(default_factory=set)

    def calendar_step(
        self, index: int, label: str, length: Length, anchor_day: date, total: str, basis: str, approver: str | None
    ) -> tuple[StepResult, date]:
        if self.kd.counting == "working_days":
            return self.working_days_step(label, length, anchor_day, total, basis, approver)
        raw_end = calendar_end(anchor_day, length)
        last = self.cal.roll_forward(raw_end)
        reason = self.cal.day_off_reason(raw_end)
        why = [f"{reason}, chưa lùi ngày"] if last != raw_end else []
        if length.unit in "my" and raw_end.day != anchor_day.day:
            why.append(f"tháng không có ngày {anchor_day.day} nên lấy ngày cuối tháng")
        self.flags.append((index, raw_end, why))
        self.shifted_any |= last != raw_end
        # the days moved over, or the end itself when it stands on a working day not confirmed (a swap)
        self.provisional.update(self.cal.provisional_between(raw_end, max(raw_end, last - timedelta(days=1))))
        shifted_from = raw_end if last != raw_end else None
        step = StepResult(
            label,
            length.text(),
            last,
            "24:00",
            shifted_from,
            reason if shifted_from else None,
            total,
            basis,
            approver,
            anchor_day,
        )
        return step, raw_end

    def base(
        self, begin: date | datetime, base_len: Length, base_days: int | None, parts: dict[str, int], typed: bool
    ) -> tuple[StepResult, date | datetime]:
        """The base step and the anchor of the first extension."""
        kd = self.kd
        begin_day = begin.date() if isinstance(begin, datetime) else begin
        if kd.counting == "clock":
            assert isinstance(begin, datetime)
            moment = begin + timedelta(hours=base_len.hours())
            last, end_time = split_moment(moment)
            total = total_text(parts, kd.counting, 0)
            step = StepResult(
                kd.base.label, base_len.text(), last, end_time, None, None, total, kd.basis, None, begin, moment
            )
            return step, moment
        if kd.counting == "custody_days":
            assert base_days is not None
            last = begin_day + timedelta(days=base_days - 1)
            length_text = f"{base_days} ngày" if self.deduct or typed else base_len.text()
            total = total_text(parts, kd.counting, self.deduct)
            step = StepResult(kd.base.label, length_text, last, "24:00", None, None, total, kd.basis, None, begin_day)
            return step, last
        return self.calendar_step(
            0, kd.base.label, base_len, begin_day, total_text(parts, kd.counting, 0), kd.basis, None
        )

    def extension(
        self,
        index: int,
        step: StepDef,
        anchor: date | datetime,
        total: str,
        approver: str | None,
    ) -> tuple[StepResult, date | datetime]:
        """One extension counted from ``anchor``; returns it and the anchor of the next one."""
        kd = self.kd
        length = step.length_for(self.category)
        assert length is not None
        anchor_day = anchor.date() if isinstance(anchor, datetime) else anchor
        basis = step.basis or kd.basis
        label = step.label  # its own condition, in the law's words: "trường hợp cần thiết" is not "đặc biệt"
        if kd.counting == "clock":
            assert isinstance(anchor, datetime)
            moment = anchor + timedelta(hours=length.hours())
            last, end_time = split_moment(moment)
            result = StepResult(
                label, length.text(), last, end_time, None, None, total, basis, approver, anchor, moment, step.special
            )
            return result, moment
        if kd.counting == "custody_days":
            last = anchor_day + timedelta(days=length.custody_days())
            result = StepResult(
                label, length.text(), last, "24:00", None, None, total, basis, approver, anchor_day, None, step.special
            )
            return result, last
        result, raw_end = self.calendar_step(index, label, length, anchor_day, total, basis, approver)
        return replace(result, special=step.special), raw_end

    def working_days_step(
        self, label: str, length: Length, anchor_day: date, total: str, basis: str, approver: str | None
    ) -> tuple[StepResult, date]:
        """N working days after the trigger (Luật THAHS "ngày làm việc"): never lands on a day off, but every
        provisional day off it counts over makes the result provisional (FACTS §15)."""
        last = self.cal.add_working_days(anchor_day, length.value)
        self.provisional.update(self.cal.provisional_between(anchor_day + timedelta(days=1), last))
        text = f"{length.value} ngày làm việc"
        step = StepResult(label, text, last, "24:00", None, None, total, basis, approver, anchor_day)
        return step, last
