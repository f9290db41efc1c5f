"""Slowloris against the Zalo webhook server in a subprocess whose descriptor limit is lowered
(128): hundreds of half-open requests, then a real update. It is answered, and the log stays
small. ``capped``: the production server (connection cap under the descriptor limit, oldest
connection closed at the cap). ``uncapped``: the cap lifted, so accepts do fail with EMFILE:
the refused accepts are logged at most once per period, not one traceback each."""

from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import sys
import textwrap

import httpx
import pytest

from tests import REPO_ROOT

CHILD = textwrap.dedent(
    """
    import asyncio, json, logging, resource, sys
    from bot.adapters.intake import Verdict
    from bot.adapters.zalo.webhook import WebhookLimits, build_server

    mode, limit = sys.argv[1], int(sys.argv[2])
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard))
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)

    def intake(body):
        print("UPDATE", json.dumps(body), flush=True)
        return Verdict.ACCEPT

    async def main():
        server = build_server(intake, "slow-secret-1", WebhookLimits(header_timeout=1.0, body_timeout=1.0))
        if mode == "uncapped":
            server.max_connections = 1_000_000
        print("PORT", server.listen_on("127.0.0.1", 0), flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())
    """
)
IDLE = 600
FD_LIMIT = 128


async def _idle_connection(port: int) -> asyncio.StreamWriter | None:
    try:
        _, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout=3)
    except (OSError, TimeoutError):
        return None  # the backlog was full: the attacker's problem
    writer.write(b"POST /zalo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n")  # never finished
    return writer


@pytest.mark.parametrize("mode", ["capped", "uncapped"])
async def test_a_real_update_is_answered_under_slowloris(mode: str) -> None:
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        mode,
        str(FD_LIMIT),
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    writers: list[asyncio.StreamWriter] = []
    try:
        line = (await asyncio.wait_for(child.stdout.readline(), timeout=20)).decode()
        assert line.startswith("PORT "), line
        port = int(line.split()[1])
        opened = await asyncio.gather(*(_idle_connection(port) for _ in range(IDLE)))
        writers = [w for w in opened if w is not None]
        assert len(writers) > FD_LIMIT  # more half-open requests than the server has descriptors
        update = {"event_name": "message.text.received", "message": {"text": "thật", "from": {"id": "u"}}}
        async with httpx.AsyncClient() as client:
            response = await client.post(
                f"http://127.0.0.1:{port}/zalo",
                json=update,
                headers={"X-Bot-Api-Secret-Token": "slow-secret-1"},
                timeout=30,
            )
        assert response.status_code == 200
        answered = (await asyncio.wait_for(child.stdout.readline(), timeout=10)).decode()
        assert answered.startswith("UPDATE ") and json.loads(answered[7:]) == update
    finally:
        for writer in writers:
            writer.close()
        with contextlib.suppress(ProcessLookupError):
            child.terminate()
        _, err = await child.communicate()
    log = err.decode(errors="replace")
    print(
        f"slowloris {mode}: {len(writers)} half-open, log {len(log)} bytes, {log.count('accept failed')} accept lines"
    )
    assert "Traceback" not in log
    assert len(log) < 20_000, log[-2000:]
    if mode == "uncapped":
        assert 1 <= log.count("accept failed") <= 5  # the refusals happened, and were logged rarely
