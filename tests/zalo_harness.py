"""The real Zalo adapter (polling or webhook) running against a started :class:`FakeZalo`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from typing import Any

from bot.adapters.intake import IntakeLimits
from bot.app import App
from bot.config import Secret
from tests.fakes import eventually, free_port
from tests.zalo_fake import FakeZalo


@dataclass
class Harness:
    """The real ZaloAdapter (polling or webhook) running against a started FakeZalo."""

    fake: FakeZalo
    adapter: Any  # bot.adapters.zalo.adapter.ZaloAdapter
    stop: asyncio.Event
    task: asyncio.Task[None]
    webhook: str | None = None  # the local URL the adapter serves, in webhook mode
    secret: str | None = None
    expected: int = 0

    async def deliver(self, update: dict[str, Any], *, wrapped: bool = False) -> None:
        """One update from Zalo (queued for getUpdates, or posted to the webhook), handled to the end."""
        self.expected += 1
        if self.webhook is None:
            self.fake.queue(update)
            await eventually(lambda: self.adapter.received >= self.expected, what="the update to be polled")
        else:
            status = await self.fake.push(self.webhook, update, self.secret, wrapped=wrapped)
            assert status == 200
        await self.adapter.drain()

    async def say(self, user_id: str, text: str) -> list[str]:
        """A private text message; returns the texts the bot sent to that chat in answer."""
        return await self.answer(user_id, self.fake.text(user_id, text))

    async def answer(self, chat_id: str, update: dict[str, Any]) -> list[str]:
        before = len(self.fake.texts(chat_id))
        await self.deliver(update)
        return self.fake.texts(chat_id)[before:]


WEBHOOK_SECRET = "zalo-webhook-secret-42"


@asynccontextmanager
async def zalo_running(
    app: App,
    *,
    webhook: bool = False,
    fake: FakeZalo | None = None,
    limits: IntakeLimits | None = None,
    **changes: Any,
) -> AsyncIterator[Harness]:
    """Start a FakeZalo (or use a started one) and the real adapter over ``app``'s dispatcher;
    stop both at the end."""
    from bot.adapters.zalo.adapter import ZaloAdapter

    fake = fake or await FakeZalo().start()
    settings = replace(app.services.settings, zalo_token=Secret(fake.token), zalo_api_base=fake.base_url, **changes)
    local_url = None
    if webhook:
        port = free_port()
        settings = replace(
            settings,
            zalo_webhook_url="https://bot.example.org",
            zalo_webhook_secret=Secret(WEBHOOK_SECRET),
            zalo_webhook_host="127.0.0.1",
            zalo_webhook_port=port,
        )
        local_url = f"http://127.0.0.1:{port}/zalo"
    # Transcripts send faster than people do: a generous burst limit (tests/bot/adapters/test_intake.py
    # checks the real ones).
    limits = limits or IntakeLimits(per_user_burst=10_000, per_user_pending=10_000)
    adapter = ZaloAdapter(app.dispatcher, settings, poll_timeout=1, retry_base=0.01, limits=limits)
    if webhook:
        fake.echo_url = local_url
    stop = asyncio.Event()
    task = asyncio.create_task(adapter.run(stop))
    harness = Harness(fake, adapter, stop, task, local_url, WEBHOOK_SECRET if webhook else None)
    try:
        if webhook:
            await eventually(lambda: fake.webhook is not None or task.done(), what="setWebhook")
        else:
            await eventually(
                lambda: any(c.method == "deleteWebhook" for c in fake.calls) or task.done(), what="polling"
            )
        yield harness
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=10)
        await adapter.aclose()
        await fake.stop()
