"""The webhook HTTP server both platforms' webhooks run on: tornado behind our own accept loop,
with limits against hostile or broken clients (``WebhookLimits``):

- at most ``max_connections`` open connections, and never more than half the process's descriptor
  limit; at the cap the oldest connection is closed (real requests finish in milliseconds, idle
  ones are what piles up);
- ``header_timeout`` to send the headers and ``body_timeout`` for the body; ``max_body`` bytes;
- JSON nested deeper than ``max_depth`` is refused by the handlers (``json_depth``, no recursion);
- when descriptors run out anyway, accepting pauses for 0.1 s and one line is logged per
  ``log_every`` seconds, never a traceback per refused accept.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import resource
import socket
from dataclasses import dataclass
from typing import Any

import tornado.httpserver
import tornado.iostream
import tornado.web

logger = logging.getLogger(__name__)


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


def limited_server(app: tornado.web.Application, limits: WebhookLimits) -> LimitedServer:
    return LimitedServer(
        app,
        max_body_size=limits.max_body,
        idle_connection_timeout=limits.header_timeout,  # tornado's header timeout
        body_timeout=limits.body_timeout,
        max_connections=connection_cap(limits.max_connections),
        log_every=limits.log_every,
    )


async def close_server(server: LimitedServer) -> None:
    server.close_listener()
    server.stop()
    await server.close_all_connections()
