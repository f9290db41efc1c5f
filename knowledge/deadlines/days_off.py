"""The yearly days-off overrides (``knowledge/data/days_off.yaml``): their types and validation.

Each year may list announced extra days off, working Saturdays, base-layer days that are not
official, and ``confirmed: true`` once the Government has announced that year's plan (set by an
administrator). Days off of an unconfirmed year that come from the ``holidays`` package's rules
are provisional (FACTS §15), and so is each day of a confirmed year listed under ``unconfirmed``
(a swap no official text we hold confirms), whether it is a day off or a working day. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any


class CalendarDataError(ValueError):
    """The days-off file is malformed; the message names file, year and field."""


@dataclass(frozen=True, slots=True)
class YearOverrides:
    days_off: Mapping[date, str] = field(default_factory=dict)
    working_saturdays: Mapping[date, str] = field(default_factory=dict)
    removed: frozenset[date] = frozenset()
    confirmed: bool = False  # the Government's plan for the year is announced and entered here
    unconfirmed: Mapping[date, str] = field(default_factory=dict)  # days no official text confirms: why
    sources: Mapping[date, str] = field(default_factory=dict)  # the text a day off or a working Saturday comes from


def _parse_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CalendarDataError(f"{where}: '{value}' is not a valid date (expected YYYY-MM-DD)")


def _parse_entries(raw: Any, where: str, year: int, need_name: bool) -> dict[date, str]:
    if raw is None:
        return {}
    if not isinstance(raw, list):
        raise CalendarDataError(f"{where}: expected a list")
    out: dict[date, str] = {}
    for i, item in enumerate(raw):
        here = f"{where}[{i}]"
        if not isinstance(item, dict) or "date" not in item:
            raise CalendarDataError(f"{here}: expected a mapping with a 'date' field")
        d = _parse_date(item["date"], f"{here}.date")
        if d.year != year:
            raise CalendarDataError(f"{here}.date: {d.isoformat()} is not in year {year}")
        if d in out:
            raise CalendarDataError(f"{here}.date: duplicate date {d.isoformat()}")
        text = item.get("name") if need_name else item.get("reason", "")
        if need_name and (not isinstance(text, str) or not text.strip()):
            raise CalendarDataError(f"{here}.name: a non-empty name is required")
        out[d] = str(text or "").strip()
    return out


def _sources(raw: Any) -> dict[date, str]:
    """The ``source`` each listed day gives (already checked by ``_parse_entries``)."""
    items = raw if isinstance(raw, list) else []
    return {
        _parse_date(item["date"], "source"): str(item["source"]).strip()
        for item in items
        if isinstance(item, dict) and item.get("source")
    }


def parse_days_off(data: Any, source: str = "days_off.yaml") -> tuple[dict[int, YearOverrides], tuple]:
    """Validate the parsed YAML; errors name the file, the year and the field."""
    if not isinstance(data, dict):
        raise CalendarDataError(f"{source}: top level must be a mapping")
    every: list[tuple[int, int]] = []
    for i, item in enumerate(data.get("remove_every_year") or []):
        where = f"{source}: remove_every_year[{i}].month_day"
        md = item.get("month_day") if isinstance(item, dict) else None
        try:
            month, day = (int(p) for p in str(md).split("-"))
            date(2024, month, day)  # a leap year accepts 02-29
        except (ValueError, TypeError):
            raise CalendarDataError(f"{where}: '{md}' is not a valid MM-DD") from None
        if (month, day) in every:
            raise CalendarDataError(f"{where}: duplicate '{md}'")
        every.append((month, day))
    years = data.get("years") or {}
    if not isinstance(years, dict):
        raise CalendarDataError(f"{source}: 'years' must be a mapping of year -> overrides")
    overrides: dict[int, YearOverrides] = {}
    for key, body in years.items():
        try:
            year = int(key)
        except (TypeError, ValueError):
            raise CalendarDataError(f"{source}: years: '{key}' is not a year") from None
        prefix = f"{source}: year {year}"
        body = body or {}
        if not isinstance(body, dict):
            raise CalendarDataError(f"{prefix}: expected a mapping")
        unknown = set(body) - {"days_off", "working_saturdays", "remove", "confirmed", "unconfirmed"}
        if unknown:
            raise CalendarDataError(f"{prefix}: unknown field(s) {sorted(unknown)}")
        off = _parse_entries(body.get("days_off"), f"{prefix}: days_off", year, True)
        work = _parse_entries(body.get("working_saturdays"), f"{prefix}: working_saturdays", year, True)
        removed = _parse_entries(body.get("remove"), f"{prefix}: remove", year, False)
        unsure = _parse_entries(body.get("unconfirmed"), f"{prefix}: unconfirmed", year, False)
        if any(not why for why in unsure.values()):
            raise CalendarDataError(f"{prefix}: unconfirmed: each day needs a reason (what is not confirmed)")
        for d in work:
            if d.weekday() != 5:
                raise CalendarDataError(
                    f"{prefix}: working_saturdays: {d.isoformat()} is a {d.strftime('%A')}, not a Saturday"
                )
        for d in off.keys() & work.keys():
            raise CalendarDataError(f"{prefix}: {d.isoformat()} is both in days_off and working_saturdays")
        for d in off.keys() & removed.keys():
            raise CalendarDataError(f"{prefix}: {d.isoformat()} is both in days_off and remove")
        confirmed = body.get("confirmed", False)
        if not isinstance(confirmed, bool):
            raise CalendarDataError(f"{prefix}: confirmed: '{confirmed}' must be true or false")
        sources = _sources(body.get("days_off")) | _sources(body.get("working_saturdays"))
        overrides[year] = YearOverrides(off, work, frozenset(removed), confirmed, unsure, sources)
    return overrides, tuple(every)
