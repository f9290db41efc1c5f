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
from knowledge.kb.blhs_table import LIFE, NON_CUSTODIAL, category_of
from knowledge.kb.normalize import fold

CATEGORIES_FILE = DATA_DIR / "blhs_categories.yaml"
_CITED = re.compile(r"\b(?:khoan|k)\s*(\d{1,2})\s*(?:dieu|d)\s*(\d{3})\b")
_NAMED = re.compile(r"nghiem trong|\b(?:nt|rnt|dbnt)\b")
_OTHER_CODE = re.compile(r"\b(?:tths|bltths|blttths|to tung)\b")
LABELS = {  # each category as an answer names it
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
    number: int
    title: str
    clauses: dict[int, str]  # clause -> category
    penalty: dict[int, int | str]  # clause -> its heaviest main penalty (``blhs_table``: months, LIFE, …)
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
        penalty = {int(k): v if isinstance(v, int) else str(v) for k, v in spec["penalty"].items()}
        if not set(clauses.values()) <= LABELS.keys():
            raise ValueError(f"{path.name}: article {number}: unknown category")
        if penalty.keys() != clauses.keys() or any(category_of(penalty[k]) != c for k, c in clauses.items()):
            raise ValueError(f"{path.name}: article {number}: a category is not that of its penalty")
        out[int(number)] = Article(int(number), str(spec["title"]), clauses, penalty, int(number) in SECURITY_ARTICLES)
    return out


def category_cited(text: str) -> tuple[str, Article] | None:
    """The category of the BLHS clause ``text`` cites and its article, when the BLHS is meant and no category
    is named."""
    found = _cited(text)
    return (found[0].clauses[found[1]], found[0]) if found is not None else None


def _cited(text: str) -> tuple[Article, int] | None:
    """The article and clause of the BLHS ``text`` cites, when the BLHS is meant and no category is named."""
    folded = fold(text)
    cited = _CITED.search(folded)
    if cited is None or _NAMED.search(folded) or _OTHER_CODE.search(folded):
        return None
    article = load_articles().get(int(cited.group(2)))
    if article is None:
        return None
    meant = "blhs" in folded or "bo luat hinh su" in folded or len(_own(article) & set(folded.split())) >= _SHARED
    clause = int(cited.group(1))
    return (article, clause) if meant and clause in article.clauses else None


def why(text: str) -> str | None:
    """Why the clause ``text`` cites is of its category, for the answer read with it: "Khoản 2 Điều 173 BLHS
    (tội trộm cắp tài sản): mức cao nhất của khung hình phạt là 07 năm tù → tội nghiêm trọng (Điều 9 BLHS)."."""
    found = _cited(text)
    if found is None:
        return None
    article, clause = found
    title = article.title[:1].lower() + article.title[1:]
    label = LABELS[article.clauses[clause]]
    basis = "Điều 9 BLHS; Chương XIII: xâm phạm an ninh quốc gia" if article.security else "Điều 9 BLHS"
    return f"Khoản {clause} Điều {article.number} BLHS ({title}): {_penalty_text(article.penalty[clause])} → {label} ({basis})."


def _penalty_text(penalty: int | str) -> str:
    if penalty == LIFE:
        return "khung hình phạt có tù chung thân"
    if isinstance(penalty, int):
        term = f"{penalty // 12:02d} năm" if penalty % 12 == 0 else f"{penalty:02d} tháng"
        return f"mức cao nhất của khung hình phạt là {term} tù"
    return f"mức cao nhất của khung hình phạt là {NON_CUSTODIAL[penalty]}"


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
    label = LABELS[category] + (" xâm phạm an ninh quốc gia" if article.security else "")
    return " ".join([*words[:start], label, *words[end:]])
