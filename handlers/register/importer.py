"""Import a unit's sheet into the register: every row validated first (a bad row refuses the
whole file, each bad row listed with its column and why; nothing partial is stored), and every
stated expiry or extension end cross-checked against the law's count from the row's own start,
length and deducted days. The law's count is stored; the sheet's value is kept in the note."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from handlers.register.service import validate
from handlers.register.sheet import Sheet, parse_length, parse_moment, show_moment
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_chain import Event, State, apply
from knowledge.deadlines.register_rules import ChainError
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
    "anqg": "Xâm phạm ANQG",
    "stage_start": "Ngày bắt đầu giai đoạn",
}
YES_WORDS = ("co", "x", "1", "true", "yes", "anqg", "xam pham")
NO_WORDS = ("", "khong", "0", "false", "no", "-")


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
    if text.startswith("tam giam"):
        words = " ".join(re.sub(r"[^a-z0-9 ]", " ", text).split())
        staged = next((kind for stage, kind in STAGE_WORDS if f" {stage}" in f" {words}"), None)
        if staged is not None:
            return staged
    return next((kind for words, kind in KIND_WORDS if text.startswith(words) or f" {words}" in f" {text}"), None)


def anqg_of(value: Any) -> bool:
    """The ANQG cell: «có», «x», «1» … mean yes; empty, «không», «0» mean no."""
    text = fold(str(value or "")).strip()
    if text in NO_WORDS:
        return False
    if text.startswith(YES_WORDS):
        return True
    raise ValueError(f"“{value}” không rõ: ghi «có» hoặc để trống")


def category_of(value: Any) -> str | None:
    text = fold(str(value or "")).replace("_", " ")
    return CATEGORY_WORDS.get(text.removeprefix("toi ").strip())


def _compare(stated: date | datetime, state: State) -> str | None:
    """The law's end as the sheet would write it, when it differs from the stated one."""
    step = state.step
    assert step is not None
    if isinstance(stated, datetime) and step.counting == "clock":
        return None if stated == step.expiry else show_moment(step.expiry)
    stated_day = stated.date() if isinstance(stated, datetime) else stated
    return None if stated_day == step.last_day else show_moment(step.last_day)


class RowError(ValueError):
    def __init__(self, column: str, why: str) -> None:
        super().__init__(why)
        self.column, self.why = column, why


def _cell(sheet: Sheet, row: list[Any], name: str) -> Any:
    index = sheet.columns.get(name)
    return row[index] if index is not None and index < len(row) else None


def _value(sheet: Sheet, row: list[Any], name: str, parse: Any) -> Any:
    try:
        return parse(_cell(sheet, row, name))
    except ValueError as exc:
        raise RowError(COLUMN_NAMES.get(name, name), str(exc)) from None


def _extension(state: State, stated: date | datetime) -> dict[str, Any]:
    """The extension that ends on the stated day (or moment), from the step it extends."""
    step = state.step
    assert step is not None
    if step.counting == "clock":
        end = stated if isinstance(stated, datetime) else datetime.combine(stated, step.expiry.time())
        return {"hours": max(int((end - step.expiry) / timedelta(hours=1)), 0)}
    day = stated.date() if isinstance(stated, datetime) else stated
    anchor = step.last_day if step.counting == "custody_days" else step.raw_end
    return {"days": max((day - anchor).days, 0)}


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
    label = " ".join(str(_cell(sheet, row, "label") or "").split())
    if not label:
        raise RowError(COLUMN_NAMES["label"], "trống")
    if len(label) > 80:
        raise RowError(COLUMN_NAMES["label"], f"dài {len(label)} ký tự (tối đa 80)")
    kind = kind_of(_cell(sheet, row, "kind"))
    if kind is None:
        raise RowError(COLUMN_NAMES["kind"], f"không nhận ra “{_cell(sheet, row, 'kind')}”")
    start = _value(sheet, row, "start", parse_moment)
    if start is None:
        raise RowError(COLUMN_NAMES["start"], "trống")
    length = _value(sheet, row, "length", parse_length) or {}
    for name in ("months", "days"):
        extra = _cell(sheet, row, name)
        if extra not in (None, ""):
            try:
                length[name] = int(float(str(extra)))
            except ValueError:
                raise RowError(name, f"“{extra}” không phải số") from None
    data: dict[str, Any] = {"kind": kind}
    category = category_of(_cell(sheet, row, "category"))
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
        deduct = _cell(sheet, row, "deduct")
        if deduct not in (None, ""):
            try:
                data["tam_giu_days"] = int(float(str(deduct)))
            except ValueError:
                raise RowError(COLUMN_NAMES["deduct"], f"“{deduct}” không phải số ngày") from None
    if category:
        data["category"] = category
    if _value(sheet, row, "anqg", anqg_of):
        data["anqg"] = True
    stage_start = _value(sheet, row, "stage_start", parse_moment)
    if kd.stage is not None and stage_start is None:
        raise RowError(COLUMN_NAMES["stage_start"], f"trống: cần {kd.stage.start_label} ({kd.basis})")
    if stage_start is not None:
        data["stage_start"] = (stage_start.date() if isinstance(stage_start, datetime) else stage_start).isoformat()
    notes = [str(_cell(sheet, row, "note") or "").strip()]
    order = _cell(sheet, row, "order")
    if order not in (None, ""):
        notes.append(f"Lệnh/QĐ số {order}")
    new = NewItem(unit_id, label, default.id, data, str(_cell(sheet, row, "case_number") or "").strip() or None)
    owner = fold(str(_cell(sheet, row, "prosecutor") or ""))
    if owner:
        person = people.get(owner)
        if person is None:
            notes.append(f"KSV trong bảng: {_cell(sheet, row, 'prosecutor')} (chưa có tài khoản)")
        else:
            new = replace(new, assignee_id=person.id)
    state = validate(new, now)
    later: list[tuple[str, dict[str, Any]]] = []
    for index, name in enumerate(("ext1", "ext2", "ext3"), start=1):
        stated = _value(sheet, row, name, parse_moment)
        if stated is None:
            continue
        event = _extension(state, stated)
        try:
            state = apply(state, Event(len(later) + 2, "extend", event))
        except ChainError as exc:
            raise RowError(COLUMN_NAMES[name], exc.message_vi) from None
        later.append(("extend", event))
        law = _compare(stated, state)
        if law:
            found.disagreements.append(
                f"dòng {number}: gia hạn lần {index} bảng ghi {show_moment(stated)}, theo luật là {law}"
            )
    stated_end = _value(sheet, row, "expiry", parse_moment)
    if stated_end is not None:
        law = _compare(stated_end, state)
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
