"""Telegram webhook mode on the limited server of ``bot.adapters.webhook_server`` instead of
python-telegram-bot's own (which takes no connection cap, header timeout or JSON depth limit).

``<TELEGRAM_WEBHOOK_URL>/telegram`` is registered with the secret; a request without it gets 403
(as PTB answers), a body that is not a JSON object, nests too deep or is not an update 400, a full
update queue 503 (Telegram retries), anything else 200 once the update is queued for PTB's
application, which hands it to the adapter as in polling mode."""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

import tornado.web
from telegram import Update
from telegram.ext import Application

from bot.adapters.webhook_server import LimitedServer, WebhookLimits, json_depth, limited_server

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_QUEUED = 500


class _TelegramHandler(tornado.web.RequestHandler):
    def initialize(self, ptb: Application[Any, Any, Any, Any, Any, Any], secret: bytes, max_depth: int) -> None:
        self.ptb = ptb
        self.secret = secret
        self.max_depth = max_depth

    def _refuse(self, status: int, reason: str) -> None:
        self.set_status(status)
        self.finish(reason)

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            self._refuse(403, "wrong secret token")
            return
        try:
            body = json.loads(self.request.body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            self._refuse(400, "body is not JSON")
            return
        if not isinstance(body, dict) or json_depth(body, self.max_depth) > self.max_depth:
            self._refuse(400, "not an update")
            return
        queue = self.ptb.update_queue
        if queue.qsize() >= MAX_QUEUED:
            self.set_header("Retry-After", "5")
            self._refuse(503, "busy, retry later")
            return
        try:
            update = Update.de_json(body, self.ptb.bot)
        except Exception as exc:  # PTB's parser raises whatever a malformed shape triggers (as PTB's server)
            logger.warning("webhook: refused a body that is not an update (%s)", type(exc).__name__)
            self._refuse(400, "not an update")
            return
        await queue.put(update)
        self.set_status(200)
        self.finish()


def build_server(
    application: Application[Any, Any, Any, Any, Any, Any], secret: str, limits: WebhookLimits
) -> LimitedServer:
    handler_args = {"ptb": application, "secret": secret.encode(), "max_depth": limits.max_depth}
    app = tornado.web.Application([(WEBHOOK_PATH, _TelegramHandler, handler_args)])
    return limited_server(app, limits)
