"""Replies to Zalo: rendering (numbered options, text split under the limit, charts by URL) and
sending with retries (the shared loop, ``bot.adapters.retrying``); the outbox's single attempt maps
Zalo's errors to retry decisions."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from bot.adapters.contract import DeliveryError, RetryLater, Unreachable
from bot.adapters.retrying import Failure, RetryPolicy, with_retries
from bot.adapters.zalo import media
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
)
from bot.adapters.zalo.updates import PLATFORM
from bot.chat.menus import render_numbered
from bot.chat.messages import Reply, split_text
from bot.config import Settings

logger = logging.getLogger(__name__)

SEND_ATTEMPTS = 4
# A longer wait asked by Zalo is not waited out while answering: the reply goes to the outbox, which
# waits as asked.
MAX_WAIT = 60.0
# Outbox deliveries: one attempt; retries, and their exactly-once bookkeeping, are the outbox's.
DELIVERY_POLICY = RetryPolicy(attempts=1, interactive=False)
# Texts are split with a margin under Zalo's 2,000 (how Zalo counts emoji is not documented).
SPLIT_AT = MAX_TEXT - 100
FILE_UNAVAILABLE = (
    "📎 Zalo không gửi được tệp {name}. Anh/chị dùng Telegram để nhận tệp, "
    "hoặc nhờ quản trị viên dùng lệnh xuất trên máy chủ (python -m bot export …)."
)
CHART_AS_TEXT = "(Zalo chưa hiển thị được biểu đồ ở đây; số liệu như trên.)"
LOCATION_HINT = "(Zalo không gửi vị trí cho Trợ lý được: anh/chị gõ 'bỏ qua' hoặc chọn số tương ứng.)"


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One Bot API send: a text message, or a photo by URL."""

    text: str = ""
    photo_url: str | None = None


def classify(exc: Exception) -> Failure | None:
    """Zalo's errors for the shared retry loop: 429 (after the wait Zalo asks, else the backoff),
    5xx, a 403 that does not say the recipient is gone, and network errors are retried; the rest is
    final. The reason logged is the code and Zalo's description: never the URL, which has the token."""
    if isinstance(exc, ZaloForbidden) and exc.recipient_gone:
        return None
    reason = f"{exc.code or 'error'} {exc.description}".strip() if isinstance(exc, ZaloApiError) else ""
    if isinstance(exc, ZaloRateLimited):
        return Failure(reason, exc.retry_after, rate_limited=True)
    if isinstance(exc, ZaloServerError | ZaloNetworkError | ZaloForbidden):
        return Failure(reason)
    return None


class ZaloSender:
    def __init__(
        self, api: ZaloBotApi, settings: Settings, retry_base: float = 1.0, stopping: asyncio.Event | None = None
    ) -> None:
        self.api = api
        self.settings = settings
        self.retry_base = retry_base
        self.reply_policy = RetryPolicy(attempts=SEND_ATTEMPTS, first_delay=retry_base, max_wait=MAX_WAIT)
        self.stopping = stopping  # set at shutdown: replies being sent get no more retries
        self._quota_wait = 0.0  # grows with consecutive 429s on outbox deliveries

    def render(self, replies: list[Reply]) -> list[Outgoing]:
        out: list[Outgoing] = []
        for reply, text in zip(replies, render_numbered(replies), strict=True):
            if reply.photo is not None:
                url = media.publish(reply.photo, self.settings.zalo_media_dir, self.settings.zalo_media_url)
                if url is not None:
                    out.append(Outgoing(photo_url=url))
                else:
                    text = f"{text}\n{CHART_AS_TEXT}" if text else CHART_AS_TEXT
            if reply.file is not None:
                text = f"{text}\n\n{FILE_UNAVAILABLE.format(name=reply.file.filename)}".strip()
            if reply.request_location:
                text = f"{text}\n{LOCATION_HINT}"
            out.extend(Outgoing(part) for part in split_text(text, SPLIT_AT) if part.strip())
        return out

    async def send(self, chat_id: str, replies: list[Reply], *, policy: RetryPolicy | None = None) -> int:
        """Send the rendered replies in order; returns how many API sends were made."""
        sent = 0
        for item in self.render(replies):
            await self.send_item(chat_id, item, policy)
            sent += 1
        return sent

    async def send_item(self, chat_id: str, item: Outgoing, policy: RetryPolicy | None = None) -> None:
        """One API send, retried by the shared loop (``bot.adapters.retrying``): interactive replies
        by default, or as ``policy`` says."""
        call: Callable[[], Awaitable[object]]
        if item.photo_url is not None:
            what, call = "sendPhoto", partial(self.api.send_photo, chat_id, item.photo_url)
        else:
            what, call = "sendMessage", partial(self.api.send_message, chat_id, item.text)
        await with_retries(
            call, what, platform=PLATFORM, classify=classify, policy=policy or self.reply_policy, stopping=self.stopping
        )

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        """Outbox delivery: one attempt; Zalo errors become the outbox's retry decisions."""
        try:
            await self.send(chat_id, replies, policy=DELIVERY_POLICY)
        except ZaloRateLimited as exc:
            self._quota_wait = min(max(self._quota_wait * 2, 2.0), 300.0)
            raise RetryLater(exc.retry_after if exc.retry_after is not None else self._quota_wait) from None
        except ZaloForbidden as exc:
            if exc.recipient_gone:
                raise Unreachable(str(exc)) from None
            raise DeliveryError(str(exc)) from None  # documented as a server error: retried
        except (ZaloBadRequest, ZaloNotFound) as exc:
            if "chat" in exc.description.lower() or "user" in exc.description.lower():
                raise Unreachable(str(exc)) from None
            raise DeliveryError(str(exc)) from None
        except ZaloApiError as exc:
            raise DeliveryError(str(exc)) from None
        self._quota_wait = 0.0
