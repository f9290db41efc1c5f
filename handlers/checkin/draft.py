"""The check-in draft: its fields, their labels and limits, and the checks on what is typed.

No chat and no database access: it uses only the check-in model of
``storage/checkins.py`` (the count fields, their limit, the record built on sending). The draft
is the ``dict`` stored with the conversation (``ctx.conversation.data``), so it must stay JSON:
ids, strings, numbers, lists. The steps that fill it are the table in ``flow.py``.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta
from typing import Any

from storage.checkins import COUNT_FIELDS, MAX_COUNT, CheckinContent

DRAFT_MAX_AGE = timedelta(days=7)
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTOS = 10
MAX_VIOLATIONS = 20
MAX_ITEM = 300
MAX_TEXT = 1000
# Rough bounding box of Việt Nam (mainland and near islands); outside it a location is kept but flagged.
VN_LAT = (8.0, 24.0)
VN_LON = (102.0, 110.0)

COUNT_LABELS = {
    "held_tam_giu": "Số người đang bị tạm giữ",
    "held_tam_giam": "Số người đang bị tạm giam",
    "admitted": "Số người nhận mới từ lần kiểm sát trước",
    "released": "Số người ra khỏi cơ sở từ lần kiểm sát trước",
    "overdue": "Số người bị giữ quá hạn hoặc không có lệnh hợp lệ",
}
FIELD_LABELS = {
    "facility": "cơ sở",
    "kind": "hình thức",
    "held_tam_giu": "tạm giữ",
    "held_tam_giam": "tạm giam",
    "admitted": "nhận mới",
    "released": "ra khỏi",
    "overdue": "quá hạn",
    "violations": "vi phạm",
    "requests": "kiến nghị",
    "location": "vị trí",
    "photos": "ảnh",
    "notes": "ghi chú",
}


def new_draft(now: datetime) -> dict[str, Any]:
    return {"draft_id": secrets.token_hex(8), "started": now.isoformat(), "violations": None, "photos": []}


def started(draft: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(draft["started"])


def too_old(draft: dict[str, Any], now: datetime) -> bool:
    return now - started(draft) > DRAFT_MAX_AGE


_INTEGER = re.compile(r"^\d+$")
_DECIMAL = re.compile(r"^-?\d+[.,]\d+$")


def parse_count(text: str) -> tuple[int | None, str]:
    """A head count typed by the user, or ``(None, Vietnamese reason and what to do)``."""
    raw = text.strip().replace(" ", "")
    if _INTEGER.match(raw):
        value = int(raw)
        if value > MAX_COUNT:
            return None, f"Số {value} quá lớn (tối đa {MAX_COUNT:,}). Anh/chị kiểm tra lại và nhập số người.".replace(
                ",", "."
            )
        return value, ""
    if raw.startswith("-") and raw[1:].isdigit():
        return None, "Số người không thể âm. Anh/chị nhập 0 hoặc một số dương, ví dụ: 3"
    if _DECIMAL.match(raw):
        return None, "Số người phải là số nguyên, không có phần thập phân. Ví dụ: 3"
    return None, "Anh/chị vui lòng nhập số người bằng chữ số, ví dụ: 3 (nhập 0 nếu không có)."


def held_total(draft: dict[str, Any]) -> int:
    return int(draft.get("held_tam_giu") or 0) + int(draft.get("held_tam_giam") or 0)


def overdue_problem(draft: dict[str, Any]) -> str | None:
    """The held-past-term count cannot exceed the people held; a message if it does."""
    overdue = draft.get("overdue")
    if overdue is not None and overdue > held_total(draft):
        return (
            f"Số người quá hạn/không có lệnh ({overdue}) lớn hơn tổng số đang tạm giữ, tạm giam "
            f"({held_total(draft)}). Anh/chị kiểm tra lại các số này."
        )
    return None


def outside_vietnam(lat: float, lon: float) -> bool:
    return not (VN_LAT[0] <= lat <= VN_LAT[1] and VN_LON[0] <= lon <= VN_LON[1])


def missing(draft: dict[str, Any]) -> list[str]:
    """Required fields still empty (a draft edited by hand or from an older version)."""
    gaps = [f for f in ("facility_id", "kind", *COUNT_FIELDS) if draft.get(f) is None]
    if draft.get("violations") is None:
        gaps.append("violations")
    return gaps


def content_of(draft: dict[str, Any]) -> CheckinContent:
    return CheckinContent(
        facility_id=int(draft["facility_id"]),
        kind=str(draft["kind"]),
        **{name: int(draft[name]) for name in COUNT_FIELDS},
        violations=tuple(draft.get("violations") or ()),
        requests=draft.get("requests") or "",
        latitude=draft.get("lat"),
        longitude=draft.get("lon"),
        location_flag=bool(draft.get("location_flag")),
        photos=tuple((p[0], p[1], p[2]) for p in draft.get("photos") or ()),
        notes=draft.get("notes") or "",
    )
