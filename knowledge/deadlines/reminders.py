"""When to remind before a computed period ends, and what the reminder says (pure).

A reminder is always about one step of a result (the base term, or one extension step), never
the theoretical maximum. Lead times fit the unit of the period: counted by the clock (tạm giữ,
giữ khẩn cấp) 12 hours and 2 hours before the end; counted in days or months 07:30 three days
before the last day, one day before it, and on the last day itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol

from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.result import DeadlineResult, StepResult

MORNING = time(7, 30)


@dataclass(frozen=True, slots=True)
class Lead:
    code: str  # stable, part of outbox keys: "12h", "2h", "3d", "1d", "0d"
    at: datetime  # naive local time
    label: str  # "12 giờ trước", "sáng ngày cuối"


def step_of(result: DeadlineResult, index: int) -> StepResult:
    """Step ``index`` of a result: 0 is the base term, 1.. the extension steps."""
    if index < 0 or index > len(result.steps):
        raise IndexError(index)
    return result.base if index == 0 else result.steps[index - 1]


def expiry(step: StepResult) -> datetime:
    """The exact end of a step as a naive local moment (24:00 of the last day is 00:00 the next)."""
    if step.end_moment is not None:
        return step.end_moment
    if step.end_time == "24:00":
        return datetime.combine(step.last_day + timedelta(days=1), time(0, 0))
    hour, minute = (int(p) for p in step.end_time.split(":"))
    return datetime.combine(step.last_day, time(hour, minute))


class Ending(Protocol):
    """Anything with a last day and an end time (a calculator step, a register step)."""

    @property
    def last_day(self) -> date: ...
    @property
    def end_time(self) -> str: ...


def expiry_text(step: Ending) -> str:
    """``10:00 Thứ Tư 09/12/2026`` or ``24:00 Thứ Hai 18/03/2024``."""
    return f"{step.end_time} {weekday_vi(step.last_day)} {step.last_day.strftime('%d/%m/%Y')}"


def leads(counting: str, step: StepResult) -> list[Lead]:
    """The reminder moments before the end of ``step``, earliest first (some may be past)."""
    return leads_before(counting, expiry(step), step.last_day)


def leads_before(counting: str, end: datetime, last: date) -> list[Lead]:
    """The reminder moments before ``end`` (naive local; ``last`` is the last day)."""
    if counting == "clock":
        return [
            Lead("12h", end - timedelta(hours=12), "12 giờ trước"),
            Lead("2h", end - timedelta(hours=2), "2 giờ trước"),
        ]
    return [
        Lead("3d", datetime.combine(last - timedelta(days=3), MORNING), "3 ngày trước"),
        Lead("1d", datetime.combine(last - timedelta(days=1), MORNING), "1 ngày trước"),
        Lead("0d", datetime.combine(last, MORNING), "sáng ngày cuối"),
    ]


_DUE = {
    "giu_khan_cap": "cần quyết định tạm giữ, ra lệnh bắt hoặc trả tự do",
    "vks_phe_chuan_bat_khan_cap": "cần quyết định phê chuẩn hoặc không phê chuẩn lệnh bắt",
    "gui_quyet_dinh_tam_giu": "cần gửi quyết định tạm giữ cho Viện kiểm sát",
    "gui_quyet_dinh_khoi_to_vu_an": "cần gửi quyết định khởi tố vụ án",
    "gui_quyet_dinh_khong_khoi_to": "cần gửi quyết định cho Viện kiểm sát",
    "gui_quyet_dinh_khoi_to_bi_can": "cần gửi quyết định khởi tố bị can",
    "gui_quyet_dinh_tam_dinh_chi_nguon_tin": "cần gửi quyết định tạm đình chỉ cho Viện kiểm sát",
    "gui_quyet_dinh_phuc_hoi_nguon_tin": "cần gửi quyết định phục hồi cho Viện kiểm sát và người đã tố giác, báo tin",
    "gui_quyet_dinh_huy_tam_dinh_chi_nguon_tin": "cần gửi quyết định hủy bỏ cho Cơ quan điều tra và người đã tố giác",
    "thong_bao_giu_bat": "cần thông báo cho gia đình, nơi cư trú hoặc nơi làm việc",
    "thong_bao_tu_thu": "cần thông báo bằng văn bản cho Viện kiểm sát",
    "vks_phe_chuan_gia_han_tam_giu": "cần quyết định phê chuẩn hoặc không phê chuẩn gia hạn tạm giữ",
    "tam_giu": "cần quyết định gia hạn, chuyển tạm giam hoặc trả tự do",
    "tam_giam": "cần gia hạn tạm giam, thay đổi biện pháp ngăn chặn hoặc trả tự do",
    "tam_giam_dieu_tra": "cần gia hạn tạm giam, thay đổi biện pháp ngăn chặn hoặc trả tự do",
    "tam_giam_sau_tuyen_an": "cần đưa người bị kết án đi thi hành án hoặc trả tự do",
    "dieu_tra": "cần kết thúc điều tra hoặc quyết định gia hạn điều tra",
    "dieu_tra_rut_gon": "cần kết thúc điều tra",
    "truy_to_rut_gon": "cần quyết định truy tố, trả hồ sơ, tạm đình chỉ hoặc đình chỉ vụ án",
    "nguon_tin": "cần quyết định khởi tố, không khởi tố, tạm đình chỉ hoặc gia hạn",
    "truy_to": "cần quyết định truy tố, trả hồ sơ, đình chỉ hoặc gia hạn",
    "chuan_bi_xet_xu": "cần quyết định đưa vụ án ra xét xử hoặc gia hạn",
    "xet_xu_rut_gon": "cần quyết định đưa vụ án ra xét xử, mở phiên tòa",
}
_LAST_DUE = {
    "tam_giu": "đã hết số lần gia hạn: cần chuyển tạm giam hoặc trả tự do",
    "tam_giam": "cần quyết định tạm giam mới, thay đổi biện pháp ngăn chặn hoặc trả tự do",
    "tam_giam_dieu_tra": "đã hết số lần gia hạn: cần thay đổi biện pháp ngăn chặn hoặc trả tự do",
    "dieu_tra": "đã hết số lần gia hạn: cần kết thúc điều tra",
}
# The summary hearing (a step counted from the decision, never the base: a card without the decision
# has no step, and its base is the decision's own limit).
_HEARING_DUE = {
    "xet_xu_rut_gon": "cần mở phiên tòa xét xử vụ án (Điều 462 khoản 2)",
    "xet_xu_phuc_tham_rut_gon": "cần mở phiên tòa xét xử phúc thẩm (Điều 464 khoản 3)",
}


def due_text(kind: str, index: int, steps: int) -> str:
    """What must be done before the end of step ``index`` of ``steps`` extension steps."""
    if kind.startswith(("khang_cao", "khang_nghi", "giam_doc_tham")):
        return "cần quyết định việc kháng cáo, kháng nghị"
    if index >= 1 and kind in _HEARING_DUE:
        return _HEARING_DUE[kind]
    if index == steps and kind in _LAST_DUE:
        return _LAST_DUE[kind]
    return _DUE.get(kind, "cần xử lý trước khi hết hạn")


def step_name(step: StepResult) -> str:
    """``Mở phiên tòa`` for ``Mở phiên tòa (7 ngày kể từ …)``."""
    return step.label.split(" (")[0]


def what_ends(result: DeadlineResult, index: int) -> str:
    """``hết hạn tạm giữ lúc 10:00 Thứ Tư 09/12/2026``."""
    step = step_of(result, index)
    name = result.label.split(" (")[0].lower()
    if index and step.decided_on is not None:  # the hearing, counted from the decision (Đ462 k2)
        name = step_name(step).lower()
    elif index:
        name += f" (gia hạn lần {index})"
    return f"hết hạn {name} lúc {expiry_text(step)}"


def reminder_text(result: DeadlineResult, index: int, subject: str = "") -> str:
    """``⏰ Nhắc hạn: <subject>: hết hạn tạm giữ lúc 10:00 Thứ Tư 09/12/2026: cần …``."""
    head = f"{subject}: " if subject else ""
    return f"⏰ Nhắc hạn: {head}{what_ends(result, index)}: {due_text(result.kind, index, len(result.steps))}."


def time_left(expiry: datetime, now: datetime) -> str:
    """``còn 1 ngày 4 giờ``, ``còn 35 phút``, ``quá hạn 2 giờ`` (both naive local)."""
    delta = expiry - now
    past = delta < timedelta(0)
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} ngày"] if days else []
    if hours:
        parts.append(f"{hours} giờ")
    if not days and not hours:
        parts.append(f"{mins} phút")
    return ("quá hạn " if past else "còn ") + " ".join(parts)
