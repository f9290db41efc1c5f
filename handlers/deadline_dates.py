"""The guided calculator's date steps (/tinhhan, ``deadline_flow.py``): the start of the period, the day
its stage began (the cap, Đ174 k4, Đ241, Đ278 k2, Đ347 k2) and the day of the decision a summary hearing
counts from (Đ462 k2, Đ464 k3). Each date is read in any form staff type and checked with the calculator
before it is kept; a bad one is asked again and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from bot.chat.context import Context
from bot.chat.flow import Again, Outcome
from handlers.date_window import confirm_far
from handlers.deadline_buttons import StartNow
from handlers.deadline_cards import iso, kinds, local_naive, run
from handlers.deadline_draft import go_on, query_of
from handlers.deadline_inputs import STOP
from knowledge.deadlines.calculator import DeadlineInputError
from knowledge.deadlines.dateparse import DateParseError, DeadlineQuery, parse_date_time
from knowledge.deadlines.validate import check_start_day


async def take_start(ctx: Context) -> Outcome:
    try:
        value = parse_date_time(ctx.text, local_naive(ctx)).value()
    except DateParseError as exc:
        return Again(exc.message_vi + STOP)
    try:  # a year far off is asked again here, not refused with the card (the form would be lost)
        check_start_day(value.date() if isinstance(value, datetime) else value, local_naive(ctx).date())
    except DeadlineInputError as exc:
        return Again(exc.message_vi + STOP)
    draft = ctx.conversation.data
    if kinds()[draft["kind"]].needs_time and not isinstance(value, datetime):
        return Again(
            "Loại thời hạn này tính theo giờ: anh/chị nhập cả giờ, ví dụ 03/05/2026 14:30 hoặc 14h 03/05/2026."
        )
    far = confirm_far(value.date() if isinstance(value, datetime) else value, local_naive(ctx).date(), draft)
    if far:
        return Again(far + STOP)
    draft["start"] = iso(value)
    return await go_on(ctx)


async def start_now(ctx: Context, data: StartNow) -> Outcome:
    draft = ctx.conversation.data
    now = local_naive(ctx).replace(second=0, microsecond=0)
    draft["start"] = iso(now if kinds()[draft["kind"]].needs_time else now.date())
    return await go_on(ctx)


async def take_stage(ctx: Context) -> Outcome:
    """The stage's start, in any form staff type; checked against the detention before it is kept."""
    return await _take_day(ctx, "stage_start", "Bỏ qua", lambda query, day: run(ctx, query, day))


async def take_decision(ctx: Context) -> Outcome:
    """The day of the decision the hearing counts from (Đ462 k2, Đ464 k3), checked before it is kept."""
    return await _take_day(ctx, "decided_on", "Chưa có quyết định", lambda q, day: run(ctx, replace(q, decided_on=day)))


async def _take_day(ctx: Context, field: str, skip: str, check: Callable[[DeadlineQuery, date], object]) -> Outcome:
    """A day typed for ``field``: read in any form, checked with the calculator, then kept."""
    try:
        value = parse_date_time(ctx.text, local_naive(ctx)).value()
    except DateParseError as exc:
        return Again(f"{exc.message_vi} Hoặc bấm «{skip}».{STOP}")
    day = value.date() if isinstance(value, datetime) else value
    draft = ctx.conversation.data
    try:
        check(query_of(draft), day)
    except DeadlineInputError as exc:
        return Again(exc.message_vi + STOP)
    draft[field] = day.isoformat()
    return await go_on(ctx)


async def skip_decision(ctx: Context) -> Outcome:
    ctx.conversation.data["decided_on"] = None  # not decided yet: the card says the day is needed
    return await go_on(ctx)


async def skip_stage(ctx: Context) -> Outcome:
    ctx.conversation.data["stage_start"] = None  # asked and not known: the card warns
    return await go_on(ctx)
