"""Find the knowledge-base entry a staff question is about, or decide not to answer.

Pipeline for one query:

1. fold to ASCII syllables (``normalize.fold``), cut very long pastes, turn "năm nay" /
   "năm ngoái" into a year, expand abbreviations (one variant per reading of an
   ambiguous one such as ``tg``);
2. map tokens the index has never seen to the nearest indexed syllable (OSA distance,
   context bigram as tie-break), so "thoi hna tam guu" becomes "thoi han tam giu";
3. BM25 over syllables and syllable pairs (bigrams keep "tạm giữ" apart from "tạm giam")
   of title, questions and tags, with the answer text weighing less;
4. rescore the top candidates on a 0..1 scale: weighted query coverage (recall), the best
   question's coverage by the query (precision), rapidfuzz similarity, year match, exact
   diacritics;
5. decide: ``answer`` (clear winner), ``ask`` (close or middling: up to 3 suggestions),
   ``dont_know`` (out of scope), ``empty`` (nothing searchable).
"""

from __future__ import annotations

import gc
import heapq
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.kb.entry import Entry
from knowledge.kb.normalize import Synonyms, has_diacritics, load_synonyms, lower_nfc, syllables, untelex

Outcome = Literal["answer", "ask", "dont_know", "empty"]


@dataclass(frozen=True, slots=True)
class SearchSettings:
    """Ranking weights and decision thresholds (tuned on the evaluation sets)."""

    # BM25
    k1: float = 1.2
    b: float = 0.3
    w_title: int = 2  # a title word counts like this many question words
    w_answer: float = 0.3  # term frequency given to a word found only in the answer
    max_tf: int = 9
    bigram_boost: float = 1.5
    stop_factor: float = 0.2
    typo_factor: float = 0.8
    weak_match: float = 0.5  # a term found only in the answer text counts this much in coverage
    prune_df: float = 0.08  # terms in more than this share of entries only rescore known candidates
    max_candidates: int = 400  # once this many entries are found, further words only rescore them
    # rescoring on 0..1
    rerank_k: int = 12
    w_cover: float = 0.45
    w_cover_bigram: float = 0.15
    w_precision: float = 0.2
    w_fuzz: float = 0.2
    year_bonus: float = 0.12
    year_penalty: float = 0.3
    diacritic_bonus: float = 0.02
    modifier_penalty: float = 0.15  # per topic-changing phrase in the title but not the query, or back
    # decision
    answer_threshold: float = 0.5
    ask_threshold: float = 0.42
    margin: float = 0.02
    ask_window: float = 0.12
    min_evidence: float = 0.35  # matched content weight (in never-seen-word units) for an answer
    min_precision: float = 0.4  # the query must cover this share of some title/question to answer
    max_suggestions: int = 3
    # input limits
    max_query_chars: int = 400
    max_query_tokens: int = 40
    max_variants: int = 4


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    score: float


@dataclass(frozen=True, slots=True)
class SearchResult:
    outcome: Outcome
    entry: Entry | None
    candidates: list[Candidate] = field(default_factory=list)
    score: float = 0.0
    reason: str = ""


@dataclass(slots=True)
class _Query:
    tokens: list[str]
    unigrams: dict[str, float]  # term -> weight (idf x factors); unknown terms included
    bigrams: dict[str, float]
    text: str  # folded, expanded, for fuzzy matching
    years: frozenset[int]
    modifiers: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float
    evidence: float  # matched content weight, in units of the weight of a never-seen word
    precision: float  # best share of one title/question covered by the query
    accent: float  # share of accented query words matched with the same diacritics
    doc: int


_RELATIVE_YEARS = {"nay": 0, "ngoai": -1, "truoc": -1, "roi": -1, "sau": 1, "toi": 1}
_YEAR_RE = re.compile(r"^(19[4-9]\d|20\d\d)$")
_ACCENT_WORD = re.compile(r"\w+")


def _bigrams(tokens: Sequence[str]) -> list[str]:
    return [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


class Searcher:
    """An inverted index over a knowledge base; immutable after construction."""

    def __init__(
        self,
        kb: Iterable[Entry],
        settings: SearchSettings | None = None,
        synonyms: Synonyms | None = None,
    ) -> None:
        self.settings = settings or SearchSettings()
        self.synonyms = synonyms or load_synonyms()
        entries = getattr(kb, "entries", kb)
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._doc_index = {entry.id: doc for doc, entry in enumerate(self.entries)}
        self._strings: list[tuple[str, ...]] = []  # folded title + questions per entry
        self._modifiers: list[frozenset[str]] = []  # topic-changing phrases of each title
        self._postings: dict[str, dict[int, float]] = {}
        self._weak_part: list[float] = []  # per entry: the posting value of answer-only words
        self._idf: dict[str, float] = {}
        self._typo_cache: dict[str, list[tuple[str, int]]] = {}
        self._accent_cache: dict[int, frozenset[str]] = {}
        self._weights_cache: dict[int, list[tuple[dict[str, float], float]]] = {}
        enabled = gc.isenabled()
        gc.disable()  # building creates ~100k containers: no point scanning them mid-way
        try:
            self._build()
        finally:
            if enabled:
                gc.enable()

    # --- index ------------------------------------------------------------------------

    def _fold_expand(self, text: str) -> list[str]:
        tokens = syllables(text)
        if self.synonyms.readings.keys().isdisjoint(tokens):
            return tokens
        return self.synonyms.expand_first(tokens)

    def _build(self) -> None:
        s = self.settings
        per_doc: list[tuple[Counter[str], set[str]]] = []
        lengths: list[float] = []
        for entry in self.entries:
            title = self._fold_expand(entry.title)
            questions = [self._fold_expand(q) for q in entry.questions]
            tags = [self._fold_expand(tag) for tag in (*entry.tags, entry.unit or "")]
            self._strings.append(tuple(" ".join(t) for t in (title, *questions) if t))
            self._modifiers.append(self.synonyms.modifiers_in(title))
            terms: list[str] = (title + _bigrams(title)) * s.w_title
            for tokens in (*questions, *tags):
                terms += tokens
                terms += _bigrams(tokens)
            strong = Counter(terms)
            # The answer counts through its words only (pairs would double the index for little).
            weak = set(self._fold_expand(f"{entry.answer} {entry.source}")).difference(strong)
            per_doc.append((strong, weak))
            lengths.append(len(strong) + 0.2 * len(weak))
        n = max(len(self.entries), 1)
        avgdl = (sum(lengths) / n) or 1.0
        k1, cap = s.k1, s.max_tf
        postings: defaultdict[str, dict[int, float]] = defaultdict(dict)
        for doc, (strong, weak) in enumerate(per_doc):
            norm = k1 * (1 - s.b + s.b * lengths[doc] / avgdl)
            # BM25 term-frequency part for each possible (capped) count: one float object each.
            table = [freq * (k1 + 1) / (freq + norm) for freq in range(cap + 1)]
            for term, count in strong.items():
                postings[term][doc] = table[count] if count <= cap else table[cap]
            # A word found only in the answer: its own float object, recognised by identity.
            weak_part = s.w_answer * (k1 + 1) / (s.w_answer + norm)
            self._weak_part.append(weak_part)
            for term in weak:
                postings[term][doc] = weak_part
        self._postings = dict(postings)
        weights = self.synonyms.weights
        for term, posting in postings.items():
            df = len(posting)
            self._idf[term] = math.log(1 + (n - df + 0.5) / (df + 0.5)) * weights.get(term, 1.0)
        self._idf_unknown = math.log(1 + (n + 0.5) / 0.5)
        self._vocab: list[str] = sorted(t for t in postings if " " not in t)
        self._prune_df = max(50, int(s.prune_df * n))

    # --- query --------------------------------------------------------------------------

    def search(self, query: str, today: date) -> SearchResult:
        s = self.settings
        tokens = syllables(query[: s.max_query_chars])[: s.max_query_tokens]
        if not tokens:
            return SearchResult("empty", None, [], 0.0, "no searchable text")
        tokens = self._resolve_relative_years(self.synonyms.strip_fillers(tokens), today)
        # With diacritics typed, every word is taken literally ("chi" is then not "chỉ").
        head = query[: s.max_query_chars]
        accent_tokens = frozenset(_ACCENT_WORD.findall(lower_nfc(head))) if has_diacritics(head) else frozenset()
        variants = self.synonyms.expand_readings(tokens, s.max_variants)
        if len(variants) == 1:
            return self._decide(self._score_variant(variants[0][0], accent_tokens))
        results = []
        for variant, readings in variants:
            result = self._decide(self._score_variant(variant, accent_tokens))
            top = result.candidates[0].entry if result.candidates else None
            results.append((result, top is not None and self._has_readings(top, readings)))
        return self._decide_ambiguous(results)

    def _has_readings(self, entry: Entry, readings: tuple[tuple[str, ...], ...]) -> bool:
        """Whether the entry's title/questions/tags contain every chosen reading."""
        doc = self._doc_index[entry.id]
        for reading in readings:
            posting = self._postings.get(" ".join(reading[:2]))
            part = posting.get(doc) if posting is not None else None
            if part is None or part is self._weak_part[doc]:
                return False
        return True

    def _resolve_relative_years(self, tokens: list[str], today: date) -> list[str]:
        out = list(tokens)
        for i in range(len(out) - 1):
            if out[i] == "nam" and out[i + 1] in _RELATIVE_YEARS:
                out[i + 1] = str(today.year + _RELATIVE_YEARS[out[i + 1]])
        return out

    def _correct(self, tokens: list[str]) -> tuple[list[str], set[int]]:
        """Replace unknown tokens by the nearest indexed syllable; indexes of replaced ones."""
        out = list(tokens)
        corrected: set[int] = set()
        for i, token in enumerate(tokens):
            if token in self._idf or token in self.synonyms.stopwords or len(token) < 3:
                continue
            if not token.isalpha():
                continue
            plain = untelex(token)
            if plain != token and plain in self._idf:
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

                def context(term: str, prev: str | None = prev, nxt: str | None = nxt) -> float:
                    hits = 0.0
                    if prev and f"{prev} {term}" in self._idf:
                        hits += 2
                    if nxt and f"{term} {nxt}" in self._idf:
                        hits += 2
                    return hits + len(self._postings[term]) / (1 + len(self.entries))

                best.sort(key=context, reverse=True)
            out[i] = best[0]
            corrected.add(i)
        return out, corrected

    def _typo_options(self, token: str) -> list[tuple[str, int]]:
        cached = self._typo_cache.get(token)
        if cached is not None:
            return cached
        max_dist = 1 if len(token) <= 6 else 2
        found = process.extract(token, self._vocab, scorer=OSA.distance, score_cutoff=max_dist, limit=None)
        options = sorted(((term, int(dist)) for term, dist, _ in found), key=lambda x: x[1])
        if len(self._typo_cache) > 20_000:
            self._typo_cache.clear()
        self._typo_cache[token] = options
        return options

    def _make_query(self, tokens: list[str]) -> _Query:
        s = self.settings
        tokens, corrected = self._correct(tokens)
        stop = self.synonyms.stopwords
        unigrams: dict[str, float] = {}
        for i, token in enumerate(tokens):
            weight = self._idf.get(token, self._idf_unknown)
            if token in stop:
                weight *= s.stop_factor
            if i in corrected:
                weight *= s.typo_factor
            unigrams[token] = max(unigrams.get(token, 0.0), weight)
        bigrams: dict[str, float] = {}
        for i, term in enumerate(_bigrams(tokens)):
            a, b = tokens[i], tokens[i + 1]
            weight = self._idf.get(term, self._idf_unknown) * s.bigram_boost
            n_stop = (a in stop) + (b in stop)
            weight *= (1.0, 0.6, s.stop_factor)[n_stop]
            if i in corrected or i + 1 in corrected:
                weight *= s.typo_factor
            bigrams[term] = max(bigrams.get(term, 0.0), weight)
        years = frozenset(int(t) for t in tokens if _YEAR_RE.match(t))
        modifiers = self.synonyms.modifiers_in(tokens)
        return _Query(tokens, unigrams, bigrams, " ".join(tokens), years, modifiers)

    def _bm25(self, q: _Query) -> dict[int, float]:
        """BM25 scores; words in many entries only rescore entries found by rarer words."""
        s, postings = self.settings, self._postings
        terms = [(t, w) for t, w in (*q.unigrams.items(), *q.bigrams.items()) if t in postings]
        terms.sort(key=lambda tw: len(postings[tw[0]]))
        acc: dict[int, float] = {}
        common: list[tuple[str, float]] = []
        for term, weight in terms:
            posting = postings[term]
            if (len(posting) > self._prune_df or len(acc) >= s.max_candidates) and (acc or common):
                common.append((term, weight))
                continue
            get = acc.get
            for doc, part in posting.items():
                acc[doc] = get(doc, 0.0) + weight * part
        for term, weight in common:
            posting = postings[term]
            for doc in acc.keys() & posting.keys():
                acc[doc] += weight * posting[doc]
        return acc

    def _coverage(self, terms: dict[str, float], doc: int) -> tuple[float, float]:
        """Share of the query's weight found in the entry, and the matched weight.

        A word found only in the answer counts ``weak_match`` of its weight.
        """
        total = matched = 0.0
        postings, weak_match, weak = self._postings, self.settings.weak_match, self._weak_part[doc]
        for term, weight in terms.items():
            total += weight
            posting = postings.get(term)
            part = posting.get(doc) if posting is not None else None
            if part is not None:
                matched += weight * (weak_match if part is weak else 1.0)
        return (matched / total if total else 0.0), matched

    def _string_weights(self, doc: int) -> list[tuple[dict[str, float], float]]:
        """Per title/question of an entry: word -> weight, and the total (cached)."""
        cached = self._weights_cache.get(doc)
        if cached is not None:
            return cached
        stop, factor, idf = self.synonyms.stopwords, self.settings.stop_factor, self._idf
        out = []
        for string in self._strings[doc]:
            weights = {t: idf.get(t, 0.0) * (factor if t in stop else 1.0) for t in string.split()}
            total = sum(weights.values())
            if total:
                out.append((weights, total))
        if len(self._weights_cache) > 8192:
            self._weights_cache.clear()
        self._weights_cache[doc] = out
        return out

    def _precision(self, q: _Query, doc: int) -> float:
        """Best share of one title/question's weight that the query covers."""
        present = q.unigrams.keys()
        best = 0.0
        for weights, total in self._string_weights(doc):
            hit = sum(weights[t] for t in weights.keys() & present)
            if hit > best * total:
                best = hit / total
        return best

    def _accent_agreement(self, accent_tokens: frozenset[str], doc: int) -> float:
        """Share of the query's accented words found with the same diacritics in the entry."""
        words = self._accent_cache.get(doc)
        if words is None:
            entry = self.entries[doc]
            text = lower_nfc(" ".join((entry.title, *entry.questions, *entry.tags)))
            words = frozenset(_ACCENT_WORD.findall(text))
            self._accent_cache[doc] = words
        return len(accent_tokens & words) / len(accent_tokens)

    def _score_variant(self, tokens: list[str], accent_tokens: frozenset[str]) -> list[_Scored]:
        """Candidates, best first, scored on a 0..1 scale (bonuses may push it a little above)."""
        s = self.settings
        q = self._make_query(tokens)
        acc = self._bm25(q)
        if not acc:
            return []
        top = [(doc, acc[doc]) for doc in heapq.nlargest(s.rerank_k, acc, key=acc.__getitem__)]
        best_bm25 = top[0][1] or 1.0
        scored: list[_Scored] = []
        content = {t: w for t, w in q.unigrams.items() if t not in self.synonyms.stopwords}
        for doc, bm25 in top:
            cover, _ = self._coverage(q.unigrams, doc)
            cover_b, _ = self._coverage(q.bigrams, doc) if q.bigrams else (cover, 0.0)
            _, evidence = self._coverage(content, doc)
            fz = process.extractOne(q.text, self._strings[doc], scorer=fuzz.token_sort_ratio)
            precision = self._precision(q, doc)
            score = (
                s.w_cover * cover
                + s.w_cover_bigram * cover_b
                + s.w_precision * precision
                + s.w_fuzz * (fz[1] / 100.0 if fz else 0.0)
            )
            score *= 0.9 + 0.1 * bm25 / best_bm25
            mods = self.synonyms.modifiers
            score -= s.modifier_penalty * sum(mods[m] for m in q.modifiers ^ self._modifiers[doc])
            year = self.entries[doc].year
            if q.years and year is not None:
                score += s.year_bonus if year in q.years else -s.year_penalty
            accent = self._accent_agreement(accent_tokens, doc) if accent_tokens else 0.0
            score += s.diacritic_bonus * accent
            scored.append(_Scored(score, evidence / self._idf_unknown, precision, accent, doc))
        scored.sort(key=lambda x: (-x.score, x.doc))
        return scored

    # --- decision ---------------------------------------------------------------------

    def _decide(self, scored: list[_Scored]) -> SearchResult:
        s = self.settings
        if not scored:
            return SearchResult("dont_know", None, [], 0.0, "no indexed word matched")
        candidates = [Candidate(self.entries[x.doc], round(x.score, 4)) for x in scored]
        top = scored[0]
        second = scored[1] if len(scored) > 1 else None
        gap = top.score - second.score if second else top.score
        # A near tie is settled by diacritics when the user typed them and only the top matches them.
        accent_win = second is not None and top.accent > second.accent + 1e-9
        if second is not None and accent_win and gap < s.margin:
            accent_win = all(x.accent < top.accent for x in scored[1:] if top.score - x.score < s.margin)
        close = [c for c in candidates if c.score >= max(s.ask_threshold, top.score - s.ask_window)]
        asked = close[: s.max_suggestions]
        if top.evidence < s.min_evidence * 0.5:
            return SearchResult("dont_know", None, candidates[: s.max_suggestions], top.score, "no evidence")
        if top.score >= s.answer_threshold and (gap >= s.margin or accent_win):
            if top.evidence >= s.min_evidence and top.precision >= s.min_precision:
                return SearchResult("answer", candidates[0].entry, candidates, top.score, "clear winner")
            return SearchResult("ask", None, asked, top.score, "little evidence")
        if top.score >= s.ask_threshold:
            reason = "close candidates" if top.score >= s.answer_threshold else "middling score"
            return SearchResult("ask", None, asked, top.score, reason)
        return SearchResult("dont_know", None, candidates[: s.max_suggestions], top.score, "low score")

    def _decide_ambiguous(self, results: list[tuple[SearchResult, bool]]) -> SearchResult:
        """An ambiguous abbreviation (``tg``): never silently pick one reading.

        A reading counts when its best entry is about that reading (the entry contains the
        expanded words). One such reading -> its result; several with different entries ->
        ask, listing each; none -> the best result, but never as a confident answer.
        """
        s = self.settings
        supported = [r for r, ok in results if ok and r.outcome in ("answer", "ask")]
        if not supported:
            best = max((r for r, _ in results), key=lambda r: r.score)
            if best.outcome == "answer":
                return SearchResult("ask", None, best.candidates[: s.max_suggestions], best.score, "ambiguous")
            return best
        tops: dict[str, Candidate] = {}
        for r in sorted(supported, key=lambda r: -r.score):
            tops.setdefault(r.candidates[0].entry.id, r.candidates[0])
        if len(tops) == 1:
            return max(supported, key=lambda r: r.score)
        suggestions = list(tops.values())[: s.max_suggestions]
        return SearchResult("ask", None, suggestions, suggestions[0].score, "ambiguous abbreviation")
