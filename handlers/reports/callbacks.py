"""The buttons of the report reminders, typed (``bot/chat/callback_data.py``). Their packed form
is the one they have always had, so a reminder still on someone's screen keeps working:

- ``rp:<action>:<report>:<period>:<unit id>``: the reminder's buttons (``ReportButton``);
- ``rp:t:<report>:<period>``: the escalation summary's "Xem tình hình" (``StatusButton``);
- ``rpv:<action>:<report>:<period>:<unit id>``: the administrator's preview copy of a
  reminder (``PreviewButton``), whose buttons only say what they would do.

Report codes and period keys are checked against the configuration when pressed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.chat.callback_data import CallbackData
from knowledge.reports.config import Period, ReportType


class ReportAction(StrEnum):
    SENT = "s"
    SENT_EARLY = "se"  # confirmed, for a period not yet ended
    CONFIRM_UNDO = "uc"
    UNDO = "u"
    KEEP = "k"
    SNOOZE = "z"  # the menu of the two below
    SNOOZE_2H = "z2"
    SNOOZE_MORNING = "zm"  # 08:00 tomorrow
    DETAILS = "i"


@dataclass(frozen=True, slots=True)
class ReportButton(CallbackData, prefix="rp"):
    action: ReportAction
    report: str
    period: str
    unit_id: int

    @classmethod
    def of(cls, action: ReportAction, report: ReportType, period: Period, unit_id: int) -> ReportButton:
        return cls(action, report.code, period.key, unit_id)


@dataclass(frozen=True, slots=True)
class StatusButton(CallbackData, prefix="rp", tag="t"):
    report: str
    period: str


@dataclass(frozen=True, slots=True)
class PreviewButton(CallbackData, prefix="rpv"):
    action: ReportAction  # the reminder shows s, z and i; the others are answered as stale
    report: str
    period: str
    unit_id: int

    @classmethod
    def of(cls, button: ReportButton) -> PreviewButton:
        return cls(button.action, button.report, button.period, button.unit_id)
