"""The later steps of an imported row, each applied with the law check: the stage's own extension
decisions («Gia hạn giai đoạn»: «10 ngày (quyết định ngày 10/12/2026)», as the export writes them),
its dated extensions («Gia hạn lần 1/2/3 đến ngày» with end days, or «Các lần gia hạn» with
lengths and, optionally, the decisions' days, as the export writes them), then an open-ended step the law allows (detention until the investigation ends,
Đ173 k5, k6; until the hearing ends, Đ278 k3, Đ347 k2) named in «Tạm giam đến khi kết thúc» or in
«Đến ngày» («đến khi kết thúc việc điều tra», as the export writes it). A stated end day that
differs from the law's count is a disagreement; an open-ended step the law does not allow here,
or one ended by something else than the law says, refuses the row. Last, the release or the end
of tracking («Kết thúc theo dõi»)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from handlers.register.import_cells import (
    COLUMN_NAMES,
    RowError,
    cell,
    closing_day,
    closing_of,
    extension_list,
    is_open_text,
    open_until,
    value,
)
from handlers.register.sheet import Sheet, parse_moment, show_moment
from knowledge.deadlines.register_chain import Event, State, apply
from knowledge.deadlines.register_rules import ChainError
from knowledge.kb.normalize import fold

Later = list[tuple[str, dict[str, Any]]]


def compare(stated: date | datetime, state: State) -> str | None:
    """The law's end as the sheet would write it, when it differs from the stated one."""
    step = state.step
    assert step is not None
    if isinstance(stated, datetime) and step.counting == "clock":
        return None if stated == step.expiry else show_moment(step.expiry)
    stated_day = stated.date() if isinstance(stated, datetime) else stated
    return None if stated_day == step.last_day else show_moment(step.last_day)


def _extension(state: State, stated: date | datetime) -> dict[str, Any]:
    """The extension that ends on the stated day (or moment), from the step it extends."""
    step = state.step
    assert step is not None
    if step.counting == "clock":
        end = stated if isinstance(stated, datetime) else datetime.combine(stated, step.expiry.time())
        return {"hours": max(int((end - step.expiry) / timedelta(hours=1)), 0)}
    day = stated.date() if isinstance(stated, datetime) else stated
    anchor = step.last_day if step.counting == "custody_days" else step.raw_end
    return {"days": max((day - anchor).days, 0)}


def _apply(state: State, later: Later, event: dict[str, Any], column: str, kind: str = "extend") -> State:
    try:
        state = apply(state, Event(len(later) + 2, kind, event))
    except ChainError as exc:
        raise RowError(COLUMN_NAMES[column], exc.message_vi) from None
    later.append((kind, event))
    return state


def later_steps(
    sheet: Sheet, number: int, row: list[Any], state: State, disagreements: list[str]
) -> tuple[State, Later]:
    """The row's stage decisions, extensions, open-ended step and closing after its start
    (``state``), checked."""
    later: Later = []
    for decision in value(sheet, row, "stage_ext", extension_list):
        state = _apply(state, later, decision, "stage_ext", "stage_extend")
    lengths = value(sheet, row, "ext_list", extension_list)
    dated = [name for name in ("ext1", "ext2", "ext3") if cell(sheet, row, name) not in (None, "")]
    if lengths and dated:
        raise RowError(
            COLUMN_NAMES["ext_list"], "ghi các lần gia hạn ở một chỗ: cột «Các lần gia hạn» hoặc «Gia hạn lần N»"
        )
    for length in lengths:
        state = _apply(state, later, length, "ext_list")
    for index, name in enumerate(("ext1", "ext2", "ext3"), start=1):
        stated = value(sheet, row, name, parse_moment)
        if stated is None:
            continue
        state = _apply(state, later, _extension(state, stated), name)
        law = compare(stated, state)
        if law:
            disagreements.append(
                f"dòng {number}: gia hạn lần {index} bảng ghi {show_moment(stated)}, theo luật là {law}"
            )
    expiry = cell(sheet, row, "expiry")
    column = "expiry" if is_open_text(expiry) else "open_ended"
    until = value(sheet, row, column, open_until)
    if until is not None:
        state = _apply(state, later, {"open_ended": True}, column)
        check_until(state, until, column, cell(sheet, row, column))
    closing = value(sheet, row, "closing", closing_of)
    if closing is not None:
        state = _apply(state, later, value(sheet, row, "closing", closing_day), "closing", closing)
    return state, later


def check_until(state: State, until: str, column: str, written: Any) -> None:
    """An open-ended step named by the sheet must be the one the law gives at this step."""
    assert state.open is not None
    if until and fold(state.open.until) != until:
        raise RowError(
            COLUMN_NAMES[column],
            f"bảng ghi «{written}», nhưng ở bước này luật cho tạm giam cho đến khi "
            f"{state.open.until} ({state.open.basis})",
        )
