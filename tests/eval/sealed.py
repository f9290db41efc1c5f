"""Score sealed evaluation sets: the per-slice tables only, never a row.

A sealed set is written by a blind writer and kept unread while search is tuned; reading its
failures would make it a tuning set. It is kept compressed (``tests/eval/sealed/*.tsv.gz``) so
that a search of the tree does not show its rows. Not collected by ``make test`` (no ``test_``
prefix); run it by name::

    SEALED="tests/eval/sealed/heldout11a.tsv.gz other.tsv" pytest -q -s tests/eval/sealed.py
"""

from __future__ import annotations

import gzip
import os
import tempfile
from pathlib import Path

import pytest

from tests.conftest import World
from tests.eval.judge import Case, Outcome, load_heldout, table
from tests.test_eval import run_text


def _cases(path: Path) -> list[Case]:
    if path.suffix != ".gz":
        return load_heldout(path)
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / path.stem
        plain.write_bytes(gzip.decompress(path.read_bytes()))
        return load_heldout(plain)


def _paths() -> list[Path]:
    return [Path(p) for p in os.environ.get("SEALED", "").split() if p]


async def test_sealed_tables(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _paths()
    assert paths, "set SEALED to the sets to score (space-separated paths)"
    pooled: list[Outcome] = []
    for path in paths:
        outcomes = await run_text(world, _cases(path))
        pooled += outcomes
        with capsys.disabled():
            print("\n" + table(path.name, outcomes, {})[0])
    if len(paths) > 1:
        with capsys.disabled():
            print("\n" + table("pooled", pooled, {})[0])
