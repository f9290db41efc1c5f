"""Import a unit's sheet into the register: every row validated first (a bad row refuses the
whole file, each bad row listed with its column and why; nothing partial is stored), and every
stated expiry or extension end cross-checked against the law's count from the row's own start,
length and deducted days. The law's count is stored; the sheet's value is kept in the note."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from typing import Any

from handlers.register.import_cells import COLUMN_NAMES, RowError, anqg_of, cell, is_open_text, value
from handlers.register.import_history import HistoryError, by_stt, chain_of, stt_of
from handlers.register.import_steps import compare, later_steps
from handlers.register.kinds import KINDS
from handlers.register.service import validate
from handlers.register.sheet import Sheet, parse_length, parse_moment, show_moment
from knowledge.deadlines.detention_kinds import after_judgment
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_chain import State
from knowledge.deadlines.register_rules import ChainError
from knowledge.deadlines.register_summary import summary_kind
from knowledge.kb.normalize import fold
from storage.register_model import NewItem
from storage.users import User

# Detention tied to a stage (its end is capped by the stage's): "Tạm giam để truy tố", "Tạm giam
# (xét xử sơ thẩm)", "Tạm giam chuẩn bị xét xử phúc thẩm" — the stage's words after "tạm giam".
STAGE_WORDS = (
    ("truy to", "tam_giam_truy_to"),
    ("phuc tham", "tam_giam_phuc_tham"),
    ("xet xu", "tam_giam_chuan_bi_xet_xu"),
)
KIND_WORDS = (
    ("giu khan cap", "giu_khan_cap"),
    ("tam giu", "tam_giu"),
    ("tam giam", "tam_giam"),
    ("nguon tin", "nguon_tin"),
    ("dieu tra", "dieu_tra"),
    ("truy to", "truy_to"),
    ("chuan bi xet xu", "chuan_bi_xet_xu"),
    ("xet xu", "chuan_bi_xet_xu"),
)
CATEGORY_WORDS = {
    "it nghiem trong": "it_nghiem_trong",
    "nghiem trong": "nghiem_trong",
    "rat nghiem trong": "rat_nghiem_trong",
    "dac biet nghiem trong": "dac_biet_nghiem_trong",
}


@dataclass(slots=True)
class ImportResult:
    items: list[NewItem] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # each item's row in the file
    errors: list[str] = field(default_factory=list)  # "dòng 5, cột Từ ngày: ngày “31/02/2026” không có thật"
    disagreements: list[str] = field(default_factory=list)  # "dòng 5: bảng ghi …, theo … là …"
    unassigned: list[str] = field(default_factory=list)  # "dòng 5: KSV «…»": no account in the unit


@cache
def _names() -> dict[str, str]:
    """Every kind's names as the register shows them (``KINDS``) and as the law's table does (built
    once: ``kind_of`` reads it for every row of an import)."""
    table = load_periods().kinds
    names = {fold(kd.label): kind for kind, kd in table.items()}
    names.update({fold(label): kind for kind, label in KINDS.items()})
    return names


def kind_of(value: Any) -> str | None:
    text = fold(str(value or "")).replace("_", " ")
    table = load_periods().kinds
    if text.replace(" ", "_") in table:
        return text.replace(" ", "_")
    exact = _names().get(" ".join(text.split()))
    if exact is not None:  # a kind's own name, as the export writes it
        return exact
    summary = summary_kind(text)  # "… theo thủ tục rút gọn": its own limits (Đ459–Đ464), never the general ones
    if summary is not None:
        return summary or None
    if text.startswith("tam giam"):
        words = " ".join(re.sub(r"[^a-z0-9 ]", " ", text).split())
        judged = after_judgment(words)  # Đ329 k3, Đ347 k3: 45 days from the judgment, not a stage's limit
        if judged is not None:
            return judged or None  # a death sentence (Đ329 k4): the judgment decides, not computed
        staged = next((kind for stage, kind in STAGE_WORDS if f" {stage}" in f" {words}"), None)
        if staged is not None:
            return staged
    return next((kind for words, kind in KIND_WORDS if text.startswith(words) or f" {words}" in f" {text}"), None)


def category_of(value: Any) -> str | None:
    text = fold(str(value or "")).replace("_", " ")
    return CATEGORY_WORDS.get(text.removeprefix("toi ").strip())


def _start(sheet: Sheet, row: list[Any]) -> dict[str, Any]:
    """The start event from the row's own cells (a sheet without a «Diễn biến» page)."""
    kind = kind_of(cell(sheet, row, "kind"))
    if kind is None:
        raise RowError(COLUMN_NAMES["kind"], f"không nhận ra “{cell(sheet, row, 'kind')}”")
    start = value(sheet, row, "start", parse_moment)
    if start is None:
        raise RowError(COLUMN_NAMES["start"], "trống")
    length = value(sheet, row, "length", parse_length) or {}
    for name in ("months", "days"):
        extra = cell(sheet, row, name)
        if extra not in (None, ""):
            try:
                length[name] = int(float(str(extra)))
            except ValueError:
                raise RowError(name, f"“{extra}” không phải số") from None
    data: dict[str, Any] = {"kind": kind}
    category = category_of(cell(sheet, row, "category"))
    kd = load_periods().kinds[kind]
    if kd.counting == "clock":
        if not isinstance(start, datetime):
            raise RowError(COLUMN_NAMES["start"], "tạm giữ cần cả giờ, ví dụ 06/12/2026 10:00 hoặc 09h30 06/12/2026")
        data["start"] = start.isoformat(timespec="minutes")
    else:
        data["start"] = (start.date() if isinstance(start, datetime) else start).isoformat()
    if kind == "tam_giam" and not length.get("months") and not length.get("days"):
        raise RowError(COLUMN_NAMES["length"], "tạm giam cần thời hạn ghi trong lệnh, ví dụ «02 tháng»")
    if kind == "tam_giam" or kd.stage is not None:  # detention tied to a stage: the order may be shorter
        data.update({k: v for k, v in length.items() if k in ("months", "days")})
    if kind == "tam_giam" or (kd.deduct_tam_giu and kd.stage is not None):
        deduct = cell(sheet, row, "deduct")
        if deduct not in (None, ""):
            try:
                data["tam_giu_days"] = int(float(str(deduct)))
            except ValueError:
                raise RowError(COLUMN_NAMES["deduct"], f"“{deduct}” không phải số ngày") from None
    if category:
        data["category"] = category
    if value(sheet, row, "anqg", anqg_of):
        data["anqg"] = True
    stage_start = value(sheet, row, "stage_start", parse_moment)
    if kd.stage is not None and stage_start is None:
        raise RowError(COLUMN_NAMES["stage_start"], f"trống: cần {kd.stage.start_label} ({kd.basis})")
    if stage_start is not None:
        data["stage_start"] = (stage_start.date() if isinstance(stage_start, datetime) else stage_start).isoformat()
    return data


def _row(
    sheet: Sheet,
    number: int,
    row: list[Any],
    unit_id: int,
    people: dict[str, User],
    default: User,
    now: datetime,
    found: ImportResult,
    history: tuple[Sheet, list[tuple[int, list[Any]]]] | None = None,
) -> NewItem:
    label = " ".join(str(cell(sheet, row, "label") or "").split())
    if not label:
        raise RowError(COLUMN_NAMES["label"], "trống")
    if len(label) > 80:
        raise RowError(COLUMN_NAMES["label"], f"dài {len(label)} ký tự (tối đa 80)")
    if history is not None:  # the exported events: the chain as it was recorded
        start, events, _ = chain_of(history[0], history[1], kind_of, category_of, now)
    else:
        start, events = _start(sheet, row), []
    notes = [str(cell(sheet, row, "note") or "").strip()]
    order = cell(sheet, row, "order")
    if order not in (None, ""):
        notes.append(f"Lệnh/QĐ số {order}")
    new = NewItem(unit_id, label, default.id, start, str(cell(sheet, row, "case_number") or "").strip() or None)
    owner = fold(str(cell(sheet, row, "prosecutor") or ""))
    if owner:
        person = people.get(owner)
        if person is None:
            notes.append(f"KSV trong bảng: {cell(sheet, row, 'prosecutor')} (chưa có tài khoản)")
            found.unassigned.append(f"dòng {number}: KSV «{str(cell(sheet, row, 'prosecutor')).strip()[:40]}»")
        else:
            new = replace(new, assignee_id=person.id)
    if history is not None:
        later = events
        state = validate(replace(new, later=tuple(later)), now)
    else:
        state, later = later_steps(sheet, number, row, validate(new, now), found.disagreements)
    _cross_check(sheet, number, row, state, found, notes)
    note = "; ".join(n for n in notes if n) or None
    return replace(new, later=tuple(later), note=note)


def _cross_check(
    sheet: Sheet, number: int, row: list[Any], state: State, found: ImportResult, notes: list[str]
) -> None:
    """The row's stated expiry against the law's count (listed, and kept in the note)."""
    stated = cell(sheet, row, "expiry")
    if state.open is not None or state.step is None or is_open_text(stated):
        return
    stated_end = value(sheet, row, "expiry", parse_moment)
    if stated_end is None:
        return
    law = compare(stated_end, state)
    if law:
        basis = state.step.basis
        found.disagreements.append(f"dòng {number}: bảng ghi {show_moment(stated_end)}, theo {basis} là {law}")
        notes.append(f"Bảng cũ ghi hết hạn {show_moment(stated_end)}")


def import_rows(
    sheet: Sheet,
    unit_id: int,
    people: dict[str, User],
    default: User,
    now: datetime,
    history: Sheet | None = None,
) -> ImportResult:
    """Every row checked; ``items`` is complete only when ``errors`` is empty. With ``history``
    (the «Diễn biến» page), a row whose STT has events there takes its chain from them."""
    found = ImportResult()
    events = by_stt(history) if history is not None else {}
    used: set[str] = set()
    for number, row in sheet.rows:
        key = stt_of(cell(sheet, row, "stt"))
        rows = events.get(key) if key is not None else None
        if key is not None and rows is not None:
            if key in used:
                found.errors.append(f"dòng {number}, cột STT: STT {key} trùng với một dòng khác")
                continue
            used.add(key)
        try:
            chain = (history, rows) if history is not None and rows else None
            found.items.append(_row(sheet, number, row, unit_id, people, default, now, found, chain))
            found.numbers.append(number)
        except RowError as exc:
            found.errors.append(f"dòng {number}, cột {exc.column}: {exc.why}")
        except HistoryError as exc:
            found.errors.append(f"dòng {number}: {exc}")
        except ChainError as exc:
            found.errors.append(f"dòng {number}: {exc.message_vi}")
    for key in sorted(set(events) - used, key=lambda k: (len(k), k)):
        first = events[key][0][0]
        found.errors.append(f"trang Diễn biến, dòng {first}: STT {key} không có ở trang đầu")
    return found
