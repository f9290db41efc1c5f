"""An answer about who acts ("VKS cấp nào được gia hạn tạm giam (thẩm quyền)") for a question that asks how
long and names no one ("gia hạn tạm giam lần 1 tội nghiêm trọng được tối đa bao lâu"): the close
candidate about the length answers it instead (the guard's converse: a "who" question is never answered
by an entry that names no one who acts).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from knowledge.kb.another_extension import asks_another
from knowledge.kb.decision import SearchResult
from knowledge.kb.entry import Entry
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import Phrase, contains, find

# Who or which acts (also read by ``reorganised``)
WHO: tuple[Phrase, ...] = (
    ("ai",),
    ("cap", "nao"),
    ("tham", "quyen"),
    ("co", "quan", "nao"),
    ("vks", "nao"),
    ("kiem", "sat", "nao"),
)
_HOW_LONG: tuple[Phrase, ...] = (("bao", "lau"), ("toi", "da"), ("bao", "nhieu", "ngay"), ("may", "ngay"))
_HOW_LONG += (("bao", "nhieu", "thang"), ("may", "thang"), ("bao", "nhieu", "gio"), ("may", "gio"), ("bao", "nhieu"))
# The category asked of a crime ("rút gọn áp dụng với tội phạm thuộc loại nào", "tội này là loại tội gì")
_CATEGORY_ASKED: tuple[Phrase, ...] = (("loai", "nao"), ("loai", "gi"), ("loai", "toi", "nao"), ("loai", "toi", "gi"))


def category_asked(tokens: Sequence[str]) -> bool:
    """Whether the question asks which crime category (answered only by an entry that names one)."""
    return contains(tokens, _CATEGORY_ASKED) and category_named(tokens) is None


# The crime categories, longest first: a question naming one prefers the candidate titled with it
_CATEGORIES: tuple[Phrase, ...] = (
    ("dac", "biet", "nghiem", "trong"),
    ("rat", "nghiem", "trong"),
    ("it", "nghiem", "trong"),
    ("nghiem", "trong"),
)


def category_named(tokens: Sequence[str]) -> Phrase | None:
    """The crime category ``tokens`` name (the longest phrase that is found), or None."""
    return next((c for c in _CATEGORIES if find(tokens, c) >= 0), None)


def length_not_who(
    result: SearchResult,
    tokens: Sequence[str],
    title: Callable[[Entry], list[str]],
    unmet: Callable[[Entry], list[str]],
    s: SearchSettings,
) -> SearchResult:
    """``result``, or the close candidate not about who acts when the answer is and the question asks how
    long of no one."""
    entry = result.entry
    if result.outcome != "answer" or entry is None or not contains(title(entry), WHO):
        return result
    if contains(tokens, WHO) or not (contains(tokens, _HOW_LONG) or asks_another(tokens)):
        return result  # "gia hạn lần 2 được không" asks whether, not who
    close = [c for c in result.candidates if c.entry is not entry and c.score >= result.score - s.ask_window]
    fitting = [c for c in close if not contains(title(c.entry), WHO) and not unmet(c.entry)]
    if not fitting:
        return result
    named = category_named(tokens)
    titled = [c for c in fitting if named is not None and category_named(title(c.entry)) == named]
    if len(fitting) > 1 and fitting[0].score - fitting[1].score < s.margin and titled:
        fitting = titled  # a tie ("điều tra tội nghiêm trọng gia hạn lần 1 bao lâu"): that category's entry
    best = fitting[0]
    if best.score >= s.answer_threshold and (len(fitting) == 1 or best.score - fitting[1].score >= s.margin):
        return SearchResult("answer", best.entry, fitting, best.score, "the length asked, not who")
    return SearchResult("ask", None, fitting[: s.max_suggestions], result.score, "the length asked, not who")
