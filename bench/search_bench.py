"""Search latency and accuracy against a plain rapidfuzz baseline.

    .venv/bin/python bench/search_bench.py            # table
    .venv/bin/python bench/search_bench.py --json     # one JSON object

Knowledge bases of 100, 2,000 and 20,000 entries: the real entries plus generated ones
whose titles and questions are Vietnamese-like (real domain syllables mixed with made-up
ones, Zipf-distributed), so the real queries hit long posting lists. For each size it
measures the index build time and the per-query latency (p50, p99) of ``Searcher.search``
and of the baseline ``rapidfuzz.process.extractOne(query, titles_and_questions,
scorer=fuzz.token_set_ratio, processor=fold)``. Top-1 accuracy of both is measured on the
real knowledge base with the in-scope lines of ``tests/eval/questions.tsv``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.stats import peak_rss_mb, percentile  # noqa: E402
from knowledge.kb.dialogue import Dialogue  # noqa: E402
from knowledge.kb.entry import Entry  # noqa: E402
from knowledge.kb.normalize import fold, syllables  # noqa: E402
from knowledge.kb.search import Searcher  # noqa: E402
from knowledge.kb.store import load_kb  # noqa: E402

TODAY = date(2026, 3, 1)
SIZES = (100, 2_000, 20_000)
QUESTIONS_TSV = ROOT / "tests" / "eval" / "questions.tsv"
QUERIES_TSV = ROOT.parent / "shared" / "eval" / "queries.tsv"

ONSETS = [
    "",
    "b",
    "c",
    "ch",
    "d",
    "g",
    "gi",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "nh",
    "ph",
    "qu",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
]
RHYMES = [
    "a",
    "ai",
    "am",
    "an",
    "ang",
    "anh",
    "ao",
    "au",
    "ay",
    "e",
    "em",
    "en",
    "eo",
    "i",
    "ia",
    "ich",
    "iem",
    "ien",
    "inh",
    "o",
    "oa",
    "oi",
    "om",
    "on",
    "ong",
    "u",
    "ua",
    "ui",
    "um",
    "un",
    "ung",
    "uong",
    "uy",
    "y",
]


def eval_cases() -> list[tuple[str, set[str]]]:
    """(query, acceptable entry ids) for the in-scope lines of questions.tsv."""
    if not QUESTIONS_TSV.exists():
        return []
    cases = []
    for line in QUESTIONS_TSV.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2 or cols[0] == "query" or line.startswith("#") or cols[1].strip() in ("NONE", "ASK"):
            continue
        cases.append((cols[0], {x.strip() for x in cols[1].split("|")}))
    return cases


def bench_queries() -> list[str]:
    queries = [q for q, _ in eval_cases()]
    if QUERIES_TSV.exists():
        for line in QUERIES_TSV.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                queries.append(line.split("\t")[0])
    return queries or ["thoi han tam giu", "gia han tam giam toi rat nghiem trong", "cách nấu phở bò"]


def synthetic(real: list[Entry], n: int, seed: int = 7) -> list[Entry]:
    """The real entries (or the first n of them) plus generated ones up to n."""
    if n <= len(real):
        return real[:n]
    rng = random.Random(seed)
    domain = sorted({w for e in real for t in (e.title, *e.questions) for w in syllables(t)})
    made_up = sorted({o + r for o in ONSETS for r in RHYMES})
    vocab = domain + made_up
    rng.shuffle(vocab)
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(vocab))]

    def phrase(k: int) -> str:
        return " ".join(rng.choices(vocab, weights, k=k))

    out = list(real)
    for i in range(n - len(real)):
        out.append(
            Entry(
                id=f"synthetic_{i}",
                category="quy_trinh",
                title=phrase(rng.randint(4, 9)),
                questions=tuple(phrase(rng.randint(4, 10)) for _ in range(rng.randint(3, 6))),
                answer=phrase(rng.randint(10, 30)),
                source="bench",
                verified="yes",
                reviewed=TODAY,
            )
        )
    return out


class Baseline:
    def __init__(self, entries: list[Entry]) -> None:
        self.choices: list[str] = []
        self.owner: list[int] = []
        for i, e in enumerate(entries):
            for text in (e.title, *e.questions):
                self.choices.append(text)
                self.owner.append(i)
        self.entries = entries

    def top(self, query: str) -> Entry | None:
        found = process.extractOne(query, self.choices, scorer=fuzz.token_set_ratio, processor=fold)
        return self.entries[self.owner[found[2]]] if found else None


def time_queries(func, queries: list[str], rounds: int, cpu: list[float] | None = None) -> list[float]:  # type: ignore[no-untyped-def]
    """Wall-clock ms per query; with ``cpu``, also this thread's CPU ms (what one core spends,
    without the time the process waited for a core on a shared machine)."""
    samples = []
    for _ in range(rounds):
        for q in queries:
            start_cpu = time.thread_time_ns()
            start = time.perf_counter_ns()
            func(q)
            samples.append((time.perf_counter_ns() - start) / 1e6)
            if cpu is not None:
                cpu.append((time.thread_time_ns() - start_cpu) / 1e6)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--baseline-queries-20k", type=int, default=30, help="baseline queries at 20,000")
    args = parser.parse_args()

    real = list(load_kb().entries)
    queries = bench_queries()
    report: dict[str, object] = {"sizes": {}}
    for n in SIZES:
        entries = synthetic(real, n)
        start = time.perf_counter()
        searcher = Searcher(entries)
        build = time.perf_counter() - start
        searcher.search(queries[0], TODAY)  # warm-up
        cpu: list[float] = []
        ours = time_queries(lambda q, s=searcher: s.search(q, TODAY), queries, 5 if n < 20_000 else 3, cpu)
        if n == 2_000:  # one chat message: parts, follow-up reading, scope (several searches)
            dialogue = Dialogue(searcher)
            turn_cpu: list[float] = []
            turns = time_queries(lambda q, d=dialogue: d.read(q, TODAY), queries, 3, turn_cpu)
            report["dialogue_2000"] = {
                "p50_ms": round(statistics.median(turns), 3),
                "p99_ms": round(percentile(turns, 0.99), 3),
                "cpu_p99_ms": round(percentile(turn_cpu, 0.99), 3),
            }
        baseline = Baseline(entries)
        base_queries = queries if n < 20_000 else queries[: args.baseline_queries_20k]
        base = time_queries(baseline.top, base_queries, rounds=1)
        report["sizes"][str(n)] = {  # type: ignore[index]
            "p50_ms": round(statistics.median(ours), 3),
            "p99_ms": round(percentile(ours, 0.99), 3),
            "cpu_p50_ms": round(statistics.median(cpu), 3),
            "cpu_p99_ms": round(percentile(cpu, 0.99), 3),
            "baseline_p50_ms": round(statistics.median(base), 3),
            "baseline_p99_ms": round(percentile(base, 0.99), 3),
            "build_s": round(build, 3),
            "queries": len(ours),
            "baseline_queries": len(base),
        }

    cases = eval_cases()
    searcher, baseline = Searcher(real), Baseline(real)
    ours_top = ours_answered = base_top = 0
    for query, ok in cases:
        result = searcher.search(query, TODAY)
        ours_top += bool(result.candidates) and result.candidates[0].entry.id in ok
        ours_answered += result.outcome == "answer" and result.entry is not None and result.entry.id in ok
        top = baseline.top(query)
        base_top += top is not None and top.id in ok
    total = max(len(cases), 1)
    report["accuracy"] = {"ours": round(ours_top / total, 4), "baseline": round(base_top / total, 4)}
    report["rss_mb"] = round(peak_rss_mb(), 1)

    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(
        f"{'entries':>8} {'build s':>8} {'p50 ms':>8} {'p99 ms':>8} {'cpu p50':>8} {'cpu p99':>8} "
        f"{'base p50':>9} {'base p99':>9} {'speed-up':>9}"
    )
    for n, row in report["sizes"].items():  # type: ignore[union-attr]
        speed = row["baseline_p50_ms"] / max(row["p50_ms"], 1e-9)
        print(
            f"{n:>8} {row['build_s']:>8.3f} {row['p50_ms']:>8.3f} {row['p99_ms']:>8.3f} "
            f"{row['cpu_p50_ms']:>8.3f} {row['cpu_p99_ms']:>8.3f} "
            f"{row['baseline_p50_ms']:>9.3f} {row['baseline_p99_ms']:>9.3f} {speed:>8.1f}x"
        )
    acc = report["accuracy"]
    print(
        f"top-1 accuracy on {len(cases)} in-scope questions: ours {acc['ours']:.1%} "  # type: ignore[index]
        f"(answered correctly {ours_answered / total:.1%}), baseline {acc['baseline']:.1%}"  # type: ignore[index]
    )
    turn = report["dialogue_2000"]
    print(
        f"one chat message at 2,000 entries (Dialogue.read): p50 {turn['p50_ms']} ms, p99 {turn['p99_ms']} ms, CPU p99 {turn['cpu_p99_ms']} ms"
    )  # type: ignore[index]
    print(f"baseline at 20,000 timed on {report['sizes']['20000']['baseline_queries']} queries")  # type: ignore[index]
    print(f"max RSS {report['rss_mb']} MB; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
