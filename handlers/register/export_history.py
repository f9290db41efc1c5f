"""What an exported register carries so that importing it gives the same register: the «Diễn
biến» page (one row per recorded event, linked to the first page by STT: the event, its kind,
start, length, deducted days, category, ANQG, the stage's start, the decision's day, what ends an
open-ended step), and on the first page each item's current stretch (the order, conversion or
stage that began the running kind, with its extensions, the stage's decisions and the release or
close), readable on its own — a page saved as CSV imports to the same current expiry. Labels and
dd/mm/yyyy only; what ``import_history`` and ``import_steps`` read back."""

from __future__ import annotations

import json
from typing import Any

from handlers.register.event_shown import kind_name
from handlers.register.kinds import CATEGORIES
from handlers.register.sheet import show_moment
from handlers.register.views import EVENT_NAMES
from knowledge.deadlines.register_chain import Event, State, Step, fold
from knowledge.deadlines.register_rules import ChainError
from storage.register_model import Item, StoredEvent

OPENING = ("start", "convert", "stage")  # the events that begin a kind
OPEN_NAME = "Tạm giam cho đến khi kết thúc"  # an extension with ``open_ended``
CANCEL_NAME = "Hủy thủ tục rút gọn"  # a stage change with ``summary_cancelled`` (Đ458)
LONGEST = "tối đa"  # an extension (or a stage's decision) at the law's longest
HISTORY_HEADERS = (
    "STT",
    "Nhãn",
    "Lần",
    "Sự kiện",
    "Biện pháp / giai đoạn",
    "Từ ngày",
    "Thời hạn",
    "Số ngày tạm giữ được trừ",
    "Loại tội",
    "Xâm phạm ANQG",
    "Ngày bắt đầu giai đoạn",
    "Ngày quyết định",
    "Tạm giam đến khi kết thúc",
    "Người ghi",
    "Dữ liệu khác",
)
# The event data each column above carries; any other key goes, as written, in «Dữ liệu khác»
# (``key=json; …``), so an event recorded with a key this page has no column for is not lost.
SHOWN_KEYS = frozenset(
    {
        "kind",
        "start",
        "months",
        "days",
        "hours",
        "tam_giu_days",
        "category",
        "anqg",
        "stage_start",
        "decided_on",
        "released_on",  # a release's day, in «Từ ngày»
    }
)


def length_text(data: dict[str, Any]) -> str:
    parts = []
    if data.get("months"):
        parts.append(f"{int(data['months']):02d} tháng")
    if data.get("days"):
        parts.append(f"{int(data['days']):02d} ngày")
    if data.get("hours"):
        parts.append(f"{int(data['hours'])} giờ")
    return " ".join(parts)


def _decided(data: dict[str, Any]) -> str:
    day = data.get("decided_on")
    return f" (quyết định ngày {show_moment(str(day)[:10])})" if day else ""


def _events(item: Item) -> list[Event]:
    return [Event(e.seq, e.type, e.data) for e in item.live_events]


def _until(item: Item, upto: int) -> str:
    """What ends the open-ended step opened by the ``upto``-th live event («đến khi …»)."""
    try:
        state = fold(_events(item)[: upto + 1])
    except ChainError:
        return ""
    return f"đến khi {state.open.until}" if state.open is not None else ""


def history_rows(n: int, item: Item) -> list[list[Any]]:
    """The item's live events, one row each (a soft-deleted event is not part of its meaning)."""
    rows = []
    for index, event in enumerate(item.live_events):
        rows.append([n, item.label, index + 1, *_event_cells(item, index, event)])
    return rows


def _event_cells(item: Item, index: int, event: StoredEvent) -> list[Any]:
    data = dict(event.data)
    open_ended = event.type == "extend" and bool(data.get("open_ended"))
    cancelled = event.type == "stage" and data.get("summary_cancelled") is True
    name = OPEN_NAME if open_ended else CANCEL_NAME if cancelled else EVENT_NAMES.get(event.type, event.type)
    length = length_text(data)
    if event.type in ("extend", "stage_extend") and not open_ended and not length:
        length = LONGEST
    deduct = data.get("tam_giu_days")
    begun = data.get("start") or data.get("released_on")  # a release's day shows in «Từ ngày»
    return [
        name,
        kind_name(str(data["kind"])) if data.get("kind") else "",
        show_moment(str(begun)) if begun else "",
        length,
        int(deduct) if deduct is not None and deduct != "" else "",
        CATEGORIES.get(str(data.get("category") or ""), ""),
        "có" if data.get("anqg") else "",
        show_moment(str(data["stage_start"])) if data.get("stage_start") else "",
        show_moment(str(data["decided_on"])[:10]) if data.get("decided_on") else "",
        _until(item, index) if open_ended else "",
        event.recorded_by_name,
        other_text(data),
    ]


def other_text(data: dict[str, Any]) -> str:
    """The keys no column carries (``open_ended`` is the event's name), as ``key=json; …``."""
    named = ("open_ended",) if data.get("summary_cancelled") is not True else ("open_ended", "summary_cancelled")
    extra = {k: v for k, v in data.items() if k not in SHOWN_KEYS and k not in named}
    return "; ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in sorted(extra.items()))


def _opening(item: Item) -> tuple[int, Step | None]:
    """The live event that began the running kind, and the step it opened (its effective start
    and deducted days, as the law counted them)."""
    events = _events(item)
    index = max((i for i, e in enumerate(events) if e.type in OPENING), default=0)
    try:
        state = fold(events[: index + 1])
    except ChainError:
        return index, None
    return index, state.step


def stretch_cells(item: Item, state: State | None) -> dict[str, Any]:
    """The first page's cells of the current stretch: «Biện pháp / giai đoạn», «Từ ngày», «Thời
    hạn», «Các lần gia hạn», «Số ngày tạm giữ được trừ», «Gia hạn giai đoạn», «Kết thúc theo dõi»."""
    live = item.live_events
    index, step = _opening(item)
    if not live or step is None:
        return {}
    after = live[index + 1 :]
    dated = [e for e in after if e.type == "extend" and not e.data.get("open_ended")]
    decisions = [e for e in after if e.type == "stage_extend"]
    closing = next((e for e in after if e.type in ("release", "close")), None)
    return {
        "kind": kind_name(step.kind),
        "start": show_moment(step.start),
        "length": length_text(dict(live[index].data)),
        "extensions": "; ".join(
            f"lần {i}: {length_text(dict(e.data)) or LONGEST}{_decided(dict(e.data))}"
            for i, e in enumerate(dated, start=1)
        ),
        "deduct": step.tam_giu_days or "",
        "stage_extensions": "; ".join(
            f"{length_text(dict(e.data)) or LONGEST}{_decided(dict(e.data))}" for e in decisions
        ),
        "closing": closing_cell(closing) if closing is not None else "",
        "step": _step_label(state),
    }


def closing_cell(closing: StoredEvent) -> str:
    """«Trả tự do / thay đổi biện pháp ngày 05/12/2026», «Kết thúc theo dõi» (read back by ``import_cells``)."""
    day = closing.data.get("released_on")
    return EVENT_NAMES[closing.type] + (f" ngày {show_moment(str(day)[:10])}" if day else "")


def _step_label(state: State | None) -> str:
    if state is None:
        return "dữ liệu cần kiểm tra"
    if state.open is not None:
        return state.open.label
    return state.step.label if state.step else ""
