"""A second question said as only what changes ("kỳ thống kê 6 tháng tính từ ngày nào đến ngày nào, còn 12
tháng"; "tạm giam ít NT tối đa bao lâu, còn NT"; "tạm giữ tối đa mấy ngày, tạm giam thì sao"): after a
separator, a member of a group (a crime category, a measure, a stage) or a length in the unit of one the
first question names, and nothing else but stop words (or, typed without the separator, right after the
first question's question word, when it ends by asking about it: "… đến ngày nào 12 tháng thì sao"). It asks
the first question again with that member in place of the first's: two parts, each asked in full.
"""

from __future__ import annotations

from knowledge.kb.normalize import Synonyms, fold
from knowledge.kb.vocabulary import Phrase, Vocabulary, contains, find
from knowledge.kb.wording import Wording

_OPENERS = frozenset({"con", "the", "vay", "con voi", "nhu"})  # "còn", "thế còn", "vậy còn"; folded
_TAIL = frozenset({"thi", "sao", "the", "nao", "ra"})  # "… thì sao", "… thế nào", "… ra sao"
_UNITS = frozenset({"ngay", "thang", "nam", "gio", "lan", "tuan"})


def _spans(wording: Wording, start: int, end: int, group: tuple[Phrase, ...]) -> list[tuple[int, int, Phrase]]:
    """Raw-word spans in [start, end) of the group's phrases, longest first ("ít nghiêm trọng" is not two)."""
    out: list[tuple[int, int, Phrase]] = []
    taken: set[int] = set()
    for phrase in sorted(group, key=len, reverse=True):
        for i in range(start, end):
            words: list[str] = []
            j = i
            while j < end and len(words) < len(phrase):
                words += wording.folded[j]
                j += 1
            if tuple(words) == phrase and not taken & set(range(i, j)):
                out.append((i, j, phrase))
                taken.update(range(i, j))
    return sorted(out)


def _lengths(wording: Wording, start: int, end: int, bare: bool = False) -> list[tuple[int, int, Phrase]]:
    """Spans of "6 tháng", "12 tháng" in [start, end), keyed by the unit; with ``bare``, a unit said alone
    after a subject's words counts too ("kỳ thống kê tháng …, còn 6 tháng")."""
    out: list[tuple[int, int, Phrase]] = []
    for i in range(start, end - 1):
        here, unit = wording.folded[i], wording.folded[i + 1]
        if len(here) == 1 and here[0].isdigit() and len(unit) == 1 and unit[0] in _UNITS:
            out.append((i, i + 2, unit))
    if bare and not out:
        for i in range(max(start, 1), end):
            word, before = wording.folded[i], wording.folded[i - 1]
            if word in (("thang",), ("nam",)) and before and not before[-1].isdigit() and before[-1] not in _COUNTS:
                out.append((i, i + 1, word))
    return out


_ABOUT = (("thi", "sao"), ("the", "nao"), ("ra", "sao"))


def _ends_asking(left: list[str], vocab: Vocabulary) -> bool:
    """``left`` ends with a question word (and its unit: "mấy ngày")."""
    words = left[:-1] if left and left[-1] in _UNITS else left
    return any(len(words) >= len(q) and tuple(words[-len(q) :]) == q for q in vocab.question_words)


def _asks_about(right: list[str]) -> bool:
    """``right`` ends by asking about what it names ("12 tháng thì sao", "tạm giam thế nào")."""
    return any(len(right) > len(a) and tuple(right[-len(a) :]) == a for a in _ABOUT)


_COUNTS = frozenset({"may", "nhieu", "bn", "cac", "moi", "hang", "ngay", "tung"})  # "mấy tháng", "hằng tháng"


def member_replaced(text: str, vocab: Vocabulary, synonyms: Synonyms) -> list[str] | None:
    """The two questions of ``text`` when its second says only the member that changes, else None."""
    wording = Wording.of(text, synonyms)
    n = len(wording.raw)
    for i in range(1, n - 1):
        separated = wording.raw[i] in ",;" or fold(wording.raw[i]) == "con"
        left = wording.tokens(0, i)
        if not separated and not (_ends_asking(left, vocab) and _asks_about(wording.tokens(i))):
            continue  # typed without its comma: "… đến ngày nào 12 tháng thì sao"
        if not contains(left, vocab.question_words):
            continue
        start = i + 1 if separated else i
        while start < n and (fold(wording.raw[start]) in _OPENERS or wording.raw[start] in ",;"):
            start += 1
        for group in (*vocab.exclusive, None):
            right = _spans(wording, start, n, group) if group is not None else _lengths(wording, start, n)
            if len(right) != 1:
                continue
            r0, r1, said = right[0]
            rest = wording.tokens(start, r0) + wording.tokens(r1)
            if not all(t in synonyms.stopwords or t in _TAIL or t == "toi" for t in rest):
                continue  # "NT thì gia hạn mấy lần": more changes than the member
            # the first question's member of the same group (a length: of the same unit, another number)
            own = _spans(wording, 0, i, group) if group is not None else _lengths(wording, 0, i, bare=True)
            own = [s for s in own if (s[2] == said) == (group is None)]
            if len(own) != 1 or wording.tokens(own[0][0], own[0][1]) == wording.tokens(r0, r1):
                continue
            a0, a1, mine = own[0]
            others = [p for p in vocab.subjects if p != mine and find(left, p) >= 0 and not set(p) <= set(mine)]
            if said in vocab.subjects and others:
                continue  # "tạm giam điều tra …, truy tố bao lâu": the prosecution's own limit, maybe
            second = Wording(
                wording.raw[:a0] + wording.raw[r0:r1] + wording.raw[a1:i],
                wording.folded[:a0] + wording.folded[r0:r1] + wording.folded[a1:i],
            )
            return [wording.text(0, i), second.text()]
    return None
