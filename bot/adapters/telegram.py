"""Telegram through python-telegram-bot: updates become ``Incoming``, replies become Bot API calls.

Long polling by default; webhook mode (on our limited server, ``bot.adapters.telegram_webhook``) when
``TELEGRAM_WEBHOOK_URL`` is set. The Bot API base URL is configurable so tests and
emulators can stand in for Telegram.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, TypeHandler
from telegram.request import BaseRequest

from bot.adapters import telegram_webhook
from bot.adapters.contract import Capabilities, DeliveryError, RetryLater, Unreachable
from bot.adapters.retrying import Failure, RetryPolicy, send_or_queue, with_retries
from bot.adapters.telegram_updates import PLATFORM, to_incoming
from bot.adapters.webhook_server import WebhookLimits, close_server
from bot.chat.dispatcher import Dispatcher
from bot.chat.messages import Incoming, Reply, split_text, utf16_units
from bot.config import Settings
from bot.delivery.undelivered import queue_undelivered

logger = logging.getLogger(__name__)

MAX_MESSAGE = 4096
MAX_CAPTION = 1024
SEND_ATTEMPTS = 4
# Flood control asking for a longer wait than this is not waited out inside an update handler: the
# reply goes to the outbox, which waits as asked (holding a handler would hold up the shutdown).
MAX_INLINE_WAIT = 5.0
REPLY_POLICY = RetryPolicy(attempts=SEND_ATTEMPTS, first_delay=0.5, max_wait=MAX_INLINE_WAIT)
# Outbox deliveries: one attempt; retries, and their exactly-once bookkeeping, are the outbox's.
DELIVERY_POLICY = RetryPolicy(attempts=1, interactive=False)


DEFAULT_API_HOST = "api.telegram.org"


class TelegramStartError(RuntimeError):
    """Telegram could not be reached, or refused the token, at start; one line, safe to print."""


def start_error(exc: TelegramError, api_base: str | None, token: str) -> TelegramStartError | None:
    """The one-line cause of a failed first call to the Bot API (getMe), or None if it is another
    error. The token never appears in it."""
    if isinstance(exc, InvalidToken):  # its message quotes the token: not repeated here
        return TelegramStartError(
            "Telegram từ chối TELEGRAM_BOT_TOKEN / Telegram rejected the token: lấy lại token từ @BotFather."
        )
    if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):
        host = urlsplit(api_base).netloc if api_base else DEFAULT_API_HOST
        cause = exc.message.replace(token, "***")
        return TelegramStartError(
            f"Không kết nối được Telegram API tại {host} / cannot reach the Telegram API at {host} ({cause}). "
            "Telegram bị nhà mạng Việt Nam chặn từ 2025: chạy trên Zalo (ZALO_BOT_TOKEN, --platform zalo), "
            "hoặc đặt TELEGRAM_API_BASE tới một Bot API server hay proxy truy cập được."
        )
    return None


def _markup(reply: Reply) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    if reply.request_location:
        rows = [[KeyboardButton("📍 Gửi vị trí", request_location=True)]]
        rows += [[KeyboardButton(b.text)] for b in reply.flat_buttons]
        return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)
    if reply.buttons:
        return InlineKeyboardMarkup(
            [[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in reply.buttons]
        )
    return None


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def classify(exc: Exception) -> Failure | None:
    """Telegram's errors for the shared retry loop: flood control is retried after the wait Telegram
    asks for, network errors (not a rejected request) after a growing backoff; the rest is final."""
    if isinstance(exc, RetryAfter):
        return Failure("flood control", _seconds(exc.retry_after), rate_limited=True)
    if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):
        return Failure(f"network error ({type(exc).__name__})")
    return None


@dataclass(frozen=True, slots=True)
class _Call:
    """One Bot API call of a reply, and what the outbox gets instead if Telegram will not take it
    (text and buttons; an attachment becomes a note asking to request it again)."""

    what: str
    make: Callable[[], Awaitable[Message]]
    instead: Reply


class TelegramAdapter:
    platforms: tuple[str, ...] = (PLATFORM,)
    capabilities = Capabilities(buttons=True, files=True, photos=True, max_text=MAX_MESSAGE)

    def __init__(
        self,
        dispatcher: Dispatcher,
        settings: Settings,
        *,
        request: BaseRequest | None = None,
        get_updates_request: BaseRequest | None = None,
    ) -> None:
        if settings.telegram_token is None:
            raise ValueError("TELEGRAM_BOT_TOKEN is not set")
        self.dispatcher = dispatcher
        self.settings = settings
        self._stopping = asyncio.Event()  # set at shutdown: replies being sent get no more retries
        builder = (
            ApplicationBuilder()
            .token(settings.telegram_token.value)
            .rate_limiter(AIORateLimiter(max_retries=0))  # retries live in with_retries and the outbox
            .concurrent_updates(64)
        )
        if settings.telegram_api_base:
            builder = builder.base_url(f"{settings.telegram_api_base}/bot").base_file_url(
                f"{settings.telegram_api_base}/file/bot"
            )
        if request is not None:
            builder = builder.request(request).get_updates_request(get_updates_request or request)
        self.application: Application[Any, Any, Any, Any, Any, Any] = builder.build()
        self.application.add_handler(TypeHandler(Update, self._on_update))
        self.application.add_error_handler(self._on_error)

    async def _on_update(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        incoming = to_incoming(update)
        if incoming is None:
            return
        if update.callback_query is not None:
            try:
                await update.callback_query.answer()
            except TelegramError as exc:  # too old, or the network hiccupped: the press still counts
                logger.info("could not answer callback query: %s", exc.message)
        replies = await self.dispatcher.handle(incoming)
        await self.reply(incoming, replies)

    async def reply(self, incoming: Incoming, replies: list[Reply]) -> None:
        """Send the replies in order, call by call; from the first call Telegram would not take (after
        the retries), the rest go to the outbox instead of being lost, and the parts already sent are
        not queued again."""
        calls = [c for r in replies for c in self._calls(int(incoming.chat_id), r)]

        async def send(call: _Call) -> None:
            await self._make(call, REPLY_POLICY)

        async def queue(rest: Sequence[_Call], reason: str, retry_after: float | None) -> None:
            instead = [c.instead for c in rest]
            await queue_undelivered(self.dispatcher.services, incoming, instead, reason, retry_after=retry_after)

        await send_or_queue(calls, send, errors=TelegramError, classify=classify, queue=queue)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        logger.error("error while handling a Telegram update", exc_info=context.error)

    async def send(self, chat_id: int, replies: list[Reply], *, policy: RetryPolicy = REPLY_POLICY) -> list[Message]:
        """Send replies as Bot API calls (``_calls``), each retried as ``policy`` says."""
        return [await self._make(c, policy) for r in replies for c in self._calls(chat_id, r)]

    async def _make(self, call: _Call, policy: RetryPolicy) -> Message:
        return await with_retries(
            call.make, call.what, platform=PLATFORM, classify=classify, policy=policy, stopping=self._stopping
        )

    def _calls(self, chat_id: int, reply: Reply) -> list[_Call]:
        """One reply as Bot API calls: the photo (the text as its caption when it fits), the document,
        then the text split under 4096 UTF-16 units; the buttons go on the photo or the last part."""
        bot = self.application.bot
        markup, buttons = _markup(reply), reply.buttons
        calls: list[_Call] = []
        if reply.photo is not None:
            photo = reply.photo
            caption = reply.text if utf16_units(reply.text) <= MAX_CAPTION else None
            send_photo = partial(
                bot.send_photo, chat_id, photo.data, caption=caption, reply_markup=markup, filename=photo.filename
            )
            calls.append(_Call("sendPhoto", send_photo, Reply(caption or "", buttons, photo=photo)))
            if caption is not None:
                return calls
            markup, buttons = None, ()
        if reply.file is not None:
            file = reply.file
            send_document = partial(bot.send_document, chat_id, file.data, filename=file.filename)
            calls.append(_Call("sendDocument", send_document, Reply("", file=file)))
        if reply.text:
            parts = split_text(reply.text, MAX_MESSAGE, utf16_units)  # Telegram counts UTF-16 units
            for index, part in enumerate(parts):
                last = index == len(parts) - 1
                send_message = partial(bot.send_message, chat_id, part, reply_markup=markup if last else None)
                calls.append(_Call("sendMessage", send_message, Reply(part, buttons if last else ())))
        return calls

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        """Outbox delivery: platform errors become the outbox's retry / unreachable decisions."""
        try:
            await self.send(int(chat_id), replies, policy=DELIVERY_POLICY)
        except Forbidden as exc:
            raise Unreachable(exc.message) from exc
        except RetryAfter as exc:
            raise RetryLater(_seconds(exc.retry_after)) from exc
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                raise Unreachable(exc.message) from exc
            raise DeliveryError(exc.message) from exc
        except NetworkError as exc:
            raise DeliveryError(type(exc).__name__) from exc

    async def _connect(self) -> None:
        """The first call to Telegram (getMe, in ``initialize``): unreachable or a refused token ends
        the start with ``TelegramStartError``; the traceback is logged at DEBUG only."""
        token = self.settings.telegram_token
        assert token is not None
        try:
            await self.application.initialize()
        except TelegramError as exc:
            error = start_error(exc, self.settings.telegram_api_base, token.value)
            if error is None:
                raise
            logger.debug("getMe failed at start", exc_info=True)
            raise error from None

    async def run(self, stop: asyncio.Event) -> None:
        app = self.application
        await self._connect()
        async with app:  # already initialized: enters without calling Telegram again
            await app.start()
            assert app.updater is not None
            server = None
            if self.settings.telegram_webhook_url:
                secret = self.settings.telegram_webhook_secret
                assert secret is not None
                await app.bot.set_webhook(
                    url=f"{self.settings.telegram_webhook_url}{telegram_webhook.WEBHOOK_PATH}",
                    secret_token=secret.value,
                    allowed_updates=["message", "callback_query"],
                )
                server = telegram_webhook.build_server(app, secret.value, WebhookLimits())
                server.listen_on(self.settings.telegram_webhook_host, self.settings.telegram_webhook_port)
                logger.info(
                    "Telegram webhook listening on %s:%d",
                    self.settings.telegram_webhook_host,
                    self.settings.telegram_webhook_port,
                )
            else:
                await app.updater.start_polling(allowed_updates=["message", "callback_query"])
                logger.info("Telegram long polling started")
            await stop.wait()
            logger.info("stopping Telegram adapter")
            self._stopping.set()  # replies being sent get no more retries (waits end): what fails is queued
            if server is not None:
                await close_server(server)
            else:
                await app.updater.stop()
            await app.stop()
