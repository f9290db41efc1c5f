"""A tạm giữ told after a tạm giam card with its end on the card's first day: "lệnh tgiam 2 tháng từ hôm nay",
then "nếu trước đó đã tgiu đủ 3 ngày, hết sáng nay, thì lệnh ghi bao nhiêu ngày". Tạm giam straight after tạm giữ
starts on the day the tạm giữ ends (TTLT 04/2018 Đ17; FACTS §1), so that end is the card's start said again, not
a tạm giữ to count from: the message is read without it (the custody's days are deducted as usual). An end on
another day is left to the calculator, which asks. Only a full tạm giữ (3, 6 or 9 days, or "đủ") is deducted
firmly: for one cut short ("tgiu được 2 ngày, hết sáng nay") the days deducted are not settled (FACTS §1, U), so
the order's days are given on that condition, with the caveat of ``order_days``."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.deadlines.custody_days import CUSTODY_TERM_DAYS, CustodyDaysError, custody_words, read_custody_days
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text
from knowledge.deadlines.kind_words import spell_out
from knowledge.deadlines.order_days import BASIS, MONTH_DAYS, cut_short_warning

_CUSTODY = re.compile(r"(?<![a-z])(?:tam giu|tgiu|tg giu)(?![a-z])")
_FULL = re.compile(r"(?<![a-z])(?:du|tron|het han)(?![a-z])")  # "đủ 3 ngày", "tạm giữ hết hạn"
_FULL_DAYS = (CUSTODY_TERM_DAYS, 2 * CUSTODY_TERM_DAYS, 3 * CUSTODY_TERM_DAYS)  # Đ118: 3 days, extended twice
# ("hết hạn tạm giữ lúc 8h sáng nay": the measure said again after the end word)
_ENDED = re.compile(r"(?<![a-z])(?:het|ket thuc|xong)(?: han)?(?: (?:tam giu|tgiu))?(?: (?:tu|vao|luc|ngay|hom))?\s*$")


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
        custody = read_custody_days(custody_words(spell_out(said)))
    except CustodyDaysError:
        return False
    return custody is not None and custody.total in _FULL_DAYS


def _end_on_first_day(ctx: Context, last: dict[str, Any]) -> tuple[str, list[tuple[int, int]]] | None:
    """The folded message and the spans of a tạm giữ's end said on the tạm giam card's first day, or None."""
    if not str(last.get("kind", "")).startswith("tam_giam"):
        return None
    folded = fold_text(ctx.text)
    if _CUSTODY.search(folded) is None:
        return None
    try:
        found = find_date_time(folded, ctx.local_now().replace(tzinfo=None))
    except DateParseError:
        return None
    if found is None or found[0].day != _first_day(last):
        return None
    first = min(a for a, _ in found[1])
    ended = _ENDED.search(folded[:first])
    if ended is None or not _CUSTODY.search(folded[: ended.start()]):
        return None  # "tạm giam từ hôm nay …": not a tạm giữ's end
    return folded, [(ended.start(), ended.end()), *found[1]]


def custody_end(ctx: Context, last: dict[str, Any]) -> tuple[Context, list[Reply] | None]:
    """A tạm giữ's end told on the tạm giam card's first day, read once: for a full one, ``ctx`` without that end
    (the days are deducted as usual); for one cut short, the order's days on that condition (FACTS §1, U) as the
    reply; else ``ctx`` unchanged and no reply."""
    end = _end_on_first_day(ctx, last)
    if end is None:
        return ctx, None
    folded, spans = end
    said = folded[: min(a for a, _ in spans)]
    if not _full(said):
        return ctx, None if last.get("tam_giu_days") else _cut_short(said, last)
    for a, b in sorted(spans, reverse=True):
        folded = folded[:a] + " " * (b - a) + folded[b:]
    return replace(ctx, incoming=replace(ctx.incoming, text=" ".join(folded.split()))), None


def _cut_short(said: str, last: dict[str, Any]) -> list[Reply] | None:
    """For a tạm giữ cut short ending on the tạm giam card's first day: the order's days only on the condition
    that all the days held are deducted, with the caveat (FACTS §1, U); None when the card gives no length."""
    try:
        custody = read_custody_days(custody_words(spell_out(said)))
    except CustodyDaysError as exc:
        return [Reply(exc.message_vi)]
    months, days, first = int(last.get("months") or 0), int(last.get("days") or 0), _first_day(last)
    if custody is None or not custody.total or first is None or not (months or days) or (months and days):
        return None
    length = months * MONTH_DAYS if months else days
    left = length - custody.total
    if left <= 0:
        return None
    said_length = f"{months} tháng tạm giam = {length} ngày" if months else f"{length} ngày tạm giam"
    last_day = first + timedelta(days=left - 1)  # the first day counts (TTLT 04/2018 Đ17)
    return [
        Reply(
            f"Nếu trừ đủ {custody.total} ngày đã tạm giữ thì lệnh tạm giam ghi {left} ngày: {said_length}, trừ "
            f"{custody.total} ngày đã tạm giữ (1 ngày tạm giữ bằng 1 ngày tạm giam), từ ngày {first:%d/%m/%Y} đến "
            f"hết ngày {last_day:%d/%m/%Y}.\n{cut_short_warning(custody.total)}\n{BASIS}"
        )
    ]
