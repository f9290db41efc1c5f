"""Check-in benchmark: N simulated users complete check-ins concurrently through the real
dispatcher on a SQLite file in a temporary folder (``--store postgres``: on PostgreSQL, see bench/stores.py).

Reports check-ins per second, p50/p99 latency per step, the database size per 10,000
check-ins (extrapolated linearly from the measured growth, which includes the
conversation, processed-update, audit and outbox rows a check-in causes), and verifies
afterwards that every check-in is stored once with the counts and contents sent.

    .venv/bin/python -m bench.checkin_bench [--users 200] [--per-user 5] [--store sqlite|postgres] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import pstats
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from bench.stats import percentile
from bench.stores import STORES, database_bytes, database_target
from bot.app import build_app
from bot.chat.messages import Incoming, Location, Photo, Reply
from bot.config import Settings
from storage.facilities import FacilityInput
from storage.users import Role, User

UNITS = 10
FACILITIES_PER_UNIT = 4
STEPS = (
    "start",
    "facility",
    "kind",
    "held_tam_giu",
    "held_tam_giam",
    "admitted",
    "released",
    "overdue",
    "violations",
    "violation_item",
    "violations_done",
    "requests",
    "location",
    "photo",
    "photos_done",
    "notes",
    "send",
)


def expected(user_index: int, round_: int) -> dict[str, object]:
    """What user ``user_index`` sends in round ``round_`` (deterministic, so it can be verified)."""
    held = (user_index * 7 + round_) % 60
    return {
        "held_tam_giu": held,
        "held_tam_giam": (user_index + 3 * round_) % 200,
        "admitted": (user_index + round_) % 9,
        "released": round_ % 5,
        "overdue": 1 if held and (user_index + round_) % 10 == 0 else 0,
        "violation": f"Vi phạm mẫu {user_index}-{round_}: buồng giam chưa bảo đảm",
        "requests": f"Kiến nghị {user_index}-{round_}",
        "notes": f"Ghi chú kiểm sát u{user_index} r{round_}",
        "photo": f"photo-{user_index}-{round_}",
    }


class Simulated:
    def __init__(self, app, user: User, index: int, facility_ids: list[int], think: float = 0.0) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.think = think
        self.rng = random.Random(index)
        self.user = user
        self.index = index
        self.facility_ids = facility_ids
        self.updates = 0
        self.latencies: dict[str, list[float]] = defaultdict(list)

    async def _step(self, name: str, **fields: object) -> list[Reply]:
        if self.think:
            await asyncio.sleep(self.rng.uniform(0, 2 * self.think))
        self.updates += 1
        incoming = Incoming(
            platform="bench",
            chat_id=self.user.platform_user_id,
            user_id=self.user.platform_user_id,
            update_key=f"{self.user.platform_user_id}:{self.updates}",
            **fields,  # type: ignore[arg-type]
        )
        began = time.perf_counter()
        replies = await self.app.dispatcher.handle(incoming)
        self.latencies[name].append(time.perf_counter() - began)
        return replies

    async def check_in(self, round_: int) -> None:
        want = expected(self.index, round_)
        facility = self.facility_ids[(self.index + round_) % len(self.facility_ids)]
        await self._step("start", text="/kiemsat")
        await self._step("facility", callback=f"ks:f:{facility}")
        await self._step("kind", callback="ks:t:hang_ngay")
        for name in ("held_tam_giu", "held_tam_giam", "admitted", "released", "overdue"):
            await self._step(name, text=str(want[name]))
        await self._step("violations", callback="ks:vl")
        await self._step("violation_item", text=want["violation"])
        await self._step("violations_done", callback="ks:ok")
        await self._step("requests", text=want["requests"])
        await self._step("location", location=Location(21.0 + self.index / 1000, 105.8))
        await self._step("photo", photos=(Photo(str(want["photo"]), 150_000),))
        await self._step("photos_done", callback="ks:ok")
        summary = await self._step("notes", text=want["notes"])
        send = next(b.data for r in summary for b in r.flat_buttons if b.data.startswith("ks:send:"))
        replies = await self._step("send", callback=send)
        if not replies or "Đã gửi" not in replies[0].text:
            raise RuntimeError(f"user {self.index} round {round_}: {replies}")


async def run(users: int, per_user: int, target: str, profile: bool, think: float = 0.0) -> dict[str, object]:
    settings = Settings(db_path=target, demo=False, log_level="WARNING")
    app = await build_app(settings)
    repos = app.repos
    province = await repos.units.add("BP", "VKSND tỉnh Bench", "tinh")
    admin = await repos.users.create("bench", "admin", "Quản trị", province.id, Role.ADMIN)
    facility_ids: dict[int, list[int]] = {}
    for u in range(UNITS):
        unit = await repos.units.add(f"BK{u}", f"VKSND khu vực {u}", "khu_vuc", "BP")
        await repos.users.create("bench", f"head-{u}", f"Lãnh đạo {u}", unit.id, Role.HEAD)
        sites = [FacilityInput(f"Nhà tạm giữ {u}-{i}", "nha_tam_giu") for i in range(FACILITIES_PER_UNIT)]
        facility_ids[unit.id] = [f.id for f in await repos.facilities.import_rows(unit.id, sites)]
    unit_ids = list(facility_ids)
    people = []
    for i in range(users):
        unit_id = unit_ids[i % UNITS]
        user = await repos.users.create("bench", f"staff-{i}", f"Cán bộ {i}", unit_id, Role.STAFF)
        people.append(Simulated(app, user, i, facility_ids[unit_id], think))
    await app.close()
    before = await database_bytes(target)
    app = await build_app(settings)
    for person in people:
        person.app = app

    async def one(person: Simulated) -> None:
        for round_ in range(per_user):
            await person.check_in(round_)

    profiler = cProfile.Profile() if profile else None
    load_before = os.getloadavg()[0]
    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    loop_cpu_before = time.thread_time()
    began = time.perf_counter()
    if profiler:
        profiler.enable()
    await asyncio.gather(*(one(p) for p in people))
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - began
    loop_cpu = time.thread_time() - loop_cpu_before
    usage = resource.getrusage(resource.RUSAGE_SELF)
    process_cpu = (usage.ru_utime - usage_before.ru_utime) + (usage.ru_stime - usage_before.ru_stime)

    # Verify: every check-in present once, with what was sent.
    stored = await app.repos.checkins.in_period(
        province.id, datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    )
    by_note = {c.content.notes: c for c in stored}
    problems = []
    if len(stored) != users * per_user or len(by_note) != len(stored):
        problems.append(f"stored {len(stored)} check-ins ({len(by_note)} distinct), expected {users * per_user}")
    for person in people:
        for round_ in range(per_user):
            want = expected(person.index, round_)
            got = by_note.get(str(want["notes"]))
            if got is None:
                problems.append(f"missing u{person.index} r{round_}")
                continue
            c = got.content
            fields = ("held_tam_giu", "held_tam_giam", "admitted", "released", "overdue")
            if any(getattr(c, f) != want[f] for f in fields) or got.author_id != person.user.id:
                problems.append(f"counts differ u{person.index} r{round_}")
            if (
                c.violations != (want["violation"],)
                or c.requests != want["requests"]
                or c.photos[0][0] != want["photo"]
            ):
                problems.append(f"contents differ u{person.index} r{round_}")
    alerts = (await app.repos.outbox.count_by_status()).get("pending", 0)
    expected_alerts = sum(1 for p in people for r in range(per_user) if expected(p.index, r)["overdue"])
    if alerts != expected_alerts:
        problems.append(f"{alerts} head alerts queued, expected {expected_alerts}")
    await app.close()
    after = await database_bytes(target)
    del admin

    all_latencies = [x for p in people for v in p.latencies.values() for x in v]
    per_step = {}
    for name in STEPS:
        values = [x for p in people for x in p.latencies[name]]
        per_step[name] = {"p50_ms": percentile(values, 0.5) * 1000, "p99_ms": percentile(values, 0.99) * 1000}
    total = users * per_user
    result: dict[str, object] = {
        "store": app.db.dialect,
        "users": users,
        "think_ms": think * 1000,
        "checkins": total,
        "steps_per_checkin": len(STEPS),
        "seconds": elapsed,
        "checkins_per_second": total / elapsed,
        "messages_per_second": len(all_latencies) / elapsed,
        "p50_ms": percentile(all_latencies, 0.5) * 1000,
        "p99_ms": percentile(all_latencies, 0.99) * 1000,
        "mean_ms": statistics.fmean(all_latencies) * 1000,
        # CPU per message: less sensitive than wall time to other work on a shared machine.
        "loop_cpu_us_per_message": loop_cpu / len(all_latencies) * 1e6,
        "process_cpu_us_per_message": process_cpu / len(all_latencies) * 1e6,
        "load_average_at_start": load_before,
        "per_step": per_step,
        "db_growth_bytes": after - before,
        "db_bytes_per_10000_checkins_extrapolated": (after - before) / total * 10_000,
        "verified": not problems,
        "problems": problems[:20],
    }
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
        result["profile"] = out.getvalue()
    return result


def print_table(r: dict[str, object]) -> None:
    print(
        f"Check-in benchmark ({r['store']}): {r['users']} users, {r['checkins']} check-ins, {r['steps_per_checkin']} messages each, "
        f"think time {r['think_ms']:.0f} ms"
    )
    print(f"{'step':<18}{'p50 ms':>10}{'p99 ms':>10}")
    for name, v in r["per_step"].items():  # type: ignore[union-attr]
        print(f"{name:<18}{v['p50_ms']:>10.2f}{v['p99_ms']:>10.2f}")
    print(f"{'all steps':<18}{r['p50_ms']:>10.2f}{r['p99_ms']:>10.2f}")
    print(f"check-ins/s          {r['checkins_per_second']:.1f}   (messages/s {r['messages_per_second']:.0f})")
    print(f"wall time            {r['seconds']:.2f} s (machine load average at start {r['load_average_at_start']:.1f})")
    print(
        f"CPU per message      {r['loop_cpu_us_per_message']:.0f} us event loop, "
        f"{r['process_cpu_us_per_message']:.0f} us whole process (database threads included)"
    )
    mb = r["db_bytes_per_10000_checkins_extrapolated"] / 1e6  # type: ignore[operator]
    print(f"db per 10,000        {mb:.1f} MB (extrapolated from {r['db_growth_bytes']:,} bytes measured)")
    print(f"verified             {'yes, every check-in present and intact' if r['verified'] else r['problems']}")
    if "profile" in r:
        print(r["profile"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--per-user", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--think-ms", type=float, default=0.0, help="mean pause before each message (0: closed loop, no pause)"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the event-loop thread")
    parser.add_argument("--store", choices=STORES, default="sqlite", help="the database (see bench/stores.py)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder, database_target(args.store, Path(folder), "bench") as target:
        result = asyncio.run(run(args.users, args.per_user, target, args.profile, args.think_ms / 1000))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_table(result)
    return 0 if result["verified"] else 1


if __name__ == "__main__":
    sys.exit(main())
