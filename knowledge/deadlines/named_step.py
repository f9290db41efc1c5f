"""A follow-up that names one of the card's own steps by what the law calls it, not as an extension:
after a crime report's card, "vụ phức tạp kéo dài tối đa thì đến ngày nào", "nếu phức tạp, nhiều địa
điểm thì sao" ask for Đ147 k2's complex-case period (up to 2 months from the receipt), not for the
20 days again nor for the law's article. The answer is that step's day on the card, then the step
after it (the VT's one extension) as what comes next. Pure; the text is folded."""

from __future__ import annotations

import re

from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.result import DeadlineResult, StepResult

# (kind, what the follow-up says, how the card's step label begins)
_NAMED = (
    (
        "nguon_tin",
        re.compile(r"(?<![a-z])(?:phuc tap|nhieu (?:tinh tiet|dia diem|noi)|keo dai)(?![a-z])"),
        "Vụ việc phức tạp",
    ),
)


def _ends(step: StepResult) -> str:
    line = f"hết {step.end_time} {weekday_vi(step.last_day)} {fmt_date(step.last_day)}"
    if step.shifted_from is not None:
        line += f" ({fmt_date(step.shifted_from)} là ngày nghỉ, lùi sang ngày làm việc tiếp theo)"
    return line


_LENGTH = re.compile(r"(?<![\d/])(\d{1,3}) (ngay|thang|gio)(?![a-z])")
_FOLD = {"ngày": "ngay", "tháng": "thang", "giờ": "gio"}
_EXTENDED = re.compile(r"(?<![a-z])(?:gia han|gh|them|lan|keo dai|phuc tap|tru|con lai)(?![a-z])")


def _base_named(result: DeadlineResult, folded: str) -> str | None:
    """ "vậy hạn 20 ngày giải quyết tin báo đó hết ngày nào" after the card: its own period, named by its
    length (the only length said, and the card's): that period's end, not the law's article again."""
    if _EXTENDED.search(folded):
        return None  # "nếu gia hạn 20 ngày", "thêm 20 ngày": a length of its own (extension_ask)
    said = {(int(n), unit) for n, unit in _LENGTH.findall(folded)}
    own = _LENGTH.search(" ".join(_FOLD.get(w, w) for w in result.base.length.split()))
    if own is None or said != {(int(own.group(1)), own.group(2))}:
        return None
    base = result.base
    return f"{result.label.upper()}: thời hạn {base.length}: {_ends(base)}.\nCăn cứ: {base.basis}."


def named_step_answer(result: DeadlineResult, folded: str) -> str | None:
    """The answer when ``folded`` names one of the card's steps by its own words, else None."""
    based = _base_named(result, folded)
    if based is not None:
        return based
    for kind, said, begins in _NAMED:
        if result.kind != kind or not said.search(folded):
            continue
        at = next((i for i, s in enumerate(result.steps) if s.label.startswith(begins)), None)
        if at is None:
            return None
        step = result.steps[at]
        lines = [f"{result.label.upper()}: {step.label[:1].lower()}{step.label[1:]}: {_ends(step)}."]
        for after in result.steps[at + 1 :]:
            lines.append(f"Nếu vẫn chưa xong: {after.label.lower()} ({after.length}): {_ends(after)}.")
            lines += [f"Thẩm quyền: {after.approver}."] if after.approver else []
        lines.append(f"Căn cứ: {step.basis}.")
        return "\n".join(lines)
    return None
