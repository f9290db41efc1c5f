"""A question for a date with no procedure in it ("hôm nay thứ mấy", "ngày mai là ngày bao nhiêu"): the day
in the user's local time and what the assistant computes, with an example — never a menu of entries
(``knowledge.deadlines.date_question``)."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.deadlines.date_question import asked_day, day_answer


def date_asked(ctx: Context) -> list[Reply] | None:
    """The answer to a bare date question, or None (the message is not one)."""
    now = ctx.local_now().replace(tzinfo=None)
    found = asked_day(ctx.text, now)
    if found is None:
        return None
    said, day = found
    return [Reply(day_answer(said, day, now.date()))]
