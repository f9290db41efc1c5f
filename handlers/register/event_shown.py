"""What an event line on an item's card shows (``event_detail``), with what was not typed (review8 C22): a conversion to
tạm giam records only its length and category, its day 1 and the tạm giữ days deducted come from the
chain (TTLT 04/2018 Đ17: day 1 is the day tạm giữ ends; the days held are deducted). Recomputed from
the events before it every time, never stored."""

from __future__ import annotations

from typing import Any

from handlers.register.kinds import CATEGORIES, KINDS
from handlers.register.sheet import show_moment
from knowledge.deadlines.periods import load_periods
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


def event_detail(data: dict[str, object]) -> str:
    """``Tạm giam (theo lệnh), từ 06/12/2026, 2 tháng, trừ 3 ngày tạm giữ`` from an event's data."""
    parts = []
    if data.get("kind"):
        parts.append(kind_name(str(data["kind"])))
    if data.get("start"):
        parts.append("từ " + show_moment(str(data["start"])))
    units = (("months", "tháng"), ("days", "ngày"), ("hours", "giờ"))
    length = " ".join(f"{data[k]} {word}" for k, word in units if data.get(k))
    if length:
        parts.append(length)
    if data.get("tam_giu_days"):
        parts.append(f"trừ {data['tam_giu_days']} ngày tạm giữ")
    if data.get("category"):
        parts.append(CATEGORIES.get(str(data["category"]), str(data["category"])).lower())
    if data.get("anqg") is True:
        parts.append("tội xâm phạm ANQG")
    if data.get("stage_start"):
        parts.append("giai đoạn từ " + show_moment(str(data["stage_start"])))
    if data.get("decided_on"):
        parts.append("quyết định ngày " + show_moment(str(data["decided_on"])))
    if data.get("released_on"):
        parts.append("ngày " + show_moment(str(data["released_on"])[:10]))
    if data.get("open_ended") is True:
        parts.append("cho đến khi kết thúc (không thời hạn)")
    return ", ".join(parts)


def kind_name(kind: str) -> str:
    kd = load_periods().kinds.get(kind)
    return KINDS.get(kind) or (kd.label if kd else kind)
