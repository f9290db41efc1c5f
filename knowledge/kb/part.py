"""One part of a message as read and searched (``knowledge.kb.dialogue``), as the renderer gets it."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.kb.entry import Entry
from knowledge.kb.search import SearchResult


@dataclass(frozen=True, slots=True)
class Part:
    text: str  # the part of the message, as typed
    result: SearchResult
    context: Entry | None = None  # the previous answer it was read against
    unknown_unit: str | None = None  # a unit/place named that no entry covers
    unknown_year: int | None = None  # a year named that the answer does not cover
    year_named: int | None = None  # the year the question names (said with an unknown unit)
    other_body: str | None = None  # another institution named with a procuracy-only topic, as typed
    other_topic: bool = False  # other_body is a subject never covered (outside_topics), not an institution
    wants_date: bool = False  # asks for the date a period ends from a given day: the answer gives the rule only
    tokens: tuple[str, ...] = ()  # folded, abbreviations expanded (what the lead line looks at)
    family: tuple[Entry, ...] = ()  # no category named: the entry's family, one per category (``by_category``)

    @property
    def answered(self) -> bool:
        return self.result.outcome == "answer" and self.result.entry is not None
