"""The kinds asked beside the one a follow-up names, from the same trigger: "còn VKS kháng nghị thì sao"
after an appeal card is the protest of both levels (Đ337: the same level's 15 days and the superior's
30), as when asked at first. The cards are shown after the named one, which stays the conversation's
last card (a further follow-up is about it). So they carry no buttons: «Nhắc tôi trước hạn» or «Theo dõi
trong sổ» acts on the last card, and under one of these it set the named card's reminder instead; each
says how to ask for its own."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_cards import card_text
from handlers.deadline_reminders import recompute
from knowledge.deadlines.calculator import DeadlineInputError, fmt_date
from knowledge.deadlines.periods import load_periods


def beside_cards(ctx: Context, related: tuple[str, ...], trigger: str, inputs: dict[str, Any]) -> list[Reply]:
    """A card for each related kind counted from the same trigger (nothing kept in the conversation)."""
    kinds = load_periods().kinds
    now = ctx.local_now().replace(tzinfo=None)
    replies = []
    for kind in related:
        info = kinds.get(kind)
        if info is None or info.trigger != trigger:
            continue
        try:
            result = recompute({**inputs, "kind": kind}, now.date())
        except DeadlineInputError:
            continue
        begun = result.start.date() if isinstance(result.start, datetime) else result.start
        example = f"{result.label}, {result.trigger[:1].lower()}{result.trigger[1:]} {fmt_date(begun)}"
        own = f"Muốn đặt nhắc hoặc theo dõi thời hạn này, anh/chị hỏi riêng về nó, ví dụ «{example}»."
        replies.append(Reply(f"{card_text(result, {}, now)}\n{own}"))
    return replies
