"""Whether one more extension is allowed: "gia hạn lần 2 được không", "đã gia hạn rồi, gia hạn tiếp được
không", "gh thêm lần nữa đc ko".

The answer found states how many extensions the law gives (per crime category when it covers several:
"tội ít nghiêm trọng 2 tháng và gia hạn 1 lần …; tội nghiêm trọng … gia hạn 2 lần …"). The question's
rank is compared with that count and the reply opens with the yes or no: "Không: tội ít nghiêm trọng chỉ
được gia hạn 1 lần". Nothing is said when the count is not stated for the case asked, when the category
the answer depends on is not named, when an extra extension exists beyond the count (ANQG, a very
complex case: "gia hạn thêm 1 lần"), or when "tiếp" leaves the extensions already had unsaid and the
law gives more than one. Pure; the question comes folded and expanded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.kb.lead import categories
from knowledge.kb.normalize import syllables
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.vocabulary import Phrase

_WORDS = {"nhat": 1, "mot": 1, "dau": 1, "hai": 2, "nhi": 2, "ba": 3, "tu": 4, "nam": 5}
_N = r"(\d|nhat|mot|dau|hai|nhi|ba|tu|nam)"
# "gia hạn (điều tra|tạm giam …) lần (thứ) 2": the rank asked
_RANK = re.compile(rf"\bgia han(?: [a-z]+){{0,10}}? lan (?:thu )?{_N}\b")
# "gia hạn tiếp", "gia hạn (thêm) (1) lần nữa": the next one after those already had
_NEXT = re.compile(r"\bgia han (?:(?:[a-z]+ ){0,2}tiep|(?:them )?(?:1 )?lan nua|them 1 lan)\b")
# "đã gia hạn 2 lần", "gia hạn 2 lần rồi", "hết 2 lần gia hạn": the extensions already had
_HAD = re.compile(rf"\b(?:da gia han (?:[a-z]+ ){{0,2}}?{_N} lan|gia han {_N} lan roi|het {_N} lan gia han)\b")
_YES_NO = re.compile(r"\b(?:duoc|co the|con)\b.*\bkhong\b|\bkhong$|\bchua$")
# The count the answer states: "gia hạn 1 lần", "gia hạn tối đa 2 lần"
_COUNT = re.compile(r"\bgia han (?:toi da |khong qua )?(\d) lan\b")
_LABELS: dict[Phrase, str] = {
    ("dac", "biet", "nghiem", "trong"): "tội đặc biệt nghiêm trọng",
    ("rat", "nghiem", "trong"): "tội rất nghiêm trọng",
    ("it", "nghiem", "trong"): "tội ít nghiêm trọng",
    ("nghiem", "trong"): "tội nghiêm trọng",
}
_EXTRA = re.compile(r"\bthem (?:1 )?lan\b|\ban ninh quoc gia\b")


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word]


def asks_another(question: Sequence[str]) -> bool:
    """Whether the question asks if a numbered or one more extension is allowed."""
    text = " ".join(numbers_from_words(list(question)))
    return _YES_NO.search(text) is not None and (_RANK.search(text) or _NEXT.search(text)) is not None


def asked_rank(question: Sequence[str], allowed: int) -> int | None:
    """The rank of the extension asked about (None: not asked, or "tiếp" with the count had unsaid and
    more than one allowed)."""
    text = " ".join(numbers_from_words(list(question)))
    if not _YES_NO.search(text):
        return None
    rank = _RANK.search(text)
    if rank is not None:
        return _number(rank.group(1))
    if _NEXT.search(text) is None:
        return None
    had = _HAD.search(text)
    if had is not None:
        return _number(next(g for g in had.groups() if g)) + 1
    return 2 if allowed == 1 else None


def _scope(answer: str, asked: set[Phrase]) -> tuple[str, str] | None:
    """(the answer's text about the category asked, that category as shown) or None."""
    told = categories(numbers_from_words(syllables(answer)))
    if len(told) < 2:
        if asked and told and asked != told:
            return None
        return answer, _LABELS[next(iter(asked))] if len(asked) == 1 else ""
    who = _LABELS[next(iter(asked))] if len(asked) == 1 else ""
    for clause in re.split(r"[;.]", answer):
        folded = " ".join(numbers_from_words(syllables(clause)))
        if len(asked) == 1 and categories(folded.split()) == asked and _COUNT.search(folded):
            return clause, who
    # a count said once for every category ("Thời hạn truy tố chỉ được gia hạn 1 lần (Điều 240 …)")
    general = [s for s in re.split(r"[.]", answer) if _COUNT.search(_folded(s)) and not categories(_folded(s).split())]
    return (general[0], who) if len(general) == 1 else None


def _folded(text: str) -> str:
    return " ".join(numbers_from_words(syllables(text)))


def another_line(answer: str, question: Sequence[str]) -> str | None:
    """The yes or no to "one more extension?" from the answer's own count, or None."""
    tokens = list(question)
    if "an ninh quoc gia" in " ".join(tokens):
        return None
    scope = _scope(answer, categories(numbers_from_words(tokens)))
    if scope is None:
        return None
    text, who = scope
    folded = " ".join(numbers_from_words(syllables(text)))
    counts = {int(c) for c in _COUNT.findall(folded)}
    if len(counts) != 1:
        return None
    allowed = counts.pop()
    rank = asked_rank(tokens, allowed)
    if rank is None:
        return None
    subject = f"{who} " if who else ""
    if rank <= allowed:
        return f"Được: {subject}được gia hạn tối đa {allowed} lần"
    if _EXTRA.search(folded):
        return None  # an extra extension beyond the count (a very complex case): not a plain no
    return f"Không: {subject}chỉ được gia hạn {allowed} lần"
