"""Zalo webhook mode: register ``<ZALO_WEBHOOK_URL>/zalo`` with the secret, serve it, and hand
updates to an intake callable (the adapter's ``accept``; this module knows no adapter).

The secret header is compared in constant time (401 when it is missing or wrong); a body that
is not JSON, nested deeper than ``max_depth`` or not a Zalo update gets 400; a full intake 503
(Zalo may redeliver); anything else 200 at once: the update is handled after the answer.

Limits against hostile or broken clients (``WebhookLimits``): a cap on open connections (at
the cap the oldest connection is closed: real requests finish in milliseconds, idle ones are
what piles up), header and body timeouts, a body size limit, and an accept loop that never
exhausts descriptors and logs refused accepts at most once per ``log_every`` seconds.
Served by tornado; put a TLS proxy in front of it.
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import json
import logging
import resource
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import tornado.httpserver
import tornado.iostream
import tornado.web

from bot.adapters.intake import Verdict
from bot.config import Settings

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/zalo"
SECRET_HEADER = "X-Bot-Api-Secret-Token"
Intake = Callable[[Any], Verdict]
Register = Callable[[str, str], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class WebhookLimits:
    max_connections: int = 256
    header_timeout: float = 10.0
    body_timeout: float = 10.0
    max_body: int = 1 << 20
    max_depth: int = 32
    log_every: float = 10.0


def json_depth(value: Any, limit: int) -> int:
    """How deep ``value`` nests (stops counting past ``limit``), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


class _WebhookHandler(tornado.web.RequestHandler):
    def initialize(self, intake: Intake, secret: bytes, max_depth: int) -> None:
        self.intake = intake
        self.secret = secret
        self.max_depth = max_depth

    def _answer(self, status: int, description: str = "") -> None:
        self.set_status(status)
        body: dict[str, Any] = {"ok": status == 200}
        if description:
            body["description"] = description
        self.finish(body)

    def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            self._answer(401, "wrong secret token")
            return
        try:
            body = json.loads(self.request.body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            self._answer(400, "body is not JSON")
            return
        if json_depth(body, self.max_depth) > self.max_depth:
            self._answer(400, "body nests too deep")
            return
        verdict = self.intake(body)
        if verdict is Verdict.INVALID:
            self._answer(400, "not a Zalo update")
        elif verdict is Verdict.BUSY:
            self.set_header("Retry-After", "5")
            self._answer(503, "busy, retry later")
        else:
            self._answer(200)


class LimitedServer(tornado.httpserver.HTTPServer):
    """An HTTPServer fed by its own accept loop, holding at most ``max_connections`` streams."""

    def initialize(self, *args: Any, max_connections: int = 256, log_every: float = 10.0, **kwargs: Any) -> None:
        super().initialize(*args, **kwargs)
        self.max_connections = max_connections
        self.log_every = log_every
        self.streams: list[tornado.iostream.IOStream] = []
        self.refused_accepts = 0
        self._logged_at = -1e18
        self._listener: socket.socket | None = None

    def listen_on(self, host: str, port: int) -> int:
        sock = socket.create_server((host, port), backlog=128, reuse_port=False)
        sock.setblocking(False)
        self._listener = sock
        asyncio.get_running_loop().add_reader(sock.fileno(), self._on_readable)
        return int(sock.getsockname()[1])

    def _on_readable(self) -> None:
        assert self._listener is not None
        for _ in range(64):
            try:
                conn, address = self._listener.accept()
            except BlockingIOError:
                return
            except OSError as exc:
                if exc.errno == errno.ECONNABORTED:
                    continue
                self._refused(exc)
                return
            conn.setblocking(False)
            self._admit(tornado.iostream.IOStream(conn), address)

    def _admit(self, stream: tornado.iostream.IOStream, address: Any) -> None:
        self.streams = [s for s in self.streams if not s.closed()]
        while len(self.streams) >= self.max_connections:
            self.streams.pop(0).close()
        self.streams.append(stream)
        self.handle_stream(stream, address)

    def _refused(self, exc: OSError) -> None:
        """Out of descriptors (or memory): pause accepting briefly, log at most once per period."""
        self.refused_accepts += 1
        loop = asyncio.get_running_loop()
        now = loop.time()
        if now - self._logged_at >= self.log_every:
            self._logged_at = now
            logger.warning("webhook: accept failed (%s); %d refused so far", exc.strerror, self.refused_accepts)
        assert self._listener is not None
        fd = self._listener.fileno()
        loop.remove_reader(fd)
        loop.call_later(0.1, self._resume, fd)

    def _resume(self, fd: int) -> None:
        if self._listener is not None and self._listener.fileno() == fd:
            asyncio.get_running_loop().add_reader(fd, self._on_readable)

    def close_listener(self) -> None:
        if self._listener is not None:
            asyncio.get_running_loop().remove_reader(self._listener.fileno())
            self._listener.close()
            self._listener = None


def connection_cap(wanted: int) -> int:
    """``wanted``, but always leaving descriptors for the database, the API client and logs."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(8, min(wanted, soft // 2))


def build_server(intake: Intake, secret: str, limits: WebhookLimits) -> LimitedServer:
    app = tornado.web.Application(
        [(WEBHOOK_PATH, _WebhookHandler, {"intake": intake, "secret": secret.encode(), "max_depth": limits.max_depth})]
    )
    return LimitedServer(
        app,
        max_body_size=limits.max_body,
        idle_connection_timeout=limits.header_timeout,  # tornado's header timeout
        body_timeout=limits.body_timeout,
        max_connections=connection_cap(limits.max_connections),
        log_every=limits.log_every,
    )


async def serve_webhook(
    intake: Intake, settings: Settings, register: Register, stop: asyncio.Event, limits: WebhookLimits | None = None
) -> None:
    secret = settings.zalo_webhook_secret
    if secret is None or not settings.zalo_webhook_url:
        raise ValueError("webhook mode needs ZALO_WEBHOOK_URL and ZALO_WEBHOOK_SECRET")
    server = build_server(intake, secret.value, limits or WebhookLimits())
    server.listen_on(settings.zalo_webhook_host, settings.zalo_webhook_port)
    try:
        await register(f"{settings.zalo_webhook_url}{WEBHOOK_PATH}", secret.value)
        logger.info("Zalo webhook listening on %s:%d", settings.zalo_webhook_host, settings.zalo_webhook_port)
        await stop.wait()
    finally:
        server.close_listener()
        server.stop()
        await server.close_all_connections()
