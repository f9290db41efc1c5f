"""Families of entries whose titles differ in one qualifier, found over the whole knowledge base (scan13).

A qualifier is swapped (the level: cùng cấp / cấp trên; the instance: sơ thẩm / phúc thẩm; the measure: tạm giữ /
tạm giam; the person: bị can / bị cáo) or special (a procedure whose figures hold only when named: rút gọn, an ninh
quốc gia, người chưa thành niên). Two entries are siblings when one's title with its qualifier swapped (or the
special one's without it) is, word for word apart from the words every time limit has, the other's title: the
closest such title, so that "Tạm giam để chuẩn bị xét xử sơ thẩm" pairs with the appeal's detention, not with the
appeal's trial preparation. Used by ``test_scan13_*``; the questions are changed as typed, marks kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.kb.entry import Entry
from knowledge.kb.normalize import fold

Phrase = tuple[str, ...]
_CATEGORY = re.compile(r"\b(toi )?(dac biet nghiem trong|rat nghiem trong|it nghiem trong|nghiem trong)\b")
_COMMON = {"thoi", "han", "cua", "de", "theo", "thu", "tuc", "khi", "va", "cac", "o", "trong", "giai", "doan", "toi"}
_COMMON |= {"bang", "loai", "truc", "tiep"}
_SIMILAR = 0.6  # share of the title words (beside the common ones) the two titles have in common

# kind: (the phrases of one side, longest first, as typed; those of the other side, as typed)
SWAPPED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "level": (("cấp trên trực tiếp", "cấp trên"), ("cùng cấp",)),
    "instance": (("sơ thẩm",), ("phúc thẩm",)),
    "measure": (("tạm giữ",), ("tạm giam",)),
    "person": (("bị can",), ("bị cáo",)),
}
# kind: the phrases that name it (longest first, as typed), and how it is added to a question
SPECIAL: dict[str, tuple[tuple[str, ...], str]] = {
    "rút gọn": (("theo thủ tục rút gọn", "thủ tục rút gọn", "rút gọn"), "theo thủ tục rút gọn"),
    "anqg": (("tội xâm phạm an ninh quốc gia", "xâm phạm an ninh quốc gia", "an ninh quốc gia", "anqg"), "tội ANQG"),
    "minor": (("người chưa thành niên", "chưa thành niên", "dưới 18 tuổi"), "người chưa thành niên"),
}


@dataclass(frozen=True)
class Sibling:
    kind: str
    entry: Entry  # the entry with the qualifier ``said``
    said: tuple[str, ...]  # its side's phrases, as typed
    other: tuple[str, ...]  # the sibling side's phrases (empty for a special procedure: the ordinary case)
    siblings: tuple[Entry, ...]  # the closest titles with the qualifier swapped (or without the special one)


def _phrase(typed: str) -> Phrase:
    return tuple(fold(typed).split())


def _words(title: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _CATEGORY.sub("", fold(re.sub(r"\(.*?\)", "", title))))


def _find(words: list[str], phrase: Phrase) -> int:
    n = len(phrase)
    return next((i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == phrase), -1)


def _has(words: list[str], typed: tuple[str, ...]) -> bool:
    return any(_find(words, _phrase(t)) >= 0 for t in typed)


def _replaced(words: list[str], typed: tuple[str, ...], new: Phrase) -> list[str]:
    for t in typed:
        at = _find(words, _phrase(t))
        if at >= 0:
            return words[:at] + list(new) + words[at + len(_phrase(t)) :]
    return words


def _similar(a: list[str], b: list[str]) -> float:
    x, y = set(a) - _COMMON, set(b) - _COMMON
    return len(x & y) / max(1, len(x | y))


def _closest(entry: Entry, wanted: list[str], fits: list[Entry]) -> tuple[Entry, ...]:
    scored = [(_similar(wanted, _words(e.title)), e) for e in fits if e is not entry]
    best = max((s for s, _ in scored), default=0.0)
    return tuple(e for s, e in scored if s == best) if best >= _SIMILAR else ()


def siblings(entries: tuple[Entry, ...] | list[Entry]) -> list[Sibling]:
    out = []
    titled = [(e, _words(e.title)) for e in entries]
    for entry, words in titled:
        for kind, (one, two) in SWAPPED.items():
            for said, other in ((one, two), (two, one)):
                if not _has(words, said) or _has(words, other):
                    continue
                fits = [e for e, w in titled if _has(w, other) and not _has(w, said)]
                found = _closest(entry, _replaced(words, said, _phrase(other[-1])), fits)
                if found:
                    out.append(Sibling(kind, entry, said, other, found))
        for kind, (said, _) in SPECIAL.items():
            if _has(words, said):
                found = _closest(entry, _replaced(words, said, ()), [e for e, w in titled if not _has(w, said)])
                if found:
                    out.append(Sibling(kind, entry, said, (), found))
    return out


def replace_typed(text: str, typed: tuple[str, ...], new: str) -> str | None:
    """``text`` with the first of the ``typed`` phrases it says (marks or not) replaced by ``new``; None if none."""
    spans = [(m.start(), m.end(), fold(m.group())) for m in re.finditer(r"\w+", text)]
    words = [s[2] for s in spans]
    for t in typed:
        phrase = _phrase(t)
        at = _find(words, phrase)
        if at >= 0:
            start, end = spans[at][0], spans[at + len(phrase) - 1][1]
            return re.sub(r"\s+", " ", f"{text[:start]}{new}{text[end:]}").strip(" ,")
    return None
