"""The search's ranking weights and decision thresholds, in one frozen object.

The values are tuned on ``tests/eval/questions.tsv`` and ``shared/eval/queries.tsv``;
the answer / ask / don't-know thresholds are checked on a split of those sets that the
tuning did not see (``tests/eval/``), and the held-out set is only scored.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    document_bonus: float = 0.12  # the document number named is in the entry's title, questions or tags
    article_bonus: float = 0.08  # a BLTTHS article cited is one the entry's source rests on
    diacritic_bonus: float = 0.02
    modifier_penalty: float = 0.15  # per topic-changing phrase in the title but not the query, or back
    # decision
    answer_threshold: float = 0.45
    ask_threshold: float = 0.4
    margin: float = 0.02
    ask_window: float = 0.12
    min_evidence: float = 0.35  # matched content weight (in never-seen-word units) for an answer
    min_precision: float = 0.4  # the query must cover this share of some title/question to answer
    single_answer: float = 0.5  # a menu of one option at least this good is answered
    single_floor: float = 0.5  # a menu of one option below this is "don't know" (out of scope)
    stage_window: float = 0.1  # a candidate of another stage this close asks which stage is meant
    max_suggestions: int = 3
    # input limits
    max_query_chars: int = 400
    max_query_tokens: int = 80
    max_variants: int = 4
