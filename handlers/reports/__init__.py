"""Report reminders: periodic reports to the province, "đã gửi" tracking, the overview."""

from __future__ import annotations

from bot.chat.routing import Router
from handlers.reports.admin import reload_config, try_reminder
from handlers.reports.buttons import STALE, report_button, status_button
from handlers.reports.callbacks import PreviewButton, ReportButton, StatusButton
from handlers.reports.marking import mark_command, open_reports
from handlers.reports.overview import status_export, status_view
from handlers.reports.preview import STALE as PREVIEW_STALE
from handlers.reports.preview import preview_button
from storage.users import Role


def register(router: Router) -> None:
    router.command("baocao", open_reports, min_role=Role.HEAD, help="Báo cáo định kỳ của đơn vị: đã gửi, chưa gửi")
    router.command("danop", mark_command, min_role=Role.HEAD, help="Báo đã gửi một báo cáo", usage="<mã báo cáo> [kỳ]")
    router.command(
        "tinhhinh",
        status_view,
        min_role=Role.HEAD,
        help="Tình hình gửi báo cáo của các đơn vị (kèm biểu đồ)",
        usage="[mã báo cáo] [kỳ]",
    )
    router.command(
        "tinhhinh_xuat",
        status_export,
        min_role=Role.HEAD,
        help="Xuất tình hình gửi báo cáo ra Excel",
        usage="[mã báo cáo] [kỳ]",
    )
    router.command("thu_nhac", try_reminder, min_role=Role.ADMIN, help="Gửi ngay lần nhắc báo cáo sắp tới (thử)")
    router.command("baocao_nap", reload_config, min_role=Role.ADMIN, help="Nạp lại cấu hình báo cáo (reports.yaml)")
    router.button(ReportButton, report_button, min_role=Role.HEAD, invalid=STALE)
    router.button(StatusButton, status_button, min_role=Role.HEAD)
    router.button(PreviewButton, preview_button, min_role=Role.ADMIN, invalid=PREVIEW_STALE)
