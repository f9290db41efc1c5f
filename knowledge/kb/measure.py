"""A question that asks how long a measure lasts at a stage ("rg pt tgiam tối đa bn ngày") is answered by
the one close option whose title names the measure, not by the stage's entry that says it in passing.

Between "Xét xử phúc thẩm theo thủ tục rút gọn" (which says the detention in passing) and "Thời hạn tạm
giữ, tạm giam theo thủ tục rút gọn", a question naming only the measure, its stage and its qualifiers
asks the measure's limit. A question naming another subject ("bị cáo đang bị tạm giam thì kháng cáo
bao lâu") is not settled here: there the measure is the story.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from knowledge.kb.decision import SearchResult
from knowledge.kb.entry import Entry
from knowledge.kb.followup import subjects_named
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import Phrase, Vocabulary, find

_MEASURES: tuple[Phrase, ...] = (("tam", "giu"), ("tam", "giam"))
# What may be named beside the measure: its stage and the procedure's qualifiers.
_BESIDE = frozenset(
    {
        ("dieu", "tra"),
        ("truy", "to"),
        ("xet", "xu"),
        ("so", "tham"),
        ("phuc", "tham"),
        ("rut", "gon"),
        ("chua", "thanh", "nien"),
    }
)


def measure_titled(
    result: SearchResult,
    tokens: Sequence[str],
    vocab: Vocabulary,
    title: Callable[[Entry], list[str]],
    unmet: Callable[[Entry], list[str]],
    s: SearchSettings,
) -> SearchResult:
    """``result``, or the one option of its menu titled with the measure the question asks of; or, for an
    answer whose title does not name the measure, the one close candidate whose title does."""
    if result.outcome not in ("ask", "answer") or not result.candidates:
        return result
    measures = [m for m in _MEASURES if find(tokens, m) >= 0]
    named = set(subjects_named(tokens, vocab))
    if not measures and named & _STAGES and result.outcome == "ask":
        return _stage_only(result, title, unmet, s)
    if len(measures) != 1 or not named - set(measures) <= _BESIDE:
        return result
    if result.entry is not None and find(title(result.entry), measures[0]) >= 0:
        return result
    close = [c for c in result.candidates if c.score >= result.score - s.ask_window]
    titled = [c for c in close if find(title(c.entry), measures[0]) >= 0 and not unmet(c.entry)]
    if len(titled) != 1 or titled[0].score < s.ask_threshold:
        return result
    return SearchResult("answer", titled[0].entry, titled, titled[0].score, "the measure asked")


_STAGES = frozenset({("dieu", "tra"), ("truy", "to")})


def _stage_only(
    result: SearchResult, title: Callable[[Entry], list[str]], unmet: Callable[[Entry], list[str]], s: SearchSettings
) -> SearchResult:
    """A menu for a stage's own limit, no measure named ("tội ANQG hết gia hạn điều tra thì VKSTC còn gia hạn
    thêm được không"): the one option not titled with a measure, when the others are."""
    plain = [c for c in result.candidates if not any(find(title(c.entry), m) >= 0 for m in _MEASURES)]
    plain = [c for c in plain if not unmet(c.entry)]
    if len(plain) != 1 or len(result.candidates) < 2 or plain[0].score < s.answer_threshold:
        return result
    return SearchResult("answer", plain[0].entry, plain, plain[0].score, "the stage asked, no measure")
