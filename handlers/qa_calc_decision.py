"""The decision's day said after a card whose step counts from it: "quyết định đưa vụ án ra xét xử ngày
05/03/2026" after a summary trial's card (BLTTHS 2015 Đ462 k2; on appeal Đ464 k3). The card is counted
again with that day: the hearing's last day is the decision's day + 7, not the end of the 10 (15) days
+ 7. Only when the message's one date is said of the decision (``decision_day``); a message with a
second date, or naming another period ("kháng cáo quyết định ngày …"), is a question of its own."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply, reply
from handlers.deadline_cards import card_text
from handlers.deadline_reminders import recompute, remember, remind_buttons
from knowledge.deadlines.calculator import DeadlineInputError
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text
from knowledge.deadlines.decision_day import decision_index, decision_step
from knowledge.deadlines.kind_words import detect_kind, spell_out


def decision_followup(ctx: Context, last: dict[str, Any]) -> list[Reply] | None:
    """The card counted from the decision's day the message gives, or None (not such a message)."""
    kind = str(last.get("kind", ""))
    if decision_step(kind) is None:
        return None
    now = ctx.local_now().replace(tzinfo=None)
    folded = fold_text(ctx.text)
    named = detect_kind(spell_out(folded))
    if named is not None and named[0] != kind:  # "kháng cáo quyết định ngày …": another period's question
        return None
    try:
        found = find_date_time(folded, now)
        if found is None or decision_index(folded, kind, [found[1][0]]) != 0:
            return None
        a, b = found[1][0]
        if find_date_time(folded[:a] + " " * (b - a) + folded[b:], now) is not None:
            return None  # "quyết định 05/03, thụ lý 02/03": the whole question again, read as one
    except DateParseError:
        return None
    value = found[0].value()
    day = value.date() if isinstance(value, datetime) else value
    inputs = {**last, "decided_on": day.isoformat()}
    inputs.pop("label", None)
    try:
        result = recompute(inputs, now.date())
    except DeadlineInputError as exc:
        return [Reply(f"{exc.message_vi}\nThẻ trước vẫn giữ nguyên.")]
    remember(ctx.conversation.data, {**inputs, "label": result.label})
    return [reply(card_text(result, inputs, now), *remind_buttons(result))]
