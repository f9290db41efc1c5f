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

# The branch's key, and the words that name it in a question or a title ("tạm đình chỉ giải quyết", "phục hồi
# giải quyết": only a crime report is "giải quyết"-d, Đ148, Đ149; a case is investigated, prosecuted or tried)
_REPORT_HANDLED: tuple[Phrase, ...] = tuple(
    (*act, *between, "giai", "quyet") for act in (("dinh", "chi"), ("phuc", "hoi")) for between in ((), ("viec",))
)
BRANCHES: dict[str, tuple[Phrase, ...]] = {
    "nguon tin": (("nguon", "tin"), ("tin", "bao"), ("to", "giac"), *_REPORT_HANDLED)
}
# Steps every branch has, each with its own figures: "tạm đình chỉ" of a crime report (Đ148: sent in 24 hours) is
# not the investigation's (Đ229: 2 days) nor the prosecution's (Đ247); "phục hồi" likewise (Đ149, Đ235).
_FAMILIES: tuple[Phrase, ...] = (("tam", "dinh", "chi"), ("phuc", "hoi"))
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

_SEARCHED = ("clear winner", "single clear option")  # the search's own answers (not one a check settled)
BRANCH_UNNAMED = "branch not named"  # the reason of the menu a step of no branch gets
_SAID = 0.5  # a candidate of the branch named, not first by score, is taken when the question says this much
_SAID_LEAD = 0.2  # of its title, and this much more than of the next one's


def _said(tokens: Sequence[str], title: Sequence[str]) -> float:
    """The share of the title's words the question says."""
    words = set(title)
    return len(words & set(tokens)) / len(words) if words else 0.0


def branch(tokens: Sequence[str]) -> str | None:
    """The branch ``tokens`` (a question or a title) name, or None."""
    found = next((b for b, names in BRANCHES.items() if any(find(tokens, n) >= 0 for n in names)), None)
    return found or ("nguon tin" if _report_handled(tokens) else None)


def _report_handled(tokens: Sequence[str]) -> bool:
    """Whether a step every branch has is named with "giải quyết" apart from it ("tạm đình chỉ của cqđt …, cqđt còn
    bao lâu để gq"): what is "giải quyết"-d after a suspension is a crime report (Đ148, Đ149)."""
    return find(tokens, ("giai", "quyet")) >= 0 and any(find(tokens, f) >= 0 for f in _FAMILIES)


def stages(tokens: Sequence[str]) -> frozenset[str]:
    """Every branch ``tokens`` name (``STAGES``), bodies and officers apart."""
    words = list(tokens)
    for phrase in _NOT_NAMING:
        while (at := find(words, phrase)) >= 0:
            words[at : at + len(phrase)] = ["|"]
    named = frozenset(b for b, names in STAGES.items() if any(find(words, n) >= 0 for n in names))
    return named | ({"nguon tin"} if _report_handled(words) else frozenset())


def branch_named(
    result: SearchResult,
    tokens: Sequence[str],
    title: Callable[[Entry], list[str]],
    s: SearchSettings,
    entries: Sequence[Entry] = (),
) -> SearchResult:
    """``result``, or the one close candidate titled with the branch the question names when the answer's
    title names none; an answer of another branch than the question's, never; a step every branch has asked of
    no branch, a menu of the branches' entries (``entries``: where a branch's entry the search missed is found)."""
    named = branch(tokens)
    kept = in_branch(result, tokens, title, s)
    if kept is not result:
        return kept
    unnamed = _branch_unnamed(result, tokens, title, s, entries)
    if unnamed is not None:
        return unnamed
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
    named = next(iter(own))
    if result.reason == BRANCH_UNNAMED:  # a part that names no branch, in a message that names one
        mine = [c for c in result.candidates if named in stages(title(c.entry))]
        return SearchResult("answer", mine[0].entry, mine, result.score, "the branch named") if mine else result
    return _other_branch(result, named, tokens, title, s) or _menu_of_branches(result, named, title, s) or result


def _menu_of_branches(
    result: SearchResult, named: str, title: Callable[[Entry], list[str]], s: SearchSettings
) -> SearchResult | None:
    """A menu whose one option of the branch named scores enough to answer, each other option titled with another
    branch ("vụ tin báo này … cqđt tạm đình chỉ, qđ gửi vks bao lâu": Đ148's 24 hours, not a menu with Đ229's 2
    days): that option; None otherwise."""
    if result.outcome != "ask":
        return None
    mine = [c for c in result.candidates if named in stages(title(c.entry))]
    others = [c for c in result.candidates if c not in mine]
    if len(mine) != 1 or mine[0].score < s.answer_threshold:
        return None
    if not others or not all(stages(title(c.entry)) - {named} for c in others):
        return None
    return SearchResult("answer", mine[0].entry, mine, mine[0].score, "the branch named")


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


def _branch_unnamed(
    result: SearchResult,
    tokens: Sequence[str],
    title: Callable[[Entry], list[str]],
    s: SearchSettings,
    entries: Sequence[Entry],
) -> SearchResult | None:
    """A question of a step every branch has (``_FAMILIES``) that names no branch, bodies apart ("vks nhận qđ tạm
    đình chỉ của cqđt mà thấy không có căn cứ thì làm gì", "qđ phục hồi của cqđt gửi vks mấy ngày"), answered with
    one branch's entry: a menu of that entry and, for each other branch, its entry titled with the same step (the
    best scored, else of ``entries`` the one whose title the question says most): the branch decides the figure.
    None when no other branch has such an entry."""
    if result.outcome != "answer" or result.entry is None or stages(tokens) or result.reason not in _SEARCHED:
        return None  # (an answer the unit asked settled, "qđ tđc gửi vks mấy tiếng": the 24 hours, stands)
    steps = [f for f in _FAMILIES if find(tokens, f) >= 0]
    top = stages(title(result.entry))
    if not steps or len(top) != 1:
        return None

    def of_branch(entry: Entry) -> str | None:
        words = title(entry)
        its = stages(words)
        return next(iter(its)) if len(its) == 1 and any(find(words, f) >= 0 for f in steps) else None

    options = [Candidate(result.entry, result.score)]
    seen = set(top)
    for c in result.candidates:
        named = of_branch(c.entry)
        if named is not None and named not in seen and c.score >= s.ask_threshold:
            seen.add(named)
            options.append(c)
    for named in STAGES:
        pool = [e for e in entries if named not in seen and of_branch(e) == named]
        if pool:
            seen.add(named)
            options.append(Candidate(max(pool, key=lambda e: _said(tokens, title(e))), 0.0))
    if len(options) < 2:
        return None
    return SearchResult("ask", None, options[: s.max_suggestions], result.score, BRANCH_UNNAMED)
