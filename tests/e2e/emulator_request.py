"""Test-only: python-telegram-bot's HTTP request, adapted to the telegram-test-api emulator.

The emulator (node_modules/telegram-test-api/lib, version 4.2.1) differs from the Bot API in ways
that python-telegram-bot 22 does not accept. Each difference is absorbed here, and only here; the
production adapter (bot/adapters/telegram.py) never sees it. Each was confirmed in the emulator's
source (file named) and against a running emulator:

1. getMe without ``is_bot`` (routes/bot/getMe.js): PTB's ``User`` requires it. Added as ``true``.
2. ``date`` in milliseconds on the bot's own sent messages (telegramServer.js ``addBotMessage``
   uses ``Date.getTime()``): PTB turns it into a datetime and fails (year ~57,000). Divided by 1000.
3. Callback queries without ``chat_instance`` (telegramServer.js ``formatUpdate``): PTB's
   ``CallbackQuery`` requires it. Added (a per-chat constant, as Telegram sends).
4. ``null`` results from editMessageText / editMessageReplyMarkup (routes/bot/edit*.js): PTB expects
   the edited Message or ``true``. Replaced by ``true``. (The bot edits no messages today.)
5. No long polling (routes/bot/getUpdates.js ignores ``timeout`` and answers at once): PTB would
   poll in a tight loop. Emulated: an empty answer is asked again every ``poll_step`` seconds until
   the requested timeout has passed.
6. No sendDocument, sendPhoto or sendChatAction (routes/bot/unknownMethod.js answers HTTP 500):
   sendChatAction is answered ``true`` locally; a document or photo is sent as a text message
   ``[sendDocument] <file name> (<size> bytes)`` followed by its caption, so a test can still see
   that the file was sent and to whom. (The bot sends no chat actions today.)
7. Webhook mode without the secret header: handled in emulator.js (the emulator posts updates).
   Quirk 3 also needs emulator.js in webhook mode (the emulator posts those updates itself).
   On this side, setWebhook's public HTTPS URL (required by bot/config.py) is replaced by the local
   listener given in ``webhook_local_url``, since the emulator can only reach 127.0.0.1 over HTTP.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from telegram.request import HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter

_UPLOADS = {"sendDocument": "document", "sendPhoto": "photo"}
_EDITS = ("editMessageText", "editMessageReplyMarkup", "editMessageCaption")
_MS_THRESHOLD = 10**11  # seconds since 1970 stay below this until the year 5138


def _ok(result: object) -> tuple[int, bytes]:
    return 200, json.dumps({"ok": True, "result": result}).encode()


def _seconds(date: Any) -> Any:
    return date // 1000 if isinstance(date, int) and date > _MS_THRESHOLD else date


def _fix_message(message: dict[str, Any]) -> None:
    if "date" in message:
        message["date"] = _seconds(message["date"])  # quirk 2


def _fix_update(update: dict[str, Any]) -> None:
    query = update.get("callback_query")
    if query is not None:
        chat = (query.get("message") or {}).get("chat") or {}
        query.setdefault("chat_instance", f"emulator-{chat.get('id', 0)}")  # quirk 3
        if query.get("message"):
            _fix_message(query["message"])
    if update.get("message"):
        _fix_message(update["message"])


class EmulatorRequest(HTTPXRequest):
    """``HTTPXRequest`` plus the translations listed in the module docstring."""

    def __init__(self, *, poll_step: float = 0.05, webhook_local_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.poll_step = poll_step
        self.webhook_local_url = webhook_local_url

    async def do_request(  # type: ignore[override]
        self, url: str, method: str, request_data: RequestData | None = None, **timeouts: Any
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        if api_method == "sendChatAction":
            return _ok(True)  # quirk 6
        if api_method in _UPLOADS and request_data is not None:
            url = url[: -len(api_method)] + "sendMessage"
            request_data = _upload_as_text(api_method, request_data)  # quirk 6
        if api_method == "setWebhook" and request_data is not None and self.webhook_local_url:
            request_data = _with(request_data, url=self.webhook_local_url)  # quirk 7
        if api_method == "getUpdates":
            return await self._long_poll(url, method, request_data, timeouts)
        code, payload = await super().do_request(url, method, request_data, **timeouts)
        return code, self._translate(api_method, code, payload)

    async def _long_poll(
        self, url: str, method: str, request_data: RequestData | None, timeouts: dict[str, Any]
    ) -> tuple[int, bytes]:
        """Quirk 5: ask again until something arrives or the long-poll timeout has passed."""
        wait = float((request_data.parameters.get("timeout") if request_data else 0) or 0)
        deadline = time.monotonic() + wait
        while True:
            code, payload = await super().do_request(url, method, request_data, **timeouts)
            payload = self._translate("getUpdates", code, payload)
            if code != 200 or json.loads(payload).get("result") or time.monotonic() >= deadline:
                return code, payload
            await asyncio.sleep(self.poll_step)

    @staticmethod
    def _translate(api_method: str, code: int, payload: bytes) -> bytes:
        if code != 200:
            return payload
        body = json.loads(payload)
        result = body.get("result")
        if api_method == "getMe" and isinstance(result, dict):
            result.setdefault("is_bot", True)  # quirk 1
        elif api_method == "getUpdates" and isinstance(result, list):
            for update in result:
                _fix_update(update)
        elif api_method in _EDITS and result is None:
            body["result"] = True  # quirk 4
        elif isinstance(result, dict):
            _fix_message(result)  # quirk 2 (sendMessage and the uploads sent as text)
        return json.dumps(body).encode()


def _with(request_data: RequestData, **values: object) -> RequestData:
    params = {**request_data.parameters, **values}
    return RequestData([RequestParameter.from_input(k, v) for k, v in params.items()])


def _upload_as_text(api_method: str, request_data: RequestData) -> RequestData:
    field = _UPLOADS[api_method]
    files = request_data.multipart_data
    name, size = field, 0
    if field in files:
        upload = files[field]
        name = str(upload[0]) if isinstance(upload, tuple) else field
        content = upload[1] if isinstance(upload, tuple) else upload
        size = len(content) if isinstance(content, bytes) else 0
    params = request_data.parameters
    text = f"[{api_method}] {name} ({size} bytes)"
    if params.get("caption"):
        text += f"\n{params['caption']}"
    kept = {k: v for k, v in params.items() if k in ("chat_id", "reply_markup")}
    return RequestData([RequestParameter.from_input(k, v) for k, v in {**kept, "text": text}.items()])
