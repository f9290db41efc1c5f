"""/tinhhinh_xuat: every unit's status for one report period as an XLSX workbook."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import tzinfo

from openpyxl import Workbook

from bot.clock import local
from handlers.checkin.export import _sheet as write_sheet
from handlers.export_cells import text_cells
from handlers.reports.status import LABELS, UnitStatus
from knowledge.reports.config import Schedule

HEADERS = ("Đơn vị", "Mã đơn vị", "Tình trạng", "Hạn gửi", "Ngày báo đã gửi", "Người đánh dấu", "Số ngày trễ")


def build_status_workbook(schedule: Schedule, statuses: Sequence[UnitStatus], tz: tzinfo) -> bytes:
    rows = []
    for s in statuses:
        sub = s.submission
        rows.append(
            [
                s.unit.name,
                s.unit.code,
                LABELS[s.state],
                schedule.due,
                local(sub.sent_at, tz).date() if sub else None,
                sub.sent_by_name if sub else "",
                s.days_late,
            ]
        )
    wb = Workbook()
    ws = wb.worksheets[0]  # a new workbook has one sheet
    ws.title = "Tình hình gửi báo cáo"
    write_sheet(ws, HEADERS, rows)
    wb.properties.title = f"{schedule.report.name} – kỳ {schedule.period.label}"
    text_cells(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
