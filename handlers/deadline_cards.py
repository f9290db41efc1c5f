"""The calculator's card in chat: compute from what was asked (the guided /tinhhan or free text),
show the card with its reminder buttons, and keep the inputs (never the result) for them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply, reply
from handlers.deadline_reminders import remember, remind_buttons
from knowledge.deadlines.calculator import DeadlineInputError, KindInfo, compute, list_kinds
from knowledge.deadlines.card import format_card
from knowledge.deadlines.custody_line import with_custody
from knowledge.deadlines.dateparse import DateParseError, DeadlineQuery, ParsedDateTime, find_date_time
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_minors import with_minors
from knowledge.deadlines.result import DeadlineResult

_kinds_cache: tuple[object, dict[str, KindInfo]] | None = None


def kinds() -> dict[str, KindInfo]:
    """The computable kinds by name, built once per period table (several uses per message)."""
    global _kinds_cache
    table = load_periods()
    if _kinds_cache is None or _kinds_cache[0] is not table:
        _kinds_cache = (table, {k.kind: k for k in list_kinds(table)})
    return _kinds_cache[1]


def local_naive(ctx: Context) -> datetime:
    return ctx.local_now().replace(tzinfo=None)


def date_in(ctx: Context) -> tuple[ParsedDateTime, list[tuple[int, int]]] | None:
    """The date (and time) the message gives, with where it stands; None when it gives none or an
    impossible one (the calculator's card says what is wrong with it)."""
    try:
        return find_date_time(ctx.text, local_naive(ctx))
    except DateParseError:
        return None


def iso(moment: date | datetime) -> str:
    return moment.isoformat(timespec="minutes") if isinstance(moment, datetime) else moment.isoformat()


def from_iso(text: str) -> date | datetime:
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def _anqg(query: DeadlineQuery) -> bool:
    """ANQG for the kinds whose periods it changes; for the others it is only kept as said."""
    info = kinds().get(query.kind)
    return query.anqg and (info is None or info.supports_anqg)


def inputs(query: DeadlineQuery, stage_start: date | None = None) -> dict[str, Any]:
    found = {
        "kind": query.kind,
        "start": iso(query.start),
        "category": query.category,
        "months": query.months,
        "days": query.days,
        "tam_giu_days": query.tam_giu_days,
        "anqg": _anqg(query),
    }
    if query.custody_start is not None:  # "nếu tạm giữ 6 ngày thì sao" moves the start with it
        found["custody_start"] = iso(query.custody_start)
    if query.anqg and not found["anqg"]:
        found["said_anqg"] = True  # a plain tạm giam's extension is checked against Đ173 k5 with it
    if stage_start is not None:
        found["stage_start"] = stage_start.isoformat()
    if query.trigger:  # the card's "Mốc tính" names what the date is (an absent party's receipt, Đ333 k1)
        found["trigger"] = query.trigger
    if query.decided_on is not None:  # the hearing counted from the decision (Đ462 k2, Đ464 k3)
        found["decided_on"] = query.decided_on.isoformat()
    return found


def run(ctx: Context, query: DeadlineQuery, stage_start: date | None = None) -> DeadlineResult:
    """The result for ``query`` (raises DeadlineInputError with the reason in Vietnamese)."""
    result = compute(
        query.kind,
        query.start,
        category=query.category,
        months=query.months or None,
        days=query.days or None,
        tam_giu_days=query.tam_giu_days,
        anqg=_anqg(query),
        stage_start=stage_start,
        today=local_naive(ctx).date(),
        decided_on=query.decided_on,
    )
    if query.note:  # why a tạm giữ said is not deducted (another case)
        result = replace(result, notes=(*result.notes, query.note))
    return replace(result, trigger=query.trigger) if query.trigger else result


def computed(ctx: Context, query: DeadlineQuery, stage_start: date | None = None) -> list[Reply]:
    """The card (and the cards of related kinds), or why it cannot be computed."""
    try:
        result = run(ctx, query, stage_start)
    except DeadlineInputError as exc:
        return [Reply(f"{exc.message_vi}\nGõ /tinhhan để nhập lại từng bước.")]
    found = inputs(query, stage_start)
    remember(ctx.conversation.data, {**found, "label": result.label})  # the label: qa's context
    now = local_naive(ctx)
    replies = [reply(card_text(result, found, now), *remind_buttons(result))]
    for kind in query.related_kinds:
        try:
            other = compute(kind, query.related_start or query.start, today=now.date())
        except DeadlineInputError:
            continue
        replies.append(Reply(card_text(other, {}, now)))
    return replies


def card_text(result: DeadlineResult, inputs: dict[str, Any], now: datetime) -> str:
    """The card every calculator reply shows (/tinhhan, free text, follow-ups): with its tạm giữ line and,
    where a person is held, the minors' warning (``register_minors``)."""
    return with_minors(with_custody(format_card(result, now=now), inputs), result.custody)
