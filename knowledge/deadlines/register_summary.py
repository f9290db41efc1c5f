"""The summary procedure (thủ tục rút gọn) in the register: cancelling it (BLTTHS 2015 Đ458) and
what a summary item may become (pure).

Đ458 (read in the codified text): when one of the conditions of Đ456 k1 b, c, d no longer holds, or
the case is suspended or its file returned for supplementary investigation, the CQĐT, the VKS or
the court (whichever has the case; TTLT 04/2018 Đ28 k3, k4) cancels the decision applying the
procedure and the case goes on under the general procedure; "thời hạn tố tụng của vụ án được tính
tiếp theo thủ tục chung … kể từ khi có quyết định hủy bỏ". So a stage's general limit runs from
the day of the cancellation decision. Đ458 says nothing about custody or detention already served
under the summary procedure (deducted from the general limit or not): the register does not
guess it. A general detention is counted from its new order (start and length as written); a
general tạm giữ keeps its start (Đ118 k1 counts from the CQĐT's receipt of the person, the same
moment as Đ459 k2), the earliest reading; detention tied to a stage is capped by the stage counted
from the cancellation, which Đ458 does settle. Each card says which.

A suspension stops the case (no limit runs) and a file returned for supplementary investigation
starts Đ174 k2's count from the CQĐT's receipt: neither is a move offered here (the item is closed
or a general item created).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from knowledge.deadlines.arithmetic import calendar_end
from knowledge.deadlines.calendar import load_calendar
from knowledge.deadlines.periods import Length, load_periods
from knowledge.deadlines.register_caps import day_end
from knowledge.deadlines.register_rules import ChainError, day_field
from knowledge.deadlines.register_step import Step
from knowledge.deadlines.validate import fmt_date

BASIS = "Điều 458 BLTTHS 2015"
# Each summary kind and the general one it continues as once the procedure is cancelled.
CANCEL_TARGETS = {
    "dieu_tra_rut_gon": "dieu_tra",  # Đ172, from the cancellation
    "truy_to_rut_gon": "truy_to",  # Đ240
    "xet_xu_rut_gon": "chuan_bi_xet_xu",  # Đ277
    "xet_xu_phuc_tham_rut_gon": "chuan_bi_xet_xu_phuc_tham",  # Đ346
    "tam_giu_rut_gon": "tam_giu",  # Đ118 (extensions of k2 become possible)
    "tam_giam_rut_gon_dieu_tra": "tam_giam",  # a new order; Đ173
    "tam_giam_rut_gon_truy_to": "tam_giam_truy_to",  # Đ241: capped by Đ240 from the cancellation
    "tam_giam_rut_gon_so_tham": "tam_giam_chuan_bi_xet_xu",  # Đ278 k2: Đ277 from the cancellation
    "tam_giam_rut_gon_phuc_tham": "tam_giam_phuc_tham",  # Đ347 k2: Đ346 from the cancellation
}
SUMMARY_KINDS = tuple(CANCEL_TARGETS)
# Summary detention (Đ459 k3): its order may name a shorter length than the law's, never a longer one.
SUMMARY_DETENTION = tuple(k for k in CANCEL_TARGETS if k.startswith("tam_giam_rut_gon"))

SERVED_NOTE = (
    "Điều 458 không quy định thời gian đã tạm giam theo thủ tục rút gọn có được trừ vào thời hạn tạm giam "
    "theo thủ tục chung hay không: trợ lý tính theo lệnh mới (ngày bắt đầu, thời hạn ghi trong lệnh), không tự "
    "trừ, không cộng dồn; anh/chị đối chiếu văn bản."
)
CUSTODY_NOTE = (
    "Điều 458 không nói thời hạn tạm giữ tính lại từ ngày hủy bỏ: trợ lý giữ mốc Cơ quan điều tra nhận người bị "
    "bắt (Điều 118 khoản 1), cách tính sớm nhất; gia hạn theo Điều 118 khoản 2. Anh/chị đối chiếu quyết định."
)


def target(kind: str) -> str | None:
    return CANCEL_TARGETS.get(kind)


def needs_category(kind: str) -> bool:
    """The general kind's limits (or its extensions' check, Đ173 for tạm giam) depend on the category;
    the category may have changed (Đ458: Đ456 k1 c, ít nghiêm trọng, no longer holds)."""
    kd = load_periods().kinds[kind]
    return bool(kd.needs_category) or kind == "tam_giam"


def new_order(kind: str) -> bool:
    """A detention after the cancellation runs on a new order: its start (and length) are asked."""
    return kind == "tam_giam" or load_periods().kinds[kind].stage is not None


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def cancel_data(step: Step, data: Mapping[str, Any]) -> tuple[str, dict[str, Any], date]:
    """The general kind, its start event's data and the day of the cancellation decision, for a
    cancellation recorded on ``step`` (a ``stage`` event with ``summary_cancelled``); raises
    :class:`ChainError` when the law (or the event) does not allow it."""
    general = target(step.kind)
    if general is None:
        raise ChainError(
            f"“{step.label}” không theo thủ tục rút gọn: không có quyết định hủy bỏ thủ tục rút gọn để ghi."
        )
    kind = str(data.get("kind") or general)
    if kind != general:
        label = load_periods().kinds[general].label
        raise ChainError(f"Hủy bỏ thủ tục rút gọn: “{step.label}” tiếp tục theo thủ tục chung là “{label}” ({BASIS}).")
    decided = day_field(data, "decided_on")
    if decided is None:
        raise ChainError(f"Anh/chị nhập ngày ra quyết định hủy bỏ thủ tục rút gọn ({BASIS}).")
    begun = _day(step.start)
    if decided < begun:
        raise ChainError(
            f"Ngày quyết định hủy bỏ {fmt_date(decided)} trước ngày bắt đầu «{step.label}» ({fmt_date(begun)}). "
            "Anh/chị kiểm tra lại quyết định."
        )
    category = data.get("category") or step.category
    if needs_category(kind) and not category:
        raise ChainError(f"Anh/chị chọn loại tội để tính thời hạn theo thủ tục chung ({BASIS}).")
    out: dict[str, Any] = {"kind": kind, "category": category}
    if kind == "tam_giu":
        out["start"] = step.start.isoformat(timespec="minutes") if isinstance(step.start, datetime) else str(step.start)
    elif new_order(kind):
        start = day_field(data, "start") or decided
        if start < decided:
            raise ChainError(
                f"Lệnh tạm giam theo thủ tục chung bắt đầu {fmt_date(start)}, trước ngày hủy bỏ thủ tục rút gọn "
                f"({fmt_date(decided)}). Anh/chị kiểm tra lại lệnh."
            )
        out["start"] = start.isoformat()
        out.update({k: data[k] for k in ("months", "days") if data.get(k)})
        if load_periods().kinds[kind].stage is not None:
            out["stage_start"] = decided.isoformat()  # the stage's general limit runs from the cancellation
    else:
        given = day_field(data, "start")
        if given is not None and given != decided:
            raise ChainError(f"Thời hạn theo thủ tục chung tính từ ngày có quyết định hủy bỏ ({BASIS}).")
        out["start"] = decided.isoformat()
    return kind, out, decided


def cancel_lines(step: Step) -> list[str]:
    """What the card says about a step that continues a cancelled summary procedure."""
    if step.summary_cancelled_on is None:
        return []
    lines = [
        f"Đã hủy bỏ thủ tục rút gọn ngày {fmt_date(step.summary_cancelled_on)}: thời hạn tính tiếp theo thủ tục "
        f"chung kể từ ngày đó ({BASIS})."
    ]
    if step.kind == "tam_giu":
        lines.append(CUSTODY_NOTE)
    elif step.custody:
        lines.append(SERVED_NOTE)
    return lines


# The hearing under the summary procedure opens within 7 days of the decision to bring the case to
# trial (Đ462 k2, Đ464 k3), which may come before the 10 (15) days of k1 (k2) run out: counted from the
# end of those days it would be too late. The register counts it from the decision's day, required; the
# step is the one the period table counts from a decision (``anchor: decision``), as the calculator does.
Ends = tuple[datetime, date, str, date]  # expiry, last day, end time, raw end


def from_decision(
    step: Step, n: int, data: Mapping[str, Any], length: Length, most: Length
) -> tuple[Ends, datetime] | None:
    """Step ``n`` of ``step``'s kind counted from the decision it follows, and its latest lawful
    expiry; None for a step counted as the table says."""
    kd = load_periods().kinds[step.kind]
    found = kd.extensions[n - 1] if 0 < n <= len(kd.extensions) else None
    if found is None or found.anchor != "decision":
        return None
    decided = day_field(data, "decided_on")
    if decided is None:
        raise ChainError(
            f"Thời hạn mở phiên tòa tính từ ngày ra quyết định {found.decision} ({found.basis}): anh/chị nhập kèm "
            "ngày quyết định, ví dụ «7 ngày, quyết định ngày 05/03/2026»."
        )

    def ends(days: Length) -> Ends:
        raw = calendar_end(decided, days)
        last = load_calendar().roll_forward(raw)
        return day_end(last), last, "24:00", raw

    return ends(length), ends(most)[0]


_SUMMARY_WORDS = (
    ("tam giu", "tam_giu_rut_gon"),
    ("tam giam phuc tham", "tam_giam_rut_gon_phuc_tham"),
    ("tam giam truy to", "tam_giam_rut_gon_truy_to"),
    ("tam giam so tham", "tam_giam_rut_gon_so_tham"),
    ("tam giam xet xu", "tam_giam_rut_gon_so_tham"),
    ("tam giam dieu tra", "tam_giam_rut_gon_dieu_tra"),
    ("dieu tra", "dieu_tra_rut_gon"),
    ("truy to", "truy_to_rut_gon"),
    ("phuc tham", "xet_xu_phuc_tham_rut_gon"),
    ("xet xu", "xet_xu_rut_gon"),
)


def summary_kind(folded: str) -> str | None:
    """The summary kind a sheet's «Biện pháp» names ("Tạm giam (điều tra) theo thủ tục rút gọn"); ""
    when it says "rút gọn" without a stage the register can tell (a plain "tạm giam rút gọn": 20, 5,
    17 or 22 days, never guessed); None when it does not say "rút gọn"."""
    words = " ".join(re.sub(r"[^a-z0-9 ]", " ", folded).split())
    if "rut gon" not in words:
        return None
    words = re.sub(r"\b(?:theo|thu tuc|rut gon|giai doan|trong|de|chuan bi)\b", " ", words)
    words = " ".join(words.split())
    return next((kind for key, kind in _SUMMARY_WORDS if all(w in words.split() for w in key.split())), "")
