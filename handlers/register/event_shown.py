"""What an event line on an item's card shows beyond what was typed (review8 C22): a conversion to
tạm giam records only its length and category, its day 1 and the tạm giữ days deducted come from the
chain (TTLT 04/2018 Đ17: day 1 is the day tạm giữ ends; the days held are deducted). Recomputed from
the events before it every time, never stored."""

from __future__ import annotations

from typing import Any

from knowledge.deadlines.register_chain import Event, deducted_days, fold
from knowledge.deadlines.register_rules import ChainError
from storage.register_model import Item, StoredEvent


def shown_data(item: Item, event: StoredEvent) -> dict[str, Any]:
    """The event's data with a conversion's day 1 and deducted days filled in from the chain."""
    data = dict(event.data)
    if event.type != "convert" or not event.live or ("start" in data and "tam_giu_days" in data):
        return data
    before = [Event(e.seq, e.type, e.data) for e in item.live_events if e.seq < event.seq]
    try:
        step = fold(before).step
    except ChainError:
        return data
    if step is None:
        return data
    data.setdefault("start", step.expiry.date().isoformat())
    if data.get("tam_giu_days") is None:
        data["tam_giu_days"] = deducted_days(step)
    return data
