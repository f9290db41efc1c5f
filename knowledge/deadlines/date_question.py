"""A question for a date with no procedure in it: "hôm nay thứ mấy", "ngày mai là ngày bao nhiêu", "mai là thứ
mấy", "15/03/2026 là thứ mấy". The answer is the day, read as the calculator reads it (the user's local
today), and what the assistant computes instead of a menu of entries. Anything else in the message (a
period, "âm lịch", a day off) is not this question. Pure; ``now`` is local time."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text

_POLITE = r"(?:\s+(?:the|vay|a|ha|nhi|nhe|ad|ban|oi|z|v|ak|ah))*"
_ASKED = re.compile(
    r"(?:^|\s+)(?:(?:la|vao|roi)\s+)?(?:(?:ngay|thu)\s+(?:may|bao nhieu|bn|gi)(?:\s+thang\s+(?:may|bao nhieu|bn))?"
    rf"(?:\s+nam\s+(?:may|bao nhieu|bn))?){_POLITE}\s*\??\s*$"
)
_OPENING = re.compile(r"^(?:(?:ad|ban|anh|chi|em)\s+oi,?\s+)?(?:cho (?:em|toi|minh) hoi,?\s+)?")
DAY_NAMES = {"hom nay": "Hôm nay", "bay gio": "Hôm nay", "ngay mai": "Ngày mai", "mai": "Ngày mai"}
DAY_NAMES |= {"ngay kia": "Ngày kia", "hom qua": "Hôm qua", "hom kia": "Hôm kia"}


def asked_day(text: str, now: datetime) -> tuple[str, date] | None:
    """(how the day was said, the day) when ``text`` only asks which date or weekday a day is, else None."""
    folded = _OPENING.sub("", fold_text(text).strip(" .,!"))
    asked = _ASKED.search(folded)
    if asked is None:
        return None
    said = folded[: asked.start()].strip()
    if said in ("", "ngay"):  # "ngày bao nhiêu" alone (after a card: its end?): not asked of a day
        return None
    if said == "mai":  # a bare "mai" is read as a date only where a day is said: here it is
        return "Ngày mai", now.date() + timedelta(days=1)
    try:
        found = find_date_time(said, now)
    except DateParseError:
        return None
    if found is None or found[0].time is not None:
        return None
    (start, end), *_ = found[1]
    if said[:start].strip() not in ("", "ngay") or said[end:].strip():
        return None  # more than the day: not only a date question
    return DAY_NAMES.get(said[start:end], ""), found[0].day


def day_answer(said: str, day: date, today: date) -> str:
    """ "Hôm nay là Thứ Hai 02/03/2026.", then what the assistant computes, with an example."""
    name = said or f"Ngày {fmt_date(day)}"
    head = f"{name} là {weekday_vi(day)} {fmt_date(day)}." if said else f"{name} là {weekday_vi(day)}."
    return (
        f"{head}\nTrợ lý tính thời hạn tố tụng từ ngày anh/chị cho, ví dụ «tuyên án hôm nay thì hạn kháng cáo đến "
        f"ngày nào» hoặc «tạm giam 2 tháng từ {fmt_date(today)} hết ngày nào»; gõ /tinhhan để nhập từng bước."
    )
