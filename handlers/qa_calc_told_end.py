"""An order's last day told in one message, its extension asked in the next: "tgiam NT hết ngày 15/3/2026", then
"nếu gh 2 tháng thì hết ngày nào". The first is answered as before (the date is the order's end, not its start);
its text is kept for 30 minutes (``TOLD_END``), and a next message that asks an extension and gives no date of its
own is read with it as one question (``qa_calc_order_end``: counted from the day after the order's end). The kept
text is used once; anything else the calculator answers forgets it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.qa_calc_order_end import extension_after_order_end, told_end
from knowledge.deadlines.dateparse import DateParseError, find_date_time
from knowledge.deadlines.extension_ask import read_extension
from knowledge.deadlines.implied_ask import as_asked
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.stated_extension import stated_extension

TOLD_END = "dl_told_end"
WINDOW = timedelta(minutes=30)


def keep_told_end(ctx: Context) -> None:
    """Keep a message that tells an order's last day and asks no extension; forget the kept one otherwise."""
    if told_end(ctx):
        ctx.conversation.data[TOLD_END] = {"text": ctx.text[:300], "at": ctx.local_now().isoformat()}
    else:
        ctx.conversation.data.pop(TOLD_END, None)


def extension_after_told_end(ctx: Context) -> list[Reply] | None:
    """The extension this message asks, counted after the order's end told just before; None: not such a message."""
    kept = ctx.conversation.data.pop(TOLD_END, None)
    if not isinstance(kept, dict) or not isinstance(kept.get("text"), str):
        return None
    try:
        if ctx.local_now() - datetime.fromisoformat(str(kept.get("at"))) > WINDOW:
            return None
        if find_date_time(ctx.text, ctx.local_now().replace(tzinfo=None)) is not None:
            return None  # a date of its own: another question
    except (TypeError, ValueError, DateParseError):
        return None
    plain = plain_question(ctx.text)
    if read_extension(as_asked(plain)) is None and stated_extension(plain) is None:
        return None
    joined = replace(ctx, incoming=replace(ctx.incoming, text=f"{kept['text']}, {ctx.text}"))
    return extension_after_order_end(joined)
