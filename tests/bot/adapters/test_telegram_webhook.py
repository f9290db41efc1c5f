"""Webhook mode over real HTTP on 127.0.0.1: PTB's webhook server refuses requests without the
secret token, and a request with it reaches the dispatcher (the Bot API itself is the offline fake)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import httpx

from bot.adapters.telegram import TelegramAdapter
from bot.config import Secret
from tests.conftest import World
from tests.fakes import free_port
from tests.ptb_offline import TOKEN, RecordingRequest, command_update

SECRET = "webhook-secret-0123456789"


async def _wait_listening(port: int) -> None:
    for _ in range(200):
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise AssertionError("webhook server did not start")


async def test_webhook_requires_the_secret_token(world: World) -> None:
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
    stop = asyncio.Event()
    task = asyncio.create_task(adapter.run(stop))
    try:
        await _wait_listening(port)
        [set_webhook] = request.sent("setWebhook")
        assert set_webhook.params["url"] == "https://bot.example.org/telegram"
        assert set_webhook.params["secret_token"] == SECRET
        update = command_update(adapter.application.bot, 424242, "/start").to_dict()
        url = f"http://127.0.0.1:{port}/telegram"
        async with httpx.AsyncClient() as client:
            missing = await client.post(url, json=update)
            wrong = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope-nope-nope"})
            assert missing.status_code == 403 and wrong.status_code == 403
            await asyncio.sleep(0.2)
            assert request.sent("sendMessage") == []
            right = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
            assert right.status_code == 200
        for _ in range(100):
            if request.sent("sendMessage"):
                break
            await asyncio.sleep(0.05)
        [reply] = request.sent("sendMessage")
        assert reply.params["chat_id"] == 424242 and "mã mời" in str(reply.params["text"])
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)


async def test_webhook_refuses_abusive_bodies_and_still_serves(world: World) -> None:
    """The Telegram webhook runs on the limited server: deep JSON, a body that is not an update,
    or an oversized one get 400/413 (no traceback), and a real update is served afterwards."""
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
    stop = asyncio.Event()
    task = asyncio.create_task(adapter.run(stop))
    try:
        await _wait_listening(port)
        url = f"http://127.0.0.1:{port}/telegram"
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with httpx.AsyncClient() as client:
            deep = b"[" * 50_000 + b"]" * 50_000
            assert (await client.post(url, content=deep, headers=headers)).status_code == 400
            assert (await client.post(url, json=[1, 2], headers=headers)).status_code == 400
            assert (await client.post(url, json={"update_id": "x", "message": 5}, headers=headers)).status_code == 400
            update = command_update(adapter.application.bot, 434343, "/start").to_dict()
            assert (await client.post(url, json=update, headers=headers)).status_code == 200
        for _ in range(100):
            if request.sent("sendMessage"):
                break
            await asyncio.sleep(0.05)
        [reply] = request.sent("sendMessage")
        assert reply.params["chat_id"] == 434343
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)
