"""A tạm giữ told after a tạm giam card with its end on the card's first day: "lệnh tgiam 2 tháng từ hôm nay",
then "nếu trước đó đã tgiu đủ 3 ngày, hết sáng nay, thì lệnh ghi bao nhiêu ngày". Tạm giam straight after tạm giữ
starts on the day the tạm giữ ends (TTLT 04/2018 Đ17; FACTS §1), so that end is the card's start said again, not
a tạm giữ to count from: the message is read without it (the custody's days are deducted as usual). An end on
another day is left to the calculator, which asks; so is a tạm giữ cut short ("tgiu được 2 ngày, hết sáng nay"):
the days deducted then are not settled (FACTS §1, U), so only a full tạm giữ (3, 6 or 9 days, or "đủ") is read
as the card's start said again."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from bot.chat.context import Context
from knowledge.deadlines.custody_days import CUSTODY_TERM_DAYS, CustodyDaysError, custody_words, read_custody_days
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text

_CUSTODY = re.compile(r"(?<![a-z])(?:tam giu|tgiu|tg giu)(?![a-z])")
_FULL = re.compile(r"(?<![a-z])(?:du|tron|het han)(?![a-z])")  # "đủ 3 ngày", "tạm giữ hết hạn"
_FULL_DAYS = (CUSTODY_TERM_DAYS, 2 * CUSTODY_TERM_DAYS, 3 * CUSTODY_TERM_DAYS)  # Đ118: 3 days, extended twice
_ENDED = re.compile(r"(?<![a-z])(?:het|ket thuc|xong)(?: han)?(?: (?:tu|vao|luc|ngay|hom))?\s*$")


def _first_day(last: dict[str, Any]) -> date | None:
    try:
        return datetime.fromisoformat(str(last.get("start"))).date()
    except ValueError:
        return None


def _full(said: str) -> bool:
    """Whether the tạm giữ told (the words before its end) ran its whole term: "đủ", or 3, 6 or 9 days."""
    if _FULL.search(said):
        return True
    try:
        custody = read_custody_days(custody_words(said))
    except CustodyDaysError:
        return False
    return custody is not None and custody.total in _FULL_DAYS


def without_custody_end(ctx: Context, last: dict[str, Any]) -> Context:
    """``ctx``, or its message without a tạm giữ's end that is the tạm giam card's first day."""
    if not str(last.get("kind", "")).startswith("tam_giam"):
        return ctx
    folded = fold_text(ctx.text)
    if _CUSTODY.search(folded) is None:
        return ctx
    try:
        found = find_date_time(folded, ctx.local_now().replace(tzinfo=None))
    except DateParseError:
        return ctx
    if found is None or found[0].day != _first_day(last):
        return ctx
    first = min(a for a, _ in found[1])
    ended = _ENDED.search(folded[:first])
    if ended is None or not _CUSTODY.search(folded[: ended.start()]):
        return ctx  # "tạm giam từ hôm nay …": not a tạm giữ's end
    if not _full(folded[: ended.start()]):
        return ctx  # "tgiu được 2 ngày, hết sáng nay": cut short, the days deducted are not settled (FACTS §1, U)
    spans = sorted([(ended.start(), ended.end()), *found[1]], reverse=True)
    for a, b in spans:
        folded = folded[:a] + " " * (b - a) + folded[b:]
    return replace(ctx, incoming=replace(ctx.incoming, text=" ".join(folded.split())))
