"""The law's limits a tracked item's events are checked against: which stage may follow which,
whose extension table applies, and the length an extension asks for (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
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
    "anqg": "Xâm phạm an ninh quốc gia",
    "open_ended": "Tạm giam cho đến khi kết thúc",
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


# Stage changes a case item may make (chuyển giai đoạn), a new tạm giam order for a person, and
# detention following the case into the stages that cap it (Đ174 k4, Đ241, Đ278 k2, Đ347 k2).
# A case under the summary procedure stays in it (Đ460 k1, Đ461 k1, Đ462; detention Đ459 k3):
# moving it to a general stage would give the general, longer limits. Cancelling the procedure
# (Đ458) is its own move, with the decision's day (``register_summary``).
_TO_PROSECUTION = ("tam_giam", "tam_giam_truy_to")
NEXT_STAGES = {
    "nguon_tin": ("dieu_tra",),
    "dieu_tra": ("truy_to",),
    "dieu_tra_rut_gon": ("truy_to_rut_gon",),
    "truy_to_rut_gon": ("xet_xu_rut_gon",),
    "tam_giam_rut_gon_dieu_tra": ("tam_giam_rut_gon_truy_to",),
    "tam_giam_rut_gon_truy_to": ("tam_giam_rut_gon_so_tham",),
    "tam_giam_rut_gon_so_tham": ("tam_giam_rut_gon_phuc_tham",),
    "truy_to": ("chuan_bi_xet_xu",),
    "tam_giam": _TO_PROSECUTION,
    "tam_giam_dieu_tra": _TO_PROSECUTION,
    "tam_giam_phuc_hoi_dieu_tra": _TO_PROSECUTION,
    "tam_giam_truy_to": ("tam_giam_chuan_bi_xet_xu", "tam_giam_dieu_tra_bo_sung_vks"),
    "tam_giam_dieu_tra_bo_sung_vks": ("tam_giam_truy_to",),
    "tam_giam_chuan_bi_xet_xu": ("tam_giam_sau_tuyen_an", "tam_giam_phuc_tham", "tam_giam_dieu_tra_bo_sung_toa_an"),
    "tam_giam_dieu_tra_bo_sung_toa_an": ("tam_giam_chuan_bi_xet_xu",),
    "tam_giam_sau_tuyen_an": ("tam_giam_phuc_tham",),
}
# A person held becomes detained by a conversion: tạm giữ (giữ khẩn cấp) → tạm giam (TTLT 04/2018 Đ17).
# Under the summary procedure, tạm giữ (Đ459 k2) becomes the summary detention to investigate (Đ459 k3:
# 20 days), the tạm giữ days deducted (Đ118 k4, which Đ455 and Đ459 k1 keep; TTLT 04/2018 Đ17).
CONVERSIONS = {
    "tam_giu": ("tam_giam",),
    "giu_khan_cap": ("tam_giam",),
    "tam_giu_rut_gon": ("tam_giam_rut_gon_dieu_tra",),
}
# Tạm giam by order is extended under Đ173 (detention for investigation), by crime category —
# which holds only while the case is investigated: said wherever such an extension is asked.
EXTENSION_TABLE = {"tam_giam": "tam_giam_dieu_tra"}
EXTENSION_SCOPE = {
    "tam_giam": (
        "Gia hạn theo Điều 173 chỉ áp dụng cho tạm giam để điều tra. Ở giai đoạn truy tố, xét xử, tạm giam "
        "theo thời hạn của giai đoạn đó (Điều 241, 278, 347): anh/chị ghi «Giai đoạn mới», không ghi gia hạn."
    ),
    # The summary hearing: 7 days from the decision to bring the case to trial (periods.yaml `anchor: decision`).
    "xet_xu_rut_gon": (
        "Hạn mở phiên tòa tính từ ngày ra quyết định đưa vụ án ra xét xử (Điều 462 khoản 2): anh/chị nhập kèm "
        "ngày quyết định (bắt buộc), ví dụ «7 ngày, quyết định ngày 05/03/2026»."
    ),
    "xet_xu_phuc_tham_rut_gon": (
        "Hạn mở phiên tòa tính từ ngày ra quyết định đưa vụ án ra xét xử phúc thẩm (Điều 464 khoản 3): anh/chị "
        "nhập kèm ngày quyết định (bắt buộc), ví dụ «7 ngày, quyết định ngày 05/03/2026»."
    ),
}
# An open-ended step is reviewed, not reminded: every 30 days while the investigation goes on,
# every 3 days while a hearing goes on (it has no date that could be reminded).
REVIEW_EVERY = {"investigation": timedelta(days=30), "hearing": timedelta(days=3)}
REVIEWS = 12  # planned at each event; a later event plans them again


def _hearing(step: StepDef) -> bool:
    return "phiên tòa" in step.until


def review_every(until: str) -> timedelta:
    return REVIEW_EVERY["hearing" if "phiên tòa" in until else "investigation"]


def _eligible(kd: KindDef, category: str | None, anqg: bool) -> list[StepDef]:
    """Đ172 k3, Đ173 k5, k6: with ANQG the non-ANQG steps give way to the ANQG ones."""
    steps = [s for s in kd.extensions if not (anqg and s.unless_anqg)] + list(kd.anqg_extensions if anqg else ())
    return [s for s in steps if s.applies_to(category)]


def extension_steps(kind: str, category: str | None, anqg: bool = False) -> tuple[KindDef, list[StepDef]]:
    """The kind whose extension rules apply, and its dated extension steps for ``category``."""
    table = load_periods()
    kd = table.kinds[EXTENSION_TABLE.get(kind, kind)]
    return kd, [s for s in _eligible(kd, category, anqg) if not s.open_ended]


def open_step(kind: str, category: str | None, anqg: bool, used: int) -> StepDef | None:
    """The open-ended step the law allows now, if any: "until the investigation ends" only once
    every dated extension is used (Đ173 k5, k6); "until the hearing ends" at the hearing (Đ278 k3,
    Đ347 k2), whatever was used before."""
    kd, dated = extension_steps(kind, category, anqg)
    for step in _eligible(kd, category, anqg):
        if step.open_ended and (_hearing(step) or used >= len(dated)):
            return step
    return None


def supports_anqg(kind: str) -> bool:
    return bool(load_periods().kinds[EXTENSION_TABLE.get(kind, kind)].anqg_extensions)


def anqg_matters(kind: str) -> bool:
    """Whether knowing the crime infringes national security changes anything for an item that
    starts as ``kind``: its own extensions (Đ172 k3, Đ173 k5), or those of a kind its chain can
    reach by a conversion or a next stage (tạm giữ → tạm giam, nguồn tin → điều tra). The mark on
    the start is carried along the chain, so it is asked once, where the item begins."""
    kinds = load_periods().kinds
    seen: set[str] = set()
    todo = [kind]
    while todo:
        current = todo.pop()
        if current in seen or current not in kinds:
            continue
        seen.add(current)
        if supports_anqg(current):
            return True
        todo += [*CONVERSIONS.get(current, ()), *NEXT_STAGES.get(current, ())]
    return False


def flag(data: Mapping[str, Any], name: str) -> bool:
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise ChainError(f"{FIELD_NAMES.get(name, name)} phải là có hoặc không (đang là {value!r}). Anh/chị nhập lại.")
    return value


def day_field(data: Mapping[str, Any], name: str) -> date | None:
    value = data.get(name)
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ChainError(f"Ngày “{value}” không hợp lệ. Anh/chị nhập theo dạng dd/mm/yyyy.") from None


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
