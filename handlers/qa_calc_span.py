"""How many days of detention lie between two days: "tạm giam từ 05/03/2026 đến 03/05/2026 thì được bao
nhiêu ngày", "tạm giam từ 01/03/2026 đến nay đã bao nhiêu ngày". Detention counts its first day as day
one and its last day whole (TTLT 04/2018 Đ17; FACTS §1): the days are last − first + 1, a month of
detention being 30 of them. Only for tạm giam (tạm giữ is counted by the clock), only with "từ … đến
…" and a question of how many days; a last day before the first is refused."""

from __future__ import annotations

import re
from datetime import date

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text
from knowledge.deadlines.kind_words import spell_out

_DETENTION = re.compile(r"(?<![a-z])tam giam(?![a-z])")
_HOW_MANY = re.compile(r"(?<![a-z])(?:bao nhieu|may|bn|mi|nhiu|bao lau)(?: ngay)?(?![a-z])")
_TO = re.compile(r"^\s*(?:den|toi)(?: het)?(?: ngay)?\s*")
_TODAY = re.compile(r"^\s*(?:den|toi)\s+(?:nay|hom nay|bay gio)(?![a-z])")
_FROM = re.compile(r"(?<![a-z])(?:tu|ke tu)(?: ngay)?\s*$")


def _day(text: str, ctx: Context) -> tuple[date, int, int] | None:
    found = find_date_time(text, ctx.local_now().replace(tzinfo=None))
    if found is None:
        return None
    a, b = found[1][0]
    return found[0].day, a, b


def detention_days(ctx: Context) -> list[Reply] | None:
    """The count, or None when the message is not such a question."""
    text = spell_out(fold_text(ctx.text))
    if not _DETENTION.search(text) or not _HOW_MANY.search(text) or re.search(r"(?<![a-z])gia han(?![a-z])", text):
        return None
    try:
        first = _day(text, ctx)
        if first is None or not _FROM.search(text[: first[1]]):
            return None
        rest = text[first[2] :]
        to = _TO.match(rest)
        second = _day(rest[to.end() :], ctx) if to is not None and not _TODAY.match(rest) else None
        if _TODAY.match(rest):
            last = ctx.local_now().date()
            until = f"hôm nay {fmt_date(last)}"
        elif second is not None and second[1] == 0:  # the second date right after "đến"
            last, until = second[0], fmt_date(second[0])
        else:
            return None
    except DateParseError as exc:
        return [Reply(exc.message_vi)]
    start = first[0]
    if last < start:
        return [
            Reply(
                f"Ngày cuối ({fmt_date(last)}) trước ngày bắt đầu ({fmt_date(start)}): anh/chị kiểm tra lại hai ngày, ví dụ «tạm giam từ 01/03/2026 đến 15/03/2026 là bao nhiêu ngày»."
            )
        ]
    days = (last - start).days + 1
    months = f" (= {days // 30} tháng tạm giam, mỗi tháng 30 ngày)" if days % 30 == 0 else ""
    return [
        Reply(
            f"Tạm giam từ {fmt_date(start)} đến hết {until}: {days} ngày{months}, tính cả ngày bắt đầu (ngày thứ nhất) "
            "và ngày cuối.\n"
            "Căn cứ: Điều 17 TTLT 04/2018 (ngày bắt đầu là ngày thứ nhất; một tháng tạm giam tính 30 ngày)."
        )
    ]
