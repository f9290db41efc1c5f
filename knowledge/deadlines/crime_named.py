"""A crime named by its BLHS title ("vụ giết người", "tội trộm cắp tài sản") in a calculator question that
names no category: the category comes from the article's clause (Điều 9 BLHS; ``blhs_categories.yaml``).
When every clause of the article has the same category, that is the category (the clause is not needed);
otherwise the clause decides and is asked, with what each clause is (never guessed: "giết người" is khoản
1 ĐBNT, khoản 2 RNT, khoản 3 NT). Pure; the text is folded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.kb.blhs_category import LABELS, Article, load_articles
from knowledge.kb.normalize import fold

_SHORTEST = 2  # words of a title (without "tội"): "giết người", "cướp tài sản"


@lru_cache(maxsize=1)
def _titles() -> list[tuple[str, int]]:
    """Each article's title, folded, without "tội", longest first."""
    found = []
    for number, article in load_articles().items():
        words = fold(article.title).split()
        words = words[1:] if words and words[0] == "toi" else words
        if len(words) >= _SHORTEST:
            found.append((" ".join(words), number))
    return sorted(found, key=lambda t: -len(t[0]))


def crime_named(folded: str) -> tuple[int, Article] | None:
    """The article whose crime the text names (the longest title that fits), or None."""
    plain = " ".join(re.sub(r"[^a-z0-9 ]", " ", folded).split())
    for title, number in _titles():
        if re.search(rf"(?<![a-z]){re.escape(title)}(?![a-z])", plain):
            return number, load_articles()[number]
    return None


def named_category(folded: str) -> str | None:
    """The category of the crime named, when all its clauses agree; None otherwise."""
    found = crime_named(folded)
    categories = set(found[1].clauses.values()) if found else set()
    return categories.pop() if len(categories) == 1 else None


def clauses_note(folded: str) -> str | None:
    """What each clause of the crime named is, when they differ (the clause decides the category); None."""
    found = crime_named(folded)
    if found is None or len(set(found[1].clauses.values())) < 2:
        return None
    number, article = found
    each = "; ".join(f"khoản {k}: {LABELS[v].removeprefix('tội ')}" for k, v in sorted(article.clauses.items()))
    return (
        f"{article.title} (Điều {number} BLHS) có nhiều loại tội tùy khoản — {each}. Anh/chị chọn theo khoản "
        "bị khởi tố, truy tố."
    )
