"""Days of tạm giữ and tạm giam credited against a sentence (``knowledge.deadlines.sentence_credit``), asked in
one message or as a follow-up: "bị tạm giữ 3 ngày rồi tạm giam 57 ngày thì tổng bao nhiêu ngày", then "nếu
bị xử 3 năm tù thì được trừ bao nhiêu ngày" — the days said before, added (6 + 54 = 60, never 54 − 6). The
days said are kept in the conversation for a short while (the same window as the calculator's other kept
questions), also when the message only tells them ("bị can bị tạm giam 40 ngày trước khi xét xử", answered
elsewhere); a follow-up that names a sentence and no days of its own is answered with them ("nếu tòa xử cải tạo
không giam giữ thì được trừ bao nhiêu": 40 × 3 = 120 days, BLHS Đ36 k1)."""

from __future__ import annotations

from datetime import datetime

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.qa_calc_pending import WINDOW
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.sentence_credit import (
    Held,
    asks_credit,
    credit_answer,
    held_days,
    names_sentence,
    sentence_credit,
)

HELD = "dl_held_days"  # the days of tạm giữ and tạm giam said, for a follow-up about the sentence


def _kept(ctx: Context) -> Held | None:
    kept = ctx.conversation.data.get(HELD)
    if not isinstance(kept, dict):
        return None
    try:
        fresh = ctx.local_now() - datetime.fromisoformat(str(kept.get("at"))) <= WINDOW
        held = Held(int(kept["custody"]), int(kept["detention"]))
    except (KeyError, TypeError, ValueError):
        return None
    return held if fresh and held.total > 0 else None


def _keep(ctx: Context, held: Held) -> None:
    ctx.conversation.data[HELD] = {
        "custody": held.custody,
        "detention": held.detention,
        "at": ctx.local_now().isoformat(),
    }


def sentence_credited(ctx: Context) -> list[Reply] | None:
    """The days credited against a sentence (or the days' total), or None when the message is not about them."""
    plain = plain_question(ctx.text)
    said = sentence_credit(plain)
    if said is not None:
        held, answer = said
        _keep(ctx, held)
        return [Reply(answer)]
    told = held_days(plain)
    if told is not None and told.total > 0 and not asks_credit(plain):
        _keep(ctx, told)  # "bị can bị tạm giam 40 ngày trước khi xét xử": for "nếu xử cải tạo … trừ bao nhiêu"
        return None
    if not asks_credit(plain) or told is not None:
        return None
    kept = _kept(ctx)  # "nếu bị xử 3 năm tù thì được trừ bao nhiêu ngày" after the days were said
    return [Reply(credit_answer(kept, names_sentence(plain), plain))] if kept is not None else None
