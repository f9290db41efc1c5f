"""Telegram's interactive replies on the shared retry loop (bot/adapters/retrying.py), offline: real
PTB objects, the real dispatcher and SQLite, the recording Bot API of tests/ptb_offline.py.

- flood control while answering someone is counted (``trolyvks_reply_rate_limited_total``), and an
  outbox delivery's 429 is not counted there (the outbox counts its own);
- at shutdown a flood-control wait already begun is cut short: the reply goes to the outbox at once,
  with Telegram's wait, instead of being sent again after the stop.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

import httpx
import pytest

from bot.adapters.telegram import SEND_ATTEMPTS, TelegramAdapter
from bot.adapters.telegram_updates import PLATFORM
from bot.app import App
from bot.chat.messages import Button, Incoming, OutFile, Reply
from bot.config import Secret, Settings
from bot.delivery.outbox_worker import RetryLater
from bot.service import metrics
from storage.users import Role
from tests.conftest import World
from tests.fakes import FakeClock, eventually, free_port
from tests.ptb_offline import NETWORK, TOKEN, RecordingRequest, command_update

SECRET = "webhook-secret-0123456789"
PERSON = 5101


def _reply_429s() -> float:
    return metrics.REGISTRY.get_sample_value("trolyvks_reply_rate_limited_total", {"platform": PLATFORM}) or 0.0


async def _listening(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    writer.close()
    await writer.wait_closed()
    return True


async def _adapter(app: App, settings: Settings, request: RecordingRequest) -> TelegramAdapter:
    adapter = TelegramAdapter(app.dispatcher, replace(settings, telegram_token=Secret(TOKEN)), request=request)
    await adapter.application.initialize()
    request.clear()
    return adapter


async def test_flood_control_on_a_reply_is_counted(app: App, settings: Settings) -> None:
    request = RecordingRequest()
    adapter = await _adapter(app, settings, request)
    try:
        before = _reply_429s()
        request.fail_next("sendMessage", 1)
        await adapter.application.process_update(command_update(adapter.application.bot, PERSON, "/start"))
        assert [outcome for _, outcome in request.attempts] == ["flood", "ok"]
        assert _reply_429s() == before + 1

        request.fail_next("sendMessage", 1)  # an outbox delivery: the outbox counts its own 429s
        with pytest.raises(RetryLater):
            await adapter.deliver(str(PERSON), [Reply("Nhắc báo cáo tháng")])
        assert _reply_429s() == before + 1
    finally:
        await adapter.application.shutdown()


async def test_shutdown_cuts_a_flood_wait_short_and_queues_the_reply(world: World, clock: FakeClock) -> None:
    await world.app.repos.users.create(PLATFORM, str(PERSON), "Cán bộ Telegram", world.staff_a.unit_id, Role.STAFF)
    port = free_port()
    settings = replace(
        world.app.services.settings,
        telegram_token=Secret(TOKEN),
        telegram_webhook_url="https://bot.example.org",
        telegram_webhook_secret=Secret(SECRET),
        telegram_webhook_port=port,
    )
    request = RecordingRequest()
    adapter = TelegramAdapter(world.app.dispatcher, settings, request=request)
    request.fail_next("sendMessage", 100)  # Telegram keeps asking for a 1-second wait
    stop = asyncio.Event()
    task = asyncio.create_task(adapter.run(stop))
    try:
        for _ in range(200):
            if await _listening(port):
                break
            await asyncio.sleep(0.05)
        update = command_update(adapter.application.bot, PERSON, "/help").to_dict()
        async with httpx.AsyncClient() as client:
            posted = await client.post(
                f"http://127.0.0.1:{port}/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
            )
        assert posted.status_code == 200
        await eventually(lambda: ("sendMessage", "flood") in request.attempts, what="the first flood answer")
    finally:
        stop.set()  # while the reply waits out Telegram's second
        await asyncio.wait_for(task, timeout=30)
    outbox = world.app.repos.outbox
    assert await outbox.count_by_status() == {"pending": 1}
    # Sent once, not again after the stop; the outbox waits the second Telegram asked for.
    assert [a for a in request.attempts if a[0] == "sendMessage"] == [("sendMessage", "flood")]
    due = await outbox.next_due((PLATFORM,))
    assert due == clock.now() + timedelta(seconds=1)


async def _registered(world: World) -> Incoming:
    await world.app.repos.users.create(PLATFORM, str(PERSON), "Cán bộ Telegram", world.staff_a.unit_id, Role.STAFF)
    return Incoming(PLATFORM, str(PERSON), str(PERSON), text="/baocao", update_key="9001")


async def test_parts_already_sent_are_not_queued_again(world: World, sleeps: list[float]) -> None:
    """A long answer is two messages: when only the second will not go, only the second is queued."""
    incoming = await _registered(world)
    request = RecordingRequest()
    adapter = await _adapter(world.app, world.app.services.settings, request)
    try:
        first, second = "Phần đầu. " * 350, "Phần sau. " * 100  # 3,500 + 1,000 characters: two messages
        request.fail_next("sendMessage", SEND_ATTEMPTS, kind=NETWORK, after=1)
        await adapter.reply(incoming, [Reply(f"{first.strip()}\n{second.strip()}", ((Button("Xem", "x:1"),),))])
    finally:
        await adapter.application.shutdown()
    assert [c.text for c in request.sent("sendMessage")] == [first.strip()]
    [queued] = await world.app.repos.outbox.due((PLATFORM,), world.app.services.clock.now())
    assert queued.text == second.strip() and queued.buttons == [[("Xem", "x:1")]]


async def test_a_document_that_went_out_is_not_reported_as_missing(world: World, sleeps: list[float]) -> None:
    incoming = await _registered(world)
    request = RecordingRequest()
    adapter = await _adapter(world.app, world.app.services.settings, request)
    try:
        request.fail_next("sendMessage", SEND_ATTEMPTS, kind=NETWORK)
        export = OutFile("bao-cao.csv", "Đơn vị;Ngày\nKV1;02/03/2026\n".encode(), "text/csv")
        await adapter.reply(incoming, [Reply("Báo cáo tháng 3", file=export)])
    finally:
        await adapter.application.shutdown()
    assert request.methods() == ["sendDocument"]
    [queued] = await world.app.repos.outbox.due((PLATFORM,), world.app.services.clock.now())
    assert queued.text == "Báo cáo tháng 3"  # no "Chưa gửi được tệp": the file did arrive
