"""The decision on ranked candidates: answer, ask (up to 3 suggestions), or don't know.

``answer`` needs a clear winner with enough evidence; ``ask`` lists close or middling
candidates; ``dont_know`` is for out-of-scope questions; ``empty`` for nothing searchable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from knowledge.kb.entry import Entry
from knowledge.kb.ranking import Scored
from knowledge.kb.settings import SearchSettings

Outcome = Literal["answer", "ask", "dont_know", "empty"]
_TRIAL = frozenset({"chuan bi xet xu", "xet xu", "so tham"})  # the first instance's trial steps (stages)
_REVIEW = frozenset({"phuc tham", "giam doc tham", "tai tham"})


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    score: float


@dataclass(frozen=True, slots=True)
class SearchResult:
    outcome: Outcome
    entry: Entry | None
    candidates: list[Candidate] = field(default_factory=list)
    score: float = 0.0
    reason: str = ""


def decide(
    s: SearchSettings,
    entries: tuple[Entry, ...],
    scored: list[Scored],
    query_stages: frozenset[str] = frozenset(),
    court: bool = False,  # the question names the court (thẩm phán, tòa, chánh án)
) -> SearchResult:
    if not scored:
        return SearchResult("dont_know", None, [], 0.0, "no indexed word matched")
    if court and not query_stages:
        scored, found = _trial_first(s, scored)
        query_stages = frozenset({"xet xu"}) if found else query_stages
    candidates = [Candidate(entries[x.doc], round(x.score, 4)) for x in scored]
    top = scored[0]
    second = scored[1] if len(scored) > 1 else None
    gap = top.score - second.score if second else top.score
    # A near tie is settled by diacritics when the user typed them and only the top matches them.
    accent_win = second is not None and top.accent > second.accent + 1e-9
    if second is not None and accent_win and gap < s.margin:
        accent_win = all(x.accent < top.accent for x in scored[1:] if top.score - x.score < s.margin)
    close = [c for c in candidates if c.score >= max(s.ask_threshold, top.score - s.ask_window)]
    asked = close[: s.max_suggestions]
    if top.evidence < s.min_evidence * 0.5:
        return SearchResult("dont_know", None, candidates[: s.max_suggestions], top.score, "no evidence")
    if top.score >= s.answer_threshold:
        other_stages = _other_stages(s, scored, query_stages)
        if other_stages:  # the stage decides the figure and the question names none
            asked = [candidates[0], *(candidates[i] for i in other_stages)][: s.max_suggestions]
            return SearchResult("ask", None, asked, top.score, "stage not named")
    if top.score >= s.answer_threshold and (gap >= s.margin or accent_win):
        if top.evidence >= s.min_evidence and top.precision >= s.min_precision:
            return SearchResult("answer", candidates[0].entry, candidates, top.score, "clear winner")
        return _ask(s, candidates, asked, top, "little evidence")
    if top.score >= s.ask_threshold:
        reason = "close candidates" if top.score >= s.answer_threshold else "middling score"
        return _ask(s, candidates, asked, top, reason)
    return SearchResult("dont_know", None, candidates[: s.max_suggestions], top.score, "low score")


def _ask(
    s: SearchSettings, candidates: list[Candidate], asked: list[Candidate], top: Scored, reason: str
) -> SearchResult:
    """A menu, unless it would hold one option: clearly right -> answered, weak -> not offered."""
    if len(asked) == 1:
        if top.score >= s.single_answer and top.precision >= s.min_precision:
            return SearchResult("answer", candidates[0].entry, candidates, top.score, "single clear option")
        if top.score < s.single_floor:
            return SearchResult("dont_know", None, candidates[: s.max_suggestions], top.score, "single weak option")
    return SearchResult("ask", None, asked, top.score, reason)


def _trial_first(s: SearchSettings, scored: list[Scored]) -> tuple[list[Scored], bool]:
    """A question that names the court (thẩm phán, tòa, chánh án) and no stage asks of the first instance's
    trial: an entry of another stage (điều tra, truy tố, or a review: phúc thẩm, giám đốc thẩm, tái thẩm) close
    to one of the trial's steps behind it ("rút gọn thì thẩm phán thụ lý xong phải làm gì trong mấy ngày": the
    first instance's 10 days, not a menu with the appeal's 15). Staff name the review when they mean it.
    (The candidates, and whether the trial was found: the stage is then taken as named.)"""
    trial = next((x for x in scored if x.stages & _TRIAL and not x.stages & _REVIEW), None)
    if trial is None:
        return scored, False
    behind = [
        x
        for x in scored
        if x.stages and (x.stages & _REVIEW or not x.stages & _TRIAL) and abs(x.score - trial.score) < s.stage_window
    ]
    return [x for x in scored if x not in behind] + behind, True


def _other_stages(s: SearchSettings, scored: list[Scored], query_stages: frozenset[str]) -> list[int]:
    """Close candidates of another stage, when the question names none (the stage decides)."""
    top = scored[0]
    if query_stages:
        return []
    close = [(i, x) for i, x in enumerate(scored[1:], start=1) if top.score - x.score < s.stage_window]
    if top.stages:
        return [i for i, x in close if x.stages and x.stages != top.stages]
    # The top names no stage ("cách tính thời hạn tạm giam") but close ones of two stages do.
    staged = [(i, x) for i, x in close if x.stages]
    return [i for i, _ in staged] if len({x.stages for _, x in staged}) > 1 else []


def decide_ambiguous(s: SearchSettings, results: list[tuple[SearchResult, bool]]) -> SearchResult:
    """An ambiguous abbreviation (``tg``): never silently pick one reading.

    A reading counts when its best entry is about that reading (the entry contains the
    expanded words). One such reading -> its result; several with different entries ->
    ask, listing each; none -> the answer every reading agrees on, else never a confident answer.
    """
    supported = [r for r, ok in results if ok and r.outcome in ("answer", "ask")]
    if not supported:
        best = max((r for r, _ in results), key=lambda r: r.score)
        answers = {r.entry.id for r, _ in results if r.outcome == "answer" and r.entry is not None}
        if best.outcome == "answer" and len(answers) == 1 and all(r.outcome == "answer" for r, _ in results):
            return best  # every reading gives the same answer: the abbreviation does not matter here
        if best.outcome == "answer":
            return SearchResult("ask", None, best.candidates[: s.max_suggestions], best.score, "ambiguous")
        return best
    tops: dict[str, Candidate] = {}
    for r in sorted(supported, key=lambda r: -r.score):
        tops.setdefault(r.candidates[0].entry.id, r.candidates[0])
    if len(tops) == 1:
        return max(supported, key=lambda r: r.score)
    suggestions = list(tops.values())[: s.max_suggestions]
    return SearchResult("ask", None, suggestions, suggestions[0].score, "ambiguous abbreviation")


def one_titled(
    candidates: list[Candidate], best: float, titled: Callable[[Entry], bool], s: SearchSettings, reason: str
) -> SearchResult | None:
    """The answer when exactly one candidate within the ask window of ``best`` is ``titled`` (its title names
    what the question does: a level, a branch) and scores enough to answer; None otherwise."""
    own = [c for c in candidates if c.score >= best - s.ask_window and titled(c.entry)]
    if len(own) != 1 or own[0].score < s.answer_threshold:
        return None
    return SearchResult("answer", own[0].entry, own, own[0].score, reason)
