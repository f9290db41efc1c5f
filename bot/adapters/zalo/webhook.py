"""Zalo webhook mode: register ``<ZALO_WEBHOOK_URL>/zalo`` with the secret, serve it, and hand
updates to the adapter in the background.

The secret header is compared in constant time (401 when it is missing or wrong), a body
that is not a Zalo update gets 400, anything else 200 at once: the update is handled after
the answer, so Zalo never waits for the assistant. Served by tornado (already installed
with python-telegram-bot's webhook extra); put a TLS proxy in front of it.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from typing import TYPE_CHECKING, Any

import tornado.httpserver
import tornado.web

if TYPE_CHECKING:
    from bot.adapters.zalo.adapter import ZaloAdapter

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/zalo"
SECRET_HEADER = "X-Bot-Api-Secret-Token"
MAX_BODY = 1 << 20


class _WebhookHandler(tornado.web.RequestHandler):
    def initialize(self, adapter: ZaloAdapter, secret: bytes) -> None:
        self.adapter = adapter
        self.secret = secret

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
        except (ValueError, UnicodeDecodeError):
            self._answer(400, "body is not JSON")
            return
        if not self.adapter.accept(body):
            self._answer(400, "not a Zalo update")
            return
        self._answer(200)


async def serve_webhook(adapter: ZaloAdapter, stop: asyncio.Event) -> None:
    settings = adapter.settings
    secret = settings.zalo_webhook_secret
    if secret is None or not settings.zalo_webhook_url:
        raise ValueError("webhook mode needs ZALO_WEBHOOK_URL and ZALO_WEBHOOK_SECRET")
    app = tornado.web.Application(
        [(WEBHOOK_PATH, _WebhookHandler, {"adapter": adapter, "secret": secret.value.encode()})]
    )
    server = tornado.httpserver.HTTPServer(app, max_body_size=MAX_BODY)
    server.listen(settings.zalo_webhook_port, address=settings.zalo_webhook_host)
    try:
        url = f"{settings.zalo_webhook_url}{WEBHOOK_PATH}"
        await adapter.start_call(lambda: adapter.api.set_webhook(url, secret.value), "setWebhook", stop)
        logger.info("Zalo webhook listening on %s:%d", settings.zalo_webhook_host, settings.zalo_webhook_port)
        await stop.wait()
    finally:
        server.stop()
        await server.close_all_connections()
