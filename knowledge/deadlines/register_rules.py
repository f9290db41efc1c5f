"""The law's limits a tracked item's events are checked against: which stage may follow which,
whose extension table applies, and the length an extension asks for (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.deadlines.periods import KindDef, Length, StepDef, load_periods


class ChainError(ValueError):
    """An event the law (or the chain so far) does not allow; ``message_vi`` says why."""

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


FIELD_NAMES = {
    "months": "Số tháng",
    "days": "Số ngày",
    "hours": "Số giờ",
    "tam_giu_days": "Số ngày tạm giữ được trừ",
}


def int_field(data: Mapping[str, Any], name: str) -> int | None:
    value = data.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ChainError(
            f"{FIELD_NAMES.get(name, name)} phải là số nguyên không âm (đang là {value!r}). Anh/chị nhập lại."
        )
    return value


# Stage changes a case item may make (chuyển giai đoạn), and a new tạm giam order for a person.
NEXT_STAGES = {
    "nguon_tin": ("dieu_tra",),
    "dieu_tra": ("truy_to",),
    "dieu_tra_rut_gon": ("truy_to",),
    "truy_to": ("chuan_bi_xet_xu",),
    "tam_giam": ("tam_giam",),
    "tam_giam_dieu_tra": ("tam_giam",),
}
# Tạm giam by order is extended under Đ173 (detention for investigation), by crime category.
EXTENSION_TABLE = {"tam_giam": "tam_giam_dieu_tra"}


def extension_steps(kind: str, category: str | None) -> tuple[KindDef, list[StepDef]]:
    """The kind whose extension rules apply, and its extension steps that apply to ``category``."""
    table = load_periods()
    kd = table.kinds[EXTENSION_TABLE.get(kind, kind)]
    return kd, [s for s in kd.extensions if s.length_for(category)]


def requested(data: Mapping[str, Any], counting: str, default: Length) -> Length:
    months, days, hours = int_field(data, "months"), int_field(data, "days"), int_field(data, "hours")
    if counting == "clock":
        total = (hours or 0) + 24 * (days or 0)
        if months:
            raise ChainError("Gia hạn tạm giữ tính theo ngày hoặc giờ, không theo tháng.")
        return Length(total, "h") if total else Length(default.hours(), "h")
    if months and days:
        if counting != "custody_days":
            raise ChainError("Anh/chị nhập thời hạn gia hạn theo tháng hoặc theo ngày, không cả hai.")
        return Length(30 * months + days, "d")
    if months:
        return Length(months, "m")
    if days:
        return Length(days, "d")
    return default


def length_text(length: Length) -> str:
    if length.unit == "h" and length.value % 24 == 0:
        return f"{length.value // 24} ngày"
    return length.text()
