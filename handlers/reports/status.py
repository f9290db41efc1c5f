"""Where each unit stands on one report period: sent on time, sent late, missing (past the
due day), not yet due, or not counted (due before the unit's "tracked from" day: never late).
Pure: from the schedule, the units and their submissions."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, tzinfo
from enum import StrEnum

from bot.clock import local
from handlers.reports.texts import NO_HEAD
from knowledge.reports.config import Schedule
from storage.reports import Submission
from storage.units import Unit


class State(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"
    UNTRACKED = "untracked"


LABELS = {
    State.ON_TIME: "đã gửi đúng hạn",
    State.LATE: "đã gửi, trễ hạn",
    State.MISSING: "chưa gửi, quá hạn",
    State.NOT_DUE: "chưa gửi, chưa đến hạn",
    State.UNTRACKED: "không tính (hạn trước ngày bắt đầu theo dõi)",
}
ICONS = {State.ON_TIME: "✅", State.LATE: "🟡", State.MISSING: "❌", State.NOT_DUE: "⏳", State.UNTRACKED: "⚪"}
ORDER = (State.MISSING, State.LATE, State.NOT_DUE, State.ON_TIME, State.UNTRACKED)


@dataclass(frozen=True, slots=True)
class UnitStatus:
    unit: Unit
    state: State
    days_late: int
    submission: Submission | None
    # Nobody there gets the reminders: no active head or administrator of the unit uses the bot.
    no_head: bool = False

    def line(self, tz: tzinfo) -> str:
        text = f"{ICONS[self.state]} {self.unit.name}: {LABELS[self.state]}"
        if self.state is State.UNTRACKED:
            text = text.removesuffix(")") + f" {self.unit.tracked_from(tz):%d/%m/%Y})"
            if self.submission is not None:
                text += f", đã gửi {local(self.submission.sent_at, tz):%d/%m/%Y}"
        elif self.submission is not None:
            who = f" bởi {self.submission.sent_by_name}" if self.submission.sent_by_name else ""
            text += f" ({local(self.submission.sent_at, tz):%d/%m/%Y}{who})"
        if self.days_late:
            text += f", trễ {self.days_late} ngày"
        if self.no_head:
            text += f" — {NO_HEAD}"
        return text


def unit_statuses(
    schedule: Schedule,
    units: Sequence[Unit],
    sent: Mapping[int, Submission],
    today: date,
    tz: tzinfo,
    with_head: Collection[int] | None = None,
) -> list[UnitStatus]:
    """Every unit the report applies to, worst first (missing, late, not due, on time, not
    counted). ``with_head``: the units whose reminders reach someone (None: not shown)."""
    out = []
    for unit in units:
        if not schedule.report.applies(unit.code, unit.level):
            continue
        sub = sent.get(unit.id)
        if not unit.tracks(schedule.due, tz):
            out.append(UnitStatus(unit, State.UNTRACKED, 0, sub))
        elif sub is not None:
            day = local(sub.sent_at, tz).date()
            late = max((day - schedule.due).days, 0)
            out.append(UnitStatus(unit, State.LATE if late else State.ON_TIME, late, sub))
        elif today > schedule.due:
            out.append(UnitStatus(unit, State.MISSING, (today - schedule.due).days, None))
        else:
            out.append(UnitStatus(unit, State.NOT_DUE, 0, None))
    if with_head is not None:
        out = [replace(s, no_head=s.unit.id not in with_head) for s in out]
    out.sort(key=lambda s: (ORDER.index(s.state), -s.days_late, s.unit.name))
    return out
