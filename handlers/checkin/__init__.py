"""Custody supervision (kiểm sát tạm giữ, tạm giam): facilities, guided check-ins,
history and edits, the heads' daily view and monthly exports."""

from __future__ import annotations

from bot.routing import Router
from handlers.checkin import flow
from handlers.checkin.draft import COUNT_STEPS, STEPS, state_of
from storage.users import Role


def register(router: Router) -> None:
    router.command("kiemsat", flow.start, help="Ghi phiếu kiểm sát tạm giữ, tạm giam")
    router.callback("ks", flow.on_button)
    router.state(flow.OFFER_STATE, flow.on_message)
    for step in STEPS:
        router.state(state_of(step), flow.on_message, min_role=Role.STAFF, accepts_numbers=step in COUNT_STEPS)
