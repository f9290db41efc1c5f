"""Whether one day is a day off, asked on its own: "30/4 có được nghỉ không", "thứ 7 này có phải đi làm không",
"10/01/2026 là ngày nghỉ hay ngày làm việc", "mai có nghỉ không". The answer is the work calendar the calculator
counts with (days_off.yaml: Saturdays and Sundays, the holidays of Bộ luật Lao động 2019 Điều 112, the days off and
working Saturdays the Government announced), with what is not confirmed said so (FACTS §15) — never an entry about
another day. A question that also names a period or asks whether a deadline moves ("30/4 nghỉ lễ có lùi không",
"tạm giữ … 30/4 có được nghỉ không") is not this question: the calculator and the Q&A answer those. A weekday is a
day only with the week it is in ("thứ 7 này", "chủ nhật tuần sau"); a bare "thứ 7" asks about Saturdays in general.
Pure; ``now`` is local time."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.calendar import FIXED_HOLIDAYS, WorkCalendar, weekday_vi
from knowledge.deadlines.date_question import DAY_NAMES
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text
from knowledge.deadlines.weekdays import DAY, WEEKDAY_INDEX

_NO = r"(?:khong|ko|k|hong|hok|chua|a|ha|nhi|vay|the)"
_ASKS = re.compile(
    r"(?<![a-z])(?:"
    rf"(?:co )?(?:duoc )?nghi(?: le| bu| tet)? {_NO}"
    r"|nghi hay (?:di )?lam|(?:di )?lam hay nghi"
    rf"|(?:co )?(?:phai )?(?:di lam|lam viec|di cong tac|lam) {_NO}"
    r"|(?:co phai |la )?ngay (?:nghi|lam viec)(?: le| bu)? (?:khong|ko|k|hong|hay)"
    r")(?![a-z])"
)
# A period, a deadline or its shift: the calculator's or the Q&A's question, not this one.
_PROCEDURE = re.compile(
    r"(?<![a-z])(?:tam giu|tam giam|tgiu|tgiam|han|thoi han|lui|tinh|khang cao|khang nghi|kc|kn|dieu tra|truy to"
    r"|xet xu|tin bao|nguon tin|to giac|bao cao|nop|gui|ket thuc|het)(?![a-z])"
)
_WEEKDAY = re.compile(rf"(?<![a-z\d]){DAY}\s+(?P<week>nay|tuan nay|tuan sau|tuan toi|tuan truoc|tuan roi)(?![a-z\d])")
_ANY_WEEKDAY = re.compile(r"(?<![a-z\d])(?:thu\s*(?P<n>7|bay)|t(?P<t>7)|(?P<sun>chu nhat|cn))(?![a-z\d])")
_SHIFT = {"nay": 0, "tuan nay": 0, "tuan sau": 7, "tuan toi": 7, "tuan truoc": -7, "tuan roi": -7}
# What the date reader does not take alone: a bare "mai", "ngày mốt" (it reads "hôm nay", "ngày mai", "ngày kia")
_RELATIVE = (
    (re.compile(r"(?<![a-z])(?:ngay mot)(?![a-z])"), 2, "Ngày kia"),
    (re.compile(r"(?<![a-z])mai(?![a-z])"), 1, "Ngày mai"),
)


def asked_day_off(text: str, now: datetime) -> tuple[str, date] | None:
    """(how the day was said, the day) when ``text`` asks whether one day is a day off or a working day."""
    folded = fold_text(text)
    if _ASKS.search(folded) is None or _PROCEDURE.search(folded) is not None:
        return None
    weekday = _WEEKDAY.search(folded)
    if weekday is not None:
        n = weekday["n"] or weekday["t"]
        wanted = 6 if weekday["sun"] else WEEKDAY_INDEX[n]
        today = now.date()
        return "", today - timedelta(days=today.weekday()) + timedelta(days=wanted + _SHIFT[weekday["week"]])
    try:
        found = find_date_time(folded, now)
    except DateParseError:
        return None
    if found is not None:  # "ngày mai có nghỉ không": named as the day it is said as
        (start, end), *_ = found[1]
        return DAY_NAMES.get(folded[start:end], ""), found[0].day
    for pattern, days, name in _RELATIVE:
        if pattern.search(folded):
            return name, now.date() + timedelta(days=days)
    return None


def asked_weekend(text: str) -> bool:
    """Whether ``text`` asks whether Saturdays (or Sundays) are days off in general: "thứ 7 có phải đi làm không"."""
    folded = fold_text(text)
    return (
        _ASKS.search(folded) is not None
        and _PROCEDURE.search(folded) is None
        and _ANY_WEEKDAY.search(folded) is not None
        and _WEEKDAY.search(folded) is None
    )


def weekend_answer(year: int, calendar: WorkCalendar) -> str:
    """Saturdays and Sundays are days off, but for the working Saturdays of ``year`` the calendar lists (one no
    official text confirms said so)."""
    worked = [
        fmt_date(d) + (" (chưa có văn bản chính thức)" if calendar.unconfirmed_reason(d) else "")
        for d in calendar.working_saturdays_of(year)
    ]
    but = (
        f" Năm {year} có thứ Bảy làm bù: {', '.join(worked)}."
        if worked
        else f" Trợ lý chưa có thứ Bảy làm bù nào của năm {year}."
    )
    return (
        "Thứ Bảy, Chủ nhật là ngày nghỉ, trừ thứ Bảy làm bù theo lịch nghỉ Chính phủ công bố." + but + "\n"
        "Anh/chị hỏi một ngày cụ thể, ví dụ «thứ 7 này có phải đi làm không» hoặc «30/4/2026 có được nghỉ không»."
    )


def day_off_answer(said: str, day: date, calendar: WorkCalendar) -> str:
    """ "Thứ Năm 30/04/2026 là ngày nghỉ: Ngày Chiến thắng …", with what is not confirmed and the basis."""
    named = f"{said} ({weekday_vi(day)} {fmt_date(day)})" if said else f"{weekday_vi(day)} {fmt_date(day)}"
    reason, swap = calendar.day_off_reason(day), calendar.swap_words(day)
    if reason is not None:
        why = "" if reason == weekday_vi(day) else f": {reason}"
        head = f"{named} là ngày nghỉ{why}" + (f" ({swap})." if swap else ".")
    elif day.weekday() == 5 and calendar.unconfirmed_reason(day):
        head = f"{named} là ngày làm việc theo lịch trợ lý đang dùng (thứ Bảy làm bù, chưa có văn bản chính thức)."
    elif day.weekday() == 5:
        head = f"{named} là ngày làm việc ({swap or 'thứ Bảy làm bù theo lịch nghỉ Chính phủ công bố'})."
    else:
        head = f"{named} là ngày làm việc."
    lines = [head]
    if calendar.is_provisional(day):
        lines += [f"Lưu ý: {why} — ngày này có thể thay đổi." for why, _days in calendar.provisional_words([day])]
    elif not calendar.is_confirmed(day.year) and day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS:
        lines.append(f"Lưu ý: lịch nghỉ lễ năm {day.year} chưa được công bố chính thức — ngày này có thể thay đổi.")
    source = calendar.source_of(day)
    lines.append(
        "Căn cứ: lịch ngày nghỉ trợ lý dùng để tính hạn (thứ Bảy, Chủ nhật; ngày lễ, Tết theo Bộ luật Lao động 2019, "
        "Điều 112; ngày nghỉ bù, làm bù Chính phủ công bố)" + (f"; {source}." if source else ".")
    )
    return "\n".join(lines)
