"""Two workers, one bot, one PostgreSQL database: two ``python -m bot run --platform telegram``
processes in webhook mode behind a tiny loopback balancer (round robin; a dead worker's requests
go to the other, as nginx's ``proxy_next_upstream`` does). One person's messages alternate
between the workers and are handled one at a time, in order; a 300-recipient fan-out is sent by
the worker holding the outbox lease, which is SIGKILLed midway: the other takes the lease over at
once and sends the rest; nobody gets a reminder twice, and whoever got none is listed as
uncertain."""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from storage.db import open_database
from storage.facilities import FacilityInput
from storage.repositories import Repositories
from tests.e2e.bot_process import BotProcess, wait_until
from tests.e2e.emulator_client import Emulator, new_token
from tests.e2e.harness import register, with_repos
from tests.e2e.test_reminders import REMINDER, _add_heads, reports_file, uncertain_chats
from tests.fakes import free_port

SECRET = "two-workers-secret-0123456789"
FORWARDED = ("Content-Type", "X-Telegram-Bot-Api-Secret-Token")


class Balancer:
    """Round robin over the workers' webhook ports, in a thread.

    It also gives every update its own ``update_id``, as Telegram does: the emulator takes the id
    when it builds an update but counts it up only after its webhook POST has returned, so updates
    sent while one is in flight share an id (quirk 8), and the bot rightly drops them as
    redeliveries."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.hits: Counter[int] = Counter()
        self._next = itertools.cycle(ports)
        self._ids = itertools.count(10**6)
        self._lock = threading.Lock()
        balancer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                update = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                with balancer._lock:
                    update["update_id"] = next(balancer._ids)
                body = json.dumps(update).encode()
                headers = {k: v for k in FORWARDED if (v := self.headers.get(k))}
                for _ in balancer.ports:
                    with balancer._lock:
                        port = next(balancer._next)
                    try:
                        answer = httpx.post(
                            f"http://127.0.0.1:{port}{self.path}", content=body, headers=headers, timeout=30
                        )
                    except httpx.TransportError:
                        continue  # that worker is down: the next one
                    balancer.hits[port] += 1
                    self.send_response(answer.status_code)
                    self.send_header("Content-Length", str(len(answer.content)))
                    self.end_headers()
                    self.wfile.write(answer.content)
                    return
                self.send_response(502)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/telegram"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


async def _province(url: str) -> None:
    db = await open_database(url)
    try:
        repos = Repositories.over(db)
        await repos.units.add("HN", "VKSND TP Hà Nội", "tinh")
        unit = await repos.units.add("HN-KV1", "VKSND khu vực 1 - Hà Nội", "khu_vuc", "HN")
        await repos.facilities.import_rows(unit.id, [FacilityInput("Nhà tạm giữ Công an khu vực 1", "nha_tam_giu")])
    finally:
        await db.close()


@pytest.fixture
def workers(emulator: Emulator, pg_url: str, tmp_path: Path) -> Iterator[tuple[list[BotProcess], Balancer]]:
    asyncio.run(_province(pg_url))
    ports = [free_port(), free_port()]
    balancer = Balancer(ports)
    token = new_token()
    reports = str(reports_file(SimpleNamespace(folder=tmp_path)))  # type: ignore[arg-type]
    bots = []
    for n, port in enumerate(ports, start=1):
        bot = BotProcess(
            tmp_path / "unused.sqlite3",
            token,
            emulator.url,
            tmp_path / f"worker{n}.log",
            TELEGRAM_WEBHOOK_URL="https://tro-ly.example.org/hook",
            TELEGRAM_WEBHOOK_SECRET=SECRET,
            TELEGRAM_WEBHOOK_HOST="127.0.0.1",
            TELEGRAM_WEBHOOK_PORT=str(port),
            E2E_WEBHOOK_LOCAL_URL=balancer.url,
            TELEGRAM_RATE_PER_SECOND="60",
            BOT_REPORTS_FILE=reports,
        )
        bot.env["BOT_DB"] = pg_url
        bots.append(bot.start())
    try:
        yield bots, balancer
    finally:
        for bot in bots:
            bot.stop()
        balancer.close()


async def _lease_holder_pid(repos: Repositories) -> int:
    rows = await repos.db.fetchall("SELECT holder FROM leases WHERE name LIKE 'outbox:%'")
    assert len(rows) == 1, rows
    return int(rows[0][0].split(":")[1])


def test_two_workers_share_one_bot_one_person_in_order_and_a_fan_out_survives_a_sigkill(
    workers: tuple[list[BotProcess], Balancer], emulator: Emulator, pg_url: str
) -> None:
    bots, balancer = workers
    first = bots[0]
    admin = register(emulator, first, pg_url, 7601, role="admin", unit="HN", name="Quản trị tỉnh")  # type: ignore[arg-type]
    staff = register(emulator, first, pg_url, 7602, name="Cán bộ KV1")  # type: ignore[arg-type]
    assert len(balancer.hits) == 2, balancer.hits  # both workers served

    # One person, five messages at once, alternating between the workers: each is one step of the
    # form, handled once and never beside another (a lost step would leave a field empty). Sent at
    # once over two connections, they may arrive in either order, so the values are compared as a set.
    staff.ask("/kiemsat", "Chọn cơ sở")
    staff.choose("Nhà tạm giữ Công an khu vực 1", "Hình thức")
    staff.choose("Hằng ngày", "tạm giữ")
    for value in ("9", "8", "7", "6", "5"):
        staff.send(value)
    staff.wait_for("phát hiện vi phạm", timeout=30)
    conversation = with_repos(pg_url, lambda repos: repos.conversations.load("telegram", "7602", "7602"))  # type: ignore[arg-type]
    fields = ("held_tam_giu", "held_tam_giam", "admitted", "released", "overdue")
    assert sorted(conversation.data[f] for f in fields) == [5, 6, 7, 8, 9]

    recipients, first_id = 300, 900_000
    with_repos(pg_url, lambda repos: _add_heads(repos, recipients, first_id))  # type: ignore[arg-type]
    admin.ask("/thu_nhac", f"cho {recipients} lãnh đạo")

    def delivered() -> Counter[int]:
        return Counter(
            m.chat_id for m in emulator.bot_messages(first.token) if REMINDER in m.text and m.chat_id >= first_id
        )

    wait_until(lambda: len(delivered()) >= recipients // 3, 60, "a third of the reminders to go out")
    sender_pid = with_repos(pg_url, _lease_holder_pid)  # type: ignore[arg-type]
    sender = next(b for b in bots if b.process is not None and b.process.pid == sender_pid)
    survivor = next(b for b in bots if b is not sender)
    sender.kill()
    killed_after = len(delivered())
    assert killed_after < recipients, "the fan-out finished before the kill: nothing was tested"

    def settled() -> bool:
        counts = with_repos(pg_url, lambda repos: repos.outbox.count_by_status())  # type: ignore[arg-type]
        return not counts.get("pending") and not counts.get("sending")

    wait_until(settled, 90, "the surviving worker to take the lease over and send the rest")
    counts = delivered()
    assert max(counts.values()) == 1, [chat for chat, n in counts.items() if n > 1]  # nobody twice
    missing = {first_id + i for i in range(recipients)} - set(counts)
    uncertain = with_repos(pg_url, lambda repos: uncertain_chats(repos, 7601))  # type: ignore[arg-type]
    print(f"killed after {killed_after} of {recipients}; uncertain {len(uncertain)}, never arrived {len(missing)}")
    assert missing <= uncertain, missing - uncertain
    assert len(uncertain) <= 16
    # The survivor still answers, through the balancer (the dead worker's turns go to it).
    assert "Điều 118" in admin.ask("thoi han tam giu la bao lau", "Căn cứ:")
    assert survivor.alive
    assert with_repos(pg_url, lambda repos: repos.db.integrity_ok())  # type: ignore[arg-type]
