"""Branches of procedure whose entries share their subjects' words: the handling of a crime report before a
case is opened (tố giác, tin báo, kiến nghị khởi tố: "nguồn tin") has its own extension, its own request
before the end and its own tạm đình chỉ, beside the investigation's, the prosecution's and the trial's.

A question that names the branch ("tin báo: cqđt đề nghị gia hạn chậm nhất trước mấy ngày") is answered by
the close candidate of that branch when the answer found is of no branch (the investigation's 10 days, which
speaks of the nguồn tin's 5 days only in passing). An answer whose title names another branch than the one
the question names alone ("vụ tin báo … cqđt tạm đình chỉ, qđ gửi vks trong bao lâu" answered by the
investigation's tạm đình chỉ) is not given when one is close: the named branch's candidate when one stands out,
else a menu of them.
Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from knowledge.kb.decision import Candidate, SearchResult, one_titled
from knowledge.kb.entry import Entry
from knowledge.kb.followup import BODIES
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import Phrase, find

# The branch's key, and the words that name it in a question or a title
BRANCHES: dict[str, tuple[Phrase, ...]] = {"nguon tin": (("nguon", "tin"), ("tin", "bao"), ("to", "giac"))}
# Every branch of the procedure a title or a question names as what it is about
STAGES: dict[str, tuple[Phrase, ...]] = {
    "nguon tin": (*BRANCHES["nguon tin"], ("kien", "nghi", "khoi", "to")),
    "dieu tra": (("dieu", "tra"),),
    "truy to": (("truy", "to"),),
    "xet xu": (("xet", "xu"),),
}
# Bodies, officers and steps whose names hold a branch's words and name no branch ("cqđt tạm đình chỉ" in a
# tin báo's story; "trả hồ sơ điều tra bổ sung" is the prosecution's or the trial's step)
_NOT_NAMING: tuple[Phrase, ...] = (
    *BODIES,
    ("dieu", "tra", "bo", "sung"),
    ("ket", "luan", "dieu", "tra"),
    ("bien", "phap", "dieu", "tra"),
)

_SAID = 0.5  # a candidate of the branch named, not first by score, is taken when the question says this much
_SAID_LEAD = 0.2  # of its title, and this much more than of the next one's


def _said(tokens: Sequence[str], title: Sequence[str]) -> float:
    """The share of the title's words the question says."""
    words = set(title)
    return len(words & set(tokens)) / len(words) if words else 0.0


def branch(tokens: Sequence[str]) -> str | None:
    """The branch ``tokens`` (a question or a title) name, or None."""
    return next((b for b, names in BRANCHES.items() if any(find(tokens, n) >= 0 for n in names)), None)


def stages(tokens: Sequence[str]) -> frozenset[str]:
    """Every branch ``tokens`` name (``STAGES``), bodies and officers apart."""
    words = list(tokens)
    for phrase in _NOT_NAMING:
        while (at := find(words, phrase)) >= 0:
            words[at : at + len(phrase)] = ["|"]
    return frozenset(b for b, names in STAGES.items() if any(find(words, n) >= 0 for n in names))


def branch_named(
    result: SearchResult, tokens: Sequence[str], title: Callable[[Entry], list[str]], s: SearchSettings
) -> SearchResult:
    """``result``, or the one close candidate titled with the branch the question names when the answer's
    title names none; an answer of another branch than the question's, never."""
    named = branch(tokens)
    kept = in_branch(result, tokens, title, s)
    if kept is not result:
        return kept
    if named is None or result.outcome != "answer" or result.entry is None or branch(title(result.entry)):
        return result
    others = [c for c in result.candidates if c.entry is not result.entry]
    found = one_titled(others, result.score, lambda e: branch(title(e)) == named, s, "the branch named")
    return found or result


def in_branch(
    result: SearchResult, tokens: Sequence[str], title: Callable[[Entry], list[str]], s: SearchSettings
) -> SearchResult:
    """``result`` kept in the one branch ``tokens`` name (a whole message, when ``result`` was read from part
    of it): its answer or first option of another branch replaced as ``_other_branch`` says."""
    own = stages(tokens)
    if len(own) != 1 or result.outcome not in ("answer", "ask") or not result.candidates:
        return result
    return _other_branch(result, next(iter(own)), tokens, title, s) or result


def _other_branch(
    result: SearchResult,
    named: str,
    tokens: Sequence[str],
    title: Callable[[Entry], list[str]],
    s: SearchSettings,
) -> SearchResult | None:
    """For a question naming one branch: an answer titled with another (or a menu whose best option is) is
    replaced by the close candidate of the named branch that stands out (by score, else by how much of its
    title the question says), else by a menu of them; None when the answer agrees or names no branch, or no
    candidate of the branch named is close."""
    top = result.entry or result.candidates[0].entry
    its = stages(title(top))
    if not its or named in its:
        return None
    close = [c for c in result.candidates if c.score >= result.score - s.ask_window]
    fitting = [c for c in close if named in stages(title(c.entry))]
    if fitting and fitting[0].score >= s.answer_threshold:
        clear = len(fitting) == 1 or fitting[0].score - fitting[1].score >= s.margin
        if clear:
            return SearchResult("answer", fitting[0].entry, fitting, fitting[0].score, "the branch named")
        said = sorted(((_said(tokens, title(c.entry)), c) for c in fitting), key=lambda x: -x[0])
        (share, best), (next_share, _) = said[0], said[1]
        if share >= _SAID and share - next_share >= _SAID_LEAD and best.score >= s.answer_threshold:
            # "… qđ tạm đình chỉ gửi vks bao lâu": the sending, not the grounds
            return SearchResult("answer", best.entry, fitting, best.score, "the branch named, its title said")
    if not fitting:
        return None  # no entry of the branch named is close: left to the checks after
    options: list[Candidate] = fitting[: s.max_suggestions]
    return SearchResult("ask", None, options, result.score, "another branch than the one named")
