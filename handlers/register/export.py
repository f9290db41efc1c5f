"""The register as the units' own sheet (XLSX): title rows, then STT, nhãn, số vụ, biện pháp, từ
ngày, thời hạn, các lần gia hạn, đến ngày, còn lại, KSV, ghi chú … for each item's current stretch
(``export_history.stretch_cells``), and a second page «Diễn biến» with every recorded event: what
importing the workbook needs to give the same register; and the JSON rows of ``python -m bot
track list --json``. Every expiry is recomputed from the events."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from handlers.export_cells import text_cells
from handlers.register.export_history import HISTORY_HEADERS, history_rows, stretch_cells
from handlers.register.kinds import CATEGORIES
from handlers.register.plan import next_review
from handlers.register.sheet import HISTORY_TITLE, show_moment
from handlers.register.views import Shown
from knowledge.deadlines.register_chain import State, Step
from knowledge.deadlines.reminders import time_left

HEADERS = (
    "STT",
    "Nhãn",
    "Số vụ",
    "Biện pháp / giai đoạn",
    "Từ ngày",
    "Thời hạn",
    "Các lần gia hạn",
    "Đến ngày (hết hạn)",
    "Còn lại",
    "KSV phụ trách",
    "Ghi chú",
    "Loại tội",
    "Xâm phạm ANQG",
    "Ngày bắt đầu giai đoạn",
    "Mức trần giai đoạn",
    "Số ngày tạm giữ được trừ",
    "Gia hạn giai đoạn",
    "Kết thúc theo dõi",
    "Bước hiện tại",
)


def _end(step: Step) -> str:
    if step.counting == "clock":
        return step.expiry.strftime("%H:%M %d/%m/%Y")
    return step.last_day.strftime("%d/%m/%Y")


def _open_end(state: State | None) -> str:
    """An open-ended step has no date: the sheet says what ends it."""
    return f"đến khi {state.open.until}" if state is not None and state.open is not None else ""


def _special(state: State | None) -> list[Any]:
    """Loại tội, ANQG, the stage's start and the stage's end capping the current step."""
    current = state.current if state else None
    if current is None:
        return ["", "", "", ""]
    category = CATEGORIES.get(current.category or "", "")
    step = state.step if state else None
    stage = show_moment(current.stage_start.isoformat()) if current.stage_start else ""
    cap = show_moment(step.cap_day.isoformat()) if step is not None and step.cap_day else ""
    if step is not None and step.cap_assumed:  # the stage's extension decision is not recorded
        cap += " (tạm tính: chưa ghi quyết định gia hạn giai đoạn)"
    return [category, "có" if current.anqg else "", stage, cap]


def row_of(n: int, shown: Shown, now: datetime) -> list[Any]:
    item = shown.item
    step = shown.state.step if shown.state else None
    stretch = stretch_cells(item, shown.state)
    closed = bool(shown.state and shown.state.closed)
    return [
        n,
        item.label,
        item.case_number or "",
        stretch.get("kind", ""),
        stretch.get("start", ""),
        stretch.get("length", ""),
        stretch.get("extensions", ""),
        _end(step) if step else _open_end(shown.state),
        "đã kết thúc"
        if closed
        else (time_left(step.expiry, now) if step else _open_end(shown.state) and "không thời hạn"),
        item.assignee_name,
        item.note or "",
        *_special(shown.state),
        stretch.get("deduct", ""),
        stretch.get("stage_extensions", ""),
        stretch.get("closing", ""),
        stretch.get("step", ""),
    ]


def build_workbook(items: list[Shown], unit_name: str, now: datetime) -> bytes:
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = "Theo dõi thời hạn"
    ws.append(["BẢNG THEO DÕI THỜI HẠN TẠM GIỮ, TẠM GIAM VÀ GIAI ĐOẠN VỤ ÁN"])
    ws.append([f"{unit_name} (Cập nhật đến ngày {now.strftime('%d/%m/%Y %H:%M')})"])
    ws.append(list(HEADERS))
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for n, shown in enumerate(items, start=1):
        ws.append(row_of(n, shown, now))
    widths = (5, 24, 12, 30, 18, 14, 24, 18, 16, 20, 30, 18, 8, 14, 14, 10, 24, 22, 34)
    for column, width in zip("ABCDEFGHIJKLMNOPQRS", widths, strict=True):
        ws.column_dimensions[column].width = width
    history = wb.create_sheet(HISTORY_TITLE)
    history.append(list(HISTORY_HEADERS))
    for cell in history[1]:
        cell.font = Font(bold=True)
    for n, shown in enumerate(items, start=1):
        for row in history_rows(n, shown.item):
            history.append(row)
    history_widths = (5, 24, 5, 30, 30, 18, 12, 10, 18, 8, 14, 14, 30, 20, 16)
    for column, width in zip("ABCDEFGHIJKLMNO", history_widths, strict=True):
        history.column_dimensions[column].width = width
    text_cells(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def json_rows(items: list[Shown], now: datetime) -> list[dict[str, Any]]:
    """Each item as ``track list --json`` prints it; an open-ended step has no expiry and its next
    review (``next_review``, the day the review reminder comes) instead."""
    rows = []
    for shown in items:
        step = shown.state.step if shown.state else None
        current = shown.state.current if shown.state else None
        period = shown.state.open if shown.state else None
        rows.append(
            {
                "id": shown.item.id,
                "label": shown.item.label,
                "case_number": shown.item.case_number,
                "unit": shown.item.unit_name,
                "prosecutor": shown.item.assignee_name,
                "kind": current.kind if current else None,
                "step": step.label if step else (period.label if period else None),
                "expires": step.expiry.strftime("%Y-%m-%d %H:%M") if step else None,
                "last_day": step.last_day.isoformat() if step else None,
                "open_ended": period is not None,
                "until": period.until if period else None,
                "next_review": next_review(period, now).date().isoformat() if period else None,
                "anqg": bool(current and current.anqg),
                "stage_start": current.stage_start.isoformat() if current and current.stage_start else None,
                "stage_cap": step.cap_day.isoformat() if step and step.cap_day else None,
                "capped_from": step.capped_from.isoformat() if step and step.capped_from else None,
                "cap_assumed": bool(step and step.cap_assumed),
                "closed": bool(shown.state and shown.state.closed),
            }
        )
    return rows
