"""The procuracy's level a question names ("cùng cấp", "cấp trên") settles a menu between entries titled by
level: "kháng nghị cấp trên bản án sơ thẩm?" is the superior procuracy's 30 days, though the same-level
entry also says them in passing. Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from knowledge.kb.decision import SearchResult
from knowledge.kb.entry import Entry
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import Phrase, find

_LEVELS: tuple[Phrase, ...] = (("cung", "cap"), ("cap", "tren"))


def level_titled(
    result: SearchResult, tokens: Sequence[str], title: Callable[[Entry], list[str]], s: SearchSettings
) -> SearchResult:
    """``result``, or the one option of its menu titled with the level the question names."""
    if result.outcome != "ask" or not result.candidates:
        return result
    named = [level for level in _LEVELS if find(tokens, level) >= 0]
    if len(named) != 1:
        return result
    top = result.candidates[0].score
    close = [c for c in result.candidates if c.score >= top - s.ask_window]
    titled = [c for c in close if find(title(c.entry), named[0]) >= 0]
    if len(titled) != 1 or titled[0].score < s.answer_threshold:
        return result
    return SearchResult("answer", titled[0].entry, titled, titled[0].score, "the level named")
