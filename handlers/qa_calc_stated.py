"""A tạm giam extension order stated with its length before its own start: "gia hạn tạm giam 4 tháng
tội RNT từ 15/03/2027". The date is the extension's first day and the length the order's; a length
over what Đ173 allows the category is refused with the reason, as "… thì đến ngày nào" after a card is (``detention_extension``), never
counted as a plain order of that length (a release date later than the law allows). With no category
the order's card stands unless no category may have that length."""

from __future__ import annotations

import re
from datetime import datetime

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.deadlines.custody_days import custody_segment, custody_words
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query, find_date_time, fold_text
from knowledge.deadlines.detention_extension import INVESTIGATION, PLAIN, order_refusal
from knowledge.deadlines.extension_ask import read_extension
from knowledge.deadlines.extension_limit import law_steps, over_the_step
from knowledge.deadlines.kind_words import detect_kind
from knowledge.deadlines.order_length import length_text
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.plain import plain_question

_ASKED = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")
CASE_INVESTIGATION = "dieu_tra"


def _extension_first(text: str, now: datetime) -> bool:
    """Whether a "gia hạn" comes before the question's date."""
    found = find_date_time(text, now)
    if found is None:
        return False
    asked = _ASKED.search(fold_text(text))
    return asked is not None and asked.start() < min(a for a, _ in found[1])


def unlawful_extension_order(ctx: Context) -> list[Reply] | None:
    """The refusal of an extension order whose stated length the law does not allow, or None."""
    now = ctx.local_now().replace(tzinfo=None)
    try:
        query = detect_deadline_query(ctx.text, now)
        first = _extension_first(ctx.text, now)
    except DateParseError:
        return None
    plain = custody_words(plain_question(ctx.text))
    if first and (query is None or query.kind == CASE_INVESTIGATION):
        return _investigation_extension(plain)  # "gia hạn điều tra 5 tháng tội NT từ …": Đ172 k2
    if query is None or query.kind not in (PLAIN, INVESTIGATION) or not first:
        return None
    if custody_segment(plain) is not None:
        return None  # a tạm giữ is named: its extension, not the tạm giam's
    ask = read_extension(f"{plain} thi sao")
    nth = ask.nth if ask is not None and ask.nth is not None and ask.nth > 0 else 1
    if query.kind == INVESTIGATION:  # "gia hạn tạm giam để điều tra 4 tháng …": the card has the law's term
        months, days = (ask.months, ask.days) if ask is not None else (0, 0)
    else:
        months, days = query.months or 0, query.days or 0
    if not (months or days):
        return None
    said = length_text(months, days)
    refusal = order_refusal(load_periods(), 30 * months + days, said, nth, query.category, query.anqg)
    return [Reply("\n".join(refusal))] if refusal else None  # no category: refused only if none may have it


def _investigation_extension(plain: str) -> list[Reply] | None:
    """An investigation's extension order said before its start, refused when Đ172 does not allow its stated
    length for the category (or for any category when none is said); None otherwise (the Q&A answers it: the
    date is the extension's own start, never the prosecution's)."""
    named = detect_kind(plain)
    ask = read_extension(f"{plain} thi sao")
    if named is None or named[0] != CASE_INVESTIGATION or ask is None or not (ask.months or ask.days):
        return None
    table = load_periods()
    kd, nth = table.kinds[CASE_INVESTIGATION], ask.nth if ask.nth is not None and ask.nth > 0 else 1
    asked, said = 30 * ask.months + ask.days, ask.length_text()
    if ask.category is not None:
        who = f" đối với {table.categories.get(ask.category, ask.category)}"
        over = over_the_step(kd, law_steps(kd, ask.category, ask.anqg), ask.category, nth, asked, said, who)
        return [Reply(over)] if over is not None else None
    refusals = [
        over_the_step(kd, law_steps(kd, c, ask.anqg), c, nth, asked, said, f" đối với {label}")
        for c, label in table.categories.items()
    ]
    if not all(refusals):
        return None
    return [Reply("Không loại tội nào được gia hạn điều tra như vậy:\n" + "\n".join(r for r in refusals if r))]
