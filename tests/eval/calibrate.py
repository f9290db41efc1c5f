"""Calibrate the answer / ask / don't-know thresholds on a split of the tuning sets.

    .venv/bin/python -m tests.eval.calibrate          # table
    .venv/bin/python -m tests.eval.calibrate --json   # one JSON object

The labelled questions (``tests/eval/questions.tsv``, ``shared/eval/queries.tsv``) are split
by a hash of the question: 70% to choose the thresholds on ("tune"), 30% to check them
("check"), never seen by the choice. The blind writers' single questions are added whole:
``tune_a.tsv`` to the choice, ``tune_b.tsv`` to the check (follow-ups, two-part and calculator
rows need the dialogue, not one search, and are left out). The held-out sets are not read here.
Every question is ranked once; each grid point only re-runs the decision.

Utility per question: a right answer +1, a menu holding the right entry +0.4, a refusal of an
out-of-scope question +1 (a menu +0.5), and a confident wrong answer -3 (a wrong number is
worse than no answer).
"""

from __future__ import annotations

import argparse
import itertools
import json
import zlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from knowledge.kb.decision import SearchResult
from knowledge.kb.search import Ranked, Searcher
from knowledge.kb.settings import SearchSettings
from knowledge.kb.store import load_kb
from tests.eval.judge import (
    QUESTIONS_TSV,
    TUNE_A_TSV,
    TUNE_B_TSV,
    header_fold,
    load_heldout,
    load_questions,
    queries_tsv,
    read_tsv,
)

TODAY = date(2026, 3, 1)
GRID = {
    "answer_threshold": (0.45, 0.475, 0.5, 0.525, 0.55, 0.575, 0.6),
    "ask_threshold": (0.38, 0.4, 0.42, 0.44, 0.46, 0.48),
    "single_answer": (0.5, 0.55, 0.6, 0.65, 0.7, 9.0),
    "single_floor": (0.0, 0.4, 0.45, 0.5, 0.55),
}


@dataclass(frozen=True, slots=True)
class Labelled:
    query: str
    ids: frozenset[str]  # right entries (empty: judged by text)
    groups: tuple[tuple[str, ...], ...]  # text groups (queries.tsv)
    kind: str  # "in", "none", "ask"
    ranked: list[Ranked]


def _load(searcher: Searcher) -> list[Labelled]:
    out = []
    for case in load_questions(QUESTIONS_TSV):
        ranked = searcher.rank(case.query, TODAY) or []
        kind = {"NONE": "none", "ASK": "ask"}.get(case.expected, "in")
        ids = frozenset(x.strip() for x in case.expected.split("|")) if kind == "in" else frozenset()
        out.append(Labelled(case.query, ids, (), kind, ranked))
    path = queries_tsv()
    for _, cols in read_tsv(path) if path else []:
        expected = cols[1].strip() if len(cols) > 1 else ""
        groups = tuple(tuple(header_fold(a) for a in g.split(" | ")) for g in expected.split(" ; "))
        kind = "none" if expected == "NONE" else "in"
        out.append(
            Labelled(cols[0], frozenset(), groups if kind == "in" else (), kind, searcher.rank(cols[0], TODAY) or [])
        )
    return out


_DIALOGUE_KINDS = {"followup", "two_part", "calculator", "unverified"}


def _load_blind(searcher: Searcher, path: Path) -> list[Labelled]:
    """The single-search rows of a blind writer's set (``|``: every item must be in the answer)."""
    out = []
    for case in load_heldout(path):
        if case.slices & _DIALOGUE_KINDS or case.expected == "UNVERIFIED" or " || " in case.query:
            continue
        kind = "none" if case.expected == "NONE" else "in"
        groups = (
            tuple((header_fold(item),) for item in case.expected.split("|") if item.strip()) if kind == "in" else ()
        )
        out.append(Labelled(case.query, frozenset(), groups, kind, searcher.rank(case.query, TODAY) or []))
    return out


def _right(case: Labelled, result: SearchResult) -> bool:
    entry = result.entry
    if entry is None:
        return False
    if case.ids:
        return entry.id in case.ids
    shown = header_fold(f"{entry.answer} {entry.source}")
    return all(any(alt in shown for alt in group) for group in case.groups)


def utility(case: Labelled, result: SearchResult) -> tuple[float, bool]:
    """(utility, confident wrong)."""
    if case.kind == "none":
        return {"answer": (-3.0, True), "ask": (0.5, False)}.get(result.outcome, (1.0, False))
    if case.kind == "ask":
        return {"answer": (-1.0, False), "ask": (1.0, False)}.get(result.outcome, (0.0, False))
    if result.outcome == "answer":
        return (1.0, False) if _right(case, result) else (-3.0, True)
    if result.outcome == "ask" and case.ids & {c.entry.id for c in result.candidates}:
        return 0.4, False
    return 0.0, False


def evaluate(searcher: Searcher, cases: list[Labelled], settings: SearchSettings) -> dict[str, float]:
    total = wrong = right = 0.0
    for case in cases:
        if not case.ranked:
            continue
        result = searcher.decide(case.ranked, settings)
        value, bad = utility(case, result)
        total += value
        wrong += bad
        right += value == 1.0
    return {"utility": round(total, 1), "right": right, "confident_wrong": wrong, "n": len(cases)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    searcher = Searcher(load_kb())
    cases = _load(searcher)
    tune = [c for c in cases if zlib.crc32(c.query.encode()) % 10 < 7] + _load_blind(searcher, TUNE_A_TSV)
    check = [c for c in cases if zlib.crc32(c.query.encode()) % 10 >= 7] + _load_blind(searcher, TUNE_B_TSV)
    current = searcher.settings
    best: tuple[float, SearchSettings] | None = None
    for values in itertools.product(*GRID.values()):
        trial = replace(current, **dict(zip(GRID, values, strict=True)))
        if trial.ask_threshold > trial.answer_threshold:
            continue
        score = evaluate(searcher, tune, trial)["utility"]
        if best is None or score > best[0]:
            best = (score, trial)
    assert best is not None
    chosen = best[1]
    report = {
        "current": {k: getattr(current, k) for k in GRID},
        "best_on_tune": {k: getattr(chosen, k) for k in GRID},
        "tune": {"current": evaluate(searcher, tune, current), "best": evaluate(searcher, tune, chosen)},
        "check": {"current": evaluate(searcher, check, current), "best": evaluate(searcher, check, chosen)},
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return
    print(f"thresholds now:          {report['current']}")
    print(f"best on the tune split:  {report['best_on_tune']}")
    print(f"{'split':<8}{'settings':<10}{'n':>5}{'right':>7}{'wrong':>7}{'utility':>9}")
    for split in ("tune", "check"):
        for name in ("current", "best"):
            row = report[split][name]
            print(
                f"{split:<8}{name:<10}{row['n']:>5}{row['right']:>7.0f}{row['confident_wrong']:>7.0f}{row['utility']:>9}"
            )


if __name__ == "__main__":
    main()
