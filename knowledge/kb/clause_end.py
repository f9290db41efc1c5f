"""Where a question typed without a separator ends when it does not ask an amount (``twopart._cut``).

Typed on a phone without punctuation, two questions run together: "tạm giam hết hạn đúng chủ nhật
thì có lùi sang thứ 2 không 1 tháng tgiam tính mấy ngày", "5 đức tính gì ngành thành lập ngày
nào", "kỳ thống kê 6 tháng tính tới ngày nào chế độ báo cáo thống kê theo qđ số mấy". Besides an
amount asked ("bao lâu", "mấy ngày": ``twopart``), a question ends at a yes or no ("có … không",
"đã … chưa"), at "gì" and at "nào" — when what follows is a question of its own: it names a subject
(``dialogue.subjects`` of ``synonyms.yaml``) and asks something other than yes or no, and does not
go on with "thì", "mà", "nếu" …. "tạm giữ có được gia hạn không thì tối đa bao lâu", "tội gì thì
tạm giam bao lâu" stay one question; so do "theo hướng không có lợi … kháng nghị trong bao lâu" and
"bị can chưa thành niên thì tgiam bao lâu" (a negation, a phrase that the cut would break).

After a mark (",", ";", "?"), a clause that only names a subject of its own asks what the clause
before asks ("tgiam RNT bn tháng, dt?"; ``opens_with``, used by ``twopart._elliptic``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.kb.normalize import Synonyms
from knowledge.kb.vocabulary import Phrase, Vocabulary, contains, find

_ENDS: tuple[Phrase, ...] = (("khong",), ("chua",), ("gi",), ("nao",))
_YES_NO: tuple[Phrase, ...] = (("khong",), ("chua",))
_ASKED_YES_NO = frozenset({"co", "duoc", "da", "phai", "dung"})  # "có … không", "được … không", "đã … chưa"
_GOES_ON = frozenset({"thi", "ma", "de", "neu", "khi", "la"})  # the same question goes on
_PARTICLES = frozenset({"a", "ah", "ak", "nhe", "nha", "nhi", "ha", "vay", "ad"})


def ends_question(left: Sequence[str], right: Sequence[str], vocab: Vocabulary, synonyms: Synonyms) -> bool:
    """Whether ``left`` (folded, expanded tokens) ends a question at a yes or no, "gì" or "nào" and
    ``right`` asks one of its own about a subject it names. No cut inside a subject or a modifier of
    ``synonyms``: "bị can chưa thành niên thì tgiam …" is one question."""
    end = next((e for e in _ENDS if len(left) > len(e) and tuple(left[-len(e) :]) == e), None)
    said = [w for w in right[:2] if w not in _PARTICLES]  # "… đúng k ạ mà đầu thú thì …": the particle apart
    if end is None or (said and said[0] in _GOES_ON):
        return False  # "tội gì thì tạm giam bao lâu" asks one thing
    if end in _YES_NO and left[-2:-1] in (["ma"], ["nhung"], ["van"]):
        return False  # "… ra xét xử mà chưa mở được phiên tòa thì …": the negation of what follows
    asked = {w for i, w in enumerate(left) if w != "co" or left[i + 1 : i + 2] != ["quan"]}  # not "cơ quan"
    if end in _YES_NO and (_ASKED_YES_NO.isdisjoint(asked) or said[:1] in (["co"], ["duoc"])):
        return False  # "theo hướng không có lợi …", "bị can chưa thành niên", "cqđt chưa có lệnh": a negation
    around = (*left[-3:], *right[:3])
    cut = min(len(left), 3)
    phrases = [tuple(m.split()) for m in (*synonyms.modifiers, *synonyms.modifier_aliases)]
    for phrase in (*vocab.subjects, *phrases):
        at = find(around, phrase)
        while at >= 0:
            if at < cut < at + len(phrase):
                return False
            at = find(around, phrase, at + 1)
    asks = tuple(q for q in vocab.question_words if q not in _YES_NO)
    return contains(right, vocab.subjects) and contains(right, asks)


def has_content(tokens: list[str], vocab: Vocabulary, synonyms: Synonyms) -> bool:
    """A word that is neither a stop word nor part of a question word."""
    masked = list(tokens)
    for phrase in vocab.question_words:
        at = find(masked, phrase)
        while at >= 0:
            masked[at : at + len(phrase)] = [""] * len(phrase)
            at = find(masked, phrase, at + len(phrase))
    return any(t and t not in synonyms.stopwords for t in masked)


def good_side(tokens: list[str], vocab: Vocabulary, synonyms: Synonyms) -> bool:
    """A side of a cut that asks something (a question word) about something (a word of content)."""
    return contains(tokens, vocab.question_words) and has_content(tokens, vocab, synonyms)


_LEADS = frozenset({"the", "vay", "nhung"})  # "…, thế truy tố?" ("…, còn …": the conjunction's own cut)


def opens_with(right: Sequence[str], vocab: Vocabulary) -> bool:
    """Whether a clause after a mark is only about a subject it opens with ("…, dt?", "…, điều tra RNT",
    "…? kháng nghị VKS cùng cấp?"): it then asks what the clause before asks. Not a condition
    ("…, trong giai đoạn điều tra") nor a clause of its own (``twopart`` cuts those)."""
    words = list(right)
    while words and words[0] in _LEADS:
        words.pop(0)
    return any(tuple(words[: len(p)]) == p for p in vocab.subjects)


_LINE_END = re.compile(r"[ \t]*(?<![,;:.?!])[ \t]*\n+\s*")


def lines_as_clauses(text: str) -> str:
    """A message typed over several lines, each line a clause ("cqđt nhận tin báo hôm nay⏎hạn 20 ngày là
    đến ngày nào"): a line break is read as the comma it stands for (a line ending in a mark keeps it)."""
    return _LINE_END.sub(", ", text).replace("\n", " ") if "\n" in text else text
