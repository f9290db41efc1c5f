"""Find the knowledge-base entry a staff question is about, or decide not to answer.

Pipeline for one query:

1. fold to ASCII syllables (``normalize.fold``), cut very long pastes, drop courtesy
   phrases, turn "năm nay" / "năm ngoái" into a year, expand abbreviations (one variant per
   reading of an ambiguous one such as ``tg``);
2. map tokens the index has never seen to the nearest indexed syllable (``query``);
3. BM25 over syllables and syllable pairs of title, questions and tags, with the answer
   text weighing less (``index``), then a 0..1 rescoring of the top candidates (``ranking``);
4. decide: ``answer`` (clear winner), ``ask`` (close or middling: up to 3 suggestions),
   ``dont_know`` (out of scope), ``empty`` (nothing searchable) (``decision``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from knowledge.kb.decision import SearchResult, decide, decide_ambiguous
from knowledge.kb.entry import Entry
from knowledge.kb.index import Index, accent_words
from knowledge.kb.negation import drop_negated
from knowledge.kb.normalize import Synonyms, fold, has_diacritics, load_synonyms, syllables
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.query import QueryAnalyzer, document_numbers, resolve_relative_years
from knowledge.kb.ranking import Scored, rank
from knowledge.kb.settings import SearchSettings

__all__ = ["SearchResult", "SearchSettings", "Searcher"]


@dataclass(frozen=True, slots=True)
class Ranked:
    """One reading of a query, ranked: candidates, the stages it names, whether its top fits it."""

    scored: list[Scored]
    stages: frozenset[str]
    fits: bool  # the top entry contains the reading chosen for an ambiguous abbreviation
    court: bool = False  # the query names the court and no stage: it asks of the first instance's trial
    cut: bool = False  # the message was longer than the search reads: its end (often the question) unread


# The words that ask an amount: typed with their marks, they say nothing of which entry is meant.
_ASKED_AMOUNT = frozenset({"may", "bao", "nhieu", "nhiu", "lau"})
# "còn …", "thế còn …" turning to another case; folded it is "con" (a child: "phụ nữ nuôi con dưới 36 tháng"), which
# made "còn tạm giam thì bao lâu" the conditions of detention. It opens the question, or comes before what a question
# is about ("…, con tgiam thi truoc may ng"); typed without marks, such a "con" is read the same way.
_OPENING_CON = re.compile(
    r"^\s*(?:(?:thế|vậy|the|vay)\s+)?(?:còn|con)\b(?!\s+(?:của|cua|tôi|toi|em|anh|chị|chi)\b)", re.I
)
_CON_BEFORE = re.compile(
    r"(?<!\w)(?:còn|con)\s+(?=(?:tạm|tam|tgiam|tgiu|điều tra|dieu tra|dt|truy tố|truy to|thời hạn|thoi han|gia hạn"
    r"|gia han|gh|kháng|khang|vks|cqđt|cqdt|tòa|toa|bị can|bi can|bị cáo|bi cao|vụ|vu)(?!\w))",
    re.I,
)


def without_opening_con(text: str) -> str:
    """``text`` without a "còn" that opens it or comes before a subject (a "con" typed without marks too)."""
    marked = has_diacritics(text)
    m = _OPENING_CON.match(text)
    if m is not None and not ("con" in m.group(0).lower() and "còn" not in m.group(0).lower() and marked):
        text = text[m.end() :]
    return _CON_BEFORE.sub(lambda c: c.group(0) if c.group(0).lower().startswith("con") and marked else "", text)


class Searcher:
    """Search over a knowledge base; immutable after construction (caches aside)."""

    def __init__(
        self,
        kb: Iterable[Entry],
        settings: SearchSettings | None = None,
        synonyms: Synonyms | None = None,
    ) -> None:
        self.settings = settings or SearchSettings()
        self.synonyms = synonyms or load_synonyms()
        self.index = Index(getattr(kb, "entries", kb), self.settings, self.synonyms)
        self.entries = self.index.entries
        self._analyzer = QueryAnalyzer(self.index)

    def search(self, query: str, today: date) -> SearchResult:
        ranked = self.rank(query, today)
        return self.decide(ranked) if ranked is not None else SearchResult("empty", None, [], 0.0, "no searchable text")

    def rank(self, query: str, today: date) -> list[Ranked] | None:
        """Every reading of the query ranked (None when nothing is searchable); no decision yet."""
        s = self.settings
        head = query[: s.max_query_chars]
        cut = len(query) > len(head)
        head = without_opening_con(head)
        # Courtesy dropped before the cut: a long chatty message keeps more of what it asks.
        whole = self.synonyms.strip_fillers(syllables(head))
        tokens = whole[: s.max_query_tokens]
        if not tokens:
            return None
        cut = cut or len(whole) > len(tokens)
        tokens = resolve_relative_years(numbers_from_words(tokens), today)
        tokens = document_numbers(tokens)  # "qđ 259/2023": the number and the year
        # With diacritics typed, every word is taken literally ("chi" is then not "chỉ").
        # … but how the amount is asked ("mấy ngày" or "bao nhiêu ngày") never picks the entry
        accent_tokens = frozenset(
            w for w in (accent_words(head) if has_diacritics(head) else ()) if fold(w) not in _ASKED_AMOUNT
        )
        ranked = []
        for variant, readings in self.synonyms.expand_readings(tokens, s.max_variants):
            q = self._analyzer.make_query(drop_negated(variant, self.synonyms.modifiers))
            scored = rank(self.index, q, accent_tokens)
            top = self.entries[scored[0].doc] if scored else None
            fits = top is not None and self.index.has_readings(top, readings)
            ranked.append(Ranked(scored, q.stages, fits, q.court, cut))
        return ranked

    def decide(self, ranked: list[Ranked], settings: SearchSettings | None = None) -> SearchResult:
        """The decision on ranked readings (``settings`` overrides the thresholds, for calibration)."""
        s = settings or self.settings
        results = [(decide(s, self.entries, r.scored, r.stages, r.court), r.fits) for r in ranked]
        result = results[0][0] if len(results) == 1 else decide_ambiguous(s, results)
        if result.outcome == "answer" and any(r.cut for r in ranked):
            # what was not read may name another case: offered, never answered outright
            return replace(result, outcome="ask", entry=None, reason="message cut before its end")
        return result

    def mentions(self, entry: Entry, term: str) -> bool:
        """Whether the entry's text (title, questions, tags or answer) has the folded word."""
        posting = self.index.postings.get(term)
        return posting is not None and self.index.doc_index.get(entry.id) in posting

    def names(self, entry: Entry, term: str) -> bool:
        """Whether the entry's title, questions or tags (not only its answer) have the folded word."""
        doc = self.index.doc_index.get(entry.id)
        return doc is not None and self.index.has_strong(term, doc)

    def fold_text(self, text: str) -> list[str]:
        """``text`` folded and expanded as the index folds an entry's text."""
        return self.index.fold_expand(text)

    def title_tokens(self, entry: Entry) -> list[str]:
        """The entry's title, folded and expanded as indexed."""
        return self.index.title_tokens(entry)
