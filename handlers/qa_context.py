"""The conversation's context for questions: the entry answered last and the qualifiers its question named
("tội ĐBNT", "rút gọn"), or only the qualifiers of a story told without a question; kept 30 minutes."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.chat.context import Context
from knowledge.kb.adult import adult_again
from knowledge.kb.entry import Entry
from knowledge.kb.held_before import with_held
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


def remember(ctx: Context, entry: Entry, asked: tuple[str, ...] = (), question: str | None = None) -> None:
    """Keep the entry (and its question's qualifiers: "tội ĐBNT", and the question) as the context; not while
    a form is in progress (its draft is the data)."""
    if ctx.conversation.state is None:
        kept = {"id": entry.id, "at": ctx.now().isoformat(), "asked": list(asked), "question": question}
        ctx.conversation.data[CONTEXT_KEY] = kept


def told(ctx: Context, asked: tuple[str, ...], question: str | None = None) -> None:
    """A story told without a question answered ("vụ trộm ít NT … đang xử rút gọn, sơ thẩm tuyên rồi"): its
    qualifiers (and the question) are kept for the next question, without an entry (not while a form is in
    progress)."""
    if ctx.conversation.state is None and asked:
        kept = {"id": None, "at": ctx.now().isoformat(), "asked": list(asked), "question": question}
        ctx.conversation.data[CONTEXT_KEY] = kept


def last_question(ctx: Context) -> str | None:
    """The question kept with the context (it expires with it)."""
    last = _fresh(ctx)
    kept = last.get("question") if last is not None else None
    return kept if isinstance(kept, str) else None


def asked_again(ctx: Context, library: Library, question: str) -> str:
    """``question``, or the question before it asked again of an adult ("còn người lớn thì sao" after one about
    a minor, which nothing answered with adult limits: ``knowledge.kb.adult``), or ``question`` after the days
    held that the question before told ("nếu bị xử 3 năm tù thì được trừ bao nhiêu ngày": ``held_before``)."""
    earlier = last_question(ctx)
    vocab, synonyms = library.dialogue.vocab, library.searcher.synonyms
    return adult_again(question, earlier, vocab, synonyms) or with_held(question, earlier) or question
