"""Custody supervision (kiểm sát tạm giữ, tạm giam): facilities, guided check-ins,
history and edits, the heads' daily view and monthly exports."""

from __future__ import annotations

from bot.chat.routing import Router
from handlers.checkin import flow, records, report, sites, views
from storage.users import Role


def register(router: Router) -> None:
    flow.register(router)  # /kiemsat
    router.command("lichsu", records.history, help="Các phiếu kiểm sát gần nhất; xem, sửa")
    router.command("homnay", views.today, min_role=Role.HEAD, help="Cơ sở đến hạn, quá hạn kiểm sát")
    router.command(
        "xuat", report.export_month, min_role=Role.HEAD, help="Xuất phiếu kiểm sát của tháng", usage="[tháng] [csv]"
    )
    router.command("coso", sites.list_sites, min_role=Role.HEAD, help="Danh sách cơ sở tạm giữ, tạm giam")
    records.register(router)
    sites.register(router)
