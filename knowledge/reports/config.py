"""Periodic reports as data (``knowledge/data/reports.yaml``): report types, their periods,
due days, reminder times and escalation times; the way in to ``schedule.py`` (the model and
its dates), ``parsing.py`` (reading the file) and ``periods.py`` (the periods).

Pure: dates and times are computed from the calendar and the configuration only; the
only I/O is reading the YAML file. Nothing here says when "now" is.
"""

from __future__ import annotations

import logging
from datetime import datetime, tzinfo
from pathlib import Path

import yaml

from knowledge import DATA_DIR
from knowledge.deadlines.calendar import WorkCalendar, load_calendar
from knowledge.reports.parsing import LEVELS, ReportConfigError, parse_reports
from knowledge.reports.periods import (
    PERIOD_RULE_LABELS,
    PERIOD_RULES,
    Period,
    parse_period,
    period_by_key,
    periods_between,
)
from knowledge.reports.schedule import Moment, Offset, ReportConfig, ReportType, Schedule

# Re-exported: the periods, the model and the parser are part of this module's API.
__all__ = [
    "LEVELS",
    "PERIOD_RULES",
    "PERIOD_RULE_LABELS",
    "REPORTS_FILE",
    "Moment",
    "Offset",
    "Period",
    "ReportBook",
    "ReportConfig",
    "ReportConfigError",
    "ReportType",
    "Schedule",
    "load_reports",
    "parse_period",
    "parse_reports",
    "period_by_key",
    "periods_between",
]

logger = logging.getLogger(__name__)

REPORTS_FILE = DATA_DIR / "reports.yaml"


def load_reports(path: str | Path | None = None) -> ReportConfig:
    file = Path(path) if path else REPORTS_FILE
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ReportConfigError(f"{file.name}: không đọc được: {exc}") from exc
    return parse_reports(data)


class ReportBook:
    """The report configuration in service, with the calendar; swapped whole on reload.
    A reload that fails validation keeps the old configuration and returns the error."""

    def __init__(self, path: str | Path | None = None, calendar: WorkCalendar | None = None) -> None:
        self.path = path
        self.calendar = calendar or load_calendar()
        self.config = load_reports(path)

    def upcoming(self, tz: tzinfo, now: datetime) -> list[tuple[Schedule, int]]:
        """Schedules with a reminder still to come after ``now``, soonest first, with that
        reminder's index."""
        today = now.astimezone(tz).date()
        found = []
        for schedule in self.config.schedules_around(today, self.calendar, tz):
            index = next((i for i, m in enumerate(schedule.reminders) if m.at > now), None)
            if index is not None:
                found.append((schedule.reminders[index].at, schedule.report.code, schedule, index))
        found.sort(key=lambda item: (item[0], item[1]))
        return [(schedule, index) for _, _, schedule, index in found]

    def reload(self) -> str | None:
        try:
            config = load_reports(self.path)
        except ReportConfigError as exc:
            logger.warning("reports reload refused: %s", exc)
            return str(exc)
        self.config = config
        logger.info("report configuration reloaded: %d report types", len(config.reports))
        return None

    def find(self, text: str) -> ReportType | None:
        """A report by its code, or by a unique match of the typed words in its name."""
        hits = self.matching(text)
        return hits[0] if len(hits) == 1 else None

    def matching(self, text: str) -> list[ReportType]:
        """The report with this code, else every report whose name (or code) has all the typed
        words, without diacritics."""
        from knowledge.kb.normalize import fold

        wanted = text.strip().lower()
        if wanted in self.config.reports:
            return [self.config.reports[wanted]]
        words = fold(text).split()
        if not words:
            return []
        return [r for r in self.config.reports.values() if all(w in fold(r.name) or w in r.code for w in words)]
