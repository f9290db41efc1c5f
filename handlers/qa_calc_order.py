"""An extension order of a tạm giam asked from its own start: "gia hạn tạm giam lần 1 cho tội nghiêm
trọng từ 01/04/2026 thì hết ngày nào". The question gives no length (the order's is what it would
be): the answer is the longest extension Đ173 allows that category, counted from that day (30 days
a month, never shifted), said as "if extended in full"; with no category, which limit is whose and
what to type. No card is kept: its length is the law's ceiling, not the order's."""

from __future__ import annotations

import re
from datetime import date, datetime

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.qa_calc_stage import stage_first
from knowledge.deadlines.calculator import DeadlineInputError, compute, fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.custody_days import custody_segment, custody_words
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query, find_date_time, fold_text
from knowledge.deadlines.detention_extension import (
    PLAIN,
    count_of,
    lawful_nth,
    limits_by_category,
    only_times,
    until_the_end,
)
from knowledge.deadlines.extension_ask import read_extension
from knowledge.deadlines.extension_date import from_its_day
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.register_minors import with_minors

_ASKED = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")
_FROM = re.compile(r"(?<![a-z])(?:tu|ke tu|bat dau(?: tu)?)(?: ngay)?\s*$")
_ORDINAL = {1: "thứ nhất", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư"}


def _order_start(ctx: Context, now: datetime) -> bool:
    """Whether "gia hạn" comes before the date and the date is said as a start ("từ 01/04")."""
    folded = fold_text(ctx.text)
    try:
        found = find_date_time(ctx.text, now)
    except DateParseError:
        return False
    if found is None:
        return False
    at = min(a for a, _ in found[1])
    asked = _ASKED.search(folded)
    return asked is not None and asked.start() < at and _FROM.search(folded[:at]) is not None


def extension_order(ctx: Context) -> list[Reply] | None:
    """The answer to an extension order asked from its start without a length, or None."""
    now = ctx.local_now().replace(tzinfo=None)
    try:
        query = detect_deadline_query(ctx.text, now)
    except DateParseError:
        return None
    if query is None or query.kind != PLAIN or query.months or query.days:
        return None
    if not _order_start(ctx, now):
        return extension_from_its_day(ctx)

    plain = custody_words(plain_question(ctx.text))
    if custody_segment(plain) is not None:
        return None  # a tạm giữ is named: its extension, not the tạm giam's
    ask = read_extension(plain)
    nth = ask.nth if ask is not None and ask.nth is not None and ask.nth > 0 else 1
    table = load_periods()
    if query.category is None:
        return [
            Reply(
                "Mức gia hạn tạm giam tùy loại tội. Gia hạn tạm giam để điều tra (Điều 173 khoản 2 BLTTHS 2015): "
                f"{limits_by_category(table)}. Anh/chị cho biết loại tội, ví dụ «gia hạn tạm giam lần 1 tội nghiêm "
                "trọng từ 01/04/2026», hoặc thời hạn trong lệnh gia hạn: «tạm giam 2 tháng từ 01/04/2026»."
            )
        ]
    label = table.categories.get(query.category, query.category)
    who = f"{label}, xâm phạm an ninh quốc gia" if query.anqg else label
    found = lawful_nth(table, query.category, query.anqg, nth)
    if found is None:
        allowed = count_of(table, query.category, query.anqg)
        after = until_the_end(table, query.category, query.anqg)  # Đ173 k5, k6: until the investigation ends
        times = only_times(allowed, "Điều 173 BLTTHS 2015", bool(after), query.anqg)
        refused = (
            f"Tạm giam để điều tra đối với {who} {times}; trợ lý không tính gia hạn lần {_ORDINAL.get(nth, str(nth))}."
        )
        return [Reply("\n".join([refused, *after]))]
    step, length = found
    start = query.start.date() if isinstance(query.start, datetime) else query.start
    try:
        result = compute(
            PLAIN,
            start,
            months=length.value if length.unit == "m" else None,
            days=length.value if length.unit == "d" else None,
            today=now.date(),
        )
    except DeadlineInputError as exc:
        return [Reply(exc.message_vi)]
    last: date = result.base.last_day
    shown = f"{length.value} {'tháng' if length.unit == 'm' else 'ngày'}"
    text = (
        f"Gia hạn tạm giam lần {_ORDINAL.get(nth, str(nth))} đối với {who} không quá {shown} "
        f"({step.basis}).\n"
        f"Nếu gia hạn đủ {shown} ({result.base_days} ngày) từ {fmt_date(start)}: đến hết ngày "
        f"{weekday_vi(last)} {fmt_date(last)}; trả tự do chậm nhất 24:00 ngày {fmt_date(last)}.\n"
        "Một tháng tạm giam tính 30 ngày, ngày bắt đầu là ngày thứ nhất, không lùi ngày nghỉ (Điều 17 TTLT "
        "04/2018). Lệnh gia hạn ngắn hơn: anh/chị gõ «tạm giam <thời hạn trong lệnh> từ "
        f"{fmt_date(start)}»."
    )
    return [Reply(with_minors(text, custody=True))]


def extension_from_its_day(ctx: Context) -> list[Reply] | None:
    """ "tạm giam từ 05/03, đã gia hạn 1 tháng từ 05/05": counted from the extension's own day once its
    stage is known (``knowledge.deadlines.extension_date.from_its_day``); None: no such question."""
    now = ctx.local_now().replace(tzinfo=None)
    found = from_its_day(ctx.text, now)
    if found is None:
        return None
    answer, dated = found
    plain = plain_question(ctx.text)
    return stage_first(ctx, answer, dated, plain, None)
