"""Branches of procedure whose entries share their subjects' words: the handling of a crime report before a
case is opened (tố giác, tin báo, kiến nghị khởi tố: "nguồn tin") has its own extension, its own request
before the end and its own tạm đình chỉ, beside the investigation's.

A question that names the branch ("tin báo: cqđt đề nghị gia hạn chậm nhất trước mấy ngày") is answered by
the close candidate of that branch when the answer found is of no branch (the investigation's 10 days, which
speaks of the nguồn tin's 5 days only in passing). Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from knowledge.kb.decision import SearchResult, one_titled
from knowledge.kb.entry import Entry
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import Phrase, find

# The branch's key, and the words that name it in a question or a title
BRANCHES: dict[str, tuple[Phrase, ...]] = {"nguon tin": (("nguon", "tin"), ("tin", "bao"), ("to", "giac"))}


def branch(tokens: Sequence[str]) -> str | None:
    """The branch ``tokens`` (a question or a title) name, or None."""
    return next((b for b, names in BRANCHES.items() if any(find(tokens, n) >= 0 for n in names)), None)


def branch_named(
    result: SearchResult, tokens: Sequence[str], title: Callable[[Entry], list[str]], s: SearchSettings
) -> SearchResult:
    """``result``, or the one close candidate titled with the branch the question names when the answer's
    title names none."""
    named = branch(tokens)
    if named is None or result.outcome != "answer" or result.entry is None or branch(title(result.entry)):
        return result
    others = [c for c in result.candidates if c.entry is not result.entry]
    found = one_titled(others, result.score, lambda e: branch(title(e)) == named, s, "the branch named")
    return found or result
