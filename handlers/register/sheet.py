"""Reading the sheets units already keep: XLSX (openpyxl) or CSV (UTF-8, with or without BOM,
comma or semicolon), title rows above the header, an STT column, Vietnamese headers with or
without diacritics or plain English ones; and the cell values they hold (dates as Excel dates
or text, free-text lengths such as "01 tháng 27 ngày")."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from handlers.export_cells import unguard
from knowledge.kb.normalize import fold

# Field -> folded header prefixes, in matching order (the first field whose prefix matches wins).
HEADERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("stt", ("stt", "so thu tu")),  # links a row to its events on the «Diễn biến» page
    ("ignore", ("con lai", "so ngay con lai", "muc tran", "buoc hien tai", "nguoi ghi", "ghi luc")),
    ("event", ("su kien", "event")),
    ("other", ("du lieu khac", "other data")),
    ("decided", ("ngay quyet dinh", "decided on", "decided_on")),
    ("stage_ext", ("gia han giai doan", "quyet dinh gia han giai doan", "stage extensions")),
    ("closing", ("ket thuc theo doi", "closed")),
    ("deduct", ("so ngay tam giu duoc tru", "ngay tam giu duoc tru", "tam giu days", "tam_giu_days")),
    ("ext1", ("gia han lan 1", "gia han lan thu nhat", "gia han lan i ")),
    ("ext2", ("gia han lan 2", "gia han lan thu hai")),
    ("ext3", ("gia han lan 3", "gia han lan thu ba")),
    ("ext_list", ("cac lan gia han", "extensions")),
    ("open_ended", ("tam giam den khi ket thuc", "tam giam cho den khi", "den khi ket thuc", "open ended")),
    ("expiry", ("den ngay", "ngay het han", "het han", "expires", "expiry")),
    ("stage_start", ("ngay bat dau giai doan", "ngay nhan ho so", "ngay thu ly", "stage start", "stage_start")),
    ("anqg", ("xam pham anqg", "xam pham an ninh quoc gia", "anqg", "an ninh quoc gia")),
    ("category", ("loai toi", "category")),
    ("label", ("ho va ten", "ho ten", "bi can", "nguoi bi bat", "nguoi bi tam", "nguoi bi giu", "nhan", "label")),
    ("case_number", ("so thu ly", "so tl", "so vu", "case number", "case_number")),
    ("kind", ("bien phap", "loai", "giai doan", "kind")),
    ("start", ("tu ngay", "ngay bat dau", "ngay ra lenh", "ngay bi bat", "start")),
    ("months", ("months",)),
    ("days", ("days",)),
    ("seq", ("lan", "seq")),
    ("length", ("thoi han", "length")),
    ("order", ("lenh qd so", "lenh qd", "so lenh", "so quyet dinh", "order")),
    ("prosecutor", ("ksv", "kiem sat vien", "prosecutor")),
    ("note", ("ghi chu", "note")),
)
REQUIRED = ("label", "kind", "start")
LAW_WORDS = ("theo luat", "toi da", "toi da theo luat", "muc toi da")  # a length cell: the law's
HISTORY_TITLE = "Diễn biến"  # the page of an exported workbook with one row per event
HISTORY_REQUIRED = ("stt", "event")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_TIME = re.compile(r"(\d{1,2})\s*(?:[:h]|giờ|gio)\s*(\d{2})?")
_LENGTH = re.compile(r"^(?:(\d+)\s*(?:thang|th|t)\b)?\s*(?:(\d+)\s*(?:ngay|n|d)\b)?\s*(?:(\d+)\s*(?:gio|h)\b)?$")


class SheetError(ValueError):
    """The file cannot be read as a register sheet; the message is Vietnamese."""


@dataclass(frozen=True, slots=True)
class Sheet:
    columns: dict[str, int]  # field -> column index
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number in the file, 1-based; cells)


def field_of(header: str) -> str | None:
    folded = fold(str(header)).replace("_", " ")
    if not folded:
        return None
    for name, prefixes in HEADERS:
        if any(folded == p.replace("_", " ") or folded.startswith(p.replace("_", " ")) for p in prefixes):
            return name
    return None


def _worksheets(data: bytes) -> Any:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SheetError(
            "Tệp không đọc được như bảng Excel (.xlsx). Anh/chị mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại."
        ) from exc


def _table(data: bytes, name: str) -> list[list[Any]]:
    if name.lower().endswith(".xlsx"):
        ws = _worksheets(data)[0]
        return [list(row) for row in ws.iter_rows(values_only=True)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SheetError("Tệp CSV phải ở mã UTF-8. Anh/chị lưu lại bằng «CSV UTF-8».") from exc
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return [[unguard(cell) for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def read_history(data: bytes, name: str) -> Sheet | None:
    """The «Diễn biến» page of an exported workbook (one row per event, linked by STT), or None
    (a CSV, or a workbook without it: each row's columns say its chain)."""
    if not name.lower().endswith(".xlsx"):
        return None
    page = next((ws for ws in _worksheets(data)[1:] if fold(ws.title) == fold(HISTORY_TITLE)), None)
    if page is None:
        return None
    table = [list(row) for row in page.iter_rows(values_only=True)]
    index, columns = _header(table)
    if index < 0 or any(f not in columns for f in HISTORY_REQUIRED):
        raise SheetError(
            f"Trang «{HISTORY_TITLE}» thiếu cột STT hoặc Sự kiện. Anh/chị giữ nguyên các cột như khi xuất, "
            "hoặc xóa trang đó (mỗi dòng của trang đầu tự ghi thời hạn của nó)."
        )
    return Sheet(columns, [str(c or "") for c in table[index]], _rows(table, index))


def _header(table: list[list[Any]]) -> tuple[int, dict[str, int]]:
    best: tuple[int, int, dict[str, int]] = (-1, 0, {})
    for index, row in enumerate(table[:12]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(row):
            field = field_of(cell) if cell is not None else None
            if field and field != "ignore" and field not in columns:
                columns[field] = col
        if len(columns) > best[1]:
            best = (index, len(columns), columns)
    return best[0], best[2]


def _rows(table: list[list[Any]], index: int) -> list[tuple[int, list[Any]]]:
    rows = []
    for number, row in enumerate(table[index + 1 :], start=index + 2):
        if all(c is None or str(c).strip() == "" for c in row):
            continue
        if all(str(c or "").strip().isdigit() or c is None for c in row):
            continue  # a row of column numbers (1), (2), ... under the header
        rows.append((number, row))
    return rows


def read_sheet(data: bytes, name: str) -> Sheet:
    """The header row (the one among the first 12 naming the most fields) and the rows below it."""
    table = _table(data, name)
    index, columns = _header(table)
    missing = [f for f in REQUIRED if f not in columns]
    if index < 0 or missing:
        names = {"label": "Họ và tên / Nhãn", "kind": "Biện pháp / Giai đoạn", "start": "Từ ngày / Ngày bắt đầu"}
        raise SheetError(
            "Thiếu cột: "
            + ", ".join(names[f] for f in missing)
            + ". Anh/chị thêm cột đó (danh sách cột có trong /theodoi_nhap) rồi gửi lại."
        )
    return Sheet(columns, [str(c or "") for c in table[index]], _rows(table, index))


def show_moment(value: date | datetime | str) -> str:
    """``10:00 06/12/2026`` for a moment, ``06/12/2026`` for a day; an ISO string as stored in an
    event's data is read first."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return value.strftime("%H:%M %d/%m/%Y") if isinstance(value, datetime) else value.strftime("%d/%m/%Y")


def parse_moment(value: Any) -> date | datetime | None:
    """A date or a date with a time; None when empty. Raises ValueError for an impossible date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value if value.time() != time(0, 0) else value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip().lower()
    match = _DATE.search(text)
    if not match:
        raise ValueError(f"“{value}” không phải ngày (dạng dd/mm/yyyy)")
    if match.group(1):
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    else:
        day, month, year = int(match.group(4)), int(match.group(5)), int(match.group(6))
    try:
        found = date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày “{value}” không có thật") from None
    rest = (text[: match.start()] + " " + text[match.end() :]).strip()
    clock = _TIME.search(rest)
    if not clock:
        return found
    hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"giờ “{clock.group(0)}” không hợp lệ")
    return datetime.combine(found, time(hour, minute))


def parse_length(value: Any) -> dict[str, int] | None:
    """``03 ngày`` → {days: 3}; ``01 tháng 27 ngày`` → {months: 1, days: 27}; None when empty."""
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"days": int(value)}
    if " ".join(fold(str(value)).split()) in LAW_WORDS:
        return None  # the law's own length, as an empty cell
    match = _LENGTH.match(fold(str(value)))
    if not match or not any(match.groups()):
        raise ValueError(f"thời hạn “{value}” không đọc được (ví dụ «03 ngày», «01 tháng 27 ngày»)")
    found = {"months": match.group(1), "days": match.group(2), "hours": match.group(3)}
    return {k: int(v) for k, v in found.items() if v}
