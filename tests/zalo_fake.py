"""A loopback fake of the Zalo Bot API (tornado on 127.0.0.1, a free port), for tests.

It implements the documented methods with their shapes and error codes: ``POST
/bot<TOKEN>/<method>`` with a JSON body, the ``{"ok", "result", "error_code",
"description"}`` envelope (HTTP status = error code), getUpdates as a long poll returning
ONE update per call or 408, refused while a webhook is set, text of 1-2000 characters,
setWebhook with an HTTPS url and an 8-256 character secret. It queues user messages for
getUpdates, posts them to a webhook (as Zalo would), records everything the bot sends, and
can be told to fail a method with 429, 5xx or any code.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

import httpx
import tornado.httpserver
import tornado.netutil
import tornado.web

TOKEN = "3141592653:fake-zalo-bot-token-abcdef"


@dataclass(frozen=True)
class Call:
    method: str
    params: dict[str, Any]


@dataclass
class _Failure:
    code: int
    description: str
    retry_after: float | None


class ApiError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


class _ApiHandler(tornado.web.RequestHandler):
    def initialize(self, fake: FakeZalo) -> None:
        self.fake = fake
        self.waiter: asyncio.Future[Any] | None = None

    def _error(self, code: int, description: str, retry_after: float | None = None) -> None:
        self.set_status(code)
        body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        self.finish(body)

    async def post(self, token: str, method: str) -> None:
        fake = self.fake
        if token != fake.token:
            self._error(401, "Unauthorized")
            return
        try:
            params = json.loads(self.request.body or b"{}")
        except ValueError:
            self._error(400, "Bad Request: body is not JSON")
            return
        if not isinstance(params, dict):
            self._error(400, "Bad Request: body is not an object")
            return
        queued = fake.failures.get(method)
        if queued:
            failure = queued.pop(0)
            fake.refused.append(Call(method, params))
            self._error(failure.code, failure.description, failure.retry_after)
            return
        implementation = getattr(fake, f"_m_{method}", None)
        if implementation is None:
            self._error(404, "Not Found: unknown method")
            return
        try:
            result = await implementation(params, self)
        except ApiError as exc:
            self._error(exc.code, exc.description)
            return
        except asyncio.CancelledError:
            return  # the client went away during a long poll
        self.finish({"ok": True, "result": result})

    def on_connection_close(self) -> None:
        if self.waiter is not None:
            self.waiter.cancel()


class _PhotoHandler(tornado.web.RequestHandler):
    """The CDN: photos users sent, by name (404 once "expired")."""

    def initialize(self, fake: FakeZalo) -> None:
        self.fake = fake

    def get(self, name: str) -> None:
        data = self.fake.photos.get(name)
        if data is None:
            self.set_status(404)
            self.finish("expired")
            return
        self.set_header("Content-Type", "image/jpeg")
        self.finish(data)


BOT_ID = "f00dfeed"


class FakeZalo:
    def __init__(self, token: str = TOKEN, *, echo_sends: bool = False) -> None:
        self.token = token
        self.updates: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.calls: list[Call] = []  # every successful call, in order
        self.refused: list[Call] = []  # calls answered with an injected failure
        self.failures: dict[str, list[_Failure]] = {}
        self.served = 0  # updates handed out by getUpdates
        self.webhook: dict[str, str] | None = None
        self._ids = itertools.count(1)
        self._server: tornado.httpserver.HTTPServer | None = None
        self.port = 0
        self.photos: dict[str, bytes] = {}
        # Zalo may send the bot's own messages back as updates (sender: the bot's id, no is_bot).
        self.echo_sends = echo_sends
        self.echo_url: str | None = None  # in webhook mode: where echoes are posted
        self.echoed = 0
        self.send_delay = 0.0  # seconds each sendMessage takes (a slow platform)

    # --- lifecycle ------------------------------------------------------------------------

    async def start(self) -> FakeZalo:
        app = tornado.web.Application(
            [
                (r"/bot([^/]+)/(\w+)", _ApiHandler, {"fake": self}),
                (r"/photos/([\w.-]+)", _PhotoHandler, {"fake": self}),
            ]
        )
        self._server = tornado.httpserver.HTTPServer(app)
        [sock] = tornado.netutil.bind_sockets(0, "127.0.0.1")
        self.port = sock.getsockname()[1]
        self._server.add_sockets([sock])
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- the test's controls --------------------------------------------------------------

    def fail(self, method: str, code: int, *, times: int = 1, description: str = "", retry_after: float | None = None):
        """The next ``times`` calls of ``method`` get error ``code`` (429: "quota exceeded")."""
        text = description or {429: "Too Many Requests: quota exceeded", 500: "Internal Server Error"}.get(code, "")
        self.failures.setdefault(method, []).extend(_Failure(code, text, retry_after) for _ in range(times))

    def queue(self, update: dict[str, Any]) -> dict[str, Any]:
        """A user message for the bot's next getUpdates."""
        self.updates.put_nowait(update)
        return update

    async def push(self, url: str, update: dict[str, Any], secret: str | None, *, wrapped: bool = False) -> int:
        """Deliver an update to a webhook as Zalo does; returns the HTTP status."""
        headers = {"X-Bot-Api-Secret-Token": secret} if secret is not None else {}
        body = {"ok": True, "result": update} if wrapped else update
        async with httpx.AsyncClient() as client:
            response = await client.post(url, json=body, headers=headers)
        return response.status_code

    def photo(self, name: str, data: bytes) -> str:
        """A photo on the fake CDN; its URL."""
        self.photos[name] = data
        return f"{self.base_url}/photos/{name}"

    def sent(self, method: str = "sendMessage", chat_id: str | None = None) -> list[dict[str, Any]]:
        return [
            c.params
            for c in self.calls
            if c.method == method and (chat_id is None or c.params.get("chat_id") == chat_id)
        ]

    def texts(self, chat_id: str | None = None) -> list[str]:
        return [p["text"] for p in self.sent("sendMessage", chat_id)]

    # --- updates as Zalo shapes them ------------------------------------------------------

    def _update(self, event: str, user_id: str, chat_id: str | None, group: bool, **fields: Any) -> dict[str, Any]:
        return {
            "event_name": event,
            "message": {
                "from": {"id": user_id, "display_name": f"Người dùng {user_id[:4]}", "is_bot": False},
                "chat": {"id": chat_id or user_id, "chat_type": "GROUP" if group else "PRIVATE"},
                "message_id": secrets.token_hex(10),
                "date": int(time.time() * 1000),
                **fields,
            },
        }

    def text(self, user_id: str, text: str, *, chat_id: str | None = None, group: bool = False) -> dict[str, Any]:
        return self._update("message.text.received", user_id, chat_id, group, text=text)

    def image(self, user_id: str, url: str, caption: str | None = None) -> dict[str, Any]:
        extra = {"caption": caption} if caption else {}
        return self._update("message.image.received", user_id, None, False, photo_url=url, **extra)

    def sticker(self, user_id: str) -> dict[str, Any]:
        return self._update("message.sticker.received", user_id, None, False, sticker="d063f44dc80821567819")

    def unsupported(self, user_id: str) -> dict[str, Any]:
        return self._update("message.unsupported.received", user_id, None, False)

    # --- the methods ----------------------------------------------------------------------

    def _record(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self.calls.append(Call(method, params))
        if self.echo_sends and method == "sendMessage":
            self._echo(params)
        return {"message_id": f"{next(self._ids):020x}", "date": int(time.time() * 1000)}

    def _echo(self, params: dict[str, Any]) -> None:
        """The bot's own send, back as an update: from the bot's id, no ``is_bot``, no name."""
        update = self._update("message.text.received", BOT_ID, params["chat_id"], False, text=params["text"])
        update["message"]["from"] = {"id": BOT_ID}
        self.echoed += 1
        if self.echo_url is None:
            self.queue(update)
        else:
            secret = self.webhook["secret_token"] if self.webhook else None
            asyncio.get_running_loop().create_task(self.push(self.echo_url, update, secret))

    @staticmethod
    def _chat(params: dict[str, Any]) -> str:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, str) or not chat_id:
            raise ApiError(400, "Bad Request: chat_id is required")
        return chat_id

    async def _m_getMe(self, params: dict[str, Any], _: _ApiHandler) -> dict[str, Any]:
        return {"id": BOT_ID, "account_name": "bot.TroLyVKS", "account_type": "BASIC", "can_join_groups": False}

    async def _m_getUpdates(self, params: dict[str, Any], handler: _ApiHandler) -> dict[str, Any]:
        if self.webhook is not None:
            raise ApiError(400, "Bad Request: getUpdates is not available while a webhook is set")
        try:
            timeout = float(params.get("timeout", 30))
        except (TypeError, ValueError):
            raise ApiError(400, "Bad Request: timeout must be a number") from None
        handler.waiter = asyncio.ensure_future(self.updates.get())
        try:
            update = await asyncio.wait_for(handler.waiter, timeout=timeout)
        except TimeoutError:
            raise ApiError(408, "Request Timeout") from None
        self.served += 1
        self.calls.append(Call("getUpdates", params))
        return update

    async def _m_sendMessage(self, params: dict[str, Any], _: _ApiHandler) -> dict[str, Any]:
        self._chat(params)
        if self.send_delay:
            await asyncio.sleep(self.send_delay)
        text = params.get("text")
        if not isinstance(text, str) or not 1 <= len(text) <= 2000:
            raise ApiError(400, "Bad Request: text must be 1-2000 characters")
        return self._record("sendMessage", params)

    async def _m_sendPhoto(self, params: dict[str, Any], _: _ApiHandler) -> dict[str, Any]:
        self._chat(params)
        photo = params.get("photo")
        if not isinstance(photo, str) or not photo.startswith(("http://", "https://")):
            raise ApiError(400, "Bad Request: photo must be an image URL")
        return self._record("sendPhoto", params)

    async def _m_sendSticker(self, params: dict[str, Any], _: _ApiHandler) -> dict[str, Any]:
        self._chat(params)
        return self._record("sendSticker", params)

    async def _m_sendChatAction(self, params: dict[str, Any], _: _ApiHandler) -> bool:
        self._chat(params)
        self.calls.append(Call("sendChatAction", params))
        return True

    async def _m_setWebhook(self, params: dict[str, Any], _: _ApiHandler) -> dict[str, Any]:
        url, secret = params.get("url"), params.get("secret_token")
        if not isinstance(url, str) or not url.startswith("https://"):
            raise ApiError(400, "Bad Request: url must be HTTPS")
        if not isinstance(secret, str) or not 8 <= len(secret) <= 256:
            raise ApiError(400, "Bad Request: secret_token must be 8-256 characters")
        self.webhook = {"url": url, "secret_token": secret}
        self.calls.append(Call("setWebhook", params))
        return {"url": url, "updated_at": int(time.time() * 1000)}

    async def _m_deleteWebhook(self, params: dict[str, Any], _: _ApiHandler) -> dict[str, Any]:
        self.webhook = None
        self.calls.append(Call("deleteWebhook", params))
        return {"url": "", "updated_at": int(time.time() * 1000)}

    async def _m_getWebhookInfo(self, params: dict[str, Any], _: _ApiHandler) -> dict[str, Any]:
        return {"url": self.webhook["url"] if self.webhook else "", "updated_at": int(time.time() * 1000)}
