"""What a conversation keeps across the start and the end of any form: the carried keys (the last
calculator card's inputs, for its buttons, and the Q&A context: ``deadline_reminders.CARRY``) and
the drafts set aside (``parked``, see ``bot/chat/drafts.py``).

A form that sets its own state and draft by hand (not through ``Flow``, which keeps ``carry`` itself)
starts with ``begin`` and ends with ``end``, never by replacing or clearing the whole conversation
data: that dropped the card's «Theo dõi» and the follow-up question's context.
"""

from __future__ import annotations

from typing import Any

from bot.chat.context import Context
from bot.chat.drafts import PARKED
from handlers.deadline_reminders import CARRY


def kept(ctx: Context) -> dict[str, Any]:
    """The conversation data that is not any form's own."""
    return {k: v for k, v in ctx.conversation.data.items() if k in CARRY or k == PARKED}


def begin(ctx: Context, state: str | None, **own: Any) -> None:
    """The form's state and its own keys, over what the conversation keeps. (``Forms.run`` has set
    aside the form in progress, if any, before a handler runs.)"""
    data = kept(ctx)
    ctx.conversation.state = state
    ctx.conversation.data = {**data, **own}


def end(ctx: Context) -> None:
    """The form is over (done or cancelled): its state and keys go, what the conversation keeps stays."""
    begin(ctx, None)
