"""Zalo through its Bot Platform HTTP API: updates become ``Incoming``, replies become API calls.

Zalo has no buttons, callbacks, edits or documents: buttons are rendered as numbered options
(shared with the console, ``bot.chat.menus``), text is split at 2,000 characters on line
boundaries, files are replaced by a message saying where to get them, and charts go out
with sendPhoto only when a public media URL is configured. Updates are translated in
``bot.adapters.zalo.updates``. Long polling by default; a webhook (``bot.adapters.zalo.webhook``)
when ``ZALO_WEBHOOK_URL`` is set.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

from bot.adapters.zalo.api import (
    MAX_TEXT,
    ZaloApiError,
    ZaloBadRequest,
    ZaloBotApi,
    ZaloForbidden,
    ZaloNetworkError,
    ZaloNotFound,
    ZaloRateLimited,
    ZaloServerError,
    ZaloUnauthorized,
)
from bot.adapters.zalo.updates import PLATFORM, MalformedUpdate, to_incoming, unwrap
from bot.chat.dispatcher import Dispatcher
from bot.chat.keyed_locks import KeyedLocks
from bot.chat.menus import render_numbered
from bot.chat.messages import Incoming, OutFile, Reply, split_text
from bot.config import Settings
from bot.delivery.outbox_worker import DeliveryError, RetryLater, Unreachable
from bot.delivery.undelivered import queue_undelivered

logger = logging.getLogger(__name__)

SEND_ATTEMPTS = 4
MAX_WAIT = 60.0
FILE_UNAVAILABLE = (
    "📎 Zalo không gửi được tệp {name}. Anh/chị dùng Telegram để nhận tệp, "
    "hoặc nhờ quản trị viên dùng lệnh xuất trên máy chủ (python -m bot export …)."
)
CHART_AS_TEXT = "(Zalo chưa hiển thị được biểu đồ ở đây; số liệu như trên.)"
LOCATION_HINT = "(Zalo không gửi vị trí cho Trợ lý được: anh/chị gõ 'bỏ qua' hoặc chọn số tương ứng.)"
T = TypeVar("T")


class ZaloStartError(RuntimeError):
    """Zalo refused to start the bot (bad token, base URL or webhook settings); safe to print."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One Bot API send: a text message, or a photo by URL."""

    text: str = ""
    photo_url: str | None = None


class ZaloAdapter:
    platforms: tuple[str, ...] = (PLATFORM,)

    def __init__(
        self,
        dispatcher: Dispatcher,
        settings: Settings,
        *,
        api: ZaloBotApi | None = None,
        poll_timeout: int = 30,
        retry_base: float = 1.0,
    ) -> None:
        if settings.zalo_token is None:
            raise ValueError("ZALO_BOT_TOKEN is not set")
        self.dispatcher = dispatcher
        self.settings = settings
        self.api = api or ZaloBotApi(settings.zalo_token.value, settings.zalo_api_base)
        self.poll_timeout = poll_timeout
        self.retry_base = retry_base
        self._tasks: set[asyncio.Task[None]] = set()
        self._chat_locks: KeyedLocks[str] = KeyedLocks()
        self._quota_wait = 0.0  # grows with consecutive 429s on outbox deliveries
        self.received = 0  # updates received (polled or posted), for logs and tests

    async def aclose(self) -> None:
        await self.api.aclose()

    # --- receiving -------------------------------------------------------------------------

    def accept(self, update: Any) -> bool:
        """Start handling one update in the background; False when it is not a Zalo update."""
        self.received += 1
        try:
            incoming = to_incoming(unwrap(update))
        except MalformedUpdate as exc:
            logger.warning("ignoring a malformed Zalo update: %s", exc)
            return False
        if incoming is not None:
            task = asyncio.create_task(self._handle(incoming), name="zalo-update")
            self._tasks.add(task)
            task.add_done_callback(self._task_done)
        return True

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("error while handling a Zalo update", exc_info=task.exception())

    def _chat_lock(self, chat_id: str) -> contextlib.AbstractAsyncContextManager[None]:
        """One chat's messages are handled and answered in the order they arrived."""
        return self._chat_locks.hold(chat_id)

    async def _handle(self, incoming: Incoming) -> None:
        async with self._chat_lock(incoming.chat_id):
            typing = asyncio.create_task(self._typing(incoming.chat_id))
            replies = await self.dispatcher.handle(incoming)
            await typing  # so "typing…" never arrives after the answer
            await self._answer(incoming, replies)

    async def _answer(self, incoming: Incoming, replies: list[Reply]) -> None:
        """Send the replies; what Zalo would not take after the retries goes to the outbox (retried
        there, failures visible to admins in /guiloi), as on Telegram. The numbering is done once
        for the whole batch, so the queued rest keeps the numbers of the menu the user has."""
        items = self.render(replies)
        for index, item in enumerate(items):
            try:
                await self._send_item(incoming.chat_id, item, SEND_ATTEMPTS)
            except ZaloApiError as exc:
                rest = [Reply(i.text if i.photo_url is None else CHART_AS_TEXT) for i in items[index:]]
                not_before = None
                if isinstance(exc, ZaloRateLimited) and exc.retry_after:
                    not_before = self.dispatcher.services.clock.now() + timedelta(seconds=exc.retry_after)
                await queue_undelivered(
                    self.dispatcher.services, incoming, rest, type(exc).__name__, not_before=not_before
                )
                return

    async def _typing(self, chat_id: str) -> None:
        try:
            await self.api.send_chat_action(chat_id, "typing")
        except ZaloApiError as exc:  # cosmetic: the answer still goes out
            logger.debug("sendChatAction failed: %s", exc)

    async def drain(self, grace: float = 10.0) -> None:
        """Let updates being handled finish (their replies go out) before stopping."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=grace)

    # --- sending ---------------------------------------------------------------------------

    def render(self, replies: list[Reply]) -> list[Outgoing]:
        out: list[Outgoing] = []
        for reply, text in zip(replies, render_numbered(replies), strict=True):
            if reply.photo is not None:
                url = self._publish(reply.photo)
                if url is not None:
                    out.append(Outgoing(photo_url=url))
                else:
                    text = f"{text}\n{CHART_AS_TEXT}" if text else CHART_AS_TEXT
            if reply.file is not None:
                text = f"{text}\n\n{FILE_UNAVAILABLE.format(name=reply.file.filename)}".strip()
            if reply.request_location:
                text = f"{text}\n{LOCATION_HINT}"
            out.extend(Outgoing(part) for part in split_text(text, MAX_TEXT) if part.strip())
        return out

    def _publish(self, image: OutFile) -> str | None:
        """Write an image where the public media URL serves it; None when none is configured."""
        base, folder = self.settings.zalo_media_url, self.settings.zalo_media_dir
        if not base:
            return None
        suffix = Path(image.filename).suffix.lower() or ".png"
        name = f"{secrets.token_urlsafe(16)}{suffix if suffix in ('.png', '.jpg', '.jpeg') else '.png'}"
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(image.data)
        return f"{base}/{name}"

    async def send(self, chat_id: str, replies: list[Reply], *, attempts: int = SEND_ATTEMPTS) -> int:
        """Send the rendered replies in order; returns how many API sends were made."""
        sent = 0
        for item in self.render(replies):
            await self._send_item(chat_id, item, attempts)
            sent += 1
        return sent

    async def _send_item(self, chat_id: str, item: Outgoing, attempts: int) -> None:
        if item.photo_url is not None:
            url = item.photo_url
            await self._with_retries(lambda: self.api.send_photo(chat_id, url), attempts)
        else:
            text = item.text
            await self._with_retries(lambda: self.api.send_message(chat_id, text), attempts)

    async def _with_retries(self, call: Callable[[], Awaitable[T]], attempts: int) -> T:
        """Retry 429 (after the wait Zalo asks, else exponential backoff), 5xx and network errors.
        A timed-out send may have arrived: for replies a duplicate beats a lost answer."""
        delay = self.retry_base
        for attempt in range(1, attempts + 1):
            try:
                return await call()
            except (ZaloRateLimited, ZaloServerError, ZaloNetworkError) as exc:
                if attempt == attempts:
                    raise
                wait = delay
                if isinstance(exc, ZaloRateLimited) and exc.retry_after is not None:
                    wait = exc.retry_after
                wait = min(wait, MAX_WAIT)
                logger.warning("%s, retrying in %.2f s", exc, wait)
                await asyncio.sleep(wait)
                delay *= 2
        raise AssertionError("unreachable")

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        """Outbox delivery: one attempt; Zalo errors become the outbox's retry decisions."""
        try:
            await self.send(chat_id, replies, attempts=1)
        except ZaloRateLimited as exc:
            self._quota_wait = min(max(self._quota_wait * 2, 2.0), 300.0)
            raise RetryLater(exc.retry_after if exc.retry_after is not None else self._quota_wait) from None
        except ZaloForbidden as exc:
            raise Unreachable(str(exc)) from None
        except (ZaloBadRequest, ZaloNotFound) as exc:
            if "chat" in exc.description.lower() or "user" in exc.description.lower():
                raise Unreachable(str(exc)) from None
            raise DeliveryError(str(exc)) from None
        except ZaloApiError as exc:
            raise DeliveryError(str(exc)) from None
        self._quota_wait = 0.0

    # --- running ---------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Serve until ``stop`` is set. Raises ``ZaloStartError`` when Zalo refuses the bot."""
        try:
            with contextlib.suppress(Stopped):  # stopped while Zalo was still being reached
                await self.start_call(self.api.get_me, "getMe", stop)
                logger.info("Zalo bot connected")
                if self.settings.zalo_webhook_url:
                    from bot.adapters.zalo.webhook import serve_webhook

                    await serve_webhook(self, stop)
                else:
                    await self._poll(stop)
        finally:
            await self.drain()

    async def start_call(self, call: Callable[[], Awaitable[T]], what: str, stop: asyncio.Event) -> T:
        """A start-up call, retried with backoff while Zalo is unreachable; ``Stopped`` if stopped first."""
        delay = self.retry_base
        while True:
            try:
                return await unless_stopped(call(), stop)
            except (ZaloUnauthorized, ZaloNotFound) as exc:
                raise ZaloStartError(
                    f"Zalo từ chối {what} ({exc.code}): kiểm tra ZALO_BOT_TOKEN và ZALO_API_BASE."
                ) from None
            except ZaloBadRequest as exc:
                raise ZaloStartError(f"Zalo từ chối {what}: {exc.description or exc.code}") from None
            except ZaloApiError as exc:
                logger.warning("%s failed (%s), retrying in %.1f s", what, exc, delay)
                await _wait(stop, delay)
                delay = min(delay * 2, 30.0)

    async def _poll(self, stop: asyncio.Event) -> None:
        try:  # getUpdates does not work while a webhook is set
            await self.api.delete_webhook()
        except ZaloApiError as exc:
            logger.warning("deleteWebhook failed: %s", exc)
        logger.info("Zalo long polling started")
        delay = self.retry_base
        while not stop.is_set():
            try:
                update = await unless_stopped(self.api.get_updates(self.poll_timeout), stop)
            except ZaloUnauthorized:
                raise ZaloStartError("Zalo từ chối getUpdates (401): kiểm tra ZALO_BOT_TOKEN.") from None
            except ZaloApiError as exc:
                wait = delay
                if isinstance(exc, ZaloRateLimited) and exc.retry_after is not None:
                    wait = exc.retry_after
                logger.warning("getUpdates failed (%s), retrying in %.2f s", exc, wait)
                await _wait(stop, min(wait, MAX_WAIT))
                delay = min(delay * 2, 30.0)
                continue
            delay = self.retry_base
            if update is not None:
                self.accept(update)


class Stopped(Exception):
    """The stop event was set while waiting for Zalo."""


async def unless_stopped(call: Awaitable[T], stop: asyncio.Event) -> T:
    """Await ``call`` unless ``stop`` is set first (then the call is cancelled and ``Stopped`` raised)."""
    if stop.is_set():
        if asyncio.iscoroutine(call):
            call.close()
        raise Stopped
    task = asyncio.ensure_future(call)
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    except BaseException:
        task.cancel()
        raise
    finally:
        stopper.cancel()
    if task.done():
        return task.result()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    raise Stopped


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
