"""The Vietnamese card a user sees for a computed deadline (plain text, phone-friendly)."""

from __future__ import annotations

from datetime import date, datetime

from knowledge.deadlines.calculator import DeadlineResult, StepResult, fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.reminders import expiry, step_name
from knowledge.deadlines.request_by import card_line


def _day(d: date) -> str:
    return f"{weekday_vi(d)} {fmt_date(d)}"


def _when(step: StepResult) -> str:
    """``10:00 Chủ nhật 04/03/2018`` or ``24:00 Thứ Hai 18/03/2024``."""
    return f"{step.end_time} {_day(step.last_day)}"


def _release(step: StepResult) -> str:
    return f"Trả tự do chậm nhất: {step.end_time} ngày {fmt_date(step.last_day)}"


UNCAPPED = " (chưa đối chiếu mức trần của giai đoạn — xem cảnh báo ở trên)"


def _cap_line(result: DeadlineResult, step: StepResult) -> str | None:
    """Why a detention day was cut to the stage's limit (Đ174 k4, Đ241, Đ278 k2, Đ347 k2)."""
    if step.capped_from is None or result.stage_start is None:
        return None
    return (
        f"  (mức trần của giai đoạn tính từ {fmt_date(result.stage_start)}; "
        f"nếu chỉ tính theo thời hạn tạm giam thì đến {fmt_date(step.capped_from)})"
    )


def _shift_line(step: StepResult, provisional: tuple[tuple[str, tuple[date, ...]], ...] = ()) -> str | None:
    if step.shifted_from is None:
        return None
    reason = step.shift_reason or "ngày nghỉ"
    start, last = step.shifted_from, step.last_day
    moved_over = [why for why, days in provisional if any(start <= d < last for d in days)]
    warning = "".join(f"; {why} — ngày này có thể thay đổi" for why in moved_over)
    return (
        f"  ({fmt_date(step.shifted_from)} là ngày nghỉ: {reason}; "
        f"lùi sang ngày làm việc tiếp theo {fmt_date(step.last_day)}{warning})"
    )


def _start_line(result: DeadlineResult) -> str:
    start = result.start
    if isinstance(start, datetime):
        text = f"{start.strftime('%H:%M')} {_day(start.date())}"
    else:
        text = _day(start)
        if result.counting == "custody_days":
            text += " (tính là ngày thứ nhất)"
    return f"Bắt đầu: {text}"


def ended_lines(result: DeadlineResult, now: datetime) -> list[str]:
    """For a period already over at ``now`` (local time): when it ended, and, when extensions
    exist, whether even the longest one is over."""
    current = now.replace(tzinfo=None)
    if expiry(result.base) > current:
        return []
    lines = [f"⚠️ Thời hạn này đã hết lúc {_when(result.base)}."]
    if result.steps:
        top = result.max_step
        if top.decided_on is not None:  # not an extension: counted from the decision (Đ462 k2)
            state = "đã hết lúc" if expiry(top) <= current else "còn đến"
            lines.append(f"{step_name(top)}: {state} {_when(top)}.")
        elif expiry(top) <= current:
            lines.append(f"Kể cả khi được gia hạn tối đa, thời hạn cũng đã hết lúc {_when(top)}.")
        else:
            lines.append(f"Nếu được gia hạn đủ, thời hạn tối đa đến {_when(top)}.")
    return lines


def awaiting_lines(result: DeadlineResult) -> list[str]:
    """A step counted from a decision whose day is not given: no date, and what to type for one (no
    example day: one copied as it is would give a hearing day from a decision nobody took)."""
    lines: list[str] = []
    for step in result.awaiting:
        lines += [
            "",
            f"{step.label}: chưa tính được — cần ngày ra quyết định {step.decision} ({step.basis}).",
            f"  Khi có quyết định, anh/chị gõ «quyết định {step.decision} ngày …» với ngày ghi trong quyết định "
            "để tính ngày cuối mở phiên tòa.",
        ]
    return lines


def format_card(result: DeadlineResult, now: datetime | None = None) -> str:
    """Title, start, base period, every extension step, basis, notes; no Markdown. With ``now``
    (local time), a period already over says so at the top."""
    lines = [result.label.upper()]
    if now is not None:
        lines += ended_lines(result, now)
    if result.stage_cap_unknown and result.stage_warning:
        lines.append(f"⚠️ {result.stage_warning}")
    unknown = UNCAPPED if result.stage_cap_unknown else ""
    if result.category_label:
        lines.append(f"Loại tội: {result.category_label}" + (", xâm phạm an ninh quốc gia" if result.anqg else ""))
    lines.append(_start_line(result))
    lines.append(f"Mốc tính: {result.trigger}")
    base = result.base
    lines.append("")
    if result.custody:
        lines.append(f"{base.label} ({base.length}):")
        own = " (chỉ tính theo thời hạn tạm giam)" if result.stage_cap_unknown else ""
        lines.append(f"- Ngày cuối cùng{own}: {_day(base.last_day)}")
        lines.append(f"- {_release(base)}" + (" nếu không gia hạn" if result.steps else "") + unknown)
        cap = _cap_line(result, base)
        if cap:
            lines.append(cap)
    else:
        lines.append(f"{base.label} ({base.length}): hết {_when(base)}")
        shift = _shift_line(base, result.provisional_why)
        if shift:
            lines.append(shift)
    if result.custody and result.counting == "custody_days" and result.tam_giu_days:
        lines.append(f"  ({base.running_total})")
    requested = [card_line(result, i) for i in range(len(result.steps) + 1)]  # Đ172 k2, Đ173 k2, Đ174 k1
    if requested[0]:
        lines.append(requested[0])

    lines += awaiting_lines(result)
    for index, step in enumerate(result.steps, start=1):
        lines.append("")
        if step.decided_on is not None:  # from the decision's day, not after the step before
            lines.append(f"{index}. {step.label}: hết {_when(step)}")
            lines.append(f"  (tính từ ngày quyết định {step.decision} {fmt_date(step.decided_on)}, {step.basis})")
            lines.extend(x for x in [_shift_line(step, result.provisional_why)] if x)
            continue
        lines.append(f"{index}. {step.label} ({step.length}): hết {_when(step)}{unknown}")
        for extra in (_shift_line(step, result.provisional_why), _cap_line(result, step)):
            if extra:
                lines.append(extra)
        lines.append(f"  Tổng tối đa: {step.running_total}")
        if step.approver:
            lines.append(f"  Thẩm quyền: {step.approver}")
        if requested[index]:
            lines.append(str(requested[index]))

    for index, open_step in enumerate(result.open_steps, start=len(result.steps) + 1):
        lines.append("")
        lines.append(f"{index}. {open_step.label}: cho đến khi {open_step.until} — luật không định ngày cụ thể")
        if open_step.approver:
            lines.append(f"  Thẩm quyền: {open_step.approver}")

    if result.steps and result.max_step.decided_on is None:
        top = result.max_step
        lines.append("")
        if result.custody:
            lines.append(f"Tối đa nếu được gia hạn đủ: ngày cuối cùng {_day(top.last_day)}{unknown}")
            lines.append(f"{_release(top)}{unknown}")
        else:
            lines.append(f"Tối đa nếu được gia hạn đủ: hết {_when(top)}")
        if result.open_steps:
            last_open = result.open_steps[-1]
            when = "trong trường hợp đặc biệt, " if last_open.special else ""
            lines.append(
                f"(ngày trên là mức tối đa có ngày xác định; {when}luật còn cho phép kéo dài cho đến khi {last_open.until})"
            )

    lines.append("")
    basis = f"Căn cứ: {result.basis}"
    if result.status == "S":
        basis += " (theo nguồn thứ cấp, anh/chị nên đối chiếu văn bản)"
    lines.append(basis)
    if result.notes:
        lines.append("Lưu ý:")
        lines.extend(f"- {note}" for note in result.notes)
    return "\n".join(lines)
