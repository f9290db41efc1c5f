"""The health endpoint (``BOT_HEALTH_PORT``): a tiny HTTP/1.1 server on asyncio's own streams,
bound to 127.0.0.1 only (a monitoring agent or a reverse proxy on the same machine reads it).

- ``GET /healthz``: JSON ``{"status", "database", "adapter", "outbox_lease", "last_update_age_seconds",
  "outbox_depth", "outbox_oldest_seconds"}``; 200 when the database answers and the adapter runs,
  else 503. Holding the outbox lease is reported, not required (a second process waits for it).
- ``GET /metrics``: Prometheus text format (``bot/service/metrics.py``).

Anything else is 404 (405 for another method); a request is read with a size limit and a timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.clock import Clock
from bot.service import metrics
from storage.repositories import Repositories

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"
MAX_REQUEST = 8192
READ_TIMEOUT = 5.0
PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8"


@dataclass(slots=True)
class HealthState:
    repos: Repositories
    clock: Clock
    adapter_running: Callable[[], bool]
    lease_held: Callable[[], bool]
    updates: metrics.UpdateClock = metrics.LAST_UPDATE


async def health_report(state: HealthState) -> tuple[bool, dict[str, object]]:
    """Whether the process is healthy, and what /healthz says."""
    try:
        await state.repos.db.schema_version()
        database = True
    except Exception as exc:  # any failure to answer is the finding, reported, not raised
        logger.warning("health: the database did not answer: %s", exc)
        database = False
    depth, oldest = await _outbox(state) if database else (None, None)
    adapter = state.adapter_running()
    age = state.updates.age()
    healthy = database and adapter
    return healthy, {
        "status": "ok" if healthy else "fail",
        "database": database,
        "adapter": adapter,
        "outbox_lease": state.lease_held(),
        "last_update_age_seconds": None if age is None else round(age, 3),
        "outbox_depth": depth,
        "outbox_oldest_seconds": oldest,
    }


async def _outbox(state: HealthState) -> tuple[int, float]:
    now = state.clock.now()
    depth, oldest = await state.repos.outbox.waiting(now)
    metrics.set_outbox(depth, oldest, now)
    return depth, round(max((now - oldest).total_seconds(), 0.0), 3) if oldest else 0.0


class HealthServer:
    def __init__(self, state: HealthState, port: int) -> None:
        self.state = state
        self.port = port
        self._server: asyncio.Server | None = None

    async def start(self) -> int:
        """Listen on 127.0.0.1; returns the port (useful when ``port`` is 0)."""
        self._server = await asyncio.start_server(self._client, HOST, self.port, limit=MAX_REQUEST)
        port = int(self._server.sockets[0].getsockname()[1])
        logger.info("health endpoint on http://%s:%d/healthz and /metrics", HOST, port)
        return port

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            status, kind, body = await asyncio.wait_for(self._answer(reader), READ_TIMEOUT)
        except (TimeoutError, ValueError, asyncio.LimitOverrunError, asyncio.IncompleteReadError):
            status, kind, body = 400, "text/plain; charset=utf-8", b"bad request\n"
        head = (
            f"HTTP/1.1 {status} {_REASONS[status]}\r\nContent-Type: {kind}\r\n"
            f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        )
        with contextlib.suppress(ConnectionError):
            writer.write(head.encode("ascii") + body)
            await writer.drain()
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()

    async def _answer(self, reader: asyncio.StreamReader) -> tuple[int, str, bytes]:
        request = (await reader.readline()).decode("latin-1").split()
        while (await reader.readline()) not in (b"\r\n", b"\n", b""):
            pass  # headers: nothing in them matters here
        if len(request) != 3 or not request[2].startswith("HTTP/"):
            raise ValueError("not an HTTP request line")
        method, path = request[0], request[1].split("?", 1)[0]
        if path not in ("/healthz", "/metrics"):
            return 404, "text/plain; charset=utf-8", b"not found\n"
        if method != "GET":
            return 405, "text/plain; charset=utf-8", b"method not allowed\n"
        if path == "/metrics":
            try:
                await _outbox(self.state)
            except Exception as exc:  # the counters are still worth serving; the gauges keep their last values
                logger.warning("metrics: could not read the outbox: %s", exc)
            return 200, PROMETHEUS_TYPE, metrics.exposition()
        healthy, report = await health_report(self.state)
        body = json.dumps(report, ensure_ascii=False).encode() + b"\n"
        return (200 if healthy else 503), "application/json", body


_REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 503: "Service Unavailable"}
