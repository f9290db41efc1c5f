"""The inverted index over the entries: BM25 postings of syllables and syllable pairs.

Title, questions and tags are indexed with their word pairs (pairs keep "tạm giữ" apart
from "tạm giam"); the answer and source count through their words only, with a smaller
weight (a "weak" posting, recognised by identity). The index also keeps, per entry, the
folded title and questions (for precision and fuzzy matching) and the topic-changing
phrases of the title.
"""

from __future__ import annotations

import gc
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet

from knowledge.kb.articles import source_articles
from knowledge.kb.entry import Entry
from knowledge.kb.normalize import Synonyms, lower_nfc, syllables
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.settings import SearchSettings

_ACCENT_WORD = re.compile(r"\w+")
_DOC_NUMBER = re.compile(r"^\d+/(19|20)\d\d$")


def accent_words(text: str) -> frozenset[str]:
    """The words of ``text`` as typed (lower case, diacritics kept)."""
    return frozenset(_ACCENT_WORD.findall(lower_nfc(text)))


def bigrams(tokens: Sequence[str]) -> list[str]:
    return [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


class Index:
    """Postings, rarity weights and per-entry strings; immutable after construction."""

    def __init__(self, entries: Iterable[Entry], settings: SearchSettings, synonyms: Synonyms) -> None:
        self.settings = settings
        self.synonyms = synonyms
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.doc_index = {entry.id: doc for doc, entry in enumerate(self.entries)}
        self.strings: list[tuple[str, ...]] = []  # folded title + questions per entry
        self.modifiers: list[frozenset[str]] = []  # topic-changing phrases of each title
        self.source_modifiers: list[frozenset[str]] = []  # ... named by its source ("Bộ luật Lao động")
        self.documents: list[frozenset[str]] = []  # numbers of the documents it is about (title, tags, source)
        self.articles: list[frozenset[int]] = []  # the BLTTHS articles its source rests on
        self.article_stages: dict[int, frozenset[str]] = {}  # an article's one stage, when its entries agree
        self.cited: frozenset[int] = frozenset()
        self.postings: dict[str, dict[int, float]] = {}
        self.weak_part: list[float] = []  # per entry: the posting value of answer-only words
        self.idf: dict[str, float] = {}
        self._accent_cache: dict[int, frozenset[str]] = {}
        self._weights_cache: dict[int, list[tuple[dict[str, float], float]]] = {}
        enabled = gc.isenabled()
        gc.disable()  # building creates ~100k containers: no point scanning them mid-way
        try:
            self._build()
        finally:
            if enabled:
                gc.enable()

    def _article_stages(self) -> None:
        """The stage of each article whose entries speak of one: at least half of them name a stage, and all
        that do name the same ("Điều 240": truy tố; "Điều 134", how time is counted, none)."""
        stages: defaultdict[int, set[str]] = defaultdict(set)
        resting: Counter[int] = Counter()
        staged: Counter[int] = Counter()
        for doc, articles in enumerate(self.articles):
            own = self.modifiers[doc] & self.synonyms.stages
            for article in articles:
                resting[article] += 1
                staged[article] += bool(own)
                stages[article] |= own
        self.cited = frozenset(resting)  # the articles some entry rests on
        self.article_stages = {
            a: frozenset(st) for a, st in stages.items() if len(st) == 1 and 2 * staged[a] >= resting[a]
        }

    def fold_expand(self, text: str) -> list[str]:
        tokens = numbers_from_words(syllables(text))
        if any("/" in t for t in tokens):  # "96/2019" is also found as "nghị quyết 96"
            tokens += [t.split("/", 1)[0] for t in tokens if _DOC_NUMBER.match(t)]
        if self.synonyms.readings.keys().isdisjoint(tokens):
            return tokens
        return self.synonyms.expand_first(tokens)

    def _build(self) -> None:
        s = self.settings
        per_doc: list[tuple[Counter[str], set[str]]] = []
        lengths: list[float] = []
        for entry in self.entries:
            title = self.fold_expand(entry.title)
            questions = [self.fold_expand(q) for q in entry.questions]
            tags = [self.fold_expand(tag) for tag in (*entry.tags, entry.unit or "")]
            self.strings.append(tuple(" ".join(t) for t in (title, *questions) if t))
            self.modifiers.append(self.synonyms.modifiers_in(title))
            self.source_modifiers.append(self.synonyms.modifiers_in(self.fold_expand(entry.source)))
            source = [t for t in self.fold_expand(entry.source.split(";")[0]) if t.isdigit()][:1]
            self.documents.append(frozenset(t for t in (*title, *source, *(w for t in tags for w in t)) if t.isdigit()))
            self.articles.append(source_articles(entry.source))
            terms: list[str] = (title + bigrams(title)) * s.w_title
            for tokens in (*questions, *tags):
                terms += tokens
                terms += bigrams(tokens)
            strong = Counter(terms)
            # The answer counts through its words only (pairs would double the index for little).
            weak = set(self.fold_expand(f"{entry.answer} {entry.source}")).difference(strong)
            per_doc.append((strong, weak))
            lengths.append(len(strong) + 0.2 * len(weak))
        self._article_stages()
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
            self.weak_part.append(weak_part)
            for term in weak:
                postings[term][doc] = weak_part
        self.postings = dict(postings)
        weights = self.synonyms.weights
        for term, posting in postings.items():
            df = len(posting)
            self.idf[term] = math.log(1 + (n - df + 0.5) / (df + 0.5)) * weights.get(term, 1.0)
        self.idf_unknown = math.log(1 + (n + 0.5) / 0.5)
        self.vocab: list[str] = sorted(t for t in postings if " " not in t)
        self.prune_df = max(50, int(s.prune_df * n))

    # --- lookups ------------------------------------------------------------------------

    def has_strong(self, term: str, doc: int) -> bool:
        """Whether ``term`` is in the entry's title, questions or tags (not only its answer)."""
        posting = self.postings.get(term)
        part = posting.get(doc) if posting is not None else None
        return part is not None and part is not self.weak_part[doc]

    def title_tokens(self, entry: Entry) -> list[str]:
        """The entry's title, folded and expanded as indexed."""
        doc = self.doc_index.get(entry.id)
        return self.strings[doc][0].split() if doc is not None and self.strings[doc] else []

    def has_readings(self, entry: Entry, readings: tuple[tuple[str, ...], ...]) -> bool:
        """Whether the entry's title/questions/tags contain every chosen reading."""
        doc = self.doc_index[entry.id]
        return all(self.has_strong(" ".join(reading[:2]), doc) for reading in readings)

    def coverage(self, terms: dict[str, float], doc: int) -> tuple[float, float]:
        """Share of the query's weight found in the entry, and the matched weight.

        A word found only in the answer counts ``weak_match`` of its weight.
        """
        total = matched = 0.0
        postings, weak_match, weak = self.postings, self.settings.weak_match, self.weak_part[doc]
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
        stop, factor, idf = self.synonyms.stopwords, self.settings.stop_factor, self.idf
        out = []
        for string in self.strings[doc]:
            weights = {t: idf.get(t, 0.0) * (factor if t in stop else 1.0) for t in string.split()}
            total = sum(weights.values())
            if total:
                out.append((weights, total))
        if len(self._weights_cache) > 8192:
            self._weights_cache.clear()
        self._weights_cache[doc] = out
        return out

    def precision(self, present: AbstractSet[str], doc: int) -> float:
        """Best share of one title/question's weight that the query words cover."""
        best = 0.0
        for weights, total in self._string_weights(doc):
            hit = sum(weights[t] for t in weights.keys() & present)
            if hit > best * total:
                best = hit / total
        return best

    def accent_agreement(self, accent_tokens: frozenset[str], doc: int) -> float:
        """Share of the query's accented words found with the same diacritics in the entry."""
        words = self._accent_cache.get(doc)
        if words is None:
            entry = self.entries[doc]
            words = accent_words(" ".join((entry.title, *entry.questions, *entry.tags)))
            self._accent_cache[doc] = words
        return len(accent_tokens & words) / len(accent_tokens)
