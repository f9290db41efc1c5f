"""The guided calculator's draft (/tinhhan, ``deadline_flow.py``): which steps a kind needs, the first
one not answered yet, the query the answers make, and going on to the next step or the card."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.chat.context import Context
from bot.chat.flow import Done, Next, Outcome
from handlers.deadline_cards import computed, from_iso, kinds
from knowledge.deadlines.dateparse import DeadlineQuery
from knowledge.deadlines.decision_day import decision_step

FILLS = {
    "returned": "kind",
    "category": "category",
    "length": "months",
    "start": "start",
    "decision": "decided_on",
    "tg": "tam_giu_days",
    "stage": "stage_start",
}


def needed(step: str, draft: dict[str, Any]) -> bool:
    if step == "returned":  # free text about a supplementary investigation that did not say who
        return "returned" in draft
    info = kinds()[draft["kind"]]
    return {
        "category": info.needs_category,
        "length": info.needs_length,
        "start": True,
        "tg": info.accepts_tam_giu_days,
        "stage": info.stage_start_label is not None,
        "decision": decision_step(draft["kind"]) is not None,
    }[step]


def onward(draft: dict[str, Any]) -> str | None:
    """The first step this kind needs that is not answered yet; None: the card can be computed."""
    return next((s for s in FILLS if needed(s, draft) and FILLS[s] not in draft), None)


def query_of(draft: dict[str, Any]) -> DeadlineQuery:
    return DeadlineQuery(
        kind=draft["kind"],
        start=from_iso(draft["start"]),
        category=draft.get("category"),
        months=draft.get("months"),
        days=draft.get("days"),
        tam_giu_days=draft.get("tam_giu_days"),
        anqg=bool(draft.get("anqg")),
        related_kinds=tuple(draft.get("related", ())),
        decided_on=date.fromisoformat(draft["decided_on"]) if draft.get("decided_on") else None,
        trigger=draft.get("trigger"),  # what the date is, said in the free text ("điều tra lại": the file's receipt)
    )


def stage_day(draft: dict[str, Any]) -> date | None:
    stage = draft.get("stage_start")
    return date.fromisoformat(stage) if isinstance(stage, str) else None


async def go_on(ctx: Context) -> Outcome:
    draft = ctx.conversation.data
    step = onward(draft)
    return Next(step) if step else Done(computed(ctx, query_of(draft), stage_day(draft)))
