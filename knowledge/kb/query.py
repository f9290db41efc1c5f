"""Query analysis: relative years, typo correction and the weighted terms of one reading.

Tokens the index has never seen are mapped to the nearest indexed syllable (OSA distance,
the neighbouring word pairs as tie-break), so "thoi hna tam guu" becomes "thoi han tam
giu"; Telex keystrokes left in a word are undone first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.kb.articles import cited_articles
from knowledge.kb.index import Index, bigrams
from knowledge.kb.stage_named import implied_stage
from knowledge.kb.telex import untelex

_RELATIVE_YEARS = {"nay": 0, "ngoai": -1, "truoc": -1, "roi": -1, "sau": 1, "toi": 1}
# The last word of a document's kind before its number ("quyết định 358", "luật 128", "quy chế 259").
_DOC_WORDS = [["dinh"], ["quyet"], ["luat"], ["thi"], ["tu"], ["che"], ["dan"], ["tich"], ["van"], ["so"]]
YEAR_RE = re.compile(r"^(19[4-9]\d|20\d\d)$")


@dataclass(slots=True)
class Query:
    tokens: list[str]
    unigrams: dict[str, float]  # term -> weight (idf x factors); unknown terms included
    bigrams: dict[str, float]
    text: str  # folded, expanded, for fuzzy matching
    years: frozenset[int]
    modifiers: frozenset[str]
    stages: frozenset[str]  # stage phrases named (what decides between entries of several stages)
    documents: frozenset[str] = frozenset()  # document numbers named ("quyết định 358", "quy chế 259")
    either: frozenset[str] = frozenset()  # modifiers the question leaves optional ("tính cả gia hạn")
    articles: frozenset[int] = frozenset()  # BLTTHS articles cited ("Đ240", "điều 173")
    court: bool = False  # the court named and no stage, typed or cited: the first instance's trial (stage_named)


_NUMBER_YEAR = re.compile(r"^(\d+)/((?:19|20)\d\d)$")


def document_numbers(tokens: list[str]) -> list[str]:
    """A document's number typed with its year after its kind ("qđ 259/2023") as the number and the year: the
    entries write it "259/QĐ-VKSTC … 2023" ("tháng 7/2025" is left as typed)."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        found = _NUMBER_YEAR.match(token)
        if found and [tokens[i - 1] if i else ""] in [*_DOC_WORDS, ["qd"]]:
            out += [found.group(1), found.group(2)]
        else:
            out.append(token)
    return out


def resolve_relative_years(tokens: list[str], today: date) -> list[str]:
    """Turn "năm nay" / "năm ngoái" / "năm sau" into the year as a number."""
    out = list(tokens)
    for i in range(len(out) - 1):
        if out[i] == "nam" and out[i + 1] in _RELATIVE_YEARS:
            out[i + 1] = str(today.year + _RELATIVE_YEARS[out[i + 1]])
    return out


class QueryAnalyzer:
    """Turns the folded tokens of one reading into a weighted ``Query`` against an index."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._typo_cache: dict[str, list[tuple[str, int]]] = {}

    def correct(self, tokens: list[str]) -> tuple[list[str], set[int]]:
        """Replace unknown tokens by the nearest indexed syllable; indexes of replaced ones."""
        idf, stop = self.index.idf, self.index.synonyms.stopwords
        out = list(tokens)
        corrected: set[int] = set()
        for i, token in enumerate(tokens):
            if token in idf or token in stop or len(token) < 3 or not token.isalpha():
                continue
            plain = untelex(token)
            if plain != token and plain in idf:
                out[i] = plain
                corrected.add(i)
                continue
            options = self._typo_options(token)
            if not options:
                continue
            best_dist = options[0][1]
            best = [t for t, d in options if d == best_dist]
            if len(best) > 1:
                prev = out[i - 1] if i else None
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                best.sort(key=lambda term: self._context(term, prev, nxt), reverse=True)
            out[i] = best[0]
            corrected.add(i)
        return out, corrected

    def _context(self, term: str, prev: str | None, nxt: str | None) -> float:
        idf = self.index.idf
        hits = 0.0
        if prev and f"{prev} {term}" in idf:
            hits += 2
        if nxt and f"{term} {nxt}" in idf:
            hits += 2
        return hits + len(self.index.postings[term]) / (1 + len(self.index.entries))

    def _typo_options(self, token: str) -> list[tuple[str, int]]:
        cached = self._typo_cache.get(token)
        if cached is not None:
            return cached
        max_dist = 1 if len(token) <= 6 else 2
        found = process.extract(token, self.index.vocab, scorer=OSA.distance, score_cutoff=max_dist, limit=None)
        options = sorted(((term, int(dist)) for term, dist, _ in found), key=lambda x: x[1])
        if len(self._typo_cache) > 20_000:
            self._typo_cache.clear()
        self._typo_cache[token] = options
        return options

    def make_query(self, tokens: list[str]) -> Query:
        index = self.index
        s = index.settings
        typed = tokens
        tokens, corrected = self.correct(tokens)
        stop = index.synonyms.stopwords
        unigrams: dict[str, float] = {}
        for i, token in enumerate(tokens):
            weight = index.idf.get(token, index.idf_unknown)
            if token in stop:
                weight *= s.stop_factor
            if i in corrected:
                weight *= s.typo_factor
            unigrams[token] = max(unigrams.get(token, 0.0), weight)
        pairs: dict[str, float] = {}
        for i, term in enumerate(bigrams(tokens)):
            a, b = tokens[i], tokens[i + 1]
            weight = index.idf.get(term, index.idf_unknown) * s.bigram_boost
            n_stop = (a in stop) + (b in stop)
            weight *= (1.0, 0.6, s.stop_factor)[n_stop]
            if i in corrected or i + 1 in corrected:
                weight *= s.typo_factor
            pairs[term] = max(pairs.get(term, 0.0), weight)
        years = frozenset(int(t) for t in tokens if YEAR_RE.match(t))
        # A topic word as typed counts even when the index lacks it ("bóng đá" is no typo of "bảng").
        modifiers = index.synonyms.modifiers_in(tokens) | index.synonyms.modifiers_in(typed)
        articles = cited_articles(typed)
        named = index.synonyms.stages_in(tokens) | (modifiers & index.synonyms.stages)
        # "Đ240 ĐBNT gia hạn": the article's stage, as if typed; "thẩm phán thụ lý …": the first instance's trial
        implied = implied_stage(tokens, named, (index.article_stages.get(a, frozenset()) for a in articles))
        modifiers |= implied.stages
        stages = named | implied.stages
        documents = frozenset(
            t for i, t in enumerate(tokens) if t.isdigit() and not YEAR_RE.match(t) and tokens[i - 1 : i] in _DOC_WORDS
        )
        either = index.synonyms.either_in(tokens)
        return Query(
            tokens,
            unigrams,
            pairs,
            " ".join(tokens),
            years,
            modifiers,
            stages,
            documents,
            either,
            articles,
            implied.court,
        )
