"""Beside an appeal's card, the day the question says the appeal was lodged, checked against its last day
(Đ333 k3: through the detention camp, the day the warden receives the letter): ``knowledge.deadlines.appeal_day``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_reminders import last_card, recompute
from knowledge.deadlines.appeal_day import lodged_line
from knowledge.deadlines.calculator import DeadlineInputError
from knowledge.deadlines.dateparse import fold_text


def appeal_lodged(ctx: Context, before: dict[str, Any] | None) -> list[Reply]:
    """The line, when this message showed an appeal's card and says the day it was lodged; else nothing."""
    card = last_card(ctx.conversation.data)
    if card is None or card is before or not str(card.get("kind", "")).startswith("khang_cao"):
        return []
    try:
        result = recompute(card, ctx.local_now().date())
    except DeadlineInputError:
        return []
    start = result.start.date() if isinstance(result.start, datetime) else result.start
    line = lodged_line(fold_text(ctx.text), start, result.base.last_day)
    return [Reply(line)] if line else []
