"""A question that asks a length ("tối đa bao lâu", "mấy ngày") and whose only dates are days said in the
story ("hôm nay em trực, tạm giam tội nghiêm trọng tối đa bao lâu ạ", "mai em đi kiểm sát, …"): no order's
start is given, so it is the law's length that is asked (the knowledge base's answer), not a date counted
from that day. A day said as a start ("từ sáng nay", "kể từ hôm nay") or beside the order it dates ("hôm nay
tạm giữ một người"), a written date, or a question for a day or an hour ("đến ngày nào", "hết lúc mấy giờ")
keeps the calculator. Pure; the text is folded."""

from __future__ import annotations

import re
from datetime import datetime

from knowledge.deadlines.dateparse import DateParseError, find_date_time
from knowledge.deadlines.dayparts import RELATIVE

_LENGTH = re.compile(
    r"(?<![a-z])(?:bao lau|(?:may|mi|bn|bao nhieu) (?:ngay|thang|tieng)|(?:bn|bao nhieu) gio)(?![a-z])"
)
_WHEN = re.compile(
    r"(?<![a-z])(?:ngay nao|hom nao|bua nao|khi nao|bao gio|luc nao|may gio|den ngay|het ngay|han chot|den het"
    r"|con (?:bao lau|may ngay|bao nhieu ngay))(?![a-z])"
)
_AS_START = re.compile(r"(?<![a-z])(?:tu|ke tu|bat dau(?: tu)?)\s*$")
# Today said right beside the order or event it dates is its day ("hôm nay tạm giữ một người", "tuyên án
# sáng nay"): the calculator's (it asks the hour, or counts from it); "hôm nay em trực, …" only tells the story.
_EVENT = r"tam giu|tam giam|tgiu|tgiam|tg|bat|giu|khoi to|tuyen(?: an)?|xu|ra|ky|thu ly|nhan|phuc hoi"
_EVENT_AFTER = re.compile(rf"\s*(?:(?:da|vua|moi|bi|thi|co)\s+)?(?:{_EVENT})(?![a-z])")
_EVENT_BEFORE = re.compile(rf"(?<![a-z])(?:{_EVENT})\s+(?:(?:vao|ngay|tu)\s+)?$")


def asks_length_in_a_story(folded: str, now: datetime) -> bool:
    """Whether ``folded`` asks a length and dates nothing but today, said in the story (see the module)."""
    if not _LENGTH.search(folded) or _WHEN.search(folded):
        return False
    blanked, seen = folded, False
    for m in RELATIVE.finditer(folded):
        if _AS_START.search(folded, 0, m.start()):
            return False  # the day said as the start of something
        if _EVENT_AFTER.match(folded, m.end()) or _EVENT_BEFORE.search(folded, 0, m.start()):
            return False  # the day of the order or event it stands beside
        blanked, seen = blanked[: m.start()] + " " * (m.end() - m.start()) + blanked[m.end() :], True
    try:
        return seen and find_date_time(blanked, now) is None
    except DateParseError:
        return False
