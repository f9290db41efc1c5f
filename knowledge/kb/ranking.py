"""Ranking: BM25 retrieval over the index, then a 0..1 rescoring of the top candidates.

The rescoring mixes weighted query coverage (recall, words and word pairs), the best
title/question's coverage by the query (precision), rapidfuzz similarity, year match,
topic-changing phrases that differ (penalty) and exact diacritics (a small bonus).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from knowledge.kb.index import Index
from knowledge.kb.query import Query


@dataclass(frozen=True, slots=True)
class Scored:
    score: float
    evidence: float  # matched content weight, in units of the weight of a never-seen word
    precision: float  # best share of one title/question covered by the query
    accent: float  # share of accented query words matched with the same diacritics
    doc: int
    stages: frozenset[str] = frozenset()  # the procedural stages the entry's title names


def bm25(index: Index, q: Query) -> dict[int, float]:
    """BM25 scores; words in many entries only rescore entries found by rarer words."""
    s, postings = index.settings, index.postings
    terms = [(t, w) for t, w in (*q.unigrams.items(), *q.bigrams.items()) if t in postings]
    terms.sort(key=lambda tw: len(postings[tw[0]]))
    acc: dict[int, float] = {}
    common: list[tuple[str, float]] = []
    for term, weight in terms:
        posting = postings[term]
        if (len(posting) > index.prune_df or len(acc) >= s.max_candidates) and (acc or common):
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


def rank(index: Index, q: Query, accent_tokens: frozenset[str]) -> list[Scored]:
    """Candidates, best first, scored on a 0..1 scale (bonuses may push it a little above)."""
    s = index.settings
    acc = bm25(index, q)
    if not acc:
        return []
    top = [(doc, acc[doc]) for doc in heapq.nlargest(s.rerank_k, acc, key=acc.__getitem__)]
    best_bm25 = top[0][1] or 1.0
    scored: list[Scored] = []
    stop = index.synonyms.stopwords
    content = {t: w for t, w in q.unigrams.items() if t not in stop}
    mods = index.synonyms.modifiers
    stages_all = index.synonyms.stages
    q_stages = q.modifiers & stages_all
    for doc, score_bm25 in top:
        cover, _ = index.coverage(q.unigrams, doc)
        cover_b, _ = index.coverage(q.bigrams, doc) if q.bigrams else (cover, 0.0)
        _, evidence = index.coverage(content, doc)
        fz = process.extractOne(q.text, index.strings[doc], scorer=fuzz.token_sort_ratio)
        precision = index.precision(q.unigrams.keys(), doc)
        score = (
            s.w_cover * cover
            + s.w_cover_bigram * cover_b
            + s.w_precision * precision
            + s.w_fuzz * (fz[1] / 100.0 if fz else 0.0)
        )
        score *= 0.9 + 0.1 * score_bm25 / best_bm25
        differ = (q.modifiers ^ index.modifiers[doc]) - q.either
        regimes = q.modifiers & index.synonyms.regimes
        if regimes:  # minors: only an entry of that regime, whatever else the question names
            differ = regimes - index.modifiers[doc]
        if not q_stages or len(q.modifiers & stages_all) > 1:
            # No stage named, the stage decides only among close candidates; several named ("từng giai
            # đoạn điều tra, truy tố, phúc thẩm") ask for all of them, which one entry may give.
            differ -= stages_all
        # A stage of the entry that holds the stage the query names ("xét xử" in "chuẩn bị xét xử").
        differ = frozenset(m for m in differ if not any(f" {st} " in f" {m} " for st in q.stages - q.modifiers))
        if q.documents & index.documents[doc]:  # "QĐ 259 ban hành ngày nào": the document named is the topic,
            differ &= q.modifiers  # not the title's tạm giữ/tạm giam the question leaves unsaid
        score -= s.modifier_penalty * sum(mods[m] for m in differ)
        # "theo Bộ luật Lao động" when that code is the entry's source: half the penalty back.
        score += s.modifier_penalty * 0.5 * sum(mods[m] for m in differ & q.modifiers & index.source_modifiers[doc])
        year = index.entries[doc].year
        if q.years and year is not None:
            # An entry for a span of years names the others in its questions ("phương châm năm 2025").
            named = year in q.years or any(index.has_strong(str(y), doc) for y in q.years)
            score += s.year_bonus if named else -s.year_penalty
        if q.documents & index.documents[doc]:
            score += s.document_bonus  # "QĐ 358 ký ngày nào": the entry about that document
        if q.articles & index.articles[doc]:
            score += s.article_bonus  # "Đ240 ĐBNT gia hạn": the entries resting on that article
        elif q.articles & index.cited:
            score -= s.article_bonus  # "điều 147 gia hạn mấy lần": not the investigation's extensions
        accent = index.accent_agreement(accent_tokens, doc) if accent_tokens else 0.0
        score += s.diacritic_bonus * accent
        stages = index.modifiers[doc] & index.synonyms.stages
        scored.append(Scored(score, evidence / index.idf_unknown, precision, accent, doc, stages))
    scored.sort(key=lambda x: (-x.score, x.doc))
    return scored
