"""A month of check-ins as an XLSX workbook or a CSV file. Pure: rows in, bytes out.

Workbook: sheet "Phiếu kiểm sát" (one row per check-in) and sheet "Tổng hợp theo cơ sở"
(per-facility totals); Vietnamese headers, dates dd/mm/yyyy in local time (the caller
gives the zone), frozen header row, column widths from the content. CSV: the first
sheet only, UTF-8 with a BOM so Excel reads the diacritics.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from handlers.export_cells import csv_row, text_cells
from knowledge.reports.periods import parse_period
from storage.checkins import INSPECTION_KINDS, Checkin
from storage.facilities import KINDS

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
DATE_FORMAT = "DD/MM/YYYY"
ROW_HEADERS = (
    "STT",
    "Ngày",
    "Giờ",
    "Đơn vị",
    "Cơ sở",
    "Loại cơ sở",
    "Hình thức kiểm sát",
    "Đang tạm giữ",
    "Đang tạm giam",
    "Nhận mới",
    "Ra khỏi cơ sở",
    "Quá hạn/không có lệnh",
    "Vi phạm",
    "Kiến nghị, yêu cầu",
    "Vị trí",
    "Số ảnh",
    "Ghi chú",
    "Người kiểm sát",
    "Số phiếu",
)
TOTAL_HEADERS = (
    "Đơn vị",
    "Cơ sở",
    "Số lần kiểm sát",
    "Tổng nhận mới",
    "Tổng ra khỏi cơ sở",
    "Số lần có người quá hạn/không lệnh",
    "Số vi phạm",
    "Lần kiểm sát cuối",
)
MIN_WIDTH, MAX_WIDTH = 6, 50


def month_bounds(text: str, tz: tzinfo) -> tuple[datetime, datetime] | None:
    """A month as the assistant accepts it everywhere ("03/2026", "2026-03", "tháng 3/2026") → the
    month's first instant and the next month's, local midnight in ``tz``."""
    period = parse_period("month", text)
    if period is None:
        return None
    year, month = period.start.year, period.start.month
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return datetime(year, month, 1, tzinfo=tz), datetime(*following, 1, tzinfo=tz)


def _location(c: Checkin) -> str:
    if c.content.latitude is None or c.content.longitude is None:
        return ""
    flag = " (ngoài VN?)" if c.content.location_flag else ""
    return f"{c.content.latitude:.5f}, {c.content.longitude:.5f}{flag}"


def check_rows(checkins: Sequence[Checkin], tz: tzinfo) -> list[list[Any]]:
    """One list of cell values per check-in, in ``ROW_HEADERS`` order (dates as ``date``)."""
    rows = []
    for number, c in enumerate(checkins, 1):
        at = c.checked_at.astimezone(tz)
        k = c.content
        rows.append(
            [
                number,
                at.date(),
                at.strftime("%H:%M"),
                c.unit_code,
                c.facility_name,
                KINDS.get(c.facility_kind, c.facility_kind),
                INSPECTION_KINDS.get(k.kind, k.kind),
                k.held_tam_giu,
                k.held_tam_giam,
                k.admitted,
                k.released,
                k.overdue,
                "; ".join(k.violations),
                k.requests,
                _location(c),
                len(k.photos),
                k.notes,
                c.author_name,
                c.id,
            ]
        )
    return rows


def total_rows(checkins: Sequence[Checkin], tz: tzinfo) -> list[list[Any]]:
    """Per-facility totals, in ``TOTAL_HEADERS`` order, sorted by unit then facility."""
    by_facility: dict[int, list[Any]] = {}
    for c in checkins:
        k = c.content
        row = by_facility.setdefault(k.facility_id, [c.unit_code, c.facility_name, 0, 0, 0, 0, 0, None])
        row[2] += 1
        row[3] += k.admitted
        row[4] += k.released
        row[5] += 1 if k.overdue else 0
        row[6] += len(k.violations)
        day = c.checked_at.astimezone(tz).date()
        row[7] = day if row[7] is None or day > row[7] else row[7]
    return sorted(by_facility.values(), key=lambda r: (r[0], r[1]))


def _sheet(ws: Any, headers: Sequence[str], rows: list[list[Any]]) -> None:
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append(row)
    for column, header in enumerate(headers, 1):
        longest = len(header)
        for (value,) in ws.iter_rows(min_row=2, min_col=column, max_col=column, values_only=True):
            longest = max(longest, 10 if isinstance(value, date) else len(str(value or "")))
        ws.column_dimensions[get_column_letter(column)].width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, date | datetime):
                cell.number_format = DATE_FORMAT
    ws.freeze_panes = "A2"


def build_workbook(checkins: Sequence[Checkin], tz: tzinfo, title: str) -> bytes:
    wb = Workbook()
    ws = wb.worksheets[0]  # a new workbook has one sheet
    ws.title = "Phiếu kiểm sát"
    _sheet(ws, ROW_HEADERS, check_rows(checkins, tz))
    _sheet(wb.create_sheet("Tổng hợp theo cơ sở"), TOTAL_HEADERS, total_rows(checkins, tz))
    wb.properties.title = title
    text_cells(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def build_csv(checkins: Sequence[Checkin], tz: tzinfo) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ROW_HEADERS)
    for row in check_rows(checkins, tz):
        writer.writerow(csv_row(v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in row))
    return out.getvalue().encode("utf-8-sig")
