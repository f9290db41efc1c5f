"""A question for a date with no procedure in it ("hôm nay thứ mấy", "ngày mai là ngày bao nhiêu"): the day
in the user's local time and what the assistant computes, with an example — never a menu of entries
(``knowledge.deadlines.date_question``); whether a day is a day off, from the work calendar
(``knowledge.deadlines.day_off_question``)."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.deadlines.calendar import load_calendar
from knowledge.deadlines.date_question import asked_day, day_answer
from knowledge.deadlines.day_off_question import asked_day_off, asked_weekend, day_off_answer, weekend_answer


def date_asked(ctx: Context) -> list[Reply] | None:
    """The answer to a bare date question, or None (the message is not one)."""
    now = ctx.local_now().replace(tzinfo=None)
    found = asked_day(ctx.text, now)
    if found is None:
        off = asked_day_off(ctx.text, now)  # "30/4 có được nghỉ không", "thứ 7 này có phải đi làm không"
        calendar = load_calendar()
        if off is None and asked_weekend(ctx.text):  # "thứ 7 có phải đi làm không": Saturdays in general
            return [Reply(weekend_answer(now.year, calendar))]
        if off is None or calendar.is_removed(off[1]):  # 24/11: open (FACTS §13, U), the Q&A's entry says so
            return None
        return [Reply(day_off_answer(*off, calendar))]
    said, day = found
    return [Reply(day_answer(said, day, now.date()))]
