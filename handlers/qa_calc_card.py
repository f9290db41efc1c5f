"""The calculator card a follow-up recomputes, and what makes a message read as a follow-up.

A follow-up opens or ends like one ("nếu …", "còn …", "trước đó …", "… thì sao"); anything else is
a question of its own. The card is recomputed from its inputs (never stored) and becomes the
conversation's last."""

from __future__ import annotations

import re
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply, reply
from handlers.deadline_cards import card_text
from handlers.deadline_reminders import recompute, remember, remind_buttons
from knowledge.deadlines.calculator import DeadlineInputError

CUES = re.compile(
    r"^(?:neu|con|the con|vay con|the neu|vay neu|truong hop|truoc do|(?:the|vay)(?! nao\b))\b"
    r"|\b(?:thi sao|the nao|ra sao)$"
)


def card_reply(ctx: Context, inputs: dict[str, Any]) -> list[Reply] | None:
    """The card for ``inputs``, remembered as the conversation's last; None if they cannot be counted."""
    now = ctx.local_now().replace(tzinfo=None)
    try:
        result = recompute(inputs, now.date())
    except DeadlineInputError:
        return None
    remember(ctx.conversation.data, {**inputs, "label": result.label})
    return [reply(card_text(result, inputs, now), *remind_buttons(result))]
