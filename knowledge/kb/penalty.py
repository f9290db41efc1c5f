"""A penalty asked that no entry gives: a crime's own penalty bracket, or a penalty of a case the entry never
speaks of.

The knowledge base holds the general rules of penalties (the range of a prison term, a suspended sentence,
non-custodial reform), never the bracket of one crime ("cướp tài sản khoản 2 khung hình phạt bao nhiêu năm"),
nor the penalties of minors (BLHS Điều 101). Such a question finds an entry by its words ("2 năm tù" in when
detention is allowed, the adults' 20 years, the minors' procedural limits): an answer would be a confident wrong
one, so it is "don't know". A penalty told ("tội có khung hình phạt đến 15 năm thì tạm giam bao lâu") is the case,
not what is asked. Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from knowledge.kb.blhs_category import load_articles
from knowledge.kb.normalize import fold
from knowledge.kb.vocabulary import Phrase, find

# How a penalty is named ("bị phạt tù", "khung hình phạt", "mức án", "ngồi tù mấy năm", "lãnh án")
_PENALTY: tuple[Phrase, ...] = (
    ("phat", "tu"),
    ("hinh", "phat"),
    ("muc", "phat"),
    ("muc", "an"),
    ("an", "tu"),
    ("ngoi", "tu"),
    ("di", "tu"),
    ("lanh", "an"),
    ("bi", "phat"),
    ("bi", "xu"),
    ("xu", "phat"),
)
# An amount asked of it ("bao nhiêu năm", "tối đa", "cao nhất", "mấy năm", "khung … là gì")
# ("bao lâu" asks a time limit: "thời hạn ra quyết định thi hành án phạt tù là bao lâu")
_AMOUNT: tuple[Phrase, ...] = (("bao", "nhieu"), ("may", "nam"), ("toi", "da"), ("cao", "nhat"), ("khung",))
_TOLD = 4  # words after the penalty in which a number tells it ("phạt tù đến 15 năm", "mức phạt trên 2 năm")
# What an entry that speaks of penalties says
_SPEAKS: tuple[Phrase, ...] = (("phat", "tu"), ("hinh", "phat"), ("muc", "phat"), ("an", "tu"))


def penalty_asked(tokens: Sequence[str]) -> bool:
    """Whether the question asks a penalty's amount (not one it tells with a number)."""
    named = [(i, len(p)) for p in _PENALTY if (i := find(tokens, p)) >= 0]
    if not named or not any(find(tokens, a) >= 0 for a in _AMOUNT):
        return False
    return not any(t[:1].isdigit() for i, n in named for t in tokens[i + n : i + n + _TOLD])


def _crime_titles() -> tuple[Phrase, ...]:
    """The crimes of the BLHS by the words of their titles ("cướp tài sản", "giết người")."""
    out = set()
    for article in load_articles().values():
        words = fold(article.title).split()
        out.add(tuple(words[1:] if words[:1] == ["toi"] else words))
    return tuple(sorted(out))


_CRIMES = _crime_titles()
_LEAD, _LONG_LEAD = 2, 4  # the words a crime is named by: "cướp tài", or four when those two are common words


def crimes_named(tokens: Sequence[str], known: Collection[str]) -> list[Phrase]:
    """The crimes of the BLHS the question names, each by its first two words when one of them is a word the
    knowledge base never uses ("cướp tài sản", "giết người"), else by its first four ("cố ý gây thương tích"; not
    "ra quyết định", which is the start of "ra quyết định trái pháp luật")."""
    out = []
    for title in _CRIMES:
        lead = title[:_LEAD] if not all(w in known for w in title[:_LEAD]) else title[:_LONG_LEAD]
        if len(lead) >= _LEAD and find(tokens, lead) >= 0:
            out.append(lead)
    return out


def penalty_unanswered(tokens: Sequence[str], entry_words: Callable[[], Sequence[str]], known: Collection[str]) -> bool:
    """Whether the penalty asked is one the entry found cannot give: a crime's the entry never names, or any
    penalty when the entry (``entry_words``: its folded text) never speaks of penalties."""
    if not penalty_asked(tokens):
        return False
    words = entry_words()
    if any(find(words, crime) < 0 for crime in crimes_named(tokens, known)):
        return True
    return not any(find(words, p) >= 0 for p in _SPEAKS)
