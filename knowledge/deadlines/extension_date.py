"""The day an extension is said to start, beside the order it extends: "tạm giam 2 tháng từ 05/03/2026,
đã gia hạn từ 05/05/2026 …". An extension runs on from the day after the period it extends ends (TTLT
04/2018 Đ17, TTLT 01/2017 Đ11 k2): when the day said is another, one of the two dates (or the order's
length) is not what the calculator would count from, and the answer says so instead of counting from
either. Pure; the text is folded (``dateparse.fold_text``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.dateparse import _find_dates, fold_text
from knowledge.deadlines.result import DeadlineResult
from knowledge.deadlines.trigger_date import EXTENSION_FROM


def extension_start(text: str, now: datetime) -> date | None:
    """The day the text says an extension starts (a date right after "gia hạn … từ"), or None."""
    folded = fold_text(text)
    for found in _find_dates(folded, now):
        if found.day is not None and EXTENSION_FROM.search(folded[: found.start]):
            return found.day
    return None


def mismatch(result: DeadlineResult, nth: int, said: date) -> str | None:
    """Why extension ``nth`` cannot start on ``said`` (it starts the day after the period before it
    ends); None when it does, or when the period is not counted in days of detention."""
    if result.counting != "custody_days":
        return None
    before = result.base if nth <= 1 or nth - 2 >= len(result.steps) else result.steps[nth - 2]
    expected = before.last_day + timedelta(days=1)
    if said == expected:
        return None
    what = "thời hạn tạm giam" if nth <= 1 else f"lần gia hạn thứ {nth - 1} (tối đa)"
    return (
        f"{result.label}: {what} hết ngày {fmt_date(before.last_day)}, nên lần gia hạn tiếp theo bắt đầu từ "
        f"{fmt_date(expected)}, không phải {fmt_date(said)} như câu hỏi ghi. Một trong hai ngày (hoặc thời hạn "
        "trong lệnh) chưa khớp, nên trợ lý không tính ngày hết gia hạn. Anh/chị kiểm tra lại lệnh tạm giam và "
        "lệnh gia hạn; nếu lệnh gia hạn ghi rõ ngày bắt đầu, hỏi theo lệnh đó, ví dụ «tạm giam 1 tháng từ "
        f"{fmt_date(said)} thì hết ngày nào»."
    )
