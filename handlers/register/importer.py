"""Import a unit's sheet into the register: every row validated first (a bad row refuses the
whole file, each bad row listed with its column and why; nothing partial is stored), and every
stated expiry or extension end cross-checked against the law's count from the row's own start,
length and deducted days. The law's count is stored; the sheet's value is kept in the note."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from handlers.register.import_cells import COLUMN_NAMES, RowError, anqg_of, cell, value
from handlers.register.import_steps import compare, later_steps
from handlers.register.service import validate
from handlers.register.sheet import Sheet, parse_length, parse_moment, show_moment
from knowledge.deadlines.detention_kinds import after_judgment
from knowledge.deadlines.periods import load_periods
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
    errors: list[str] = field(default_factory=list)  # "dòng 5, cột Từ ngày: ngày “31/02/2026” không có thật"
    disagreements: list[str] = field(default_factory=list)  # "dòng 5: bảng ghi …, theo … là …"


def kind_of(value: Any) -> str | None:
    text = fold(str(value or "")).replace("_", " ")
    table = load_periods().kinds
    if text.replace(" ", "_") in table:
        return text.replace(" ", "_")
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


def _row(
    sheet: Sheet,
    number: int,
    row: list[Any],
    unit_id: int,
    people: dict[str, User],
    default: User,
    now: datetime,
    found: ImportResult,
) -> NewItem:
    label = " ".join(str(cell(sheet, row, "label") or "").split())
    if not label:
        raise RowError(COLUMN_NAMES["label"], "trống")
    if len(label) > 80:
        raise RowError(COLUMN_NAMES["label"], f"dài {len(label)} ký tự (tối đa 80)")
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
    notes = [str(cell(sheet, row, "note") or "").strip()]
    order = cell(sheet, row, "order")
    if order not in (None, ""):
        notes.append(f"Lệnh/QĐ số {order}")
    new = NewItem(unit_id, label, default.id, data, str(cell(sheet, row, "case_number") or "").strip() or None)
    owner = fold(str(cell(sheet, row, "prosecutor") or ""))
    if owner:
        person = people.get(owner)
        if person is None:
            notes.append(f"KSV trong bảng: {cell(sheet, row, 'prosecutor')} (chưa có tài khoản)")
        else:
            new = replace(new, assignee_id=person.id)
    state, later = later_steps(sheet, number, row, validate(new, now), found.disagreements)
    stated_end = None if state.open is not None else value(sheet, row, "expiry", parse_moment)
    if stated_end is not None:
        law = compare(stated_end, state)
        if law:
            basis = state.step.basis if state.step else ""
            found.disagreements.append(f"dòng {number}: bảng ghi {show_moment(stated_end)}, theo {basis} là {law}")
            notes.append(f"Bảng cũ ghi hết hạn {show_moment(stated_end)}")
    note = "; ".join(n for n in notes if n) or None
    return replace(new, later=tuple(later), note=note)


def import_rows(sheet: Sheet, unit_id: int, people: dict[str, User], default: User, now: datetime) -> ImportResult:
    """Every row checked; ``items`` is complete only when ``errors`` is empty."""
    found = ImportResult()
    for number, row in sheet.rows:
        try:
            found.items.append(_row(sheet, number, row, unit_id, people, default, now, found))
        except RowError as exc:
            found.errors.append(f"dòng {number}, cột {exc.column}: {exc.why}")
        except ChainError as exc:
            found.errors.append(f"dòng {number}: {exc.message_vi}")
    return found
