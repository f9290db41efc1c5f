"""An extension of a stage's period known by the period's last day: "vụ ít NT hạn truy tố hết ngày 20/03/2026, VT
gia hạn 10 ngày thì đến ngày nào", "vụ RNT hạn điều tra hết ngày 10/03/2026, nếu gia hạn lần 1 tối đa thì đến ngày
nào". The date ends the period, it does not start it (a card from it counted the whole period again from that day:
a confident wrong answer). The first extension runs from the day after it by the calculator's own rules for the
kind (``compute``'s ``extension_anchor``; its end moved off a day off where the kind's counting does so), at the
length the law gives the category named (``answer_asked`` refuses another length, or a second extension). Without a
category, the category is asked. Tạm giam orders have their own (``qa_calc_order_end``); other questions whose date
ends a period are refused by the parser (``date_choice.PERIOD_END``)."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.deadlines.calculator import DeadlineInputError, compute, fmt_date
from knowledge.deadlines.crime_category import anqg_in, category_in
from knowledge.deadlines.date_choice import closes_a_period
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text
from knowledge.deadlines.extension_list import answer_asked
from knowledge.deadlines.extension_read import read_extension
from knowledge.deadlines.implied_ask import as_asked
from knowledge.deadlines.kind_words import detect_kind
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.stated_extension import stated_extension

_ECHOED = 120  # characters of the question said again in the example of what to ask


def extension_after_stage_end(ctx: Context) -> list[Reply] | None:
    """The first extension counted from the day after a stage period's stated end; None: not such a question."""
    folded = fold_text(ctx.text)
    now = ctx.local_now().replace(tzinfo=None)
    try:
        found = find_date_time(folded, now)
    except DateParseError:
        return None
    if found is None or found[0].time is not None:
        return None
    at, end = found[1][0]
    if not closes_a_period(folded, at):
        return None
    detected = detect_kind(plain_question(folded[:at]))
    table = load_periods()
    kd = table.kinds.get(detected[0]) if detected is not None else None
    if kd is None or kd.custody or kd.counting in ("clock", "custody_days") or not kd.extensions:
        return None
    after = plain_question(folded[end:])
    ask = read_extension(as_asked(after)) or stated_extension(after)
    if ask is None or ask.hours or (ask.nth is not None and ask.nth > 1):
        return None  # a later extension counts from the one before it, not from the period's end
    last_day = found[0].day
    plain = plain_question(folded)
    category = ask.category or category_in(plain)
    period = f"Thời hạn {kd.label[0].lower()}{kd.label[1:]}"  # "Thời hạn quyết định việc truy tố"
    if category is None:
        asked = (
            ctx.text.strip()
            if len(ctx.text) <= _ECHOED
            else f"hạn … hết ngày {fmt_date(last_day)}, gia hạn thì đến ngày nào"
        )
        return [
            Reply(
                f"{period} hết ngày {fmt_date(last_day)}; mức gia hạn tùy loại tội. Anh/chị hỏi lại kèm loại tội, "
                f"ví dụ «vụ ít nghiêm trọng, {asked}»."
            )
        ]
    try:
        result = compute(
            kd.kind, last_day, category=category, anqg=anqg_in(plain), extension_anchor=last_day, today=now.date()
        )
    except DeadlineInputError as exc:
        return [Reply(exc.message_vi)]
    head = f"{period} hết ngày {fmt_date(last_day)}; gia hạn tính từ ngày hôm sau."
    return [Reply(f"{head}\n{answer_asked(result, ask, table)}")]
