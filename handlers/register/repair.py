"""What an item's card says when its events no longer fold ("Chuỗi sự kiện cần kiểm tra lại"): the
event that stops the chain, the law's reason, and the next step — not only the warning.

The case met in practice: a summary hearing (BLTTHS 2015 Đ462 k2; on appeal Đ464 k3) whose «Gia hạn»
was recorded before the register required the day of the decision to bring the case to trial. The
hearing's 7 days run from that day, so no expiry is computed without it (never from the end of the
10 days, a later day than the law's). Events are append-only: the event is deleted as recorded by
mistake (a head's button, with a reason, kept in the history) and the hearing recorded again with
«Gia hạn» and the decision's day. Whether the item is also under 18 (``minor`` on its start) is read
here too, for the card's warning."""

from __future__ import annotations

from knowledge.deadlines.decision_day import decision_step
from knowledge.deadlines.register_chain import ChainError, Event, State, apply
from storage.register_model import Item


def minor_of(item: Item) -> bool | None:
    """What the item's start recorded: under 18 (True), 18 or over (False), not asked (None)."""
    start = next((e for e in item.live_events if e.type == "start"), None)
    value = start.data.get("minor") if start is not None else None
    return value if isinstance(value, bool) else None


def repair_lines(item: Item, head: bool) -> list[str]:
    """Why the chain stops and what to do, for an item whose events do not fold; [] when they do."""
    state = State()
    for e in sorted(item.live_events, key=lambda e: e.seq):
        try:
            state = apply(state, Event(e.seq, e.type, e.data))
        except ChainError as exc:
            return _advice(state, e.seq, e.type, e.data, exc, head)
    return []


def _advice(state: State, seq: int, kind: str, data: dict[str, object], exc: ChainError, head: bool) -> list[str]:
    step = state.step
    found = decision_step(step.kind) if step is not None else None
    if kind == "extend" and found is not None and not data.get("decided_on"):
        undo = (
            "Anh/chị bấm «Xóa sự kiện cuối (ghi nhầm)»"
            if head
            else "Anh/chị đề nghị lãnh đạo đơn vị xóa sự kiện này («Xóa sự kiện cuối (ghi nhầm)» trên mục)"
        )
        length = found.length_for(None)
        days = f"{length.text()} " if length else ""
        return [
            f"Sự kiện {seq} ghi mở phiên tòa nhưng không có ngày ra quyết định {found.decision}: hạn mở phiên tòa "
            f"là {days}kể từ ngày đó ({found.basis}), nên trợ lý không tính được.",
            f"Việc cần làm: {undo}; rồi bấm «Gia hạn» trên mục và nhập kèm ngày quyết định, ví dụ «7 ngày, quyết "
            "định ngày 05/03/2026».",
        ]
    return [f"Sự kiện {seq}: {exc.message_vi}"]
