"""A searched part checked against the question's scope: the law it names, a unit or year the knowledge
base lacks, another body, another kind of entry; and a unit named in passing with a question of law.

Pure; used by ``knowledge.kb.dialogue`` on every part it reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial

from knowledge.kb.bodies import body_named
from knowledge.kb.branches import branch_named
from knowledge.kb.decision import Candidate
from knowledge.kb.documents import document_asked, kind_named
from knowledge.kb.entry import Entry
from knowledge.kb.guard import Guard
from knowledge.kb.levels import level_titled
from knowledge.kb.measure import measure_titled
from knowledge.kb.normalize import fold, syllables
from knowledge.kb.outside_topics import entry_text, outside_topic
from knowledge.kb.part import Part
from knowledge.kb.penalty import penalty_unanswered
from knowledge.kb.scope import (
    Scope,
    from_law,
    kinds_asked,
    known_units,
    named_law,
    scope_of,
    unit_unasked,
    unit_year_gap,
    unknown_year,
    wants_date,
    without_unit,
)
from knowledge.kb.search import Searcher, SearchResult
from knowledge.kb.unit_kept import NO_UNIT
from knowledge.kb.vocabulary import Vocabulary, contains, find
from knowledge.kb.who import length_not_who
from knowledge.kb.wording import Wording
from knowledge.kb.year_range import RANGE_REASON, names_range, year_range

Tokens = Callable[[str], list[str]]
LAW = "thoi_han"  # procedural time limits: the same law in every unit
# What a unit achieved, asked of a unit: its own result ("tỉ lệ … đạt bao nhiêu", "kết quả", "bao nhiêu phần trăm")
_QUOTED = re.compile(r'"([^"]+)"')
_RESULT = (("ti", "le"), ("ty", "le"), ("ket", "qua"), ("phan", "tram"), ("%",), ("dat", "bao"), ("dat", "may"))


def _kind(entry: Entry) -> tuple[str, str]:
    """An entry's kind: its category and the first two words of its title ("phương châm", "chủ đề")."""
    return entry.category, " ".join(fold(entry.title).split()[:2])


def _quoted(answer: str) -> str:
    """The first quoted words of an answer (a motto, a theme), or ""."""
    found = _QUOTED.search(answer)
    return found[1] if found else ""


def _named(unit: str, typed: str) -> bool:  # "VKSND huyện Mộc Châu (Sơn La)" is named by "Mộc Châu"
    return f" {fold(typed)} " in f" {fold(unit)} "


_FAR_BELOW = 0.3  # below a unit's own entry by more than this, an entry of no unit is not its answer


class Scoper:
    def __init__(self, searcher: Searcher, vocab: Vocabulary, guard: Guard) -> None:
        self.searcher = searcher
        self.vocab = vocab
        self.guard = guard
        self._units = known_units(e.unit or "" for e in searcher.entries)

    def law_anywhere(self, part: Part, today: date, tokens_of: Tokens) -> Part:
        """The law is the same in every unit: a unit named in passing with a question about it ("…, em mới về
        VKS khu vực 3 Thanh Hóa") is read without the unit; a unit's own motto or indicators keep it."""
        entry = part.result.entry
        if part.unknown_unit is None:
            return part
        if entry is not None and (entry.category != LAW or entry.unit):
            return part
        if contains(tokens_of(part.text), _RESULT):  # "VKS tỉnh Nghệ An 2025 tỉ lệ giải quyết tin báo đạt bao nhiêu"
            return part  # the unit's own result, not the law
        text = without_unit(part.text, part.unknown_unit)
        again = self.scoped(Part(text, self.searcher.search(text, today)), tokens_of(text))
        found = again.result.entry
        national = found is not None and found.category == LAW and not found.unit
        return replace(again, text=part.text) if again.answered and national and again.unknown_unit is None else part

    def scoped(self, part: Part, tokens: list[str], continuing: bool = False) -> Part:
        """``continuing``: the answer is the previous answer's entry again (a unit's result asked further)."""
        titles = [self.searcher.title_tokens(c.entry) for c in part.result.candidates]
        result = document_asked(part.result, tokens, titles, self.searcher.settings)
        result = self.guard.check(result, tokens)  # then scope checks
        unmet = partial(self.guard.unmet, tokens=tokens)
        result = measure_titled(result, tokens, self.vocab, self.searcher.title_tokens, unmet, self.searcher.settings)
        result = length_not_who(result, tokens, self.searcher.title_tokens, unmet, self.searcher.settings)
        result = kind_named(result, tokens, self.searcher.title_tokens, self.searcher.settings)
        result = branch_named(result, tokens, self.searcher.title_tokens, self.searcher.settings, self.searcher.entries)
        result = level_titled(result, tokens, self.searcher.title_tokens, self.searcher.settings)
        part = replace(part, result=result, tokens=tuple(tokens), wants_date=wants_date(part.text, tokens))
        law = named_law(self.searcher.synonyms.expand_first(syllables(part.text)))  # before fillers go
        entry = part.result.entry
        if law is not None and entry is not None:
            words = self.searcher.index.fold_expand(f"{entry.source}; {entry.title}")
            if not from_law(words, law):  # "theo luật khiếu nại": not the criminal-procedure entry
                result = SearchResult("dont_know", None, part.result.candidates[:3], part.result.score, "other law")
                return replace(part, result=result, context=None)
        precise = part.result.candidates and self.precise(part.result.candidates[0].entry, tokens)
        if (
            entry is not None
            and part.answered
            and part.context is None
            and not continuing
            and unit_unasked(tokens, entry)
            and not precise
        ):
            part = replace(part, result=self._national(part.result, tokens), context=None)
            entry = part.result.entry
        kinds = kinds_asked(tokens) if part.answered and entry is not None else None
        if kinds is not None and entry is not None and entry.category not in kinds:
            fitting = [c for c in part.result.candidates[:5] if c.entry.category in kinds][:3]
            score = part.result.score  # "chỉ tiêu …" answered by a time limit: not an answer
            other = (
                SearchResult("ask", None, fitting, score, "other kind") if fitting else SearchResult("dont_know", None)
            )
            part = replace(part, result=other)
            entry = None
        top = entry or (part.result.candidates[0].entry if part.result.candidates else None)
        body = body_named(part.text, tokens, top, self.vocab, self.searcher) if top is not None else None
        if body is not None:
            result = SearchResult("dont_know", None, part.result.candidates[:3], part.result.score, "other body")
            return replace(part, result=result, context=None, other_body=body)
        topic = self._outside_topic(part.text, tokens, top) if top is not None else None
        if topic is not None:  # "dự toán chi thường xuyên … hạn nộp khi nào": no report's deadline
            result = SearchResult("dont_know", None, [], part.result.score, "outside topic")
            return replace(part, result=result, context=None, other_body=topic, other_topic=True)
        said = partial(self.searcher.fold_text, entry_text(top)) if top is not None else None
        if said is not None and penalty_unanswered(tokens, said, self.searcher.index.idf):
            # "cướp tài sản khoản 2 khung hình phạt bn năm", "người dưới 18 bị phạt tù tối đa bn năm": not in the base
            result = SearchResult("dont_know", None, part.result.candidates[:3], part.result.score, "no penalty")
            return replace(part, result=result, context=None)
        if entry is not None and part.answered:
            part = self._whole_period(part, entry)
        elif part.result.outcome == "ask" and part.result.candidates:  # "phương châm 2023-2025": 2023's or 2025's
            part = self._one_for_the_period(part, part.result.candidates[0].entry)
            entry = part.result.entry
        syn = self.searcher.synonyms
        scope: Scope = scope_of(part.text, tokens, self.vocab, syn, self._units, self._common)
        if scope.unit is None:
            gap = unit_year_gap(part.text, scope.years, self.searcher.synonyms, self.searcher.entries)
            if gap is not None:  # "Mộc Châu năm 2023": say so, offer what there is of Mộc Châu
                own = [Candidate(e, 0.0) for e in self.searcher.entries if e.unit and _named(e.unit, gap)]
                result = SearchResult("ask", None, own[:3], part.result.score, "unit year")
                return replace(part, result=result, context=None, unknown_unit=gap, year_named=scope.years[0])
        year = unknown_year(scope, top, self.searcher.entries) if top is not None else None
        if year is not None and top is not None and f" nam {year} " in f" {fold(top.title + ' ' + top.answer)} ":
            year = None  # an entry for a span of years that names this one ("cùng phương châm của năm 2023")
        if scope.unit is None and year is None:
            return part
        named = scope.years[0] if scope.years else None
        return replace(part, unknown_unit=scope.unit, unknown_year=year, year_named=named)

    def _within(self, span: tuple[int, int], entry: Entry) -> list[Entry]:
        """The entries of ``entry``'s kind and unit for the years of a period, by year."""
        return sorted(
            (
                e
                for e in self.searcher.entries
                if _kind(e) == _kind(entry) and e.unit == entry.unit and e.year and span[0] <= e.year <= span[1]
            ),
            key=lambda e: e.year or 0,
        )

    def _one_for_the_period(self, part: Part, top: Entry) -> Part:
        """A menu of years of a period whose entries all say the same motto: the first year's entry answers."""
        span = year_range(part.text)
        within = self._within(span, top) if span is not None and top.year is not None else []
        if not within or len({_quoted(e.answer) for e in within}) != 1 or not _quoted(top.answer):
            return part
        if any(c.entry not in within for c in part.result.candidates[:2]):
            return part  # the menu offers something else than the period's years
        found = SearchResult("answer", within[0], [Candidate(within[0], part.result.score)], part.result.score)
        return replace(part, result=found)

    def _whole_period(self, part: Part, entry: Entry) -> Part:
        """A period of years asked ("chủ đề thi đua từ 2021 đến 2023") and answered by one year's entry that never
        names the period: a menu of that kind's entries for the years of the period (the whole period is not
        one year's content); the answer stands when the entry speaks of the whole period ("giai đoạn 2020–2025")."""
        span = year_range(part.text)
        if span is None or entry.year is None or names_range(f"{entry.title} {entry.answer}", span):
            return part
        within = self._within(span, entry)
        if entry in within and len({_quoted(e.answer) for e in within} - {""}) == 1 and _quoted(entry.answer):
            return part  # "giai đoạn 2023-2025": the same motto every year of it, said by each year's entry
        options = [Candidate(e, part.result.score) for e in within]
        result = SearchResult("ask" if options else "dont_know", None, options, part.result.score, RANGE_REASON)
        return replace(part, result=result, context=None)

    def _outside_topic(self, text: str, tokens: list[str], top: Entry) -> str | None:
        """An outside subject named (``outside_topics``) that the entry found does not speak of, as typed."""
        topics = tuple(t for t in self.vocab.outside_topics if find(tokens, t) >= 0)
        if not topics:  # the usual message: no entry text is folded
            return None
        found = outside_topic(tokens, self.searcher.fold_text(entry_text(top)), topics)
        if found is None:
            return None
        wording = Wording.of(text, self.searcher.synonyms)
        span = wording.word_span(found)
        return self.vocab.as_named(found, wording.text(*span) if span is not None else "")

    def _national(self, result: SearchResult, tokens: list[str]) -> SearchResult:
        """A unit's own entry found for a question that does not name the unit: the best entry of no unit
        when it stands out ("KSV phát hiện người bị giam giữ không có căn cứ thì có quyền gì" is the VKS's
        powers, not Phổ Yên's target on them), else a menu."""
        rest = [c for c in result.candidates if not unit_unasked(tokens, c.entry)]
        s = self.searcher.settings
        clear = len(rest) == 1 or (len(rest) > 1 and rest[0].score - rest[1].score >= s.margin)
        # far below the unit's own entry, what is left matches words in passing ("tỷ lệ phát hiện người bị giam giữ
        # trái luật" typed without marks is no question of the penalty of imprisonment: "phát" folds onto "phạt")
        clear = clear and rest[0].score >= result.score - _FAR_BELOW
        if rest and clear and rest[0].score >= s.answer_threshold:
            found = SearchResult("answer", rest[0].entry, rest, rest[0].score, NO_UNIT)
            return self.guard.check(found, tokens)
        return SearchResult("ask", None, result.candidates[:3], result.score, "unit not named")

    def _common(self, term: str) -> bool:
        """A stop word, an abbreviation ("bc") or a pair of words the knowledge base uses ("kháng nghị"):
        no unit's name."""
        syn = self.searcher.synonyms
        if " " not in term:
            return term in syn.stopwords or term in syn.readings
        return term in self.searcher.index.idf or any(w in syn.readings for w in term.split())

    def precise(self, entry: Entry, tokens: list[str]) -> bool:
        """Whether the question covers most of the entry's title, its unit apart ("hai chân ba mũi là gì")."""
        unit = set(self.searcher.index.fold_expand(entry.unit or "")) | self.searcher.synonyms.stopwords
        title = [t for t in self.searcher.title_tokens(entry) if t not in unit]
        return bool(title) and sum(t in tokens for t in title) * 3 >= len(title) * 2
