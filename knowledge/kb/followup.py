"""Reading a message against the previous answer ("còn gia hạn thì sao" after "tạm giữ bao lâu").

A message that names no subject (no word of ``dialogue.subjects``) is a follow-up when there
is a previous answer: its words are added to that answer's title, after removing from the
title whatever the message replaces (a crime category, tạm giữ/tạm giam, a stage, …: the
``exclusive`` groups). "thế còn tội rất nghiêm trọng" after "Tạm giam để điều tra tội
nghiêm trọng" becomes "tạm giam để điều tra tội rất nghiêm trọng".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.kb.normalize import Synonyms, has_diacritics, lower_nfc
from knowledge.kb.vocabulary import Vocabulary, contains, find


def has_subject(tokens: Sequence[str], vocab: Vocabulary, synonyms: Synonyms, text: str = "") -> bool:
    """Whether the message names what it is about (an ambiguous "tg" counts; "viện kiểm sát", "cơ quan
    điều tra" are bodies, not the subjects "kiểm sát", "điều tra"; "tính từ ngày nào" counts, it names no
    province)."""
    tokens = _without(_counting(_not_arrest(list(tokens)), text), BODIES)
    if contains(tokens, vocab.subjects):
        # "vks tỉnh thì sao" after the appeal periods asks them for another level: a level alone
        # with a follow-up cue is no new subject.
        return not has_cue(tokens, vocab) or contains(_without(tokens, _LEVELS), vocab.subjects)
    ambiguous = [synonyms.readings[t] for t in tokens if synonyms.is_ambiguous(t)]
    return any(contains(reading, vocab.subjects) for readings in ambiguous for reading in readings)


# "tinh" is "tỉnh" (a level) or "tính" (to count): with diacritics typed, the text says which;
# without, "tinh" followed by what a count goes on with ("tinh tu ngay nao", "tinh the nao") counts.
_COUNTING_NEXT = frozenset({"tu", "the", "nhu", "bao", "ra", "lai", "sao", "ngay", "thang", "gio", "vao", "ca"})
_COUNTING_NEXT |= frozenset({"theo", "tiep", "han", "thoi", "tong", "tron", "luon", "chung", "gop", "may"})
_PROVINCE = re.compile(r"(?<!\w)tỉnh(?!\w)")


def _counting(tokens: list[str], text: str) -> list[str]:
    """``tokens`` without the "tinh" that is "tính" (to count), which is no level."""
    typed = lower_nfc(text)
    if has_diacritics(text) and _PROVINCE.search(typed) is None:
        return [t for t in tokens if t != "tinh"]  # "tính từ ngày nào": no "tỉnh" typed
    if has_diacritics(text):
        return tokens
    return [
        t
        for i, t in enumerate(tokens)
        if t != "tinh" or tokens[i + 1 : i + 2] == [] or tokens[i + 1] not in _COUNTING_NEXT
    ]


# "bất" folds onto "bắt" (to arrest, a subject): "bất khả kháng", "bất lợi", "bất kỳ" name no arrest.
_BAT_NOT_ARREST = frozenset({"kha", "loi", "ky", "thuong", "hop", "dong", "cap", "chap", "ngo", "binh", "tien", "on"})


def _not_arrest(tokens: list[str]) -> list[str]:
    return [
        t
        for i, t in enumerate(tokens)
        if t != "bat" or tokens[i + 1 : i + 2] == [] or tokens[i + 1] not in _BAT_NOT_ARREST
    ]


def subjects_named(tokens: Sequence[str], vocab: Vocabulary) -> list[tuple[str, ...]]:
    """The subjects a message names, bodies apart ("vks" names no "kiểm sát")."""
    words = _without(_not_arrest(list(tokens)), BODIES)
    return [p for p in vocab.subjects if find(words, p) >= 0]


def has_cue(tokens: Sequence[str], vocab: Vocabulary) -> bool:
    """Whether the message opens like a follow-up ("còn …", "nếu là …", "… thì sao"), or asks whether the
    same holds of what it names ("phúc thẩm cũng vậy hả")."""
    return (
        any(tuple(tokens[: len(cue)]) == cue for cue in vocab.followup_cues)
        or (len(tokens) >= 2 and tuple(tokens[-2:]) in (("thi", "sao"), ("the", "nao")))
        or _asks_same(tokens)
    )


# "… cũng vậy hả", "… cũng thế à", "… cũng áp dụng không": the same asked of another case, at the end
# ("vậy" is a courtesy filler, gone before this is read).
_SAME_TAIL = frozenset({"vay", "the", "nhu", "ha", "a", "ak", "khong", "ko", "chu", "nhi", "ap", "dung", "sao"})


def _asks_same(tokens: Sequence[str]) -> bool:
    at = len(tokens) - 1 - list(reversed(tokens)).index("cung") if "cung" in tokens else -1
    return at > 0 and all(t in _SAME_TAIL for t in tokens[at + 1 :])


# A stage's words naming something else: "nếu trả hồ sơ điều tra bổ sung" replaces no stage.
_NOT_STAGES = (
    ("co", "quan", "canh", "sat", "dieu", "tra"),
    ("co", "quan", "dieu", "tra"),
    ("dieu", "tra", "vien"),
    ("dieu", "tra", "bo", "sung"),
    ("dieu", "tra", "lai"),
)
# Bodies and officers whose names hold a subject's words ("cơ quan điều tra" is no investigation asked); the
# branches of procedure (``branches``) read past the same names.
BODIES: tuple[tuple[str, ...], ...] = (
    ("co", "quan", "canh", "sat", "dieu", "tra"),
    ("co", "quan", "an", "ninh", "dieu", "tra"),
    ("co", "quan", "dieu", "tra"),
    ("dieu", "tra", "vien"),
    ("kiem", "sat", "vien"),
    ("vien", "kiem", "sat"),
)
_LEVELS = (("khu", "vuc"), ("tinh",), ("huyen",), ("thanh", "pho"), ("cap", "cao"), ("toi", "cao"))
_TRAILING_CUES = (("thi", "sao"), ("the", "nao"), ("ra", "sao"))


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and token[:2] in ("19", "20")


def strip_cues(tokens: list[str], vocab: Vocabulary) -> list[str]:
    while len(tokens) > 2 and tuple(tokens[-2:]) in _TRAILING_CUES:
        tokens = tokens[:-2]  # "còn gia hạn thì sao": "thì sao" adds nothing to search
    changed = True
    while changed and tokens:
        changed = False
        for cue in vocab.followup_cues:
            if len(tokens) > len(cue) and tuple(tokens[: len(cue)]) == cue:
                tokens = tokens[len(cue) :]
                changed = True
                break
    return tokens


_NUMBERS_BEFORE_HOURS = frozenset({"may", "nhieu", "bao", "tieng"})


def content_words(tokens: list[str], vocab: Vocabulary, stopwords: frozenset[str]) -> list[str]:
    """What a follow-up asks beyond its cues and stop words: without a "tính" that only counts
    ("tính từ ngày nào" asks "từ ngày nào") and a bare "giờ" that means now ("giờ tính từ ngày mấy")."""
    words = _counting(strip_cues(tokens, vocab), "")
    hours = [i for i, t in enumerate(words) if t == "gio" and (i == 0 or not _hour_count(words[i - 1]))]
    return [t for i, t in enumerate(words) if t not in stopwords and i not in hours]


def _hour_count(before: str) -> bool:
    return before.isdigit() or before in _NUMBERS_BEFORE_HOURS


# What a document is asked about: its date, who signed it, when it applies, what it replaced.
_DOCUMENT_ASKS = (("ban", "hanh"), ("hieu", "luc"), ("thay",), ("ap", "dung"))  # not "ký": folded, it is "kỳ" too


def document_attribute(tokens: Sequence[str]) -> bool:
    """Whether a follow-up asks an attribute every document has ("ban hành ngày nào", "thay qđ nào")."""
    return contains(tokens, _DOCUMENT_ASKS)


def without_bodies(tokens: Sequence[str]) -> list[str]:
    """``tokens`` without the bodies and the phrases that hold a stage's words and name no stage ("cơ quan
    điều tra", "điều tra bổ sung")."""
    return _without(_without(list(tokens), BODIES), _NOT_STAGES)


def _without(tokens: list[str], phrases: Sequence[tuple[str, ...]]) -> list[str]:
    for phrase in phrases:
        tokens = _remove(tokens, phrase)
    return tokens


def _remove(tokens: list[str], phrase: tuple[str, ...]) -> list[str]:
    at = find(tokens, phrase)
    while at >= 0:
        tokens = tokens[:at] + tokens[at + len(phrase) :]
        at = find(tokens, phrase)
    return tokens


# The bodies that have levels ("VKS cấp huyện", "tòa án cấp tỉnh"), as folded and expanded ("vks": viện kiểm sát).
_LEVELLED = (("vien", "kiem", "sat"), ("toa", "an"), ("co", "quan", "dieu", "tra"), ("cong", "an"))


def level_body(tokens: Sequence[str], title: Sequence[str], text: str = "") -> tuple[str, ...] | None:
    """The body of the previous answer's title a follow-up naming a level without a body asks of ("cấp huyện giờ
    đổi thành gì" after the VKS's high level is the VKS's district level, not the district government), or None."""
    levels = _counting(list(tokens), text)
    if not contains(levels, _LEVELS) or contains(tokens, _LEVELLED):
        return None
    return next((b for b in _LEVELLED if find(title, b) >= 0), None)


def compose(title: Sequence[str], tokens: Sequence[str], vocab: Vocabulary) -> list[str]:
    """The previous answer's title with the message's words replacing what they replace (a level of the
    ``paired`` groups replaces the title's: "còn vks cấp tỉnh thì bao nhiêu" after the number of regional units)."""
    base = list(title)
    words = strip_cues(list(tokens), vocab)
    for group in vocab.paired:
        levels = [p for p in group if find(_counting(words, ""), p) >= 0]
        if levels and not any(find(base, p) >= 0 for p in levels):
            for phrase in group:
                base = _remove(base, phrase)
    if any(_is_year(t) for t in words):  # "còn năm 2025": the year replaces the answer's year
        base = [t for t in base if not _is_year(t)]
    used: set[tuple[str, ...]] = set()  # what a phrase named in two groups already replaced in the title
    for group in vocab.exclusive:
        named = {p for p in group if find(_without(words, _NOT_STAGES), p) >= 0}
        if not named or named <= used:
            continue
        if any(find(base, p) >= 0 for p in group):
            used |= named
        for phrase in group:  # longest first: "rất nghiêm trọng" before "nghiêm trọng"
            base = _remove(base, phrase)
    return base + words


def replaced(tokens: Sequence[str], vocab: Vocabulary, title: Sequence[str] | None = None) -> list[tuple[str, ...]]:
    """The exclusive phrases the message names (what it changes in the previous question); with ``title``,
    only those of a group the previous answer's title names ("sơ thẩm thì" after the rút gọn detention
    limits changes nothing: they give every stage)."""
    out = []
    for group in vocab.exclusive:
        if title is not None and not contains(title, group):
            continue
        masked = _without(list(tokens), _NOT_STAGES)
        for phrase in group:  # longest first, so "nghiêm trọng" inside "rất nghiêm trọng" is not counted
            at = find(masked, phrase)
            if at >= 0:
                out.append(phrase)
                masked[at : at + len(phrase)] = [""] * len(phrase)
    return list(dict.fromkeys(out))


# "tạm giam đó", "thời hạn tạm giam này": the subject the last answer is titled with, pointed at; what may follow
_POINTERS = frozenset({"do", "nay", "ay"})
_AFTER_POINTER = frozenset({"bao", "may", "toi", "la", "thi", "het", "tinh", "keo", "duoc", "co", "ket"})


def pointed_at(tokens: Sequence[str], title: Sequence[str], vocab: Vocabulary) -> bool:
    """Whether the message points at a subject the answer's title names ("thời hạn tạm giam đó bao lâu" after the
    detention to secure a sentence): it asks of that answer, not of the subject in general."""
    for subject in vocab.subjects:
        at = find(list(tokens), subject)
        end = at + len(subject)
        if at >= 0 and find(list(title), subject) >= 0 and tokens[end : end + 1] and tokens[end] in _POINTERS:
            following = tokens[end + 1 : end + 2]
            if not following or following[0] in _AFTER_POINTER:
                return True
    return False
