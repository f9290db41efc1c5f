"""/healthz and /metrics on the loopback health port: real HTTP on 127.0.0.1 against the real
app (dispatcher, outbox worker, SQLite), and ``python -m bot run`` with BOT_HEALTH_PORT set."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from bot.app import App
from bot.chat.messages import Reply
from bot.delivery.outbox_worker import OutboxWorker, RateLimiter, RetryLater
from bot.service import metrics
from bot.service.health import HealthServer, HealthState
from tests import REPO_ROOT
from tests.conftest import World
from tests.fakes import FakeClock, free_port


def sample(name: str, **labels: str) -> float:
    return metrics.REGISTRY.get_sample_value(name, labels) or 0.0


class Flaky:
    """A platform that answers the first send with 429, then accepts."""

    platforms = ("test",)

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.busy = 1

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        if self.busy:
            self.busy -= 1
            raise RetryLater(1)
        self.sent.append(chat_id)


async def serve(app: App, *, running: bool = True, leading: bool = False) -> tuple[HealthServer, str]:
    state = HealthState(app.repos, app.services.clock, lambda: running, lambda: leading)
    server = HealthServer(state, 0)
    port = await server.start()
    return server, f"http://127.0.0.1:{port}"


async def test_healthz_reports_database_adapter_lease_and_last_update(world: World) -> None:
    server, base = await serve(world.app)
    try:
        assert server._server is not None
        assert {s.getsockname()[0] for s in server._server.sockets} == {"127.0.0.1"}  # loopback only
        await world.chat(world.staff_a).send("/help")
        async with httpx.AsyncClient() as http:
            answer = await http.get(f"{base}/healthz")
            assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
            report = answer.json()
            assert report["status"] == "ok" and report["database"] is True and report["adapter"] is True
            assert report["outbox_lease"] is False and report["outbox_depth"] == 0
            assert 0 <= report["last_update_age_seconds"] < 60
            assert (await http.get(f"{base}/nothing")).status_code == 404
            assert (await http.post(f"{base}/healthz")).status_code == 405
    finally:
        await server.close()
    stopped, base = await serve(world.app, running=False, leading=True)
    try:
        async with httpx.AsyncClient() as http:
            answer = await http.get(f"{base}/healthz")
        assert answer.status_code == 503
        assert answer.json()["status"] == "fail" and answer.json()["adapter"] is False
        assert answer.json()["outbox_lease"] is True
    finally:
        await stopped.close()


async def test_metrics_count_updates_errors_latency_outbox_and_429s(world: World, clock: FakeClock) -> None:
    answered = sample("trolyvks_updates_total", platform="test", outcome="answered")
    refused = sample("trolyvks_updates_total", platform="test", outcome="refused")
    timed = sample("trolyvks_reply_seconds_count", platform="test")
    limited = sample("trolyvks_rate_limited_total", platform="test")
    sent = sample("trolyvks_sends_total", platform="test", outcome="sent")
    staff = world.chat(world.staff_a)
    await staff.send("/help")
    await staff.send("/nguoidung")  # staff may not: refused
    assert sample("trolyvks_updates_total", platform="test", outcome="answered") == answered + 1
    assert sample("trolyvks_updates_total", platform="test", outcome="refused") == refused + 1
    assert sample("trolyvks_reply_seconds_count", platform="test") == timed + 2

    outbox = world.app.repos.outbox
    await outbox.enqueue(key="t:1", user=world.head_a, text="Nhắc thử", now=clock.now())
    clock.advance(minutes=5)
    server, base = await serve(world.app)
    try:
        async with httpx.AsyncClient() as http:
            page = await http.get(f"{base}/metrics")
            assert page.status_code == 200 and page.headers["content-type"].startswith("text/plain; version=0.0.4")
            assert "trolyvks_outbox_depth 1.0" in page.text
            assert "trolyvks_outbox_oldest_seconds 300.0" in page.text
            assert 'trolyvks_updates_total{outcome="answered",platform="test"}' in page.text
            assert "trolyvks_reply_seconds_bucket" in page.text

            platform = Flaky()
            limiter = RateLimiter(1000, 0, monotonic=lambda: clock.now().timestamp())
            worker = OutboxWorker(world.app.repos, platform, clock, limiter=limiter)
            await worker.run_once()  # 429: retried after its wait
            clock.advance(seconds=2)
            await worker.run_once()
            assert platform.sent == ["head-a"]
            assert sample("trolyvks_rate_limited_total", platform="test") == limited + 1
            assert sample("trolyvks_sends_total", platform="test", outcome="sent") == sent + 1
            after = await http.get(f"{base}/metrics")
            assert "trolyvks_outbox_depth 0.0" in after.text
    finally:
        await server.close()


async def test_handler_errors_are_counted(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A handler that raises (a bug, simulated by a router entry that fails) is counted."""
    router = world.app.services.router
    route = router.commands["help"]

    async def broken(ctx: object) -> list[Reply]:
        raise RuntimeError("simulated handler bug")

    monkeypatch.setitem(router.commands, "help", type(route)(route.name, broken, route.min_role, route.help, ""))
    before = sample("trolyvks_handler_errors_total", platform="test")
    errors = sample("trolyvks_updates_total", platform="test", outcome="error")
    await world.chat(world.staff_a).send("/help")
    assert sample("trolyvks_handler_errors_total", platform="test") == before + 1
    assert sample("trolyvks_updates_total", platform="test", outcome="error") == errors + 1


def test_a_running_assistant_answers_healthz_and_metrics(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "BOT_"))}
    env.update(
        BOT_DB=str(tmp_path / "bot.sqlite3"),
        BOT_ENV_FILE=str(tmp_path / "absent.env"),
        BOT_HEALTH_PORT=str(port),
        PYTHONPATH=str(REPO_ROOT),
        PYTHONIOENCODING="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--platform", "console"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdin is not None
        proc.stdin.write("/start\n")
        proc.stdin.flush()
        report, page = None, ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                page = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2).text
            except httpx.TransportError:
                time.sleep(0.2)
                continue
            report = answer.json()
            if report["last_update_age_seconds"] is not None:
                break
            time.sleep(0.2)
        assert report is not None and answer.status_code == 200, report
        assert report["database"] is True and report["adapter"] is True
        assert report["last_update_age_seconds"] is not None
        assert 'trolyvks_updates_total{outcome="answered",platform="console"} 1.0' in page
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    assert "Chào Quản trị demo!" in out and "Traceback" not in err
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)  # closed with the process
    assert json.dumps(report)  # the report is plain JSON


def test_a_health_port_already_taken_stops_the_start_naming_the_variable(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "BOT_"))}
        env.update(
            BOT_DB=str(tmp_path / "bot.sqlite3"),
            BOT_ENV_FILE=str(tmp_path / "absent.env"),
            BOT_HEALTH_PORT=str(port),
            PYTHONPATH=str(REPO_ROOT),
        )
        result = subprocess.run(
            [sys.executable, "-m", "bot", "run", "--platform", "console"],
            input="/start\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            env=env,
            timeout=60,
        )
    assert result.returncode == 2
    assert f"Cấu hình sai: BOT_HEALTH_PORT {port}: cannot listen on 127.0.0.1" in result.stderr
    assert "Traceback" not in result.stderr
