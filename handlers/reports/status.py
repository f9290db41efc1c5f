"""Where each unit stands on one report period: sent on time, sent late, missing (past the
due day) or not yet due. Pure: from the schedule, the units and their submissions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from enum import StrEnum

from bot.clock import local
from knowledge.reports.config import Schedule
from storage.reports import Submission
from storage.units import Unit


class State(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"


LABELS = {
    State.ON_TIME: "đã gửi đúng hạn",
    State.LATE: "đã gửi, trễ hạn",
    State.MISSING: "chưa gửi, quá hạn",
    State.NOT_DUE: "chưa gửi, chưa đến hạn",
}
ICONS = {State.ON_TIME: "✅", State.LATE: "🟡", State.MISSING: "❌", State.NOT_DUE: "⏳"}
ORDER = (State.MISSING, State.LATE, State.NOT_DUE, State.ON_TIME)


@dataclass(frozen=True, slots=True)
class UnitStatus:
    unit: Unit
    state: State
    days_late: int
    submission: Submission | None

    def line(self, tz: tzinfo) -> str:
        text = f"{ICONS[self.state]} {self.unit.name}: {LABELS[self.state]}"
        if self.submission is not None:
            who = f" bởi {self.submission.sent_by_name}" if self.submission.sent_by_name else ""
            text += f" ({local(self.submission.sent_at, tz):%d/%m/%Y}{who})"
        if self.days_late:
            text += f", trễ {self.days_late} ngày"
        return text


def unit_statuses(
    schedule: Schedule, units: Sequence[Unit], sent: Mapping[int, Submission], today: date, tz: tzinfo
) -> list[UnitStatus]:
    """Every unit the report applies to, worst first (missing, late, not due, on time)."""
    out = []
    for unit in units:
        if not schedule.report.applies(unit.code, unit.level):
            continue
        sub = sent.get(unit.id)
        if sub is not None:
            day = local(sub.sent_at, tz).date()
            late = max((day - schedule.due).days, 0)
            out.append(UnitStatus(unit, State.LATE if late else State.ON_TIME, late, sub))
        elif today > schedule.due:
            out.append(UnitStatus(unit, State.MISSING, (today - schedule.due).days, None))
        else:
            out.append(UnitStatus(unit, State.NOT_DUE, 0, None))
    out.sort(key=lambda s: (ORDER.index(s.state), -s.days_late, s.unit.name))
    return out
