"""Zalo through its Bot Platform HTTP API: updates become ``Incoming``, replies become API calls.

Zalo has no buttons, callbacks, edits or documents: buttons are rendered as numbered options
(shared with the console, ``bot.chat.menus``), text is split under 2,000 characters on line
boundaries, files are replaced by a message saying where to get them, and charts go out with
sendPhoto only when a public media URL is configured (``bot.adapters.zalo.sending``). Updates are
translated in ``bot.adapters.zalo.updates``; updates from the bot's own id (getMe) are dropped.
Zalo recommends the webhook (``bot.adapters.zalo.webhook``, when ``ZALO_WEBHOOK_URL`` is set) for
production and long polling for development. Intake is bounded (``bot.adapters.intake``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from bot.adapters.contract import Capabilities
from bot.adapters.intake import TOO_FAST, IntakeLimits, Verdict
from bot.adapters.retrying import send_or_queue
from bot.adapters.zalo import media
from bot.adapters.zalo.api import (
    ZaloApiError,
    ZaloBadRequest,
    ZaloBotApi,
    ZaloNotFound,
    ZaloRateLimited,
    ZaloUnauthorized,
)
from bot.adapters.zalo.sending import (
    CHART_AS_TEXT,
    MAX_WAIT,
    SPLIT_AT,
    Outgoing,
    ZaloSender,
    classify,
)
from bot.adapters.zalo.updates import PLATFORM, MalformedUpdate, to_incoming, unwrap
from bot.adapters.zalo.webhook import serve_webhook
from bot.chat.dispatcher import Dispatcher
from bot.chat.keyed_locks import KeyedLocks
from bot.chat.messages import Incoming, Reply
from bot.config import Settings
from bot.delivery.undelivered import queue_undelivered

logger = logging.getLogger(__name__)

T = TypeVar("T")


class ZaloStartError(RuntimeError):
    """Zalo refused to start the bot (bad token, base URL or webhook settings); safe to print."""


class ZaloAdapter:
    platforms: tuple[str, ...] = (PLATFORM,)
    capabilities = Capabilities(buttons=False, files=False, photos=True, max_text=SPLIT_AT)

    def __init__(
        self,
        dispatcher: Dispatcher,
        settings: Settings,
        *,
        api: ZaloBotApi | None = None,
        poll_timeout: int = 30,
        retry_base: float = 1.0,
        limits: IntakeLimits | None = None,
    ) -> None:
        if settings.zalo_token is None:
            raise ValueError("ZALO_BOT_TOKEN is not set")
        self.dispatcher = dispatcher
        self.settings = settings
        self.api = api or ZaloBotApi(settings.zalo_token.value, settings.zalo_api_base)
        # Set at shutdown: replies being sent get no more retries (a wait begun ends), what fails is queued.
        self._stopping = asyncio.Event()
        self.sender = ZaloSender(self.api, settings, retry_base, self._stopping)
        self.poll_timeout = poll_timeout
        self.retry_base = retry_base
        self.limits = limits or IntakeLimits()
        self.bot_id: str | None = None  # from getMe: updates from this id are our own sends
        self._tasks: set[asyncio.Task[None]] = set()
        self._chat_locks: KeyedLocks[str] = KeyedLocks()
        self.received = 0  # updates received (polled or posted), for logs and tests

    async def aclose(self) -> None:
        await self.api.aclose()

    # --- receiving -------------------------------------------------------------------------

    def accept(self, update: Any) -> Verdict:
        """Take one update (handled in the background): ACCEPT (also for updates we ignore),
        INVALID when it is not a Zalo update, BUSY when the intake is full (the platform should
        redeliver), DROP when its sender is over their limits."""
        self.received += 1
        try:
            incoming = to_incoming(unwrap(update), self.bot_id)
        except MalformedUpdate as exc:
            logger.warning("ignoring a malformed Zalo update: %s", exc)
            return Verdict.INVALID
        if incoming is None:
            return Verdict.ACCEPT
        verdict = self.limits.admit(incoming.user_id)
        if verdict is Verdict.ACCEPT:
            self._spawn(self._handle(incoming), incoming.user_id)
        elif verdict is Verdict.DROP and self.limits.should_notify(incoming.user_id):
            self._spawn(self._too_fast(incoming.chat_id), None)
        return verdict

    def _spawn(self, work: Awaitable[None], user: str | None) -> None:
        async def run() -> None:
            try:
                await work
            finally:
                if user is not None:
                    self.limits.done(user)

        task = asyncio.create_task(run(), name="zalo-update")
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("error while handling a Zalo update", exc_info=task.exception())

    async def _too_fast(self, chat_id: str) -> None:
        try:
            await self.api.send_message(chat_id, TOO_FAST)
        except ZaloApiError as exc:
            logger.info("could not send the too-fast notice: %s", exc)

    def _chat_lock(self, chat_id: str) -> contextlib.AbstractAsyncContextManager[None]:
        """One chat's messages are handled and answered in the order they arrived."""
        return self._chat_locks.hold(chat_id)

    async def _handle(self, incoming: Incoming) -> None:
        async with self._chat_lock(incoming.chat_id):
            typing = asyncio.create_task(self._typing(incoming.chat_id))
            if incoming.photos:
                folder = self.settings.zalo_media_dir
                kept = [await media.keep_photo(self.api, photo, folder) for photo in incoming.photos]
                incoming = replace(incoming, photos=tuple(kept))
            replies = await self.dispatcher.handle(incoming)
            await typing  # so "typing…" never arrives after the answer
            await self.reply(incoming, replies)

    async def reply(self, incoming: Incoming, replies: list[Reply]) -> None:
        """Send the replies; what Zalo would not take after the retries goes to the outbox (retried
        there, failures visible to admins in /guiloi), as on Telegram. The numbering is done once
        for the whole batch, so the queued rest keeps the numbers of the menu the user has."""

        async def send(item: Outgoing) -> None:
            await self.sender.send_item(incoming.chat_id, item)

        async def queue(rest: Sequence[Outgoing], reason: str, retry_after: float | None) -> None:
            as_text = [Reply(i.text if i.photo_url is None else CHART_AS_TEXT) for i in rest]
            await queue_undelivered(self.dispatcher.services, incoming, as_text, reason, retry_after=retry_after)

        await send_or_queue(self.sender.render(replies), send, errors=ZaloApiError, classify=classify, queue=queue)

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

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        """Outbox delivery: one attempt; Zalo errors become the outbox's retry decisions."""
        await self.sender.deliver(chat_id, replies)

    # --- running ---------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Serve until ``stop`` is set. Raises ``ZaloStartError`` when Zalo refuses the bot."""
        try:
            with contextlib.suppress(Stopped):  # stopped while Zalo was still being reached
                me = await self.start_call(self.api.get_me, "getMe", stop)
                bot_id = me.get("id")
                self.bot_id = str(bot_id) if isinstance(bot_id, str | int) and str(bot_id) else None
                logger.info("Zalo bot connected")
                if self.settings.zalo_webhook_url:
                    await serve_webhook(self.accept, self.settings, self._register_webhook(stop), stop)
                else:
                    logger.warning("Zalo long polling: for development; set ZALO_WEBHOOK_URL in production")
                    await self._poll(stop)
        finally:
            self._stopping.set()
            await self.drain()

    def _register_webhook(self, stop: asyncio.Event) -> Callable[[str, str], Awaitable[None]]:
        async def register(url: str, secret: str) -> None:
            await self.start_call(lambda: self.api.set_webhook(url, secret), "setWebhook", stop)

        return register

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
            while self.limits.total >= self.limits.total_pending and not stop.is_set():
                await _wait(stop, 0.05)  # back-pressure: the next poll waits for room
            try:
                updates = await unless_stopped(self.api.get_updates(self.poll_timeout), stop)
            except Stopped:
                return
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
            for update in updates:
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
