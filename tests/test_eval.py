"""Search quality on the labelled evaluation sets, per slice, against fixed thresholds.

* ``tests/eval/questions.tsv`` (``query	expected	slices``): expected is an entry id,
  alternatives separated by ``|``, or ``NONE`` (the assistant must not answer).
* ``shared/eval/queries.tsv`` (``query	expect``), next to the repository: expect lists
  text groups (`` ; ``) of alternatives (`` | ``) that must all appear in the folded answer
  the user sees, or ``NONE``. It has no slice column: the diacritics / no_diacritics /
  typo slices are derived from the query (typo = a word found nowhere in the knowledge
  base nor in the synonym table).

Run with ``pytest tests/test_eval.py -s`` to see the tables (they are also printed on
success through ``capsys.disabled``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from knowledge.kb.normalize import has_diacritics, load_synonyms, syllables
from knowledge.kb.render import format_answer
from knowledge.kb.search import Searcher, SearchResult
from knowledge.kb.store import KnowledgeBase, load_kb

TODAY = date(2026, 3, 1)
QUESTIONS_TSV = Path(__file__).resolve().parent / "eval" / "questions.tsv"
QUERIES_TSV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "queries.tsv"

# slice -> minimum pass rate; "in_scope" and "out_of_scope" always exist.
THRESHOLDS: dict[str, float] = {
    "in_scope": 0.95,
    "no_diacritics": 0.90,
    "typo": 0.85,
    "out_of_scope": 0.95,
}


@dataclass(frozen=True, slots=True)
class Case:
    query: str
    expected: str  # raw expected column
    slices: frozenset[str]
    line: int


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    passed: bool
    got: str


def header_fold(text: str) -> str:
    """The folding described in the queries.tsv header (punctuation is kept)."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("đ", "d")
    text = re.sub(r"(?<![0-9])0+(?=[0-9])", "", text)
    return " ".join(text.split())


def read_tsv(path: Path) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        rows.append((number, line.split("\t")))
    return rows


def kb_words(kb: KnowledgeBase) -> set[str]:
    words: set[str] = set()
    for e in kb.entries:
        for text in (e.title, *e.questions, e.answer, e.source, *e.tags, e.unit or ""):
            words.update(syllables(text))
    syn = load_synonyms()
    words.update(syn.readings)
    words.update(syn.stopwords)
    return words


def derived_slices(query: str, expected: str, known: set[str]) -> frozenset[str]:
    if expected.strip() == "NONE":
        return frozenset({"out_of_scope"})
    slices = {"in_scope", "diacritics" if has_diacritics(query) else "no_diacritics"}
    if any(len(w) >= 3 and w.isalpha() and w not in known for w in syllables(query)):
        slices.add("typo")
    return frozenset(slices)


def load_questions(path: Path) -> list[Case]:
    cases = []
    for number, cols in read_tsv(path):
        if cols[0] == "query":
            continue
        expected = cols[1].strip() if len(cols) > 1 else ""
        slices = {s.strip() for s in cols[2].split(",") if s.strip()} if len(cols) > 2 else set()
        slices.add("out_of_scope" if expected == "NONE" else "in_scope")
        cases.append(Case(cols[0], expected, frozenset(slices), number))
    return cases


def load_queries(path: Path, known: set[str]) -> list[Case]:
    cases = []
    for number, cols in read_tsv(path):
        expected = cols[1].strip() if len(cols) > 1 else ""
        cases.append(Case(cols[0], expected, derived_slices(cols[0], expected, known), number))
    return cases


def judge_by_id(case: Case, result: SearchResult) -> Outcome:
    got = result.entry.id if result.entry else result.outcome
    if case.expected == "NONE":
        return Outcome(case, result.outcome != "answer", got)
    ok_ids = {x.strip() for x in case.expected.split("|")}
    return Outcome(case, result.outcome == "answer" and got in ok_ids, got)


def judge_by_text(case: Case, result: SearchResult) -> Outcome:
    if case.expected == "NONE":
        return Outcome(case, result.outcome != "answer", result.entry.id if result.entry else result.outcome)
    if result.outcome != "answer" or result.entry is None:
        titles = ", ".join(c.entry.id for c in result.candidates[:3])
        return Outcome(case, False, f"{result.outcome} [{titles}]")
    shown = header_fold(format_answer(result.entry, TODAY))
    groups = [[header_fold(alt) for alt in group.split(" | ")] for group in case.expected.split(" ; ")]
    passed = all(any(alt in shown for alt in group) for group in groups)
    return Outcome(case, passed, result.entry.id)


def run(cases: list[Case], searcher: Searcher, judge: Callable[[Case, SearchResult], Outcome]) -> list[Outcome]:
    return [judge(case, searcher.search(case.query, TODAY)) for case in cases]


def table(title: str, outcomes: list[Outcome]) -> tuple[str, list[str]]:
    """The per-slice table and the list of slices below their threshold."""
    names = sorted({s for o in outcomes for s in o.case.slices})
    lines = [title, f"{'slice':<16}{'n':>5}{'pass':>6}{'rate':>8}{'min':>7}"]
    below = []
    for name in names:
        subset = [o for o in outcomes if name in o.case.slices]
        passed = sum(o.passed for o in subset)
        rate = passed / len(subset)
        minimum = THRESHOLDS.get(name)
        mark = "" if minimum is None or rate >= minimum else "  <-- below"
        if mark:
            below.append(name)
        floor = f"{minimum:.0%}" if minimum is not None else "-"
        lines.append(f"{name:<16}{len(subset):>5}{passed:>6}{rate:>8.1%}{floor:>7}{mark}")
    failures = [o for o in outcomes if not o.passed]
    if failures:
        lines.append("failures:")
        lines += [f"  line {o.case.line}: {o.case.query!r} expected {o.case.expected!r} got {o.got}" for o in failures]
    return "\n".join(lines), below


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def searcher(kb: KnowledgeBase) -> Searcher:
    return Searcher(kb)


def _check(title: str, outcomes: list[Outcome], capsys: pytest.CaptureFixture[str]) -> None:
    text, below = table(title, outcomes)
    with capsys.disabled():
        print("\n" + text)
    for required in ("in_scope", "out_of_scope"):
        assert any(required in o.case.slices for o in outcomes), f"{title}: no {required} lines"
    assert not below, f"{title}: slices below threshold: {below}\n{text}"


def test_labelled_questions(searcher: Searcher, capsys: pytest.CaptureFixture[str]) -> None:
    if not QUESTIONS_TSV.exists():
        pytest.skip(f"{QUESTIONS_TSV} not written yet")
    cases = load_questions(QUESTIONS_TSV)
    outcomes = run(cases, searcher, judge_by_id)
    _check("tests/eval/questions.tsv", outcomes, capsys)


def test_shared_queries(kb: KnowledgeBase, searcher: Searcher, capsys: pytest.CaptureFixture[str]) -> None:
    if not QUERIES_TSV.exists():
        pytest.skip(f"{QUERIES_TSV} absent (the repository is expected next to shared/)")
    cases = load_queries(QUERIES_TSV, kb_words(kb))
    outcomes = run(cases, searcher, judge_by_text)
    _check("shared/eval/queries.tsv", outcomes, capsys)


def test_header_fold_matches_the_documented_rule() -> None:
    assert header_fold("Đoàn kết, ĐỔI MỚI  03 ngày 26/07/1960") == "doan ket, doi moi 3 ngay 26/7/1960"
    assert header_fold("98,5%") == "98,5%"


def test_derived_typo_slice() -> None:
    known = {"thoi", "han", "tam", "giu"}
    assert "typo" in derived_slices("thoi hna tam guu", "3 ngay", known)
    assert "typo" not in derived_slices("thời hạn tạm giữ", "3 ngay", known)
    assert derived_slices("giá vàng", "NONE", known) == {"out_of_scope"}
