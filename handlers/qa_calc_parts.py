"""A question of two or more dated periods: "tuyên án 2/3/2026: hạn kc của bị cáo và hạn kn của vks cấp trên là
ngày nào". The whole message is no one card (two periods); each part the splitter cuts is the calculator's when
it is alone, with the date said once at the front serving a later part that gives none of its own ("…, còn hạn
kn của VKS cấp trên đến ngày nào"); a part the calculator does not answer ("…, bản án có hiệu lực khi nào") is
the Q&A's (the law's rule, never a guessed date). When no part is computed the message goes to the Q&A whole.
The front date serves a later part only when that part's card runs from the event it dates
(``start_event.dates_start``: "nhận hồ sơ 2/3: truy tố … và chuẩn bị xét xử …" gives the truy tố its date, not
the trial preparation, which runs from the thụ lý, Đ277 k1); that part is then the Q&A's too.
"""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_cards import date_in
from handlers.deadline_reminders import last_card
from handlers.qa_calc_asked import calculator_free_text
from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.start_event import dates_other, dates_start
from knowledge.kb.library import Library
from knowledge.kb.twopart import split_question

Answer = Callable[[Context, str], Awaitable[list[Reply]]]  # the Q&A's answer to one part
PARTS_HEADER = "Câu hỏi của anh/chị có {n} phần:"


def _as(ctx: Context, text: str) -> Context:
    return replace(ctx, incoming=replace(ctx.incoming, text=text))


def _scene(ctx: Context, piece: str) -> str | None:
    """The words of ``piece`` up to the end of the date it gives (folded), or None when it gives none."""
    found = date_in(_as(ctx, piece))
    if found is None:
        return None
    end = max(b for _, b in found[1])
    return fold_text(piece)[:end].strip(" ,:;")


async def _part(
    ctx: Context, asked: str, scene: str, carried: bool, before: dict[str, Any] | None
) -> list[Reply] | None:
    """The card of one part, unless its period runs from another event than the one its date is said for: a
    front date carried to it must date its own starting event, a date in it must not date only another; None
    then (nothing computed is kept)."""
    kept, shown = copy.deepcopy(ctx.conversation.data), last_card(ctx.conversation.data)
    computed = await calculator_free_text(_as(ctx, asked), before)
    card = last_card(ctx.conversation.data)
    if computed is None or card is None or card is shown:
        return computed
    kind, words = str(card.get("kind", "")), fold_text(asked) if not carried else scene
    if dates_start(kind, words) if carried else not dates_other(kind, words):
        return computed
    ctx.conversation.data = kept  # "chuẩn bị xét xử" after "nhận hồ sơ 2/3": not from that day (Đ277 k1)
    return None


async def parts_calculated(
    ctx: Context, library: Library, before: dict[str, Any] | None, answer: Answer, apart: list[str] | None
) -> list[Reply] | None:
    """One card per part of a message that asks dated periods (a part the calculator does not answer is the
    Q&A's, through ``answer``), or None when no part is computed (nothing is kept then). ``apart``: the message
    already cut into two dated periods ("tạm giam … từ 01/02, còn tạm giữ … từ 01/03 thì hết ngày nào",
    ``separate_periods.periods_apart``), else the splitter cuts it."""
    pieces = apart or split_question(ctx.text, library.dialogue.vocab, library.searcher.synonyms)
    if len(pieces) < 2:
        return None
    kept = copy.deepcopy(ctx.conversation.data)
    scene: str | None = None
    cards: list[list[Reply] | None] = []
    for piece in pieces:
        own = _scene(ctx, piece)
        scene = own or scene
        carried = own is None and scene is not None
        asked = f"{scene}, {piece}" if carried else piece
        cards.append(await _part(ctx, asked, scene, carried, before) if scene is not None else None)
    if not any(cards):
        ctx.conversation.data = kept  # no part is the calculator's: the Q&A reads the message
        return None
    out: list[Reply] = [Reply(PARTS_HEADER.format(n=len(pieces)))]
    for number, (piece, computed) in enumerate(zip(pieces, cards, strict=True), start=1):
        first, *rest = computed or await answer(ctx, piece)  # "…, bản án có hiệu lực khi nào": the law's rule
        out += [replace(first, text=f"{number}. «{piece}»\n{first.text}"), *rest]
    return out
