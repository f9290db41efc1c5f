"""A date asked after a question whose start the conversation gave: "vụ ĐBNT vks nhận hồ sơ hôm nay, truy tố
mấy ngày" answered with the law, then "nếu VT gia hạn tối đa thì hết ngày nào". The calculator reads the two
messages as one (its card counts the days, FACTS §1); when it makes no card, or the message before was answered
by a card the question is not a follow-up of, the law is shown under the note that the assistant did not compute
the date (``knowledge.kb.reply.DATE_NOTE``), never as the date's answer. The two are read as one only when this
message names no period, stage or measure the one before did not ("còn tòa chuẩn bị xét xử thì hết ngày nào"
after a truy tố) and the card's starting event is the event the message before dated (a tạm giam does not run
from the khởi tố: TTLT 04/2018 Đ17); otherwise nothing computed is kept."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_cards import local_naive
from handlers.deadline_reminders import last_card
from handlers.qa_calc_asked import calculator_free_text
from handlers.qa_calc_when import card_said
from handlers.qa_context import last_question
from knowledge.deadlines.datefind import find_date_time
from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.datevalues import DateParseError
from knowledge.deadlines.start_event import dates_start, named_periods

# The day a period ends, asked ("hết ngày nào", "đến bao giờ", "ngày mấy"); not "tính từ khi nào"
_ASKS = re.compile(r"(?<![a-z])(?<!tu )(?:ngay nao|hom nao|bua nao|ngay may|bao gio|khi nao|luc nao)(?![a-z])")


def _gives_day(ctx: Context, text: str) -> bool:
    """Whether ``text`` gives a day, read as the calculator reads one (a date, "hôm nay", "chiều qua", …; an
    impossible date is a day given too)."""
    try:
        return find_date_time(text, local_naive(ctx)) is not None
    except DateParseError:
        return True


def date_after(ctx: Context) -> str | None:
    """When this message asks for a day and gives none: the question before if it gave one, "" after a card
    that nothing more computes ("thế hạn chót là ngày nào"); None otherwise."""
    if not _ASKS.search(fold_text(ctx.text)) or _gives_day(ctx, ctx.text):
        return None
    earlier = last_question(ctx)
    if earlier is not None and _gives_day(ctx, earlier):
        return earlier
    return "" if card_said(ctx) else None


async def dated_card(ctx: Context, earlier: str, before: dict[str, Any] | None) -> tuple[Context, list[Reply]] | None:
    """The calculator's card for the question before and this one read as one message (and that message's
    context), or None when it makes no card."""
    said = fold_text(earlier)
    if not named_periods(fold_text(ctx.text)) <= named_periods(said):  # "còn tạm giam thì hết ngày nào"
        return None
    kept = copy.deepcopy(ctx.conversation.data)
    joined = replace(ctx, incoming=replace(ctx.incoming, text=f"{earlier.rstrip(' ?.')}, {ctx.text}"))
    replies = await calculator_free_text(joined, before)
    card = last_card(ctx.conversation.data)
    if replies and card is not None and card is not before and dates_start(str(card.get("kind", "")), said):
        return joined, replies
    ctx.conversation.data = kept  # a card from another starting event is not this conversation's
    return None
