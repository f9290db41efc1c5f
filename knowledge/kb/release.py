"""A custody or a detention that ends with nothing new, asked what to do: the release.

"hết hạn tạm giam để điều tra mà không được gia hạn thì phải làm gì", "hết thời hạn tạm giữ mà không khởi tố bị
can thì giải quyết sao": the words of the extension or of the custody's length weigh more than the question, and
the extension table (or nothing) answered. What the law says of such an end is the release (BLTTHS Điều 118 khoản
3, Điều 173 khoản 7; FACTS §1, §9): the candidate titled with "trả tự do" answers, when it was found at all. Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from knowledge.kb.decision import SearchResult
from knowledge.kb.entry import Entry
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import Phrase, contains, find

_MEASURES: tuple[Phrase, ...] = (("tam", "giu"), ("tam", "giam"))
_ENDED: tuple[Phrase, ...] = (("het", "han"), ("het", "thoi", "han"), ("qua", "han"), ("het", "hieu", "luc"))
_MISSING: tuple[Phrase, ...] = (("khong",), ("chua",), ("ko",), ("k",))
_NOT = frozenset(w for (w,) in _MISSING)
GROUNDS: Phrase = ("du", "can", "cu")  # "không đủ căn cứ (khởi tố bị can)": released at once (Điều 118 khoản 3)
# What to do, asked ("phải làm gì", "xử lý sao", "thì sao", "giải quyết thế nào", "có phải thả không")
_WHAT: tuple[Phrase, ...] = (
    ("lam", "gi"),
    ("lam", "sao"),
    ("lam", "the", "nao"),
    ("xu", "ly"),
    ("giai", "quyet", "sao"),
    ("giai", "quyet", "the", "nao"),
    ("thi", "sao"),
    ("the", "nao"),
    ("ra", "sao"),
)
# … and no moment asked of it ("hết hạn lúc nào", "trả tự do lúc mấy giờ": the calculator's, or the hour's entry)
_WHEN: tuple[Phrase, ...] = (("luc", "nao"), ("khi", "nao"), ("ngay", "nao"), ("may", "gio"), ("bao", "gio"))
RELEASE: Phrase = ("tra", "tu", "do")


# … or said short: "thiếu căn cứ", "thiếu cc", "không đủ cc"
_LACKING: tuple[Phrase, ...] = (("thieu", "can", "cu"), ("thieu", "cc"), ("du", "cc"))


def _grounds_at(tokens: Sequence[str]) -> int:
    """Where "(không) đủ căn cứ" or "thiếu căn cứ" is said, or -1."""
    return min((i for p in (GROUNDS, *_LACKING) if (i := find(tokens, p)) >= 0), default=-1)


def grounds_said(tokens: Sequence[str]) -> bool:
    """Whether the grounds (đủ căn cứ, thiếu căn cứ, in full or as "cc") are spoken of."""
    return _grounds_at(tokens) >= 0


def _without_grounds(tokens: Sequence[str]) -> bool:
    """Whether "không đủ căn cứ (khởi tố bị can)" or "thiếu căn cứ" is said."""
    grounds = _grounds_at(tokens)
    return grounds >= 0 and (tokens[grounds] == "thieu" or (grounds > 0 and tokens[grounds - 1] in _NOT))


def release_asked(tokens: Sequence[str]) -> bool:
    """Whether the question tells a custody or detention ended with something missing, or held without grounds
    to prosecute ("đang tạm giữ mà không đủ căn cứ khởi tố bị can"), and asks what to do."""
    if not contains(tokens, _MEASURES) or contains(tokens, _WHEN):
        return False
    if _without_grounds(tokens):
        return contains(tokens[_grounds_at(tokens) :], _WHAT)
    ended = min((i for p in _ENDED if (i := find(tokens, p)) >= 0), default=-1)
    rest = tokens[ended:] if ended >= 0 else []
    return contains(rest, _MISSING) and contains(rest, _WHAT)


def released(
    result: SearchResult, tokens: Sequence[str], title: Callable[[Entry], list[str]], s: SearchSettings
) -> SearchResult:
    """``result``, or the answer of the one candidate titled with the end and the release when the release is what is
    asked (not the release of someone held unlawfully)."""
    # "tạm giữ hết hạn thì thả khi nào": when the release falls, at the end told (the entry says each measure's hour)
    said = find(tokens, RELEASE) >= 0
    when = said and contains(tokens, _WHEN) and contains(tokens, _ENDED) and contains(tokens, _MEASURES)
    if not (release_asked(tokens) or when):
        return result
    if said and result.outcome == "answer" and result.entry is not None and find(title(result.entry), RELEASE) >= 0:
        return result  # "trả tự do" said and answered by a release: the search already weighs it
    # held without grounds to prosecute, no end told: released at once, before the term ends (Điều 118 khoản 3),
    # the entry titled with the grounds; else the one titled with the end
    cause = (GROUNDS,) if _without_grounds(tokens) and not contains(tokens, _ENDED) else _ENDED
    titled = [
        c for c in result.candidates[:5] if find(title(c.entry), RELEASE) >= 0 and contains(title(c.entry), cause)
    ]
    if len(titled) != 1 or titled[0].score < s.ask_threshold:
        return result
    one = titled[0]
    if result.outcome == "answer" and result.entry is one.entry:
        return result
    return replace(result, outcome="answer", entry=one.entry, candidates=[one], score=one.score, reason="release")
