"""Metamorphic robustness (issue #15): the labelled questions answered right today, rewritten the way
staff type on phones (``tests/eval/transforms.py``), through the same real dispatcher.

Each variant is classified *right* (still passes the set's rule), *miss* (a menu, a refusal, an
answer that says what it lacks) or *confident wrong* (answered without a disclaimer, the expected
figures missing) — the judge of ``tests/eval/judge.py``. The population is every in-scope row of
the dispatcher sets (``dialogues.tsv``, the held-out and tuning sets) whose original passes.

``bench/robustness.py`` measures the whole population; ``tests/eval/test_robustness.py`` a fixed sample.
"""

from __future__ import annotations

import hashlib
import itertools
import tempfile
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from bot.app import build_app
from bot.config import Settings
from knowledge.kb.library import Library
from knowledge.kb.normalize import load_synonyms, syllables
from storage.users import Role
from tests.eval.judge import DIALOGUES_TSV, EVAL_DIR, Case, judge_text, load_heldout
from tests.eval.transforms import TRANSFORMS, Transform, apply
from tests.fakes import FakeChat, FakeClock, joined

ESTABLISHED = datetime(2020, 1, 1, tzinfo=UTC)
RIGHT, MISS, WRONG = "right", "miss", "wrong"


def dispatcher_sets() -> list[Path]:
    """The sets judged on the text the user sees (every ``*.tsv`` here but the entry-id one)."""
    return [DIALOGUES_TSV, *sorted(p for p in EVAL_DIR.glob("*.tsv") if p.stem.startswith(("heldout", "tune_")))]


def in_scope_cases(paths: Iterable[Path] | None = None) -> list[tuple[str, Case]]:
    """(set name, case) for every in-scope row."""
    return [
        (path.stem, case)
        for path in (paths or dispatcher_sets())
        for case in load_heldout(path)
        if "in_scope" in case.slices
    ]


def vocabulary(library: Library) -> frozenset[str]:
    """Every folded word of the knowledge base and the synonym table (a typo landing on one is no typo)."""
    words: set[str] = set()
    for e in library.kb.entries:
        for text in (e.title, *e.questions, e.answer, e.source, *e.tags, e.unit or ""):
            words.update(syllables(text))
    syn = load_synonyms()
    words.update(syn.readings)
    words.update(syn.stopwords)
    return frozenset(words)


@dataclass(frozen=True)
class Variant:
    set_name: str
    case: Case
    transform: str
    query: str


@dataclass(frozen=True)
class Verdict:
    variant: Variant
    kind: str  # RIGHT / MISS / WRONG
    got: str
    reply: str


def variants(
    cases: Iterable[tuple[str, Case]], vocab: frozenset[str], transforms: Iterable[Transform] = TRANSFORMS
) -> list[Variant]:
    chosen = list(transforms)
    out = []
    for set_name, case in cases:
        for transform in chosen:
            query = apply(transform, case.query, vocab)
            if query is not None:
                out.append(Variant(set_name, case, transform.name, query))
    return out


def sample(items: list[Variant], per_mille: int, salt: str = "robust8") -> list[Variant]:
    """A fixed subset: each variant kept when a hash of its text falls under ``per_mille``/1000."""

    def keep(v: Variant) -> bool:
        digest = hashlib.sha256(f"{salt}\x00{v.transform}\x00{v.case.query}".encode()).digest()
        return int.from_bytes(digest[:4], "big") % 1000 < per_mille

    return [v for v in items if keep(v)]


class Asker:
    """Questions through the real dispatcher, each as a new staff member of unit A."""

    def __init__(self, chat_of: Callable[[], Awaitable[FakeChat]]) -> None:
        self._chat_of = chat_of

    async def ask(self, question: str) -> str:
        chat = await self._chat_of()
        text = ""
        for turn in question.split(" || "):
            text = joined(await chat.send(turn.strip()))
        return text

    async def judge(self, variant: Variant) -> Verdict:
        text = await self.ask(variant.query)
        outcome = judge_text(replace(variant.case, query=variant.query), text)
        kind = RIGHT if outcome.passed else WRONG if outcome.confident_wrong else MISS
        return Verdict(variant, kind, outcome.got, text)


_users = itertools.count(1)


@asynccontextmanager
async def asker(library: Library | None = None) -> AsyncIterator[Asker]:
    """An application on a fresh SQLite file in a temporary folder, with a unit A to register people in."""
    with tempfile.TemporaryDirectory() as folder:
        app = await build_app(Settings(db_path=str(Path(folder) / "bot.sqlite3")), FakeClock(), library or Library())
        try:
            await app.repos.units.add("P", "VKSND tỉnh P", "tinh", now=ESTABLISHED)
            unit = await app.repos.units.add("A", "VKSND khu vực A", "khu_vuc", "P", now=ESTABLISHED)

            async def chat() -> FakeChat:
                user = await app.repos.users.create("test", f"robust-{next(_users)}", "Người thử", unit.id, Role.STAFF)
                return FakeChat(app.dispatcher, user.platform_user_id, platform=user.platform)

            yield Asker(chat)
        finally:
            await app.close()


async def passing(ask: Asker, cases: Iterable[tuple[str, Case]]) -> list[tuple[str, Case]]:
    """The cases whose original question passes today (only those are rewritten)."""
    kept = []
    for set_name, case in cases:
        if judge_text(case, await ask.ask(case.query)).passed:
            kept.append((set_name, case))
    return kept


def table(verdicts: list[Verdict]) -> tuple[str, dict[str, dict[str, int]]]:
    """Per transform: n, right, miss, confident wrong (text table and the same as a mapping)."""
    rows: dict[str, Counter[str]] = {t.name: Counter() for t in TRANSFORMS}
    for v in verdicts:
        rows.setdefault(v.variant.transform, Counter())[v.kind] += 1
    total: Counter[str] = Counter(v.kind for v in verdicts)
    lines = [f"{'transform':<28}{'n':>6}{'right':>7}{'miss':>6}{'wrong':>7}{'rate':>8}"]
    data: dict[str, dict[str, int]] = {}
    for name, counts in [*rows.items(), ("TOTAL", total)]:
        n = sum(counts.values())
        if not n:
            continue
        data[name] = {"n": n, RIGHT: counts[RIGHT], MISS: counts[MISS], WRONG: counts[WRONG]}
        rate = counts[RIGHT] / n
        lines.append(f"{name:<28}{n:>6}{counts[RIGHT]:>7}{counts[MISS]:>6}{counts[WRONG]:>7}{rate:>8.1%}")
    return "\n".join(lines), data
