"""Deadline register benchmark: a province's history on a SQLite file in a temporary folder —
100,000 tracked items over 40 units (most closed), 5,000 open, one unit with 3,000 items.

Measures: planning a day (the 07:30 digest run of the real planner, which folds every open
item's chain, and re-planning the reminders of all open items, as after a bulk import), the
register part of the digest on its own (built once, then every head's lines: 40 unit heads and
the province's), /theodoi for the head of the 3,000-item unit through the real dispatcher
(p50/p99), importing a 5,000-row CSV sheet (all rows checked, stored in one transaction), and
the database size. ``--store postgres`` runs it on PostgreSQL (see bench/stores.py).

    .venv/bin/python -m bench.register_bench [--items 100000] [--open 5000] [--store sqlite|postgres] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.stores import STORES, database_bytes, database_target
from bot.app import build_app
from bot.config import Settings
from bot.delivery.planner import MARK, Planner
from handlers.register import service
from handlers.register.digest import RegisterDigest
from handlers.register.load import run_import
from handlers.register.plan import state_of, step_messages
from storage.outbox import NewMessage
from storage.register_model import NewItem
from storage.users import Role, User
from tests.fakes import FakeChat, FakeClock

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 11:00 local
UNITS = 40
BIG = 3000  # items of the first unit


def _start(rng: random.Random, open_item: bool) -> dict[str, object]:
    if open_item:
        day = date(2026, 12, 6) - timedelta(days=rng.randint(0, 40))
    else:
        day = date(2022, 1, 1) + timedelta(days=rng.randint(0, 1400))
    kind = rng.choice(("tam_giu", "tam_giam", "dieu_tra", "truy_to", "tam_giam"))
    if kind == "tam_giu":
        moment = (
            datetime(2026, 12, 6, 9, 0) - timedelta(hours=rng.randint(1, 60))
            if open_item
            else datetime.combine(day, datetime.min.time())
        )
        return {"kind": kind, "start": moment.isoformat(timespec="minutes")}
    data: dict[str, object] = {
        "kind": kind,
        "start": day.isoformat(),
        "category": rng.choice(("nghiem_trong", "rat_nghiem_trong")),
    }
    if kind == "tam_giam":
        data["months"] = rng.choice((2, 3, 4))
    return data


async def _populate(app_repos: object, people: dict[int, tuple[User, User]], items: int, open_count: int) -> None:
    rng = random.Random(13)
    repos = app_repos
    units = list(people)
    plan: list[tuple[int, bool]] = []
    for n in range(items):
        unit = units[0] if n < BIG else units[1 + n % (len(units) - 1)]
        plan.append((unit, False))
    for index in rng.sample(range(items), open_count):
        plan[index] = (plan[index][0], True)
    batch: dict[int, list[NewItem]] = {}
    for n, (unit, open_item) in enumerate(plan):
        staff, _ = people[unit]
        later: tuple[tuple[str, dict[str, object]], ...] = () if open_item else (("close", {}),)
        batch.setdefault(unit, []).append(NewItem(unit, f"{n}/2026 NVA", staff.id, _start(rng, open_item), later=later))
        if len(batch[unit]) == 500:
            await service.create(repos, people[unit][1], batch.pop(unit), NOW, TZ)  # type: ignore[arg-type]
    for unit, rest in batch.items():
        await service.create(repos, people[unit][1], rest, NOW, TZ)  # type: ignore[arg-type]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(q * len(ordered)), len(ordered) - 1)]


async def run(target: str, items: int, open_count: int) -> dict[str, object]:
    clock = FakeClock(NOW)
    app = await build_app(Settings(db_path=target, demo=False, log_level="WARNING"), clock=clock)
    repos = app.repos
    province = await repos.units.add("T", "VKSND tỉnh", "tinh")
    province_head = await repos.users.create("test", "ht", "Lãnh đạo tỉnh", province.id, Role.HEAD)
    people: dict[int, tuple[User, User]] = {}
    for n in range(UNITS):
        unit = await repos.units.add(f"KV{n}", f"VKSND khu vực {n}", "khu_vuc", "T")
        staff = await repos.users.create("test", f"s{n}", f"KSV {n}", unit.id, Role.STAFF)
        head = await repos.users.create("test", f"h{n}", f"Lãnh đạo {n}", unit.id, Role.HEAD)
        people[unit.id] = (staff, head)
    started = time.perf_counter()
    await _populate(repos, people, items, open_count)
    populate_s = time.perf_counter() - started

    # A day of planning: the 07:30 digest run (folds every open item) ...
    assert app.services.reports is not None
    planner = Planner(repos, app.services.reports, TZ)
    await repos.reports.set_mark(MARK, datetime(2026, 12, 7, 0, 0, tzinfo=UTC))  # 07:00 local on 07/12
    started = time.perf_counter()
    result = await planner.plan(datetime(2026, 12, 7, 0, 31, tzinfo=UTC))  # 07:31 local
    digest_s = time.perf_counter() - started
    # ... and re-planning the reminders of every open item (as after a bulk import).
    started = time.perf_counter()
    open_items = await repos.register.all_open()
    planned = 0
    for item in open_items:
        state = state_of(item)
        if state.step is not None:
            staff, head = people[item.unit_id]
            planned += len(
                step_messages(item.id, item.version, item.label, state.step, staff, staff.display_name, [head], NOW, TZ)
            )
    replan_s = time.perf_counter() - started

    # The register part of the 07:30 digest: built once, then each head's lines.
    heads = [province_head, *(head for _, head in people.values())]
    digest_at = datetime(2026, 12, 7, 7, 31, tzinfo=TZ)
    started = time.perf_counter()
    register = await RegisterDigest.load(repos, digest_at, heads)
    digest_lines = {head.id: register.lines_for(head, digest_at.date()) for head in heads}
    register_digest_s = time.perf_counter() - started

    # /theodoi for the head of the 3,000-item unit, through the dispatcher.
    first_unit = next(iter(people))
    head = people[first_unit][1]
    chat = FakeChat(app.dispatcher, head.platform_user_id, platform=head.platform)
    latencies = []
    for _ in range(300):
        started = time.perf_counter()
        await chat.send("/theodoi")
        latencies.append((time.perf_counter() - started) * 1000)
    big_open = len(await repos.register.in_scope(head))

    # Import a 5,000-row sheet in the units' layout.
    lines = [
        "BẢNG THEO DÕI THỜI HẠN TẠM GIỮ, TẠM GIAM",
        "STT,Họ và tên,Biện pháp,Từ ngày,Thời hạn,Số ngày tạm giữ được trừ,Đến ngày",
    ]
    for n in range(5000):
        day = date(2026, 11, 1) + timedelta(days=n % 30)
        last = day + timedelta(days=60 - 3 - 1)
        lines.append(f"{n + 1},IMP{n},Tạm giam,{day:%d/%m/%Y},02 tháng,3,{last:%d/%m/%Y}")
    data = ("\n".join(lines) + "\n").encode("utf-8-sig")
    importer, target_unit = people[list(people)[5]][1], await repos.units.get(list(people)[5])
    assert target_unit is not None
    started = time.perf_counter()
    checked = await run_import(repos, importer, target_unit, data, "x.csv", NOW, TZ, dry_run=True)
    check_s = time.perf_counter() - started
    started = time.perf_counter()
    report = await run_import(repos, importer, target_unit, data, "x.csv", NOW, TZ, dry_run=False)
    import_s = time.perf_counter() - started
    assert checked.ok and report.stored == 5000, report.text[:500]

    # Queue 5,000 proactive messages in one transaction (the outbox's batch insert).
    messages = [
        NewMessage(f"bench:{n}", people[unit_id][0], f"Tin {n}", not_before=NOW + timedelta(days=1))
        for n, unit_id in enumerate(list(people) * 125)
    ]
    started = time.perf_counter()
    queued = await repos.outbox.queue(messages, NOW)
    queue_s = time.perf_counter() - started
    assert queued == len(messages)
    await app.close()
    size = await database_bytes(target)
    return {
        "store": app.db.dialect,
        "items": items,
        "open": open_count,
        "units": UNITS,
        "populate_seconds": round(populate_s, 1),
        "digest_run_seconds": round(digest_s, 3),
        "digest_messages": result.digests,
        "register_digest_seconds": round(register_digest_s, 3),
        "register_digest_lines": sum(len(lines) for lines in digest_lines.values()),
        "register_digest_province_lines": len(digest_lines[province_head.id]),
        "replan_open_seconds": round(replan_s, 3),
        "replan_open_items": len(open_items),
        "replan_messages": planned,
        "theodoi_open_items": big_open,
        "theodoi_p50_ms": round(statistics.median(latencies), 1),
        "theodoi_p99_ms": round(_pct(latencies, 0.99), 1),
        "import_rows": 5000,
        "import_check_seconds": round(check_s, 2),
        "import_seconds": round(import_s, 2),
        "outbox_queue_messages": len(messages),
        "outbox_queue_seconds": round(queue_s, 3),
        "import_stored": report.stored,
        "db_megabytes": round(size / 1e6, 1),
        "load_average": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--open", type=int, default=5_000)
    parser.add_argument("--store", choices=STORES, default="sqlite", help="the database (see bench/stores.py)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="register-bench-") as folder,
        database_target(args.store, Path(folder), "bench") as target,
    ):
        r = asyncio.run(run(target, args.items, args.open))
    if args.json:
        print(json.dumps(r, indent=1))
        return
    print(
        f"register bench ({r['store']}): {r['items']:,} items over {r['units']} units, {r['open']:,} open "
        f"(load {r['load_average']})"
    )
    print(f"{'measure':<40}{'value':>16}")
    print(f"{'populate (create, checked by the law)':<40}{r['populate_seconds']:>14} s")
    print(f"{'planning a day: 07:30 digest run':<40}{r['digest_run_seconds']:>14} s")
    print(f"{'register digest: build + 41 heads':<40}{r['register_digest_seconds']:>14} s")
    print(
        f"{'register digest lines (province head)':<40}{r['register_digest_lines']:>10} ({r['register_digest_province_lines']})"
    )
    print(f"{'re-plan reminders of all open items':<40}{r['replan_open_seconds']:>14} s")
    print(f"{'/theodoi head, open items in unit':<40}{r['theodoi_open_items']:>16}")
    print(f"{'/theodoi p50':<40}{r['theodoi_p50_ms']:>13} ms")
    print(f"{'/theodoi p99':<40}{r['theodoi_p99_ms']:>13} ms")
    print(f"{'import 5,000-row sheet: dry run':<40}{r['import_check_seconds']:>14} s")
    print(f"{'import 5,000-row sheet: checked + stored':<40}{r['import_seconds']:>14} s")
    print(f"{'outbox: queue 5,000 messages':<40}{r['outbox_queue_seconds']:>14} s")
    print(f"{'database size':<40}{r['db_megabytes']:>13} MB")
    print(json.dumps(r))


if __name__ == "__main__":
    main()
