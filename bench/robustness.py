"""Metamorphic robustness of the answers (issue #15): every in-scope labelled question the dispatcher
answers right today, rewritten as staff type on phones, through the real dispatcher.

    .venv/bin/python bench/robustness.py                      # the whole population: a table
    .venv/bin/python bench/robustness.py --json               # the same as one JSON object
    .venv/bin/python bench/robustness.py --per-mille 100      # a fixed tenth of the variants
    .venv/bin/python bench/robustness.py --only typo_drop,pad_both --show wrong
    .venv/bin/python bench/robustness.py --dump /tmp/r.json   # every variant that is not right
    .venv/bin/python bench/robustness.py --sets tune_11a,/tmp/new.tsv --stream   # some sets, each verdict as it comes

Per transform: n (variants that apply), right, miss (a menu or "don't know"), confident wrong (an
answer without the expected figures). Rules: ``tests/eval/metamorph.py`` and ``tests/eval/judge.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.kb.library import Library  # noqa: E402
from tests.eval.judge import EVAL_DIR  # noqa: E402
from tests.eval.metamorph import (  # noqa: E402
    MISS,
    RIGHT,
    WRONG,
    Asker,
    Variant,
    Verdict,
    asker,
    in_scope_cases,
    passing,
    sample,
    table,
    variants,
    vocabulary,
)
from tests.eval.transforms import BY_NAME, TRANSFORMS  # noqa: E402


def _set_paths(names: str) -> list[Path]:
    """A set named by its stem in ``tests/eval`` or by a path (an unregistered set)."""
    return [Path(n) if n.endswith(".tsv") else EVAL_DIR / f"{n}.tsv" for n in names.split(",")]


async def measure(
    per_mille: int,
    only: list[str] | None,
    recheck: Path | None,
    sets: list[Path] | None = None,
    stream: bool = False,
) -> tuple[list[Verdict], int, int, float]:
    library = Library()
    vocab = vocabulary(library)
    transforms = [BY_NAME[name] for name in only] if only else list(TRANSFORMS)
    started = time.process_time()
    async with asker(library) as ask:
        if recheck is not None:
            chosen = _dumped(recheck, only, sets)
            verdicts = [await _judged(ask, v, stream) for v in chosen]
            return verdicts, len(chosen), len(chosen), time.process_time() - started
        cases = in_scope_cases(sets)
        kept = await passing(ask, cases)
        chosen = sample(variants(kept, vocab, transforms), per_mille)
        if stream:
            print(f"# {len(kept)}/{len(cases)} rows right today, {len(chosen)} variants", flush=True)
        verdicts = [await _judged(ask, v, stream) for v in chosen]
    return verdicts, len(cases), len(kept), time.process_time() - started


async def _judged(ask: Asker, variant: Variant, stream: bool) -> Verdict:
    verdict = await ask.judge(variant)
    if stream and verdict.kind != RIGHT:
        v = verdict.variant
        print(f"[{verdict.kind}] {v.transform} {v.set_name}:{v.case.line} {v.query!r}", flush=True)
        print(f"    expected {v.case.expected!r} got {verdict.got}", flush=True)
    return verdict


def _dumped(path: Path, only: list[str] | None, sets: list[Path] | None) -> list[Variant]:
    cases = {(name, case.line): case for name, case in in_scope_cases(sets)}
    return [
        Variant(row["set"], cases[(row["set"], row["line"])], row["transform"], row["query"])
        for row in json.loads(path.read_text(encoding="utf-8"))
        if only is None or row["transform"] in only
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--per-mille", type=int, default=1000, help="keep this many variants in 1000 (fixed hash)")
    parser.add_argument("--only", help="comma-separated transform names")
    parser.add_argument("--show", choices=(MISS, WRONG), help="print the variants of that kind")
    parser.add_argument("--dump", type=Path, help="write every variant that is not right to this JSON file")
    parser.add_argument("--recheck", type=Path, help="run again only the variants of a --dump file")
    parser.add_argument("--sets", help="comma-separated set names (tests/eval stems) or .tsv paths; default: all")
    parser.add_argument("--stream", action="store_true", help="print each variant that is not right as it comes")
    args = parser.parse_args()
    only = args.only.split(",") if args.only else None
    verdicts, population, kept, cpu = asyncio.run(
        measure(args.per_mille, only, args.recheck, _set_paths(args.sets) if args.sets else None, args.stream)
    )
    text, data = table(verdicts)
    bad = [v for v in verdicts if v.kind != RIGHT]
    if args.dump:
        rows = [
            {
                "set": v.variant.set_name,
                "line": v.variant.case.line,
                "transform": v.variant.transform,
                "original": v.variant.case.query,
                "query": v.variant.query,
                "expected": v.variant.case.expected,
                "kind": v.kind,
                "got": v.got,
                "reply": v.reply,
            }
            for v in bad
        ]
        args.dump.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = {"in_scope_rows": population, "answered_right_today": kept, "cpu_s": round(cpu, 1)}
    if args.json:
        print(json.dumps({**summary, "by_transform": data}, ensure_ascii=False))
        return
    print(f"in-scope rows {population}, right today {kept}, variants {len(verdicts)}, CPU {cpu:.0f} s")
    print(text)
    for v in bad:
        if args.show == v.kind:
            print(f"[{v.variant.transform}] {v.variant.set_name}:{v.variant.case.line} {v.variant.query!r}")
            print(f"    expected {v.variant.case.expected!r} got {v.got}")


if __name__ == "__main__":
    main()
