"""A question of the first instance's trial is not answered with an entry of a review or of another stage.

"sơ thẩm" names a stage but is not a topic-changing modifier ("bản án sơ thẩm" is what every appeal is against), so
an appeal's entry answered questions that say the first instance: "tạm giam bị cáo ở giai đoạn sơ thẩm được bao
lâu" got the appeal's detention (60/90 days), "thẩm phán chủ tọa sơ thẩm phải ra quyết định trong bao nhiêu ngày"
the appeal's trial preparation, "tg giai đoạn sơ thẩm" the prosecution's detention. When the question names the
first instance as its stage — "sơ thẩm" not said as what is appealed ("bản án sơ thẩm", "quyết định sơ thẩm"), no
appeal (kháng cáo, kháng nghị) and no review stage named — an answer titled with a review stage and not "sơ thẩm",
or with stages none of which is the trial's, gives way to the close candidate of the trial (or a question back).
Pure; ``guard.Guard.check`` applies it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from knowledge.kb.decision import Candidate, SearchResult
from knowledge.kb.entry import Entry
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import Phrase, find

_FIRST: Phrase = ("so", "tham")
_REVIEW: tuple[Phrase, ...] = (("phuc", "tham"), ("giam", "doc", "tham"), ("tai", "tham"))
_TRIAL: tuple[Phrase, ...] = (("xet", "xu"), ("so", "tham"), ("phien", "toa"))
_OTHER_STAGES: tuple[Phrase, ...] = (("dieu", "tra"), ("truy", "to"), ("cao", "trang"))
# What an appeal is against: "bản án sơ thẩm", "án sơ thẩm", "quyết định sơ thẩm" (the review's own questions)
_APPEALED = frozenset({"an", "dinh"})
# Said with "sơ thẩm", these ask of the appeal or the review (what is done against the first instance's judgment)
_REVIEWING: tuple[Phrase, ...] = (("khang", "cao"), ("khang", "nghi"), *_REVIEW)
_CANDIDATES = 5
REASON = "the first instance named"
UNNAMED = "instance not named"
# How far below an appeal's answer the first instance's entry is still offered, when no instance is named: the
# appeal's questions are the first instance's with "phúc thẩm" added, so without it they still favour the appeal
_UNNAMED_WINDOW = 0.25


def first_instance_asked(tokens: Sequence[str]) -> bool:
    """Whether the question names the first instance as its stage and nothing of an appeal or a review."""
    words = list(tokens)
    if find(words, _FIRST) < 0 or any(find(words, p) >= 0 for p in _REVIEWING):
        return False
    return any(
        (words[i], words[i + 1]) == _FIRST and (i == 0 or words[i - 1] not in _APPEALED) for i in range(len(words) - 1)
    )


def _elsewhere(title: Sequence[str]) -> bool:
    """Whether a title names a review and not the first instance, or only stages before the trial."""
    words = list(title)
    if any(find(words, p) >= 0 for p in _TRIAL):
        return find(words, _FIRST) < 0 and any(find(words, p) >= 0 for p in _REVIEW)
    return any(find(words, p) >= 0 for p in (*_REVIEW, *_OTHER_STAGES))


def at_first_instance(
    result: SearchResult,
    tokens: Sequence[str],
    title: Callable[[Entry], Sequence[str]],
    settings: SearchSettings,
) -> SearchResult | None:
    """The trial's candidate (or a question back) instead of an answer of another stage; None to keep it."""
    if result.outcome != "answer" or result.entry is None:
        return None
    if not first_instance_asked(tokens):
        return _instance_unnamed(result, tokens, title, settings)
    if not _elsewhere(title(result.entry)):
        return None
    trial = [
        c
        for c in result.candidates[:_CANDIDATES]
        if c.entry is not result.entry and not _elsewhere(title(c.entry)) and c.score >= settings.ask_threshold
    ]
    # those titled with the trial first ("tạm giam ở cấp sơ thẩm": the trial's detention, not the day an appeal is
    # lodged, which names no stage)
    titled = [c for c in trial if any(find(list(title(c.entry)), p) >= 0 for p in _TRIAL)]
    trial = titled or trial
    clear = trial and (len(trial) == 1 or trial[0].score - trial[1].score >= settings.margin)
    if clear and trial[0].score >= settings.answer_threshold:
        return SearchResult("answer", trial[0].entry, trial, trial[0].score, REASON)
    options: list[Candidate] = [*trial[:2], Candidate(result.entry, result.score)]
    return SearchResult("ask", None, options, result.score, REASON)


def _review_only(title: Sequence[str]) -> bool:
    words = list(title)
    return find(words, _FIRST) < 0 and any(find(words, p) >= 0 for p in _REVIEW)


def _instance_unnamed(
    result: SearchResult,
    tokens: Sequence[str],
    title: Callable[[Entry], Sequence[str]],
    settings: SearchSettings,
) -> SearchResult | None:
    """A question that names no instance ("tòa phải mở phiên tòa trong bao lâu", "quyết định đưa vụ án ra xét xử
    gửi vks trước mấy ngày") answered by an appeal's entry while the first instance's is close: both, asked."""
    words = list(tokens)
    if find(words, _FIRST) >= 0 or any(find(words, p) >= 0 for p in _REVIEWING):
        return None
    assert result.entry is not None
    if not _review_only(title(result.entry)):
        return None
    floor = max(settings.ask_threshold, result.score - _UNNAMED_WINDOW)
    trial = [
        c
        for c in result.candidates[:_CANDIDATES]
        if c.entry is not result.entry
        and c.score >= floor
        and not _elsewhere(title(c.entry))
        and any(find(list(title(c.entry)), p) >= 0 for p in _TRIAL)
    ]
    if not trial:
        return None
    return SearchResult("ask", None, [trial[0], Candidate(result.entry, result.score)], result.score, UNNAMED)
