"""A weekday said relative to this week, in folded date text: "thứ 7 tuần trước", "t6 tuần này", "thứ 2 tuần sau",
"chủ nhật vừa rồi", "hôm thứ sáu". The week runs Monday to Sunday. Only with a word that says which
week ("tuần trước", "tuần rồi", "tuần này", "vừa rồi", "vừa qua", "hôm thứ …"): a bare "thứ 6" may be
this week's or the last, and a day is never guessed. "hôm thứ N" and "vừa rồi/qua" are the last such
day before today. And only as the day of an event said just before it ("tuyên án hôm thứ 6", "từ 10h
sáng thứ 7 tuần trước"): a weekday in a question about the rule ("rơi vào chủ nhật") is not a date. Pure.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

WEEKDAY_INDEX = {
    "2": 0, "hai": 0, "3": 1, "ba": 1, "4": 2, "tu": 2, "5": 3, "nam": 3, "6": 4, "sau": 4, "7": 5, "bay": 5,
}  # fmt: skip
DAY = r"(?:thu\s*(?P<n>[2-7]|hai|ba|tu|nam|sau|bay)|t(?P<t>[2-7])|(?P<sun>chu nhat|cn))"
WEEKDAY = re.compile(
    rf"(?<![a-z\d])(?P<hom>hom\s+)?{DAY}"
    r"(?:\s+(?P<week>tuan truoc|tuan roi|tuan nay|tuan sau|tuan toi|vua roi|vua qua))?(?![a-z\d])"
)


# Only a weekday that dates an event is a date: "tuyên án hôm thứ 6", "từ 10h sáng thứ 7 tuần trước",
# "bắt thứ 2 tuần này", "bắt quả tang hôm thứ 7"; never "có tính hôm thứ 7 không", "ngày cuối rơi vào chủ nhật".
_EVENT = re.compile(
    r"(?<![a-z])(?:tu|ke tu|luc|bat(?: qua tang| khan cap| giu)?|bat dau|tuyen(?: an)?|xu|xet xu|nhan(?: duoc)?|ra|ky"
    r"|khoi to|giu(?: nguoi)?(?: khan cap)?|thu ly"
    r"|sang|trua|chieu|toi|dem|\d{1,2}\s*(?:h|g|gio)(?:\s*\d{1,2})?)\s+(?:ngay\s+)?$"
)


# … or, with its week said, at the message's start and followed by the event ("thứ 6 tuần trước tòa tuyên án",
# "t7 tuần rồi cqđt bắt quả tang"): the event's day, said first
_EVENT_AFTER = re.compile(
    r"(?:\s*(?:[a-z]+\s+){0,4})(?:tuyen(?: an)?|xu|xet xu|bat|giu(?: nguoi)?|khoi to|nhan(?: duoc)?|thu ly|ra)(?![a-z])"
)


class WeekdayDate(NamedTuple):
    start: int
    end: int
    day: date


def weekday_dates(folded: str, today: date, *, answer: bool = False) -> list[WeekdayDate]:
    """The weekdays said with their week, as dates; the rest is left alone. ``answer``: the text
    answers a question for a date (a step of /tinhhan), so "thứ 2 tuần sau" alone is that date."""
    found = []
    for m in WEEKDAY.finditer(folded):
        week, hom = m["week"], m["hom"]
        if week is None and hom is None:
            continue  # "thứ 6" alone: which week is not said
        first = week is not None and not folded[: m.start()].strip() and _EVENT_AFTER.match(folded, m.end())
        if not (answer or first or _EVENT.search(folded, 0, m.start())):
            continue  # not the day of an event: "có tính hôm thứ 7 không"
        index = 6 if m["sun"] else WEEKDAY_INDEX[m["n"] or m["t"]]
        monday = today - timedelta(days=today.weekday())
        if week in ("tuan truoc", "tuan roi"):
            day = monday - timedelta(days=7) + timedelta(days=index)
        elif week == "tuan nay":
            day = monday + timedelta(days=index)
        elif week in ("tuan sau", "tuan toi"):
            day = monday + timedelta(days=7 + index)
        else:  # "hôm thứ 6", "thứ 6 vừa rồi": the last one before today
            back = (today.weekday() - index) % 7 or 7
            day = today - timedelta(days=back)
        found.append(WeekdayDate(m.start(), m.end(), day))
    return found
