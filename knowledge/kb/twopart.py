"""Cutting a question that asks two things into its parts.

"tội nghiêm trọng điều tra tối đa bao lâu và tạm giam điều tra tối đa bao lâu" is two
questions; "tạm giữ và tạm giam khác nhau thế nào" is one. A cut is made at a separator
(``, ; ?``, "và", "còn", "với", …) only when each side holds a question word and a word of
content; without a separator, after the first of two question words ("… bao nhiêu ngày gia
hạn thêm mấy ngày"). A question naming two years is asked once per year.
"""

from __future__ import annotations

import re

from knowledge.kb.normalize import Synonyms, fold
from knowledge.kb.vocabulary import Vocabulary, contains, find
from knowledge.kb.wording import Wording

MAX_PARTS = 3
_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")
_JOIN = r"(?:,|và|va|hoặc|hoac|với|voi|&)"
# Without a separator, only a question for an amount ends a part ("chưa", "không" sit inside one).
_ASKS_AMOUNT = (("bao", "lau"), ("bao", "nhieu"), ("may",), ("khi", "nao"), ("luc", "nao"))
_UNITS = frozenset({"ngay", "thang", "nam", "gio", "tieng", "lan", "tuan", "phut"})


def _is_separator(wording: Wording, i: int, folded_separators: set[str]) -> bool:
    raw = wording.raw[i]
    return raw in ",;?" or fold(raw) in folded_separators


def _has_content(tokens: list[str], vocab: Vocabulary, synonyms: Synonyms) -> bool:
    """A word that is neither a stop word nor part of a question word."""
    masked = list(tokens)
    for phrase in vocab.question_words:
        at = find(masked, phrase)
        while at >= 0:
            masked[at : at + len(phrase)] = [""] * len(phrase)
            at = find(masked, phrase, at + len(phrase))
    return any(t and t not in synonyms.stopwords for t in masked)


def _good_side(tokens: list[str], vocab: Vocabulary, synonyms: Synonyms) -> bool:
    return contains(tokens, vocab.question_words) and _has_content(tokens, vocab, synonyms)


def _cut(wording: Wording, vocab: Vocabulary, synonyms: Synonyms) -> int | None:
    """The raw-word index to cut at (the separator word, or the first word of the 2nd part)."""
    folded_separators = {fold(s) for s in vocab.separators if fold(s)}
    n = len(wording.raw)
    for i in range(1, n - 1):
        if not _is_separator(wording, i, folded_separators):
            continue
        if _good_side(wording.tokens(0, i), vocab, synonyms) and _good_side(wording.tokens(i + 1), vocab, synonyms):
            return i
    # No separator: after the first question word (and its unit), if another one follows.
    for i in range(1, n - 1):
        left = wording.tokens(0, i)
        if not _good_side(left, vocab, synonyms) or not any(_ends_with(left, p) for p in _ASKS_AMOUNT):
            continue
        j = i + 1 if i < n and set(wording.folded[i]) & _UNITS else i
        right = wording.tokens(j)
        if right and _good_side(right, vocab, synonyms) and _good_side(wording.tokens(0, j), vocab, synonyms):
            return -j  # negative: cut before word j, no separator word to drop
    return None


def _ends_with(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    return len(tokens) >= len(phrase) and tuple(tokens[-len(phrase) :]) == phrase


def split_question(text: str, vocab: Vocabulary, synonyms: Synonyms) -> list[str]:
    """The parts of ``text`` (one element when it asks one thing)."""
    years = list(dict.fromkeys(_YEAR.findall(text)))
    if len(years) > 1:
        per_year = []
        for year in years[:MAX_PARTS]:
            others = [y for y in years if y != year]
            part = text
            for other in others:
                year_words = rf"(?:(?:năm|nam)\s+)?(?<!\d){other}(?!\d)"
                after = re.sub(rf"{year_words}\s*{_JOIN}\s*", "", part, count=1)
                part = after if after != part else re.sub(rf"\s*{_JOIN}?\s*{year_words}", "", part, count=1)
            per_year.append(" ".join(part.split()))
        return per_year
    parts: list[str] = []
    wording = Wording.of(text, synonyms)
    while len(parts) < MAX_PARTS - 1:
        cut = _cut(wording, vocab, synonyms)
        if cut is None:
            break
        left_end, right_start = (cut, cut + 1) if cut > 0 else (-cut, -cut)
        parts.append(wording.text(0, left_end))
        wording = Wording(wording.raw[right_start:], wording.folded[right_start:])
    parts.append(wording.text())
    return [p for p in parts if p] or [text]
