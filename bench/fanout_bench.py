"""Fan-out benchmark: N reminders to N recipients (real users rows in a SQLite file in a temporary
folder, queued through ``OutboxRepository``) delivered by the real ``OutboxWorker`` and
``RateLimiter`` against a fake platform that records when each send arrives and answers a
fraction with 429 + retry-after (and a few blocked recipients with 403).

Two platforms: ``fake`` (an in-process sender) and ``http`` (a loopback server speaking the
Telegram Bot API, reached through the real ``TelegramAdapter.deliver``: PTB + httpx).

Reports the achieved rate against the configured one (over the whole run, and over the time
the platform did not ask every send to pause), the worst one-second window, the closest two
attempts to one chat, retries, duplicates and lost messages.

    .venv/bin/python bench/fanout_bench.py [--count 3000] [--rate 30] [--platform fake|http|both] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import logging
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.fake_platform import FakeBotApi, InProcessPlatform, Receipt, Script
from bot.app import build_app
from bot.clock import SystemClock
from bot.config import Secret, Settings
from bot.delivery.outbox_worker import OutboxWorker, Sender
from knowledge.kb.library import Library
from storage.users import Role

TOKEN = "4242:" + "B" * 35
UNITS = 10
FIRST_CHAT = 70_000_000
# Two timestamps of one send (the limiter's and the platform's) differ by microseconds: a window
# of one second is counted as (t - 1 s + 1 ms, t].
WINDOW_SLACK = 0.001


def _key_of(text: str) -> str:
    return text[1 : text.index("]")]


def _paused_seconds(receipts: list[Receipt], retry_after: float) -> float:
    """The union of the pauses the platform asked for (from each 429 answer, retry_after long)."""
    spans = sorted((r.answered, r.answered + retry_after) for r in receipts if r.outcome == "flood")
    total, end = 0.0, float("-inf")
    for start, stop in spans:
        if stop > end:
            total += stop - max(start, end)
            end = stop
    return total


def analyse(
    receipts: list[Receipt], keys: dict[str, str], blocked: set[str], statuses: dict[str, int], args: argparse.Namespace
) -> dict[str, object]:
    receipts = sorted(receipts, key=lambda r: r.arrived)
    first, last = receipts[0].arrived, receipts[-1].arrived
    span = max(last - first, 1e-9)
    ok = Counter(_key_of(r.text) for r in receipts if r.outcome == "ok")
    expected = {k for k, chat in keys.items() if chat not in blocked}
    # Sends to one chat: closest start-to-start and end-to-start gaps, over every attempt.
    by_chat: dict[str, list[Receipt]] = defaultdict(list)
    for r in receipts:
        by_chat[r.chat_id].append(r)
    closest = closest_idle = float("inf")
    violations = 0
    for calls in by_chat.values():
        for before, after in itertools.pairwise(calls):
            closest = min(closest, after.arrived - before.arrived)
            closest_idle = min(closest_idle, after.arrived - before.answered)
            violations += after.arrived - before.arrived < args.per_chat
    starts = [r.arrived for r in receipts]
    worst, j = 0, 0
    for i, t in enumerate(starts):  # the most attempts in any window of one second (less 1 ms of clock noise)
        while starts[j] <= t - 1.0 + WINDOW_SLACK:
            j += 1
        worst = max(worst, i - j + 1)
    # Attempts that arrived while a pause asked by an earlier 429 was running, and how long after
    # the 429 answer the last of them came (a few ms: already on the wire when the answer left).
    floods = [r.answered for r in receipts if r.outcome == "flood"]
    late = [r.arrived - a for r in receipts for a in floods if a < r.arrived < a + args.retry_after]
    paused = _paused_seconds(receipts, args.retry_after)
    attempts = len(receipts)
    return {
        "messages": len(keys),
        "configured_rate": args.rate,
        "attempts": attempts,
        "delivered": sum(ok.values()),
        "seconds": span,
        "paused_seconds": paused,
        "attempts_per_second": (attempts - 1) / span,
        "attempts_per_second_unpaused": (attempts - 1) / max(span - paused, 1e-9),
        "share_of_rate": (attempts - 1) / span / args.rate,
        "share_of_rate_unpaused": (attempts - 1) / max(span - paused, 1e-9) / args.rate,
        "worst_1s_window": worst,
        "closest_same_chat_s": None if closest == float("inf") else closest,
        "closest_same_chat_after_answer_s": None if closest_idle == float("inf") else closest_idle,
        "per_chat_violations": violations,
        "sent_during_pause": len(late),
        "latest_in_pause_ms": max(late, default=0.0) * 1000,
        "retries_429": sum(1 for r in receipts if r.outcome == "flood"),
        "unreachable": statuses.get("unreachable", 0),
        "duplicates": sum(1 for n in ok.values() if n > 1),
        "lost": len(expected - set(ok)),
        "db_sent_without_receipt": max(statuses.get("sent", 0) - len(set(ok)), 0),
        "db_status": statuses,
    }


async def run(platform: str, args: argparse.Namespace, folder: Path, library: Library) -> dict[str, object]:
    settings = Settings(db_path=str(folder / f"fanout-{platform}.sqlite3"), demo=False, log_level="WARNING")
    app = await build_app(settings, library=library)
    repos = app.repos
    try:
        await repos.units.add("FP", "VKSND tỉnh Fan-out", "tinh")
        units = [await repos.units.add(f"FK{u}", f"VKSND khu vực {u}", "khu_vuc", "FP") for u in range(UNITS)]
        chats = [str(FIRST_CHAT + i) for i in range(args.count)]
        users = [
            await repos.users.create("telegram", chat, f"Lãnh đạo {i}", units[i % UNITS].id, Role.HEAD)
            for i, chat in enumerate(chats)
        ]
        blocked = set(chats[:: max(args.count // max(args.blocked, 1), 1)][: args.blocked]) if args.blocked else set()
        keys: dict[str, str] = {}
        now = SystemClock().now()
        queued = calls = 0
        for _ in range(2):  # the scheduler may queue a reminder twice: the key keeps one
            for i, user in enumerate(users):
                key = f"bench:bao-cao-thang:2026-03:{user.unit_id}:{user.id}:d-1"
                keys[key] = user.platform_user_id
                text = f"[{key}] Nhắc: báo cáo công tác tháng 03/2026 của đơn vị hạn 05/04. ({i})"
                calls += 1
                queued += await repos.outbox.enqueue(key=key, user=user, text=text, now=now)
        script = Script(args.flood, args.retry_after, blocked, args.latency_ms / 1000)
        adapter = None
        api = FakeBotApi(script) if platform == "http" else None
        if api is not None:
            api.__enter__()
            from bot.adapters.telegram import TelegramAdapter

            tg = replace(settings, telegram_token=Secret(TOKEN), telegram_api_base=api.base)
            adapter = TelegramAdapter(app.dispatcher, tg)
            await adapter.application.initialize()
            sender: Sender = adapter
        else:
            sender = InProcessPlatform(script, "telegram")
        worker = OutboxWorker(repos, sender, SystemClock(), per_second=args.rate, per_chat=args.per_chat)
        stop = asyncio.Event()
        began = time.monotonic()
        task = asyncio.create_task(worker.run(stop, idle=0.2))
        while True:
            await asyncio.sleep(0.25)
            statuses = await repos.outbox.count_by_status()
            if not statuses.keys() & {"pending", "sending"} or task.done():
                break
        wall = time.monotonic() - began
        stop.set()
        await task
        if adapter is not None:
            await adapter.application.shutdown()
        if api is not None:
            api.__exit__(None, None, None)
        result = analyse(script.receipts, keys, blocked, statuses, args)
        result.update(platform=platform, wall_seconds=wall, enqueue_calls=calls, queued=queued)
        return result
    finally:
        await app.close()


def verdict(r: dict[str, object]) -> list[str]:
    """The targets: >= 90% of the configured rate (outside the pauses the platform asked for),
    no per-chat violation, no duplicate, nothing lost, nothing marked sent that did not arrive."""
    missed = []
    if float(r["share_of_rate_unpaused"]) < 0.9:  # type: ignore[arg-type]
        missed.append("rate below 90% of the configured rate outside platform pauses")
    for name in ("per_chat_violations", "duplicates", "lost", "db_sent_without_receipt"):
        if r[name]:
            missed.append(f"{name} = {r[name]}")
    return missed


def print_table(results: list[dict[str, object]], args: argparse.Namespace) -> None:
    print(
        f"Fan-out benchmark: {args.count} reminders to {args.count} recipients, configured {args.rate:g}/s overall "
        f"and {args.per_chat:g} s per chat; {args.flood:.1%} of sends answered 429 retry_after={args.retry_after} s; "
        f"{args.blocked} recipients blocked; platform latency {args.latency_ms:g} ms"
    )
    rows = [
        ("queued (enqueue calls)", lambda r: f"{r['queued']} ({r['enqueue_calls']})"),
        ("attempts / delivered", lambda r: f"{r['attempts']} / {r['delivered']}"),
        ("send span s (paused s)", lambda r: f"{r['seconds']:.1f} ({r['paused_seconds']:.1f})"),
        ("attempts/s overall", lambda r: f"{r['attempts_per_second']:.2f} ({r['share_of_rate']:.0%})"),
        (
            "attempts/s unpaused",
            lambda r: f"{r['attempts_per_second_unpaused']:.2f} ({r['share_of_rate_unpaused']:.0%})",
        ),
        ("worst 1 s window", lambda r: str(r["worst_1s_window"])),
        ("closest same chat s", lambda r: _fmt(r["closest_same_chat_s"])),
        ("per-chat violations", lambda r: str(r["per_chat_violations"])),
        ("arrived in a pause (ms)", lambda r: f"{r['sent_during_pause']} ({r['latest_in_pause_ms']:.0f})"),
        ("429 retries", lambda r: str(r["retries_429"])),
        ("unreachable", lambda r: str(r["unreachable"])),
        ("duplicates", lambda r: str(r["duplicates"])),
        ("lost", lambda r: str(r["lost"])),
        ("wall time s", lambda r: f"{r['wall_seconds']:.1f}"),
    ]
    print(f"{'':<24}" + "".join(f"{r['platform']!s:>18}" for r in results))
    for label, cell in rows:
        print(f"{label:<24}" + "".join(f"{cell(r):>18}" for r in results))
    for r in results:
        missed = verdict(r)
        print(f"{r['platform']}: " + ("targets met" if not missed else "TARGET MISSED: " + "; ".join(missed)))


def _fmt(value: object) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000, help="reminders, one per recipient")
    parser.add_argument("--rate", type=float, default=30.0, help="configured sends per second overall")
    parser.add_argument("--per-chat", type=float, default=1.0, help="configured seconds between sends to one chat")
    parser.add_argument("--flood", type=float, default=0.01, help="fraction of sends answered 429")
    parser.add_argument("--retry-after", type=int, default=1, help="seconds a 429 asks to wait")
    parser.add_argument("--blocked", type=int, default=3, help="recipients who blocked the bot")
    parser.add_argument("--latency-ms", type=float, default=30.0, help="the platform's answer time")
    parser.add_argument("--platform", choices=("fake", "http", "both"), default="both")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.count < 2 or args.rate <= 0:
        parser.error("--count must be at least 2 and --rate positive")
    logging.basicConfig(level=logging.WARNING)
    # PTB logs every 429 it passes on with a traceback; the outbox's own log line is enough here.
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)
    logging.getLogger("bot.delivery.outbox_worker").setLevel(logging.ERROR)
    platforms = ["fake", "http"] if args.platform == "both" else [args.platform]
    library = Library()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for platform in platforms:
            results.append(asyncio.run(run(platform, args, Path(folder), library)))
    if args.json:
        print(json.dumps({"args": vars(args), "results": results}, ensure_ascii=False))
    else:
        print_table(results, args)
    return 0 if not any(verdict(r) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
