"""Two members of a question that share the rest of it, and two topics that share its tail.

"tội ít nghiêm trọng và tội đặc biệt nghiêm trọng điều tra bao lâu", "kỳ thống kê 6 tháng và 12 tháng"
name two members of one group (``dialogue.exclusive`` or ``dialogue.paired`` of ``synonyms.yaml``, or two
quantities of one unit)
joined by "và" or ",": each is asked the shared question (``shared_pair``, ``shared_members``). "thời hạn
điều tra tối đa và tạm giam điều tra tối đa với tội ít NT là bao nhiêu" names two topics sharing the
question after the second (``shared_tail``). "tạm giữ và tạm giam khác nhau thế nào" asks one thing.
Used by ``twopart.split_question`` and ``dialogue``.
"""

from __future__ import annotations

from itertools import pairwise

from knowledge.kb.clause_end import good_side
from knowledge.kb.normalize import Synonyms, fold
from knowledge.kb.vocabulary import Phrase, Vocabulary, contains, find
from knowledge.kb.wording import Wording

UNITS = frozenset({"ngay", "thang", "nam", "gio", "tieng", "lan", "tuan", "phut"})

_COMPARE = (("khac",), ("giong",), ("so", "sanh"), ("phan", "biet"))
_JOINERS = frozenset({"va", "voi", "cung", "lan"})  # not "hay", "hoặc": "12 giờ hay 24 giờ" asks which


def _members(wording: Wording, group: tuple[tuple[str, ...], ...]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Raw-word spans of the group's phrases, longest first so "nghiêm trọng" in "rất nghiêm trọng" is not one."""
    owner = [i for i, word in enumerate(wording.folded) for _ in word]
    masked = wording.tokens()
    spans = []
    for phrase in group:
        at = find(masked, phrase)
        while at >= 0:
            spans.append((owner[at], owner[at + len(phrase) - 1] + 1, phrase))
            masked[at : at + len(phrase)] = [""] * len(phrase)
            at = find(masked, phrase, at + len(phrase))
    return sorted(spans)


def _quantities(wording: Wording) -> list[tuple[int, int, tuple[str, ...]]]:
    """Spans of "6 tháng", "12 tháng": a number followed by a unit, keyed by the unit."""
    out: list[tuple[int, int, Phrase]] = []
    for i in range(len(wording.raw) - 1):
        here, unit = wording.folded[i], wording.folded[i + 1]
        if len(here) == 1 and here[0].isdigit() and len(unit) == 1 and unit[0] in UNITS:
            out.append((i, i + 2, unit))
    return out


def shared_pair(wording: Wording, vocab: Vocabulary, synonyms: Synonyms) -> tuple[int, int, int, int] | None:
    """Two members of one group joined by a conjunction, the rest of the question shared."""
    stop = synonyms.stopwords | _JOINERS
    if contains(wording.tokens(), _COMPARE):
        return None  # "tạm giữ và tạm giam khác nhau thế nào" asks one thing
    groups = [(_members(wording, g), False) for g in (*vocab.exclusive, *vocab.paired)]
    for spans, same_unit in [*groups, (_quantities(wording), True)]:
        for (a0, a1, a), (b0, b1, b) in pairwise(spans):
            if (a == b) != same_unit or b0 <= a1:
                continue  # the same member twice, or a quantity with two different units
            if wording.tokens(max(a0 - 2, 0), a0) == ["thi", "hanh"]:
                continue  # a law's title: "Luật Thi hành tạm giữ, tạm giam 94/2015"
            gap = wording.raw[a1:b0]
            gap_tokens = wording.tokens(a1, b0)
            joined = any(w in ",;" or fold(w) in _JOINERS for w in gap)
            if contains(gap_tokens, vocab.question_words):
                continue  # "tạm giam ít NT tối đa bao lâu, NT thì bao lâu": the first asks on its own
            # the gap holds only joiners and the words just before the first member ("6 tháng và 12
            # tháng"), or the question's head word said again ("kỳ tk 6 tháng với kỳ 12 tháng")
            said = {*wording.tokens(max(a0 - 3, 0), a0), *wording.folded[0]}
            if joined and all(t in stop or t in said for t in gap_tokens):
                return a0, a1, b0, b1
    return None


def shared_members(text: str, vocab: Vocabulary, synonyms: Synonyms) -> tuple[Phrase, Phrase] | None:
    """The two members a question asks about together ("ít nghiêm trọng", "đặc biệt nghiêm trọng")."""
    wording = Wording.of(text, synonyms)
    pair = shared_pair(wording, vocab, synonyms)
    if pair is None:
        return None
    a0, a1, b0, b1 = pair
    return tuple(wording.tokens(a0, a1)), tuple(wording.tokens(b0, b1))


# The level said right after the second topic is its own ("hạn kc của bị cáo và hạn kn của vks cấp trên là ngày
# nào": the bị cáo has no "cấp trên"), never the shared tail's. Longest first.
_OWN_LEVEL = (("cap", "tren", "truc", "tiep"), ("cap", "tren"), ("cung", "cap"))
_TAIL_JOINS = frozenset({"va", "&"})  # not ",": "X, Y thì … bao lâu" is one question with its condition
_MAX_HEAD = 8  # words before "và" in "X và Y <shared question>"
_MAX_LISTED = 14  # … in "X và Y" with no question word ("lời dạy của Bác với cán bộ kiểm sát và ngày thành lập ngành")


def _topic_ends(tokens: list[str], topics: tuple[Phrase, ...]) -> tuple[set[Phrase], int]:
    """The topics named in ``tokens`` and the token index after the last one."""
    named, end = set(), 0
    for phrase in topics:
        at = find(tokens, phrase)
        while at >= 0:
            named.add(phrase)
            end = max(end, at + len(phrase))
            at = find(tokens, phrase, at + 1)
    return named, end


def shared_tail(wording: Wording, vocab: Vocabulary, synonyms: Synonyms) -> tuple[int, int] | None:
    """ "thời hạn điều tra tối đa và tạm giam điều tra tối đa với tội ít NT là bao nhiêu": two topics
    joined by "và" that share the question after the second. (The "và" word, the first word of the shared
    tail); the first part is then what precedes "và" followed by the tail."""
    if contains(wording.tokens(), _COMPARE):
        return None  # "tạm giữ và tạm giam khác nhau thế nào" asks one thing
    # "phương châm năm 2021 và chủ đề thi đua năm 2021": no question word at all, a list of two topics
    listed = not contains(wording.tokens(), vocab.question_words)
    qualifiers = {p for group in vocab.carried for p in group}  # shared by both: "với tội ít NT"
    topics = tuple(t for t in (*vocab.subjects, *(tuple(m.split()) for m in synonyms.modifiers)) if t not in qualifiers)
    head = _MAX_LISTED if listed else _MAX_HEAD  # a list asks nothing else: a longer first topic is still one
    for i in range(1, min(len(wording.raw) - 1, head + 1)):
        if wording.raw[i] not in _TAIL_JOINS and fold(wording.raw[i]) not in _TAIL_JOINS:
            continue
        left, right = wording.tokens(0, i), wording.tokens(i + 1)
        if contains(left, vocab.question_words) or not (listed or good_side(right, vocab, synonyms)):
            continue
        named_left, _ = _topic_ends(left, topics)
        named_right, end = _topic_ends(right, topics)
        if not named_left or named_left == named_right or not end:
            continue
        owner = [j for j, word in enumerate(wording.folded[i + 1 :], start=i + 1) for _ in word]
        tail = owner[end - 1] + 1
        own = next((p for p in _OWN_LEVEL if tuple(wording.tokens(tail, tail + len(p))) == p), None)
        tail += len(own) if own is not None and tail + len(own) < len(wording.raw) else 0
        if listed or contains(wording.tokens(tail), vocab.question_words):
            return i, tail
    return None
