"""Score tuning sets with their failing rows (and, with ``REPLY=1``, the replies).

For sets that are tuned on (never a sealed one: ``tests/eval/sealed.py`` prints tables only).
Not collected by ``make test``; run it by name::

    TUNE="tests/eval/tune_x.tsv /work/tools/tune11/tune11a.tsv" REPLY=1 pytest -q -s tests/eval/tuning.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import World
from tests.eval.judge import failures, judge_text, load_heldout, table
from tests.test_eval import ask_as_new_user


async def test_tuning_failures(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [Path(p) for p in os.environ.get("TUNE", "").split() if p]
    assert paths, "set TUNE to the sets to score (space-separated paths)"
    assert not any("sealed" in str(p) for p in paths), "sealed sets are scored by tests/eval/sealed.py only"
    for path in paths:
        outcomes, replies = [], {}
        for case in load_heldout(path):
            text = await ask_as_new_user(world, case.query)
            outcome = judge_text(case, text)
            outcomes.append(outcome)
            if not outcome.passed:
                replies[case.line] = text
        with capsys.disabled():
            print("\n" + table(path.name, outcomes, {})[0] + "\n" + failures(outcomes))
            if os.environ.get("REPLY") == "1":
                for line, text in replies.items():
                    print(f"--- line {line}:\n{text.strip()[:900]}")
