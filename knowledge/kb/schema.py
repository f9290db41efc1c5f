"""Validation of one knowledge-base entry: the schema of ``kb_*.yaml`` entries and the
problems reported against it (file, entry id, field)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from knowledge.kb.entry import CATEGORIES, VERIFIED_VALUES, Entry

ID_RE = re.compile(r"^[a-z0-9_]+$")
REQUIRED_FIELDS: tuple[str, ...] = (
    "id",
    "category",
    "title",
    "questions",
    "answer",
    "source",
    "verified",
    "reviewed",
)
OPTIONAL_FIELDS: tuple[str, ...] = (
    "effective_from",
    "effective_to",
    "year",
    "unit",
    "related",
    "tags",
    "founded",
)
ALLOWED_FIELDS: frozenset[str] = frozenset(REQUIRED_FIELDS + OPTIONAL_FIELDS)
MIN_QUESTIONS = 3
YEAR_RANGE: tuple[int, int] = (1945, 2100)
UNVERIFIED_MARKER = "chưa kiểm chứng"


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation problem. ``entry_id`` and ``field`` are None for file-level problems."""

    file: str
    entry_id: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        parts = [f"{self.file}:"]
        if self.entry_id is not None:
            parts.append(f"entry '{self.entry_id}'")
        if self.field is not None:
            parts.append(f"field '{self.field}':")
        elif self.entry_id is not None:
            parts[-1] += ":"
        parts.append(self.message)
        return " ".join(parts)


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _nonempty_str(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _str_list(value: Any) -> tuple[list[str], str | None]:
    """A list of non-empty strings, or an error message saying what is wrong."""
    if value is None:
        return [], None
    if not isinstance(value, list):
        return [], "phải là danh sách (YAML list)"
    out: list[str] = []
    for item in value:
        s = _nonempty_str(item)
        if s is None:
            if isinstance(item, str) or item is None:
                return [], "có phần tử trống"
            return [], f"phần tử {item!r} không phải chuỗi (hãy đặt trong dấu ngoặc kép)"
        out.append(s)
    return out, None


def validate_entry(raw: dict[str, Any], file: str, label: str) -> tuple[Entry | None, list[Problem]]:
    """Validate one entry mapping (everything except cross-entry checks)."""
    problems: list[Problem] = []

    def bad(field: str | None, message: str) -> None:
        problems.append(Problem(file, label, field, message))

    for key in sorted(map(str, raw)):
        if key not in ALLOWED_FIELDS:
            bad(key, "trường không được hỗ trợ")
    for key in REQUIRED_FIELDS:
        if key not in raw:
            bad(key, "thiếu trường bắt buộc")

    entry_id = raw.get("id")
    if "id" in raw and not (isinstance(entry_id, str) and ID_RE.fullmatch(entry_id)):
        bad("id", f"mã {entry_id!r} không hợp lệ (chỉ a-z, 0-9, _)")

    category = raw.get("category")
    if "category" in raw and category not in CATEGORIES:
        bad("category", f"nhóm {category!r} không hợp lệ (hợp lệ: {', '.join(CATEGORIES)})")

    texts: dict[str, str] = {}
    for key in ("title", "answer", "source"):
        if key in raw:
            s = _nonempty_str(raw[key])
            if s is None:
                bad(key, "trống" if raw[key] in (None, "") or isinstance(raw[key], str) else "phải là chuỗi")
            else:
                texts[key] = s

    questions, error = _str_list(raw.get("questions"))
    if "questions" in raw:
        if error is not None:
            bad("questions", error)
        elif len(questions) < MIN_QUESTIONS:
            bad("questions", f"cần ít nhất {MIN_QUESTIONS} câu hỏi, có {len(questions)}")
        else:
            dup = [q for q, n in Counter(q.casefold() for q in questions).items() if n > 1]
            if dup:
                bad("questions", f"câu hỏi trùng lặp: {dup[0]!r}")

    verified = raw.get("verified")
    if "verified" in raw and verified not in VERIFIED_VALUES:
        bad("verified", f"giá trị {verified!r} không hợp lệ (hợp lệ: {', '.join(VERIFIED_VALUES)})")
    if verified == "no" and "answer" in texts and UNVERIFIED_MARKER not in texts["answer"].lower():
        bad("answer", f"mục chưa kiểm chứng phải nói rõ '{UNVERIFIED_MARKER}'")

    reviewed = _as_date(raw.get("reviewed"))
    if "reviewed" in raw and reviewed is None:
        bad("reviewed", f"{raw.get('reviewed')!r} không phải ngày (YYYY-MM-DD)")

    eff: dict[str, date | None] = {}
    for key in ("effective_from", "effective_to"):
        value = raw.get(key)
        eff[key] = None
        if value is not None:
            d = _as_date(value)
            if d is None:
                bad(key, f"{value!r} không phải ngày (YYYY-MM-DD)")
            eff[key] = d
    founded = _as_date(raw.get("founded")) if raw.get("founded") is not None else None
    if raw.get("founded") is not None and founded is None:
        bad("founded", f"{raw.get('founded')!r} không phải ngày (YYYY-MM-DD)")
    start, end = eff["effective_from"], eff["effective_to"]
    if start is not None and end is not None and start > end:
        bad("effective_from", f"ngày hiệu lực {start} sau ngày hết hiệu lực {end}")

    year = raw.get("year")
    if year is not None:
        if not isinstance(year, int) or isinstance(year, bool):
            bad("year", f"{year!r} không phải số nguyên")
        elif not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            bad("year", f"năm {year} ngoài khoảng {YEAR_RANGE[0]}–{YEAR_RANGE[1]}")

    unit = raw.get("unit")
    if unit is not None:
        if _nonempty_str(unit) is None:
            bad("unit", "trống" if isinstance(unit, str) else "phải là chuỗi")
        elif year is None:
            bad("year", "mục của một đơn vị phải ghi năm")

    lists: dict[str, list[str]] = {}
    for key in ("related", "tags"):
        value, error = _str_list(raw.get(key))
        if error is not None:
            bad(key, error)
        else:
            lists[key] = value
    if isinstance(entry_id, str) and entry_id in lists.get("related", []):
        bad("related", "mục tự liên kết đến chính nó")

    if problems:
        return None, problems
    assert isinstance(entry_id, str) and reviewed is not None
    entry = Entry(
        id=entry_id,
        category=str(category),
        title=texts["title"],
        questions=tuple(questions),
        answer=texts["answer"],
        source=texts["source"],
        verified=str(verified),
        reviewed=reviewed,
        effective_from=start,
        effective_to=end,
        year=year,
        unit=_nonempty_str(unit),
        related=tuple(lists["related"]),
        tags=tuple(lists["tags"]),
        founded=founded,
        file=file,
    )
    return entry, []


def entry_label(raw: Any, index: int) -> str:
    """How an entry is named in problems: its id if it has a usable one, else its position."""
    if isinstance(raw, dict):
        entry_id = raw.get("id")
        if isinstance(entry_id, str) and entry_id.strip():
            return entry_id
    return f"#{index}"
