"""The Zalo webhook server's limits, over real sockets on 127.0.0.1: JSON nested too deep and
bodies too large refused (400/413, no traceback), a full intake answered 503, idle connections
closed after the header timeout, and at the connection cap a real update still answered."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from bot.adapters.intake import Verdict
from bot.adapters.zalo.webhook import (
    SECRET_HEADER,
    WEBHOOK_PATH,
    LimitedServer,
    WebhookLimits,
    build_server,
    json_depth,
)

SECRET = "webhook-secret-123"
UPDATE = {"event_name": "message.text.received", "message": {"from": {"id": "u"}, "chat": {"id": "u"}}}


class Intake:
    def __init__(self) -> None:
        self.bodies: list[Any] = []
        self.verdict = Verdict.ACCEPT

    def __call__(self, body: Any) -> Verdict:
        self.bodies.append(body)
        return self.verdict


@pytest.fixture
async def served() -> AsyncIterator[tuple[LimitedServer, Intake, str]]:
    intake = Intake()
    limits = WebhookLimits(max_connections=8, header_timeout=0.3, body_timeout=0.3, max_body=256 * 1024)
    server = build_server(intake, SECRET, limits)
    port = server.listen_on("127.0.0.1", 0)
    yield server, intake, f"http://127.0.0.1:{port}{WEBHOOK_PATH}"
    server.close_listener()
    server.stop()
    await server.close_all_connections()


async def _post(url: str, content: bytes) -> int:
    async with httpx.AsyncClient() as client:
        response = await client.post(url, content=content, headers={SECRET_HEADER: SECRET}, timeout=10)
    return response.status_code


def test_json_depth_counts_without_recursion() -> None:
    assert json_depth({"a": [1, {"b": 2}]}, 32) == 3
    assert json_depth(1, 32) == 0
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    assert json_depth(deep, 32) == 33  # stops counting past the limit


async def test_deep_json_is_a_400_not_a_500(served: tuple[LimitedServer, Intake, str], caplog: Any) -> None:
    _, intake, url = served
    with caplog.at_level(logging.ERROR):
        assert await _post(url, b"[" * 50_000 + b"]" * 50_000) == 400  # RecursionError in json
        nested: Any = UPDATE
        for _ in range(40):
            nested = {"x": nested}
        assert await _post(url, json.dumps(nested).encode()) == 400  # parses, but too deep
    assert intake.bodies == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert await _post(url, json.dumps(UPDATE).encode()) == 200


async def test_a_body_over_the_limit_is_refused(served: tuple[LimitedServer, Intake, str]) -> None:
    _, intake, url = served
    try:
        status = await _post(url, b"{" + b" " * (512 * 1024) + b"}")
    except httpx.HTTPError:  # tornado closes the connection on a Content-Length over the limit
        status = 0
    assert status == 0 or status >= 400
    assert intake.bodies == []
    assert await _post(url, json.dumps(UPDATE).encode()) == 200


async def test_a_full_intake_is_answered_503(served: tuple[LimitedServer, Intake, str]) -> None:
    _, intake, url = served
    intake.verdict = Verdict.BUSY
    assert await _post(url, json.dumps(UPDATE).encode()) == 503
    intake.verdict = Verdict.DROP  # a user over their limit: taken (and dropped), not redelivered
    assert await _post(url, json.dumps(UPDATE).encode()) == 200


async def _idle(port: int, count: int) -> list[socket.socket]:
    socks = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"POST /zalo HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        socks.append(sock)
    await asyncio.sleep(0.05)
    return socks


async def test_idle_connections_are_closed_and_the_cap_holds(served: tuple[LimitedServer, Intake, str]) -> None:
    server, intake, url = served
    port = int(url.split(":")[2].split("/")[0])
    socks = await _idle(port, 30)  # more than the cap of 8
    try:
        assert len([s for s in server.streams if not s.closed()]) <= 8
        # A real update still gets through: the oldest idle connection makes room.
        assert await _post(url, json.dumps(UPDATE).encode()) == 200
        assert len(intake.bodies) == 1
        await asyncio.sleep(0.6)  # past the header timeout
        assert not [s for s in server.streams if not s.closed()]
        closed = 0
        for sock in socks:
            sock.settimeout(2)
            try:
                closed += sock.recv(1024) == b""
            except ConnectionResetError:
                closed += 1
        assert closed == len(socks)
    finally:
        for sock in socks:
            sock.close()
