"""A crime cited by its BLHS clause ("vi phạm quy định tham gia giao thông khoản 1 điều 260 thì thời hạn điều
tra bao lâu"): the category of that clause (Điều 9 BLHS, ``knowledge/data/blhs_categories.yaml``) decides the
limit asked, so the question is read with it ("… tội nghiêm trọng"). Only when the BLHS is meant (said, or the
article's crime named) and the question names no category of its own. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from knowledge import DATA_DIR
from knowledge.kb.normalize import fold

CATEGORIES_FILE = DATA_DIR / "blhs_categories.yaml"
_CITED = re.compile(r"\b(?:khoan|k)\s*(\d{1,2})\s*(?:dieu|d)\s*(\d{3})\b")
_NAMED = re.compile(r"nghiem trong|\b(?:nt|rnt|dbnt)\b")
_OTHER_CODE = re.compile(r"\b(?:tths|bltths|blttths|to tung)\b")
_LABELS = {
    "it_nghiem_trong": "tội ít nghiêm trọng",
    "nghiem_trong": "tội nghiêm trọng",
    "rat_nghiem_trong": "tội rất nghiêm trọng",
    "dac_biet_nghiem_trong": "tội đặc biệt nghiêm trọng",
}
# Words of an article's title that name no crime of their own
_PLAIN = frozenset({"toi", "ve", "cua", "va", "hoac", "nguoi", "khac", "trong", "cac", "doi", "voi", "nhung"})
_SHARED = 2  # the article's own words the question must say


# Chương XIII BLHS (Điều 108-121): the crimes against national security, which BLTTHS Điều 172 k3 and
# Điều 173 k5 give further extensions
SECURITY_ARTICLES = range(108, 122)


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    clauses: dict[int, str]  # clause -> category
    security: bool = False  # a crime against national security (Chương XIII)


@lru_cache(maxsize=2)
def load_articles(path: Path = CATEGORIES_FILE) -> dict[int, Article]:
    with path.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    articles = raw.get("articles") if isinstance(raw, dict) else None
    if not isinstance(articles, dict):
        raise ValueError(f"{path.name}: 'articles' must be a mapping")
    out = {}
    for number, spec in articles.items():
        clauses = {int(k): str(v) for k, v in spec["clauses"].items()}
        if not set(clauses.values()) <= _LABELS.keys():
            raise ValueError(f"{path.name}: article {number}: unknown category")
        out[int(number)] = Article(str(spec["title"]), clauses, int(number) in SECURITY_ARTICLES)
    return out


def category_cited(text: str) -> tuple[str, Article] | None:
    """The category of the BLHS clause ``text`` cites and its article, when the BLHS is meant and no category
    is named."""
    folded = fold(text)
    cited = _CITED.search(folded)
    if cited is None or _NAMED.search(folded) or _OTHER_CODE.search(folded):
        return None
    article = load_articles().get(int(cited.group(2)))
    if article is None:
        return None
    meant = "blhs" in folded or "bo luat hinh su" in folded or len(_own(article) & set(folded.split())) >= _SHARED
    category = article.clauses.get(int(cited.group(1)))
    return (category, article) if meant and category else None


def _own(article: Article) -> set[str]:
    return set(fold(article.title).split()) - _PLAIN


_CODE_WORDS = ("blhs", "bo luat hinh su", "cua blhs", "bo luat hinh su 2015", "blhs 2015")


def _citation(folded: list[str]) -> tuple[int, int] | None:
    """The raw words of "khoản 1 điều 260 (BLHS)": (first, after the last)."""
    joined = " ".join(folded)
    cited = _CITED.search(joined)
    if cited is None:
        return None
    start = joined[: cited.start()].count(" ") if cited.start() else 0
    end = start + len(cited.group(0).split())
    for code in sorted(_CODE_WORDS, key=len, reverse=True):  # "… điều 260 BLHS"
        if folded[end : end + len(code.split())] == code.split():
            end += len(code.split())
            break
    return start, end


def with_category(text: str) -> str:
    """``text`` with the category of the BLHS clause it cites in place of the crime and the citation, when that
    decides what it asks ("vi phạm … giao thông khoản 1 điều 260 thì điều tra bao lâu": "… tội nghiêm trọng …")."""
    found = category_cited(text)
    words = text.split()
    folded = [fold(w) for w in words]
    span = _citation(folded) if found is not None else None
    if found is None or span is None:
        return text
    category, article = found
    own = _own(article) | {"toi", "theo", "tai", "quy", "dinh"}
    start, end = span  # with the crime named right before or after it (the article's own words)
    while start > 0 and folded[start - 1] in own:
        start -= 1
    while end < len(words) and folded[end] in own:
        end += 1
    label = _LABELS[category] + (" xâm phạm an ninh quốc gia" if article.security else "")
    return " ".join([*words[:start], label, *words[end:]])
