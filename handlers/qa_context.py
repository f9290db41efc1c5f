"""The conversation's context for questions: the entry answered last and the qualifiers its question named
("tội ĐBNT", "rút gọn"), or only the qualifiers of a story told without a question; kept 30 minutes."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.chat.context import Context
from knowledge.kb.entry import Entry
from knowledge.kb.library import Library

CONTEXT_KEY = "qa_last"  # the last answered entry, kept with the conversation
CONTEXT_MINUTES = 30


def _fresh(ctx: Context) -> dict[str, Any] | None:
    """The context kept, if less than 30 minutes old."""
    last = ctx.conversation.data.get(CONTEXT_KEY)
    if not isinstance(last, dict) or not isinstance(last.get("at"), str):
        return None
    try:
        at = datetime.fromisoformat(last["at"])
    except ValueError:
        return None
    return last if ctx.now() - at <= timedelta(minutes=CONTEXT_MINUTES) else None


def previous(ctx: Context, library: Library) -> Entry | None:
    """The entry answered last in this conversation, if less than 30 minutes ago."""
    last = _fresh(ctx)
    return library.kb.get(last["id"]) if last is not None and isinstance(last.get("id"), str) else None


def qualifiers(ctx: Context) -> tuple[str, ...]:
    """The qualifiers kept with the context (they expire with it)."""
    last = _fresh(ctx)
    asked = last.get("asked") if last is not None else None
    return tuple(a for a in asked if isinstance(a, str)) if isinstance(asked, list) else ()


def remember(ctx: Context, entry: Entry, asked: tuple[str, ...] = ()) -> None:
    """Keep the entry (and its question's qualifiers: "tội ĐBNT") as the context; not while a form
    is in progress (its draft is the data)."""
    if ctx.conversation.state is None:
        ctx.conversation.data[CONTEXT_KEY] = {"id": entry.id, "at": ctx.now().isoformat(), "asked": list(asked)}


def told(ctx: Context, asked: tuple[str, ...]) -> None:
    """A story told without a question answered ("vụ trộm ít NT … đang xử rút gọn, sơ thẩm tuyên rồi"): its
    qualifiers are kept for the next question, without an entry (not while a form is in progress)."""
    if ctx.conversation.state is None and asked:
        ctx.conversation.data[CONTEXT_KEY] = {"id": None, "at": ctx.now().isoformat(), "asked": list(asked)}
