"""The cells of an imported register row: where a column is, a cell's value read with its parser
(an error names the column), and the cells whose words mean something: ANQG, an open-ended step
(«đến khi kết thúc việc điều tra»), and the extensions as the export writes them
(«lần 1: 04 tháng; lần 2: tối đa»)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from handlers.register.sheet import Sheet, parse_length, parse_moment
from knowledge.kb.normalize import fold

COLUMN_NAMES = {
    "label": "Họ tên / Nhãn",
    "kind": "Biện pháp",
    "start": "Từ ngày",
    "length": "Thời hạn",
    "deduct": "Số ngày tạm giữ được trừ",
    "expiry": "Đến ngày",
    "category": "Loại tội",
    "ext1": "Gia hạn lần 1",
    "ext2": "Gia hạn lần 2",
    "ext3": "Gia hạn lần 3",
    "ext_list": "Các lần gia hạn",
    "open_ended": "Tạm giam đến khi kết thúc",
    "anqg": "Xâm phạm ANQG",
    "stage_start": "Ngày bắt đầu giai đoạn",
    "stage_ext": "Gia hạn giai đoạn",
    "closing": "Kết thúc theo dõi",
    "event": "Sự kiện",
    "decided": "Ngày quyết định",
    "seq": "Lần",
    "stt": "STT",
    "other": "Dữ liệu khác",
}
YES_WORDS = ("co", "x", "1", "true", "yes", "anqg", "xam pham")
NO_WORDS = ("", "khong", "0", "false", "no", "-")
_TIMES = re.compile(r"^lan\s*(\d+)\s*:?\s*")
# «04 tháng (quyết định ngày 25/11/2026)», «10 ngày, QĐ ngày 10/12/2026» (folded)
_DECIDED = re.compile(r"[\s,;(]*(?:quyet dinh|qd)\s*(?:ngay)?\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*\)?\s*$")
CLOSING_WORDS = (("tra tu do", "release"), ("thay doi bien phap", "release"), ("ket thuc", "close"))


class RowError(ValueError):
    def __init__(self, column: str, why: str) -> None:
        super().__init__(why)
        self.column, self.why = column, why


def cell(sheet: Sheet, row: list[Any], name: str) -> Any:
    index = sheet.columns.get(name)
    return row[index] if index is not None and index < len(row) else None


def value(sheet: Sheet, row: list[Any], name: str, parse: Callable[[Any], Any]) -> Any:
    try:
        return parse(cell(sheet, row, name))
    except ValueError as exc:
        raise RowError(COLUMN_NAMES.get(name, name), str(exc)) from None


def anqg_of(text_value: Any) -> bool:
    """The ANQG cell: «có», «x», «1» … mean yes; empty, «không», «0» mean no."""
    text = fold(str(text_value or "")).strip()
    if text in NO_WORDS:
        return False
    if text.startswith(YES_WORDS):
        return True
    raise ValueError(f"“{text_value}” không rõ: ghi «có» hoặc để trống")


def open_until(text_value: Any) -> str | None:
    """An open-ended step named in a cell: «đến khi kết thúc việc điều tra» → «ket thuc viec dieu
    tra» (folded), «có» / «x» → "" (what ends it not said); None when the cell says nothing."""
    text = " ".join(fold(str(text_value or "")).split())
    if text in NO_WORDS:
        return None
    text = text.removeprefix("tam giam ").removeprefix("cho ").removeprefix("den khi ").strip()
    if text.startswith("ket thuc"):
        return text
    if text.startswith(YES_WORDS):
        return ""
    raise ValueError(f"“{text_value}” không rõ: ghi «đến khi kết thúc việc điều tra», «có» hoặc để trống")


def is_open_text(text_value: Any) -> bool:
    """Whether an «Đến ngày» cell names an open-ended step instead of a day (as the export writes it)."""
    return isinstance(text_value, str) and fold(text_value).strip().startswith(("den khi", "cho den khi"))


def decided_of(words: str) -> tuple[str, dict[str, Any]]:
    """«04 thang (quyet dinh ngay 25/11/2026)» → («04 thang», {decided_on: "2026-11-25"})."""
    match = _DECIDED.search(words)
    if match is None:
        return words, {}
    day, month, year = (int(g) for g in match.groups())
    try:
        decided = date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày quyết định “{day}/{month}/{year}” không có thật") from None
    return words[: match.start()].strip(" ,;"), {"decided_on": decided.isoformat()}


def extension_list(text_value: Any) -> list[dict[str, Any]]:
    """«lần 1: 04 tháng (quyết định ngày 25/11/2026); lần 2: tối đa» → [{months: 4, decided_on:
    "2026-11-25"}, {}] ({} is the law's longest; the decision's day is optional)."""
    text = str(text_value or "").strip()
    if not text:
        return []
    found: list[dict[str, Any]] = []
    for n, part in enumerate((p for p in text.split(";") if p.strip()), start=1):
        words = fold(part).strip()
        numbered = _TIMES.match(words)
        if numbered and int(numbered.group(1)) != n:
            raise ValueError(f"«{part.strip()}» không đúng thứ tự (cần lần {n})")
        words, decided = decided_of(words[numbered.end() :] if numbered else words)
        if words in ("toi da", "theo luat", "max", ""):
            found.append(decided)
            continue
        length = parse_length(words)
        if not length:
            raise ValueError(f"«{part.strip()}» không đọc được (ví dụ «lần 1: 04 tháng; lần 2: tối đa»)")
        found.append({**length, **decided})
    return found


def closing_day(text_value: Any) -> dict[str, Any]:
    """The day written after «Trả tự do / thay đổi biện pháp» (``{"released_on": iso}``), or nothing."""
    found = re.search(r"\d{1,2}/\d{1,2}/\d{4}", str(text_value or ""))
    releases = tuple(words for words, kind in CLOSING_WORDS if kind == "release")
    if found is None or not " ".join(fold(str(text_value)).split()).startswith(releases):
        return {}
    moment = parse_moment(found[0])
    assert moment is not None
    return {"released_on": (moment.date() if isinstance(moment, datetime) else moment).isoformat()}


def closing_of(text_value: Any) -> str | None:
    """«Trả tự do / thay đổi biện pháp» → release, «Kết thúc theo dõi» (or «có», «x») → close."""
    text = " ".join(fold(str(text_value or "")).split())
    if text in NO_WORDS:
        return None
    found = next((kind for words, kind in CLOSING_WORDS if text.startswith(words)), None)
    if found is None and text.startswith(YES_WORDS):
        found = "close"
    if found is None:
        raise ValueError(
            f"“{text_value}” không rõ: ghi «Trả tự do / thay đổi biện pháp», «Kết thúc theo dõi» hoặc để trống"
        )
    return found
