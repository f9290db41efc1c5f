"""The procuracy's level a question names ("cùng cấp", "cấp trên"), or the custody facility that acts ("trại
tạm giam báo trước …"), settles a menu between entries titled by it: "kháng nghị cấp trên bản án sơ thẩm?"
is the superior procuracy's 30 days, though the same-level entry also says them in passing; "ttg báo trc hết
hạn tgiam đã gh bn ngày" is the facility's notice, not the investigators' request. A crime against national
security named settles it the same way ("tam giam anqg dbnt toi da bao lau": the ANQG entry, not the
ordinary detention's, which names ANQG in passing). Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from knowledge.kb.decision import SearchResult, one_titled
from knowledge.kb.entry import Entry
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import Phrase, find

_MEASURES: tuple[Phrase, ...] = (("tam", "giu"), ("tam", "giam"))
_FACILITY: tuple[Phrase, ...] = (("trai", "tam", "giam"), ("nha", "tam", "giu"), ("co", "so", "giam", "giu"))
# Each family: the words that name it in a question or a title
_FAMILIES: tuple[tuple[Phrase, ...], ...] = ((("cung", "cap"),), (("cap", "tren"),), _FACILITY)
_FAMILIES += ((("an", "ninh", "quoc", "gia"),),)  # "không phải ANQG" is dropped from the tokens (negation)


def level_titled(
    result: SearchResult, tokens: Sequence[str], title: Callable[[Entry], list[str]], s: SearchSettings
) -> SearchResult:
    """``result``, or the one option of its menu titled with the level (or the actor) the question names."""
    if result.outcome != "ask" or not result.candidates:
        return result
    named = [family for family in _FAMILIES if any(find(tokens, p) >= 0 for p in family)]
    if len(named) != 1:
        return result
    family = named[0]
    measured = any(find(tokens, m) >= 0 for m in _MEASURES)  # "điều tra tội ANQG bao lâu" is no detention

    def titled(entry: Entry) -> bool:
        words = title(entry)
        return any(find(words, p) >= 0 for p in family) and (measured or all(find(words, m) < 0 for m in _MEASURES))

    found = one_titled(result.candidates, result.candidates[0].score, titled, s, "the level named")
    return found or result
