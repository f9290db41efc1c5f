"""Webhook mode end to end: the emulator posts updates to the bot's webhook server (with the secret
header that emulator.js adds, see quirk 7), and the bot answers through the Bot API."""

from __future__ import annotations

import secrets

import httpx

from tests.e2e.conftest import Workspace
from tests.e2e.harness import register
from tests.fakes import free_port


def test_webhook_mode_serves_a_conversation_and_refuses_requests_without_the_secret(workspace: Workspace) -> None:
    port = free_port()
    local = f"http://127.0.0.1:{port}/telegram"
    bot = workspace.start_bot(
        TELEGRAM_WEBHOOK_URL="https://tro-ly.example.org/hook",  # what Telegram would call (never contacted)
        TELEGRAM_WEBHOOK_SECRET=secrets.token_urlsafe(24),
        TELEGRAM_WEBHOOK_HOST="127.0.0.1",
        TELEGRAM_WEBHOOK_PORT=str(port),
        E2E_WEBHOOK_LOCAL_URL=local,
    )
    user = register(workspace.emulator, bot, workspace.db_path, 7701)
    assert "Điều 118" in user.ask("thoi han tam giu la bao lau", "Căn cứ:")
    related = user.inbox[user.cursor - 1].buttons
    assert "Căn cứ:" in user.choose(related[0][0], "Căn cứ:")  # a callback query, posted to the webhook

    forged = {
        "update_id": 10**9,
        "message": {
            "message_id": 1,
            "date": 1,
            "text": "/start",
            "chat": {"id": 7702, "type": "private"},
            "from": {"id": 7702, "is_bot": False, "first_name": "X"},
        },
    }
    assert httpx.post(local, json=forged, timeout=10).status_code == 403
    wrong = {"X-Telegram-Bot-Api-Secret-Token": "not-the-secret"}
    assert httpx.post(local, json=forged, headers=wrong, timeout=10).status_code == 403
    assert not any(m.chat_id == 7702 for m in workspace.emulator.bot_messages(bot.token))
    assert bot.alive
