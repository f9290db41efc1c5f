"""Reading ``knowledge/data/reports.yaml``: every field checked, and a malformed file refused with
a Vietnamese message that names the report and the field (the configuration in service stays)."""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Any

from knowledge.reports.periods import PERIOD_RULES
from knowledge.reports.schedule import Offset, ReportConfig, ReportType

LEVELS = ("toi_cao", "tinh", "khu_vuc")
_CODE = re.compile(r"^[a-z0-9_]{1,20}$")
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class ReportConfigError(ValueError):
    """reports.yaml is malformed; the message names the report and the field."""


def _hhmm(raw: Any, where: str) -> time:
    match = _HHMM.match(str(raw or "").strip())
    if not match:
        # An unquoted 9:30 reaches us as the integer 570 (YAML 1.1 base-60): say how to write it.
        raise ReportConfigError(
            f"reports.yaml: {where}: giờ '{raw}' không đúng dạng HH:MM; viết trong ngoặc kép, ví dụ at: \"08:00\""
        )
    return time(int(match.group(1)), int(match.group(2)))


def _int_in(raw: Any, low: int, high: int, where: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
        raise ReportConfigError(f"reports.yaml: {where}: '{raw}' phải là số nguyên từ {low} đến {high}")
    return raw


def _offset(raw: Any, where: str, *, after: bool = False) -> Offset:
    if not isinstance(raw, dict):
        example = "working_days_after" if after else "working_days_before"
        raise ReportConfigError(f'reports.yaml: {where}: cần dạng {{{example}: N, at: "08:00"}}')
    at = _hhmm(raw.get("at"), where)
    keys = set(raw) - {"at"}
    allowed = {"working_days_after"} if after else {"working_days_before", "days_before"}
    if len(keys) != 1 or not keys <= allowed:
        raise ReportConfigError(f"reports.yaml: {where}: cần đúng một trong {sorted(allowed)}")
    key = keys.pop()
    value = _int_in(raw[key], 1 if after else 0, 30, f"{where}.{key}")
    return Offset(-value if after else value, key.startswith("working"), at)


def _report(code: str, raw: Any) -> ReportType:
    where = f"reports.{code}"
    if not _CODE.match(str(code)):
        raise ReportConfigError(f"reports.yaml: mã báo cáo '{code}' chỉ gồm a-z, 0-9, _ (tối đa 20 ký tự)")
    if not isinstance(raw, dict):
        raise ReportConfigError(f"reports.yaml: {where}: cần một mapping")
    missing = {"name", "period", "due", "reminders", "escalation", "applies_to"} - set(raw)
    if missing:
        raise ReportConfigError(f"reports.yaml: {where}: thiếu {', '.join(sorted(missing))}")
    if raw["period"] not in PERIOD_RULES:
        raise ReportConfigError(
            f"reports.yaml: {where}.period: '{raw['period']}' không thuộc {', '.join(PERIOD_RULES)}"
        )
    due = raw["due"]
    if not isinstance(due, dict) or len(due) != 1:
        raise ReportConfigError(f"reports.yaml: {where}.due: cần day_of_next_month hoặc working_days_after_end")
    day_of_month = working_after = None
    if "day_of_next_month" in due:
        day_of_month = _int_in(due["day_of_next_month"], 1, 31, f"{where}.due.day_of_next_month")
    elif "working_days_after_end" in due:
        working_after = _int_in(due["working_days_after_end"], 1, 30, f"{where}.due.working_days_after_end")
    else:
        raise ReportConfigError(f"reports.yaml: {where}.due: cần day_of_next_month hoặc working_days_after_end")
    reminders = raw["reminders"]
    if not isinstance(reminders, list) or not reminders:
        raise ReportConfigError(f"reports.yaml: {where}.reminders: cần ít nhất một lần nhắc")
    offsets = tuple(_offset(r, f"{where}.reminders[{i}]") for i, r in enumerate(reminders))
    applies = raw["applies_to"]
    if not isinstance(applies, list) or not applies or not all(isinstance(a, str) and a for a in applies):
        raise ReportConfigError(f"reports.yaml: {where}.applies_to: cần danh sách cấp đơn vị hoặc mã đơn vị")
    for entry in applies:
        # Unit codes are stored in capitals: a lower-case entry that is not a level (a typo such
        # as "khuvuc") would silently match no unit and nobody would ever be reminded.
        if entry not in LEVELS and entry != entry.upper():
            raise ReportConfigError(
                f"reports.yaml: {where}.applies_to: '{entry}' không phải cấp đơn vị ({', '.join(LEVELS)}); "
                "mã đơn vị viết hoa, ví dụ HN01"
            )
    name = str(raw["name"]).strip()
    if not name:
        raise ReportConfigError(f"reports.yaml: {where}.name: trống")
    return ReportType(
        code,
        name,
        raw["period"],
        day_of_month,
        working_after,
        offsets,
        _offset(raw["escalation"], f"{where}.escalation", after=True),
        tuple(applies),
    )


def parse_reports(data: Any) -> ReportConfig:
    if not isinstance(data, dict) or not isinstance(data.get("reports"), dict) or not data["reports"]:
        raise ReportConfigError("reports.yaml: cần mục 'reports' với ít nhất một loại báo cáo")
    shift = data.get("shift_due_day", "previous")
    if shift not in ("previous", "next"):
        raise ReportConfigError(f"reports.yaml: shift_due_day '{shift}' phải là previous hoặc next")
    grace = _int_in(data.get("grace_hours", 0), 0, 72, "grace_hours")
    reports = {str(code): _report(str(code), raw) for code, raw in data["reports"].items()}
    return ReportConfig(
        reports,
        shift,
        timedelta(hours=grace),
        _hhmm(data.get("digest_at", "07:30"), "digest_at"),
        bool(data.get("example_configuration", False)),
    )
