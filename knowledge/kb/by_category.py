"""A period that the crime category decides, asked without one: every category's figure, never one of them.

"thời hạn điều tra vụ án tối đa bao lâu", "tạm giam để điều tra bao lâu", "cbxx bao lâu" name no category, and
the search found the entry of one category (the serious crime's: 3 months, 8 months in all) and answered it as if
it held for every case. Where the knowledge base holds one entry per category with titles that differ only in the
category (a family), such a question is answered with the family, ít nghiêm trọng to đặc biệt nghiêm trọng, and
asked to name the category. Pure; ``dialogue.Dialogue`` marks the part, ``reply`` renders the family.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from knowledge.kb.adult import names_minor
from knowledge.kb.decision import Candidate, SearchResult
from knowledge.kb.entry import Entry
from knowledge.kb.normalize import fold
from knowledge.kb.part import Part
from knowledge.kb.vocabulary import Phrase, find

# The categories, least serious first (as shown); matched longest first ("rất nghiêm trọng" holds "nghiêm trọng").
CATEGORIES: tuple[Phrase, ...] = (
    ("it", "nghiem", "trong"),
    ("nghiem", "trong"),
    ("rat", "nghiem", "trong"),
    ("dac", "biet", "nghiem", "trong"),
)
LABELS = ("Tội ít nghiêm trọng", "Tội nghiêm trọng", "Tội rất nghiêm trọng", "Tội đặc biệt nghiêm trọng")
_LONGEST_FIRST = sorted(CATEGORIES, key=len, reverse=True)
# Words that say which case is meant without naming a category: an article's clause, a penalty, a figure.
# (a minor: the adult figures must not be applied, FACTS §14, U)
_DECIDING: tuple[Phrase, ...] = (
    ("khoan",),
    ("anqg",),
    ("an", "ninh", "quoc", "gia"),
    ("chua", "thanh", "nien"),
    ("vi", "thanh", "nien"),
)
# What every category's figure leaves out, said under the family (BLTTHS Đ172 k3, Đ173 k5): the stem's words.
_NOTES = {
    ("thoi", "han", "dieu", "tra", "toi"): "Tội xâm phạm an ninh quốc gia: Viện trưởng VKSND tối cao có thể gia hạn "
    "thêm 1 lần không quá 4 tháng (Điều 172 khoản 3).",
    ("tam", "giam", "de", "dieu", "tra", "toi"): "Tội xâm phạm an ninh quốc gia: Viện trưởng VKSND tối cao có thể gia "
    "hạn thêm (Điều 173 khoản 5).",
}


def category_at(words: Sequence[str]) -> tuple[Phrase, int] | None:
    """The first category ``words`` name (longest reading at each place) and where."""
    found = [(p, find(words, p)) for p in _LONGEST_FIRST]
    named = [(p, at) for p, at in found if at >= 0]
    if not named:
        return None
    at = min(a for _, a in named)
    return max((p for p, a in named if a == at), key=len), at


# What a question of a family's period says besides the family's own words ("thời hạn … tối đa bao lâu, kể cả gia
# hạn", "tòa …", "vụ án"), and the family's words it may leave out ("sơ thẩm", "để").
_ASKING = frozenset(
    [
        "thoi",
        "han",
        "bao",
        "lau",
        "nhieu",
        "toi",
        "da",
        "may",
        "thang",
        "ngay",
        "vu",
        "an",
        "la",
        "ke",
        "ca",
        "tinh",
        "gia",
        "duoc",
        "cua",
        "trong",
        "thi",
        "khong",
        "ko",
        "lan",
        "tong",
        "cong",
        "theo",
        "bltths",
        "cho",
        "hoi",
        "a",
        "vay",
        "nhi",
        "ha",
        "bi",
        "can",
        "toa",
        "thoi",
        "gian",
        "quy",
        "dinh",
    ]
)
_OPTIONAL = frozenset({"so", "tham", "de", "thoi", "han", "toi"})


def family_note(family: Sequence[Entry]) -> str | None:
    """What the family's figures leave out (crimes against national security), or None."""
    title = fold(family[0].title).split() if family else []
    named = category_at(title)
    return _NOTES.get(tuple(title[: named[1]] + title[named[1] + len(named[0]) :])) if named else None


class Families:
    """The entries that come in one per category, by folded title."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        entries = list(entries)
        self._by_title = {tuple(fold(e.title).split()): e for e in entries}
        self._stems: list[tuple[frozenset[str], tuple[Entry, ...]]] = []
        for entry in entries:
            family = self.family(entry)
            if family and family[0] is entry:
                title = fold(entry.title).split()
                named = category_at(title)
                assert named is not None
                stem = title[: named[1]] + title[named[1] + len(named[0]) :]
                self._stems.append((frozenset(stem), family))

    def family(self, entry: Entry) -> tuple[Entry, ...]:
        """The four entries whose titles are ``entry``'s with each category, least serious first; () if not all
        four exist (or the title names no category)."""
        title = list(fold(entry.title).split())
        named = category_at(title)
        if named is None:
            return ()
        phrase, at = named
        out = []
        for other in CATEGORIES:
            sibling = self._by_title.get(tuple(title[:at] + list(other) + title[at + len(phrase) :]))
            if sibling is None:
                return ()
            out.append(sibling)
        return tuple(out)

    def tabled(self, part: Part, asked: Sequence[str]) -> Part:
        """``part`` with its entry's family, when it was answered alone with one category's entry and neither
        the part nor the question before it names a category, a clause, a crime against national security or a
        figure (which may say the category: "điều tra được 16 tháng không")."""
        entry = part.result.entry
        if not part.answered or entry is None or part.context is not None:
            return part
        if not self._open(part, asked):
            return part
        family = self.family(entry)
        return replace(part, family=family) if family else part

    def asked_whole(self, part: Part, asked: Sequence[str]) -> Part:
        """A menu or a "don't know" for a question that says a family's words and nothing else but how long
        ("điều tra bao lâu", "thời hạn điều tra tối đa bao lâu"): the family, when neither the part nor the
        question before it names a category (as :meth:`tabled`)."""
        if part.answered or part.context is not None or not self._open(part, asked):
            return part
        words = set(part.tokens)
        for stem, family in self._stems:
            if stem - _OPTIONAL <= words and words <= stem | _ASKING:
                result = SearchResult("answer", family[1], [Candidate(family[1], part.result.score)], 0.0, "family")
                return replace(part, result=result, family=family)
        return part

    @staticmethod
    def _open(part: Part, asked: Sequence[str]) -> bool:
        """Whether nothing said decides the category or makes the figures another's (a minor, ANQG)."""
        words = list(part.tokens)
        said = [words, *(a.split() for a in asked)]
        if any(category_at(w) is not None or any(find(w, p) >= 0 for p in _DECIDING) for w in said):
            return False
        return not any(t.isdigit() for t in words) and not names_minor(part.text)
