"""The day by which an extension must be requested, where the law sets it: "chậm nhất là 10 ngày trước
khi hết thời hạn …, Cơ quan điều tra phải có văn bản đề nghị Viện kiểm sát gia hạn" — the
investigation (Đ172 k2), detention for investigation (Đ173 k2), the investigation after its resumption
(Đ174 k1) (V, read in the article). Only for the extensions those paragraphs govern: not the
exceptional ones of Đ172 k3, Đ173 k5, k6, which set no such day.

A period ending at 24:00 on day E is requested at the latest on E − 10. A period shifted off a day off
is counted from its unshifted end (the earlier, so the cautious day). The law moves no "before the end"
day off a day off: when it falls on one, that is said, with the working day before it. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.calendar import WorkCalendar, load_calendar, weekday_vi
from knowledge.deadlines.result import DeadlineResult, StepResult

_ORDINAL = {1: "thứ nhất", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư"}


@dataclass(frozen=True, slots=True)
class Rule:
    days: int
    basis: str


RULES = {
    "dieu_tra": Rule(10, "Điều 172 khoản 2 BLTTHS 2015"),
    "tam_giam_dieu_tra": Rule(10, "Điều 173 khoản 2 BLTTHS 2015"),
    "phuc_hoi_dieu_tra": Rule(10, "Điều 174 khoản 1 BLTTHS 2015"),
}
FOR_INVESTIGATION = RULES["tam_giam_dieu_tra"]  # a plain order, if it is detention for investigation


@dataclass(frozen=True, slots=True)
class Request:
    nth: int  # the extension to request
    by: date  # at the latest (24:00)
    ends: date  # the end of the period it extends (unshifted)
    basis: str
    days: int = 10  # how long before the end
    day_off: str | None = None  # why ``by`` is a day off
    before: date | None = None  # then the working day before it


def _end(step: StepResult) -> date:
    return step.shifted_from if step.shifted_from is not None and step.shifted_from < step.last_day else step.last_day


def request_for(step: StepResult, nth: int, rule: Rule, cal: WorkCalendar | None = None) -> Request:
    """Extension ``nth``'s request, for the period ``step`` it extends."""
    c = cal or load_calendar()
    ends = _end(step)
    by = ends - timedelta(days=rule.days)
    off = c.day_off_reason(by) if c.is_day_off(by) else None
    return Request(nth, by, ends, rule.basis, rule.days, off, c.previous_working_day(by) if off else None)


def requests(result: DeadlineResult, cal: WorkCalendar | None = None) -> dict[int, Request]:
    """The requests the law dates, by the index of the period they extend (0: the base term)."""
    rule = RULES.get(result.kind)
    if rule is None:
        return {}
    periods = (result.base, *result.steps)
    return {i: request_for(periods[i], i + 1, rule, cal) for i, step in enumerate(result.steps) if not step.special}


def request_text(request: Request) -> str:
    """ "chậm nhất 24:00 Thứ Sáu 22/05/2026 (10 ngày trước khi hết hạn ngày 01/06/2026; Điều 172 khoản 2 …)"."""
    text = (
        f"chậm nhất {weekday_vi(request.by)} {fmt_date(request.by)} ({request.days} ngày trước khi hết hạn ngày "
        f"{fmt_date(request.ends)}; {request.basis})"
    )
    if request.day_off and request.before:
        text += (
            f"; {fmt_date(request.by)} là ngày nghỉ ({request.day_off}), luật không lùi mốc này — nên gửi trước, "
            f"ngày làm việc liền trước là {weekday_vi(request.before)} {fmt_date(request.before)}"
        )
    return text


def card_line(result: DeadlineResult, index: int, cal: WorkCalendar | None = None) -> str | None:
    """The card's line under period ``index`` (0: the base term) when the next extension's request is dated."""
    found = requests(result, cal).get(index)
    if found is None:
        return None
    full = " — nếu lần trước được gia hạn đủ" if found.nth > 1 else ""
    return f"  CQĐT đề nghị gia hạn lần {_ORDINAL.get(found.nth, str(found.nth))}: {request_text(found)}{full}"
