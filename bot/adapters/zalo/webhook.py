"""Zalo webhook mode: register ``<ZALO_WEBHOOK_URL>/zalo`` with the secret, serve it, and hand
updates to an intake callable (the adapter's ``accept``; this module knows no adapter).

The secret header is compared in constant time (401 when it is missing or wrong); a body that
is not JSON, nested deeper than the limit or not a Zalo update gets 400; a full intake 503
(Zalo may redeliver); anything else 200 at once: the update is handled after the answer. The
server's limits are those of ``bot.adapters.webhook_server``. Put a TLS proxy in front of it.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import tornado.web

from bot.adapters.intake import Verdict
from bot.adapters.webhook_server import LimitedServer, WebhookLimits, close_server, json_depth, limited_server
from bot.config import Settings

logger = logging.getLogger(__name__)

__all__ = ["SECRET_HEADER", "WEBHOOK_PATH", "LimitedServer", "WebhookLimits", "build_server", "json_depth"]

WEBHOOK_PATH = "/zalo"
SECRET_HEADER = "X-Bot-Api-Secret-Token"
Intake = Callable[[Any], Verdict]
Register = Callable[[str, str], Awaitable[None]]


class _WebhookHandler(tornado.web.RequestHandler):
    def initialize(self, intake: Intake, secret: bytes, max_depth: int) -> None:
        self.intake = intake
        self.secret = secret
        self.max_depth = max_depth

    def _answer(self, status: int, description: str = "") -> None:
        self.set_status(status)
        body: dict[str, Any] = {"ok": status == 200}
        if description:
            body["description"] = description
        self.finish(body)

    def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            self._answer(401, "wrong secret token")
            return
        try:
            body = json.loads(self.request.body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            self._answer(400, "body is not JSON")
            return
        if json_depth(body, self.max_depth) > self.max_depth:
            self._answer(400, "body nests too deep")
            return
        verdict = self.intake(body)
        if verdict is Verdict.INVALID:
            self._answer(400, "not a Zalo update")
        elif verdict is Verdict.BUSY:
            self.set_header("Retry-After", "5")
            self._answer(503, "busy, retry later")
        else:
            self._answer(200)


def build_server(intake: Intake, secret: str, limits: WebhookLimits) -> LimitedServer:
    app = tornado.web.Application(
        [(WEBHOOK_PATH, _WebhookHandler, {"intake": intake, "secret": secret.encode(), "max_depth": limits.max_depth})]
    )
    return limited_server(app, limits)


async def serve_webhook(
    intake: Intake, settings: Settings, register: Register, stop: asyncio.Event, limits: WebhookLimits | None = None
) -> None:
    secret = settings.zalo_webhook_secret
    if secret is None or not settings.zalo_webhook_url:
        raise ValueError("webhook mode needs ZALO_WEBHOOK_URL and ZALO_WEBHOOK_SECRET")
    server = build_server(intake, secret.value, limits or WebhookLimits())
    server.listen_on(settings.zalo_webhook_host, settings.zalo_webhook_port)
    try:
        await register(f"{settings.zalo_webhook_url}{WEBHOOK_PATH}", secret.value)
        logger.info("Zalo webhook listening on %s:%d", settings.zalo_webhook_host, settings.zalo_webhook_port)
        await stop.wait()
    finally:
        await close_server(server)
