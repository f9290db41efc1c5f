"""What the assistant does, platform-neutral. ``build_router`` registers every capability."""

from __future__ import annotations

from bot.chat.routing import Router


def build_router() -> Router:
    from handlers import admin, checkin, common, deadlines, link, outbox_admin, qa, reports, units, user_move
    from handlers.register import routes as register

    router = Router()
    common.register(router)
    admin.register(router)
    user_move.register(router)
    units.register(router)
    outbox_admin.register(router)
    link.register(router)
    deadlines.register(router)
    checkin.register(router)
    reports.register(router)
    register.register(router)
    qa.register(router)  # also takes free text: a question to the knowledge base
    return router
