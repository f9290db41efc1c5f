"""What a check-in is: its content, the stored record, its versions, and the row mapping.

Shared by the repository (``storage/checkins.py``) and the batched submit
(``storage/checkin_submit.py``); handlers import these names from ``storage.checkins``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from storage.db import Row, parse_utc

INSPECTION_KINDS = {"hang_ngay": "Hằng ngày", "dinh_ky": "Định kỳ", "dot_xuat": "Đột xuất", "phuc_tra": "Phúc tra"}
COUNT_FIELDS = ("held_tam_giu", "held_tam_giam", "admitted", "released", "overdue")
MAX_COUNT = 5000
# Fields of a submitted check-in that an edit may change (not the facility, time or attachments).
EDITABLE = ("kind", *COUNT_FIELDS, "violations", "requests", "notes")
EDIT_WINDOW = timedelta(hours=24)

SELECT_CHECKIN = (
    "SELECT c.*, f.name AS facility_name, f.kind AS facility_kind, u.code AS unit_code, "
    "us.display_name AS author_name FROM checkins c JOIN facilities f ON f.id = c.facility_id "
    "JOIN units u ON u.id = c.unit_id JOIN users us ON us.id = c.author_id "
)


@dataclass(frozen=True, slots=True)
class CheckinContent:
    facility_id: int
    kind: str
    held_tam_giu: int
    held_tam_giam: int
    admitted: int
    released: int
    overdue: int
    violations: tuple[str, ...] = ()
    requests: str = ""
    latitude: float | None = None
    longitude: float | None = None
    location_flag: bool = False
    # (file_id, file_size, url): references to photos on the platform, never the bytes.
    photos: tuple[tuple[str, int | None, str | None], ...] = ()
    notes: str = ""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["violations"] = list(self.violations)
        data["photos"] = [list(p) for p in self.photos]
        return data

    def check(self) -> None:
        if self.kind not in INSPECTION_KINDS:
            raise ValueError(f"unknown inspection kind {self.kind!r}")
        for name in COUNT_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
                raise ValueError(f"{name} must be an integer 0..{MAX_COUNT}")


@dataclass(frozen=True, slots=True)
class Checkin:
    id: int
    draft_id: str
    unit_id: int
    author_id: int
    checked_at: datetime
    submitted_at: datetime
    content: CheckinContent
    version: int
    facility_name: str
    facility_kind: str
    unit_code: str
    author_name: str
    deleted_at: datetime | None = None
    delete_reason: str | None = None


@dataclass(frozen=True, slots=True)
class CheckinVersion:
    version: int
    data: dict[str, Any]
    replaced_at: datetime
    replaced_by: int | None


class EditWindowClosed(PermissionError):
    """The author's 24-hour window to edit their own check-in has passed."""


class AlreadyDeleted(ValueError):
    """The check-in was deleted; it can no longer change."""


def _content(row: Row) -> CheckinContent:
    return CheckinContent(
        facility_id=row["facility_id"],
        kind=row["kind"],
        held_tam_giu=row["held_tam_giu"],
        held_tam_giam=row["held_tam_giam"],
        admitted=row["admitted"],
        released=row["released"],
        overdue=row["overdue"],
        violations=tuple(json.loads(row["violations_json"])),
        requests=row["requests"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        location_flag=bool(row["location_flag"]),
        photos=tuple((p[0], p[1], p[2]) for p in json.loads(row["photos_json"])),
        notes=row["notes"],
    )


def checkin_of(row: Row) -> Checkin:
    """A check-in from a row of ``SELECT_CHECKIN``."""
    return Checkin(
        row["id"],
        row["draft_id"],
        row["unit_id"],
        row["author_id"],
        parse_utc(row["checked_at"]),
        parse_utc(row["submitted_at"]),
        _content(row),
        row["version"],
        row["facility_name"],
        row["facility_kind"],
        row["unit_code"],
        row["author_name"],
        parse_utc(row["deleted_at"]) if row["deleted_at"] else None,
        row["delete_reason"],
    )


def columns_of(content: CheckinContent) -> dict[str, Any]:
    """The ``checkins`` columns that hold the content."""
    return {
        "kind": content.kind,
        **{name: getattr(content, name) for name in COUNT_FIELDS},
        "violations_json": json.dumps(list(content.violations), ensure_ascii=False),
        "requests": content.requests,
        "latitude": content.latitude,
        "longitude": content.longitude,
        "location_flag": int(content.location_flag),
        "photos_json": json.dumps([list(p) for p in content.photos], ensure_ascii=False),
        "notes": content.notes,
    }
