"""A rate the answer gives, worked out for the length the question states ("tạm giữ, tạm giam tổng cộng
40 ngày rồi bị xử phạt cải tạo không giam giữ thì được trừ bao nhiêu ngày": 1 ngày = 3 ngày cải tạo
không giam giữ, so 40 ngày = 120 ngày).

The answer says "1 ngày <what> = N ngày <into>" (one or more "into", joined by "hoặc = …"); the question
states one length in days (or months of 30 days, as detention counts them) and names one "into".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.deadlines.sentence_credit import SENTENCE_WORDS, credited, names_sentence
from knowledge.kb.decision import Candidate, SearchResult
from knowledge.kb.entry import Entry
from knowledge.kb.normalize import syllables
from knowledge.kb.vocabulary import find

_RATE = re.compile(r"\b1 ngày (?P<what>[^=.;]+?)\s*=\s*(?P<rest>[^.;]+)")
_INTO = re.compile(r"(?P<n>\d+) ngày (?P<into>[^()=,;.]+?)\s*(?:\(|hoặc|$)")
_LENGTH = re.compile(r"(?<![\d/])(\d+)\s+(ngay|thang)\b")
_CANDIDATES = 5  # the close candidates a rate asked is looked for among
RATE = "states the rate asked"
_SHORT_AFTER = frozenset({"an", "phat", "xu", "hinh", "ngay", "nam"})  # "án tù", "2 năm tù": "tù", not "từ"
# "tạm giữ 6 ngày", "tgiam 2 tháng": a length told of one measure
_HELD_WORDS = re.compile(r"\btam (?:giu|giam)\b")  # what a rate is of: days held
_HELD = re.compile(r"\b(tam giu|tam giam)(?: [a-z]+){0,2}? (\d+) (ngay|thang)\b")


def lengths_told(tokens: Sequence[str]) -> list[tuple[str, ...]]:
    """The lengths a message states in days or months ("25 ngày", "2 tháng"), as token pairs; with the measure
    when one of tạm giữ and one of tạm giam are told apart ("tạm giữ 6 ngày", "tạm giam 54 ngày")."""
    held = _HELD.findall(" ".join(tokens))
    if _held(tokens) is not None:
        return [(*m.split(), n, unit) for m, n, unit in held]
    return list(_LENGTH.findall(" ".join(tokens)))


def _held(tokens: Sequence[str]) -> int | None:
    """The days of tạm giữ and of tạm giam told apart, added ("tạm giữ 6 ngày, tạm giam 54 ngày": 60), or None.
    Not a tạm giam told in months: after a tạm giữ, whether its months hold the tạm giữ days (TTLT 04/2018 Đ17:
    "2 tháng" written for 57 days) or follow them is not said."""
    held = _HELD.findall(" ".join(tokens))
    told = {m: int(n) for m, n, unit in held if unit == "ngay"}
    return sum(told.values()) if len(told) == 2 and len(held) == 2 else None


def _stated_days(tokens: Sequence[str]) -> int | None:
    """The one length the question states, in days ("40 ngày", "2 tháng" = 60 ngày), or None."""
    held = _held(tokens)
    if held is not None:
        return held
    found = [int(n) * (30 if unit == "thang" else 1) for n, unit in _LENGTH.findall(" ".join(tokens))]
    found = [n for n in found if n > 1]  # "1 ngày tạm giam bằng mấy ngày tù" states no length
    return found[0] if len(set(found)) == 1 else None


def _names(tokens: Sequence[str], into: str) -> bool:
    phrase = tuple(syllables(into))
    at = find(tokens, phrase)
    if len(phrase) > 1 or at < 0:
        return at >= 0
    return at > 0 and tokens[at - 1] in _SHORT_AFTER


def ratio_line(answer: str, tokens: Sequence[str]) -> str | None:
    """ "40 ngày tạm giữ, tạm giam = 120 ngày cải tạo không giam giữ", or None."""
    rate = _RATE.search(answer)
    days = _stated_days(tokens)
    if rate is None or days is None:
        return None
    rates = [(int(m.group("n")), m.group("into").strip()) for m in _INTO.finditer(rate.group("rest"))]
    named = [(n, into) for n, into in rates if _names(tokens, into)]
    if not named:
        return None
    n, into = max(named, key=lambda r: len(r[1]))  # "cải tạo không giam giữ" before "tù"
    what = rate.group("what").strip()
    sentence = SENTENCE_WORDS.get(" ".join(syllables(into))) if _HELD_WORDS.search(" ".join(syllables(what))) else None
    # days held credited to a sentence: as the calculator credits them (``sentence_credit``), one rule
    worth = credited(days, sentence) if sentence is not None else days * n
    return f"{days} ngày {what} = {worth} ngày {into}"


_ASKED = re.compile(
    r"(?:^| )1 ngay (?P<what>[a-z]+(?: [a-z]+){0,3}?) (?:duoc )?(?:tru )?(?:tinh )?(?:bang|la|ra|doi ra|quy ra) "
    r"(?:bao nhieu|may) ngay (?P<into>[a-z]+(?: [a-z]+){0,3})"
)


# A sentence named that days held are deducted from (BLHS Đ36, Đ38): served in days, or its kind unsaid
_CREDITED = ("tu", "ctkgg", "an")


def _sentence_into(tokens: Sequence[str]) -> tuple[str, ...]:
    text = " ".join(tokens)
    return ("cai", "tao", "khong", "giam", "giu") if "cai tao khong giam giu" in text else ("tu",)


# … or converted, what it is converted into said before the amount ("1 ngày tạm giam đổi ra tù bao nhiêu",
# "1 ngày tạm giữ quy ra cải tạo không giam giữ mấy ngày")
_CONVERTED = re.compile(
    r"(?:^| )1 ngay (?P<what>tam giu|tam giam)(?: [a-z]+){0,2}? (?:doi|quy doi|quy|tinh|tru) (?:ra|sang|thanh|vao) "
    r"(?:ngay )?(?P<into>tu|an tu|cai tao khong giam giu|tam giam|tam giu) (?:la |duoc |thanh )?(?:bao nhieu|may)\b"
)


def rate_asked(tokens: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The rate a question asks ("1 ngày tạm giữ tính bằng bao nhiêu ngày tạm giam": what, into), or None."""
    text = " ".join(tokens)
    m = _ASKED.search(text) or _CONVERTED.search(text)
    return (tuple(m.group("what").split()), tuple(m.group("into").split())) if m else None


def states_rate(answer: str, what: tuple[str, ...], into: tuple[str, ...]) -> bool:
    """Whether ``answer`` gives the rate of one day of ``what`` in days of ``into`` ("1 ngày tạm giữ = 1
    ngày tạm giam"; "1 ngày tạm giữ, tạm giam = 1 ngày tù (…)" for "tạm giam" into "tù")."""
    for rate in _RATE.finditer(answer):
        if find(syllables(rate.group("what")), what) < 0:
            continue
        for m in _INTO.finditer(rate.group("rest")):
            named = tuple(syllables(m.group("into")))
            if named and into[: len(named)] == named:
                return True
    return False


def rate_stated(
    result: SearchResult, tokens: Sequence[str], floor: float, entries: Sequence[Entry] = ()
) -> SearchResult:
    """An answer to a rate asked that does not give it, or a menu, replaced by the one close candidate that
    gives it ("1 ngày tạm giữ tính bằng bao nhiêu ngày tạm giam" is not "1 tháng = 30 ngày"); a menu only
    when that candidate scores ``floor`` (the answer threshold). When no candidate gives it, the one entry of
    ``entries`` that does ("1 ngày tạm giam đổi ra tù bao nhiêu": its words found other entries). Unchanged
    otherwise."""
    asked = rate_asked(tokens)
    if asked is None and names_sentence(" ".join(tokens), unsaid=True) in _CREDITED and _held(tokens) is not None:
        asked = (("tam", "giam"), _sentence_into(tokens))  # "… tòa xử 2 năm tù thì được trừ bao nhiêu ngày"
    if asked is None or result.outcome not in ("answer", "ask"):
        return result
    if result.entry is not None and states_rate(result.entry.answer, *asked):
        return result
    stating = [c for c in result.candidates[:_CANDIDATES] if states_rate(c.entry.answer, *asked)]
    if not stating and rate_asked(tokens) is not None:  # the rate said in full, not a sentence's days told
        anywhere = [e for e in entries if states_rate(e.answer, *asked)]
        stating = [Candidate(anywhere[0], result.score)] if len(anywhere) == 1 else []
        if stating:
            return SearchResult("answer", stating[0].entry, [*stating, *result.candidates], result.score, RATE)
    if len(stating) != 1 or (result.outcome == "ask" and stating[0].score < floor):
        return result
    one = stating[0]
    return SearchResult("answer", one.entry, [one, *result.candidates], one.score, RATE)
