"""An item's chain read from the «Diễn biến» page of an exported workbook: its rows with the
item's STT, in the order of «Lần», each one event (Lệnh ban đầu, Gia hạn, Tạm giam cho đến khi
kết thúc, Chuyển tạm giam, Chuyển giai đoạn, Quyết định gia hạn thời hạn giai đoạn, Trả tự do /
thay đổi biện pháp, Kết thúc theo dõi) with its cells as ``export_history`` writes them (or as
staff edit them: labels or codes, dd/mm/yyyy). Each event is applied with the law check as it
is read, so a refusal names its row and column; nothing is stored from a file with one."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from handlers.register.import_cells import COLUMN_NAMES, RowError, anqg_of, cell, open_until, value
from handlers.register.import_steps import check_until
from handlers.register.service import check_start
from handlers.register.sheet import Sheet, parse_length, parse_moment
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_chain import EVENT_TYPES, Event, State, apply
from knowledge.deadlines.register_rules import ChainError
from knowledge.kb.normalize import fold

# Folded words of «Sự kiện» → the event (the first that begins the cell wins).
EVENT_WORDS = (
    ("huy thu tuc rut gon", "cancel_summary"),
    ("huy bo thu tuc rut gon", "cancel_summary"),
    ("quyet dinh gia han thoi han giai doan", "stage_extend"),
    ("quyet dinh gia han giai doan", "stage_extend"),
    ("gia han thoi han giai doan", "stage_extend"),
    ("gia han giai doan", "stage_extend"),
    ("tam giam cho den khi", "open"),
    ("tam giam den khi", "open"),
    ("den khi ket thuc", "open"),
    ("quyet dinh gia han", "extend"),  # «Quyết định gia hạn tạm giam»: the item's own extension
    ("gia han", "extend"),
    ("lenh ban dau", "start"),
    ("bat dau", "start"),
    ("chuyen tam giam", "convert"),
    ("chuyen sang tam giam", "convert"),
    ("chuyen giai doan", "stage"),
    ("chuyen sang giai doan", "stage"),
    ("giai doan moi", "stage"),
    ("tra tu do", "release"),
    ("thay doi bien phap", "release"),
    ("ket thuc", "close"),
)
Later = list[tuple[str, dict[str, Any]]]


class HistoryError(ValueError):
    """A row of the «Diễn biến» page the law or the reader refuses; ``str`` says where and why."""

    def __init__(self, number: int, column: str, why: str) -> None:
        where = f", cột {column}" if column else ""
        super().__init__(f"trang Diễn biến, dòng {number}{where}: {why}")


def stt_of(raw: Any) -> str | None:
    """The STT linking a row to its events: «3», 3, 3.0 → "3"."""
    text = str(raw or "").strip()
    try:
        return str(int(float(text))) if text else None
    except ValueError:
        return text


def by_stt(history: Sheet) -> dict[str, list[tuple[int, list[Any]]]]:
    found: dict[str, list[tuple[int, list[Any]]]] = {}
    for number, row in history.rows:
        key = stt_of(cell(history, row, "stt"))
        if key is not None:
            found.setdefault(key, []).append((number, row))
    return found


def event_type(raw: Any) -> str:
    text = " ".join(fold(str(raw or "")).replace("_", " ").split())
    if text.replace(" ", "_") in EVENT_TYPES:
        return text.replace(" ", "_")
    found = next((kind for words, kind in EVENT_WORDS if text.startswith(words)), None)
    if found is None:
        raise RowError(COLUMN_NAMES["event"], f"không nhận ra “{raw}”")
    return found


def _day(sheet: Sheet, row: list[Any], name: str) -> str | None:
    moment = value(sheet, row, name, parse_moment)
    if moment is None:
        return None
    return (moment.date() if isinstance(moment, datetime) else moment).isoformat()


def _event(sheet: Sheet, row: list[Any], kind_of: Any, category_of: Any) -> tuple[str, dict[str, Any]]:
    """One row as (event type, event data), the data as the chat records it."""
    kind = event_type(cell(sheet, row, "event"))
    data: dict[str, Any] = {}
    if kind == "open":
        return "extend", {"open_ended": True}
    if kind == "cancel_summary":  # Đ458: a stage change to the general kind, its start optional
        kind, data = "stage", {"summary_cancelled": True}
    if kind in ("start", "stage"):
        found = kind_of(cell(sheet, row, "kind"))
        if found is None:
            raise RowError(COLUMN_NAMES["kind"], f"không nhận ra “{cell(sheet, row, 'kind')}”")
        data["kind"] = found
    if kind in ("start", "stage", "convert"):
        moment = value(sheet, row, "start", parse_moment)
        clock = "kind" in data and load_periods().kinds[data["kind"]].counting == "clock"
        if moment is None and kind != "convert" and not data.get("summary_cancelled"):
            raise RowError(COLUMN_NAMES["start"], "trống")
        if clock and kind == "start" and not isinstance(moment, datetime):
            raise RowError(COLUMN_NAMES["start"], "tạm giữ cần cả giờ, ví dụ 06/12/2026 10:00")
        if moment is not None:
            day = moment.date() if isinstance(moment, datetime) else moment
            exact = clock and isinstance(moment, datetime)
            data["start"] = moment.isoformat(timespec="minutes") if exact else day.isoformat()
    if kind == "release":  # its day, in «Từ ngày» (review8 C22); an older export has none
        data.update({"released_on": day} if (day := _day(sheet, row, "start")) else {})
    if kind in ("start", "stage", "convert", "extend", "stage_extend"):
        data.update(value(sheet, row, "length", parse_length) or {})
    deduct = cell(sheet, row, "deduct")
    if deduct not in (None, ""):
        try:
            data["tam_giu_days"] = int(float(str(deduct)))
        except ValueError:
            raise RowError(COLUMN_NAMES["deduct"], f"“{deduct}” không phải số ngày") from None
    category = cell(sheet, row, "category")
    if category not in (None, ""):
        data["category"] = category_of(category)
        if data["category"] is None:
            raise RowError(COLUMN_NAMES["category"], f"không nhận ra “{category}”")
    if value(sheet, row, "anqg", anqg_of):
        data["anqg"] = True
    for name, key in (("stage_start", "stage_start"), ("decided", "decided_on")):
        day = _day(sheet, row, name)
        if day is not None:
            data[key] = day
    return kind, {**value(sheet, row, "other", other_of), **data}


def other_of(raw: Any) -> dict[str, Any]:
    """«Dữ liệu khác» as the export writes it (``key=json; …``): keys no column carries."""
    found: dict[str, Any] = {}
    for part in (p.strip() for p in str(raw or "").split(";")):
        if not part:
            continue
        key, eq, text = part.partition("=")
        try:
            found[key.strip()] = json.loads(text) if eq else None
        except ValueError:
            raise ValueError(f"«{part}» không đọc được: giữ nguyên ô này như khi xuất") from None
        if not key.strip() or not eq:
            raise ValueError(f"«{part}» không đọc được: giữ nguyên ô này như khi xuất")
    return found


def chain_of(
    history: Sheet, rows: list[tuple[int, list[Any]]], kind_of: Any, category_of: Any, now_local: datetime
) -> tuple[dict[str, Any], Later, State]:
    """(the start's data, the later events, the state they fold to), each event checked (with the
    law, and no day after today as in chat)."""
    ordered = sorted(rows, key=lambda r: (_seq(history, r), r[0]))
    state, start, later = State(), None, []
    for seq, (number, row) in enumerate(ordered, start=1):
        try:
            kind, data = _event(history, row, kind_of, category_of)
            if (kind == "start") != (seq == 1):
                raise RowError(COLUMN_NAMES["event"], "sự kiện đầu tiên của mỗi mục phải là «Lệnh ban đầu», và chỉ một")
            check_start(data, now_local)
            state = apply(state, Event(seq, kind, data))
            if data.get("open_ended"):
                until = value(history, row, "open_ended", open_until)
                if until is None:  # the event's own words may say what ends it
                    until = open_until(cell(history, row, "event"))
                until = "" if until in (None, "ket thuc") else until  # «… kết thúc»: not said
                check_until(state, until, "open_ended", cell(history, row, "open_ended"))
        except RowError as exc:
            raise HistoryError(number, exc.column, exc.why) from None
        except ChainError as exc:
            raise HistoryError(number, "", exc.message_vi) from None
        if kind == "start":
            start = data
        else:
            later.append((kind, data))
    assert start is not None
    return start, later, state


def _seq(history: Sheet, numbered: tuple[int, list[Any]]) -> int:
    raw = cell(history, numbered[1], "seq")
    try:
        return int(float(str(raw))) if raw not in (None, "") else 0
    except ValueError:
        raise HistoryError(numbered[0], COLUMN_NAMES["seq"], f"“{raw}” không phải số") from None
