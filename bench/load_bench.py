"""Load benchmark: N simulated users × K messages each, concurrently, through the real
dispatcher and a SQLite file in a temporary folder (everything but the chat platform; ``--store
postgres``: PostgreSQL, see bench/stores.py).

The traffic is mixed as staff use the assistant: knowledge questions (with and without
diacritics, typos, abbreviations, out-of-scope ones), the deadline calculator (guided with
buttons, and free text), and check-in steps (a whole check-in, sent). Every message has an
update key, as platforms send, and every reply is checked: no handler error, nothing
missing; the check-ins sent are counted in the database afterwards.

Prints messages per second, p50/p95/p99 latency per kind of message, and the peak RSS.
``--think-ms`` adds a random pause (uniform, mean as given) before each message: 0 is a
closed loop (every user sends again as soon as answered: the most the process can do);
with 500 users, 500 ms offers about 1,000 messages per second.

    .venv/bin/python -m bench.load_bench [--users 500] [--messages 20] [--think-ms 0] [--store sqlite|postgres]
        [--workers N] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench.load_traffic import KINDS, Step, plan
from bench.stats import peak_rss_mb, percentile
from bench.stores import STORES, database_target
from bot.app import App, build_app
from bot.chat import texts
from bot.chat.messages import Incoming, Reply
from bot.config import Settings
from storage.facilities import FacilityInput
from storage.users import Role

UNITS = 10
FACILITIES_PER_UNIT = 4
ERROR_PREFIX = texts.ERROR.split("(", 1)[0]


class User:
    def __init__(self, app: App, user_id: str, steps: list[Step], think: float, seed: int) -> None:
        self.app, self.user_id, self.steps, self.think = app, user_id, steps, think
        self.rng = random.Random(seed)
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.problems: list[str] = []
        self.sent_checkins = 0
        self._keys: Iterator[int] = iter(range(1, 10**9))

    async def run(self) -> None:
        send_button = ""
        for kind, fields in self.steps:
            if self.think:
                await asyncio.sleep(self.rng.uniform(0, 2 * self.think))
            if fields.get("callback") == "ks:send:*":
                fields = {"callback": send_button}
            incoming = Incoming(
                platform="bench",
                chat_id=self.user_id,
                user_id=self.user_id,
                display_name="Cán bộ",
                update_key=f"{self.user_id}:{next(self._keys)}",
                **fields,
            )
            began = time.perf_counter()
            replies = await self.app.dispatcher.handle(incoming)
            self.latencies[kind].append(time.perf_counter() - began)
            self._check(kind, fields, replies)
            for reply in replies:
                send_button = next((b.data for b in reply.flat_buttons if b.data.startswith("ks:send:")), send_button)
            if fields.get("callback", "").startswith("ks:send:") and "Đã gửi phiếu" in replies[0].text:
                self.sent_checkins += 1

    def _check(self, kind: str, fields: dict[str, Any], replies: list[Reply]) -> None:
        if not replies or any(not r.text.strip() or r.text.startswith(ERROR_PREFIX) for r in replies):
            self.problems.append(f"{self.user_id} {kind} {fields}: {[r.text[:80] for r in replies]}")


async def _setup(app: App, users: int) -> list[int]:
    """The province, its units, heads, facilities and ``users`` staff; each user's facility."""
    repos = app.repos
    await repos.units.add("LP", "VKSND tỉnh Tải", "tinh")
    facilities: list[list[int]] = []
    unit_ids = []
    for u in range(UNITS):
        unit = await repos.units.add(f"LK{u}", f"VKSND khu vực {u}", "khu_vuc", "LP")
        unit_ids.append(unit.id)
        await repos.users.create("bench", f"head-{u}", f"Lãnh đạo {u}", unit.id, Role.HEAD)
        sites = [FacilityInput(f"Nhà tạm giữ {u}-{i}", "nha_tam_giu") for i in range(FACILITIES_PER_UNIT)]
        facilities.append([f.id for f in await repos.facilities.import_rows(unit.id, sites)])
    for i in range(users):
        await repos.users.create("bench", f"u{i}", f"Cán bộ {i}", unit_ids[i % UNITS], Role.STAFF)
    return [facilities[i % UNITS][i % FACILITIES_PER_UNIT] for i in range(users)]


async def _drive(
    target: str, part: range, facility_of: list[int], messages: int, think: float, start_at: float
) -> dict[str, Any]:
    """One worker: the users ``part`` through its own app on the database, from ``start_at`` (wall clock)."""
    app = await build_app(Settings(db_path=target, demo=False, log_level="WARNING"))
    people = [User(app, f"u{i}", plan(i, messages, facility_of[i]), think, seed=i) for i in part]
    await asyncio.sleep(max(start_at - time.time(), 0))
    cpu, loop_cpu = time.process_time(), time.thread_time()
    await asyncio.gather(*(p.run() for p in people))
    ended = time.time()
    cpu, loop_cpu = time.process_time() - cpu, time.thread_time() - loop_cpu
    await app.close()
    return {
        "ended": ended,
        "cpu": cpu,
        "loop_cpu": loop_cpu,
        "latencies": {k: [x for p in people for x in p.latencies[k]] for k in KINDS},
        "problems": [x for p in people for x in p.problems],
        "sent": sum(p.sent_checkins for p in people),
        "expected": sum(1 for p in people if any(f.get("callback") == "ks:send:*" for _, f in p.steps)),
        "peak_rss_mb": peak_rss_mb(),
    }


def _worker(
    target: str, part: range, facility_of: list[int], messages: int, think: float, start_at: float
) -> dict[str, Any]:
    return asyncio.run(_drive(target, part, facility_of, messages, think, start_at))


async def run(users: int, messages: int, think: float, target: str, workers: int = 1) -> dict[str, Any]:
    app = await build_app(Settings(db_path=target, demo=False, log_level="WARNING"))
    facility_of = await _setup(app, users)
    rss_before = peak_rss_mb()
    start_at = time.time() + (3.0 if workers > 1 else 0.0)
    if workers == 1:
        await app.close()
        parts = [await _drive(target, range(users), facility_of, messages, think, start_at)]
    else:  # separate processes on the same (PostgreSQL) database, each with its share of the users
        await app.close()
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            jobs = [
                pool.submit(_worker, target, range(w, users, workers), facility_of, messages, think, start_at)
                for w in range(workers)
            ]
            parts = [job.result() for job in jobs]
    elapsed = max(p["ended"] for p in parts) - start_at
    app = await build_app(Settings(db_path=target, demo=False, log_level="WARNING"))
    stored = await app.repos.checkins.count()
    integrity = await app.db.integrity_ok()
    store = app.db.dialect
    await app.close()

    expected = sum(p["expected"] for p in parts)
    problems = [x for p in parts for x in p["problems"]]
    sent = sum(p["sent"] for p in parts)
    if sent != expected or stored != expected:
        problems.append(f"{sent} check-ins confirmed and {stored} stored, expected {expected}")
    if not integrity:
        problems.append("the database's integrity check failed")
    by_kind = {k: [x for p in parts for x in p["latencies"][k]] for k in KINDS}
    every = [x for values in by_kind.values() for x in values]
    cpu, loop_cpu = sum(p["cpu"] for p in parts), sum(p["loop_cpu"] for p in parts)

    def row(values: list[float]) -> dict[str, float]:
        return {"messages": len(values), **{f"p{q}_ms": percentile(values, q / 100) * 1000 for q in (50, 95, 99)}}

    return {
        "store": store,
        "workers": workers,
        "users": users,
        "messages_per_user": messages,
        "think_ms": think * 1000,
        "messages": len(every),
        "seconds": elapsed,
        "messages_per_second": len(every) / elapsed,
        "kinds": {k: row(v) for k, v in by_kind.items()},
        "all": row(every),
        "peak_rss_mb": max(p["peak_rss_mb"] for p in parts),
        "rss_before_run_mb": rss_before,
        "cpu_ms_per_message": cpu / len(every) * 1000,
        "loop_cpu_ms_per_message": loop_cpu / len(every) * 1000,
        "checkins_stored": stored,
        "verified": not problems,
        "problems": problems[:20],
    }


def print_table(r: dict[str, Any]) -> None:
    print(
        f"Load benchmark ({r['store']}, {r['workers']} worker(s)): {r['users']} users × {r['messages_per_user']} messages, think time {r['think_ms']:.0f} ms"
    )
    print(f"{'kind':<12}{'messages':>10}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}")
    for name, v in [*r["kinds"].items(), ("all", r["all"])]:
        print(f"{name:<12}{v['messages']:>10}{v['p50_ms']:>10.2f}{v['p95_ms']:>10.2f}{v['p99_ms']:>10.2f}")
    print(f"messages/s   {r['messages_per_second']:.0f}   (wall time {r['seconds']:.2f} s)")
    print(
        f"CPU          {r['cpu_ms_per_message']:.2f} ms per message ({r['loop_cpu_ms_per_message']:.2f} on the event loop)"
    )
    print(f"peak RSS     {r['peak_rss_mb']:.0f} MB   ({r['rss_before_run_mb']:.0f} MB after set-up)")
    print(f"check-ins    {r['checkins_stored']} stored")
    print(f"verified     {'yes: every message answered, no handler error' if r['verified'] else r['problems']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--messages", type=int, default=20, help="messages per user")
    parser.add_argument("--think-ms", type=float, default=0.0, help="mean pause before each message (0: closed loop)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--store", choices=STORES, default="sqlite", help="the database (see bench/stores.py)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes sharing the database (PostgreSQL)")
    args = parser.parse_args(argv)
    if args.workers > 1 and args.store != "postgres":
        parser.error("--workers above 1 needs --store postgres (one process serves an SQLite file)")
    with tempfile.TemporaryDirectory() as folder, database_target(args.store, Path(folder), "load") as target:
        result = asyncio.run(run(args.users, args.messages, args.think_ms / 1000, target, args.workers))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_table(result)
    return 0 if result["verified"] else 1


if __name__ == "__main__":
    sys.exit(main())
