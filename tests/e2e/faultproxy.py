"""Test-only: a fault-injecting HTTP proxy on 127.0.0.1 between the bot and the Bot API emulator.

The bot's ``TELEGRAM_API_BASE`` points here; each request is forwarded to the emulator unless a
fault is queued for its Bot API method (the last path segment, e.g. ``sendMessage``):

- ``429``: answered "Too Many Requests" with ``parameters.retry_after`` (not forwarded);
- ``502``: answered with an HTML "Bad Gateway" page, as a reverse proxy does (not forwarded);
- ``drop``: the connection is closed without an answer (not forwarded);
- ``slow``: forwarded (so the message IS delivered), but the answer is held for ``delay`` seconds,
  past the client's timeout: the client cannot know whether its request went through.

One request per connection (``Connection: close``), which keeps the proxy small; python-telegram-bot
opens new connections as needed. Runs its own event loop in a thread, so sync tests can use it.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import Counter, deque
from dataclasses import dataclass
from urllib.parse import urlsplit

FAULTS = ("429", "502", "drop", "slow")


@dataclass(frozen=True)
class Fault:
    kind: str
    retry_after: int = 1
    delay: float = 3.0


class FaultProxy:
    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or 80
        self._queued: dict[str, deque[Fault]] = {}
        self._lock = threading.Lock()
        self.requests: Counter[str] = Counter()  # per Bot API method, every request seen
        self.injected: list[tuple[str, str]] = []  # (method, fault kind), in order
        self.arrived = threading.Event()  # set whenever a request arrives (tests wait on it)
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        self._ready.wait(10)
        self.url = f"http://127.0.0.1:{self.port}"

    # --- control, from the test's thread ---------------------------------------------------------

    def inject(self, method: str, kind: str, times: int = 1, **options: float) -> None:
        assert kind in FAULTS, kind
        fault = Fault(kind, **options)  # type: ignore[arg-type]
        with self._lock:
            self._queued.setdefault(method, deque()).extend([fault] * times)

    def pending(self, method: str | None = None) -> int:
        with self._lock:
            return sum(len(q) for m, q in self._queued.items() if method in (None, m))

    def clear(self) -> None:
        """Forget queued faults and the record of injected ones (request counts are kept)."""
        with self._lock:
            self._queued.clear()
            self.injected.clear()

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._server.close)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    # --- the proxy, in its own thread ------------------------------------------------------------

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    def _next_fault(self, method: str) -> Fault | None:
        with self._lock:
            self.requests[method] += 1
            queue = self._queued.get(method)
            fault = queue.popleft() if queue else None
            if fault is not None:
                self.injected.append((method, fault.kind))
        self.arrived.set()
        return fault

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await _read_request(reader)
            if request is None:
                return
            head, body, path = request
            method = urlsplit(path).path.rsplit("/", 1)[-1]
            fault = self._next_fault(method)
            if fault is None or fault.kind == "slow":
                response = await self._forward(head, body)
                if fault is not None:
                    await asyncio.sleep(fault.delay)
            elif fault.kind == "429":
                payload = {
                    "ok": False,
                    "error_code": 429,
                    "parameters": {"retry_after": fault.retry_after},
                    "description": f"Too Many Requests: retry after {fault.retry_after}",
                }
                response = _response(429, "Too Many Requests", json.dumps(payload).encode(), "application/json")
            elif fault.kind == "502":
                page = b"<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>"
                response = _response(502, "Bad Gateway", page, "text/html")
            else:  # drop
                return
            writer.write(response)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client gave up (it timed out on a slow answer): nothing left to tell it
        finally:
            writer.close()

    async def _forward(self, head: list[bytes], body: bytes) -> bytes:
        reader, writer = await asyncio.open_connection(self.upstream_host, self.upstream_port)
        try:
            lines = [line for line in head if not line.lower().startswith((b"connection:", b"keep-alive:"))]
            writer.write(b"\r\n".join([*lines, b"Connection: close", b"", b""]) + body)
            await writer.drain()
            return await reader.read()  # the emulator closes the connection after its answer
        finally:
            writer.close()


async def _read_request(reader: asyncio.StreamReader) -> tuple[list[bytes], bytes, str] | None:
    try:
        raw = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None
    head = raw[:-4].split(b"\r\n")
    length = 0
    for line in head[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    body = await reader.readexactly(length) if length else b""
    path = head[0].split(b" ")[1].decode()
    return head, body, path


def _response(code: int, reason: str, body: bytes, content_type: str) -> bytes:
    head = (
        f"HTTP/1.1 {code} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body
