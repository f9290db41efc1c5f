"""Counts asked of an entry: a count of something the entry never mentions, or mentions without a number, is not
answered by it ("nhà tạm giữ có bao nhiêu buồng", "vks tỉnh có mấy phó viện trưởng"); of a menu, the one option
that gives a number of the thing counted answers ("ngành kiểm sát có mấy cấp": the three levels). The guard's
(``knowledge.kb.guard``); words per entry are cached."""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.kb.counts import PEOPLE, SHARES, counted_nouns, people_counted, things_counted
from knowledge.kb.decision import Candidate
from knowledge.kb.entry import Entry
from knowledge.kb.index import Index, bigrams
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import find

# Procedures whose figures hold only when named (rút gọn, minors, national security)
_SPECIAL: tuple[tuple[str, ...], ...] = (("rut", "gon"), ("chua", "thanh", "nien"), ("an", "ninh", "quoc", "gia"))


class Counts:
    def __init__(self, index: Index, settings: SearchSettings) -> None:
        self.index = index
        self.settings = settings
        self._all: dict[str, frozenset[str]] = {}
        self._people: dict[str, frozenset[str]] = {}
        self._things: dict[str, frozenset[str]] = {}

    def _all_words(self, entry: Entry) -> frozenset[str]:
        words = self._all.get(entry.id)
        if words is None:
            text = " ; ".join((entry.title, *entry.questions, *entry.tags, entry.answer, entry.source))
            tokens = self.index.fold_expand(text)
            words = self._all[entry.id] = frozenset(tokens) | frozenset(bigrams(tokens))
        return words

    def counts_other(self, entry: Entry, tokens: Sequence[str]) -> bool:
        """Whether the question asks how many of something the entry never mentions ("nhà tạm giữ có bao
        nhiêu buồng" is not answered by the custody limit in days), or how many people when the entry
        counts none ("hội đồng xét xử gồm mấy người" is not answered by the days of deliberation, whose
        answer names the people told of the verdict)."""
        asked = counted_nouns(tokens, self.index.synonyms.stopwords, self.index.postings.keys())
        if not asked:
            return False
        if not asked <= self._all_words(entry):
            return True
        # ... or that it mentions without a number when it gives numbers of other things ("nhà tạm giữ có bao nhiêu
        # buồng giam" is not a record's contents, which name the cells; "vks tỉnh có mấy phó viện trưởng" is not the 34
        # provinces, "thành phố" and all); an entry of no number may list them ("lời Bác dạy có mấy chữ")
        counted = self._things_counted(entry)
        if counted and not asked - PEOPLE - SHARES <= counted:
            return True
        return not asked & PEOPLE <= self._people_counted(entry)

    def _things_counted(self, entry: Entry) -> frozenset[str]:
        counted = self._things.get(entry.id)
        if counted is None:
            tokens = self.index.fold_expand(" ; ".join((entry.title, entry.answer)))
            counted = self._things[entry.id] = things_counted(tokens)
        return counted

    def counting(self, options: list[Candidate], tokens: Sequence[str]) -> Candidate | None:
        """Of a menu, the one option that gives a number of the thing a count is asked of, or None."""
        asked = counted_nouns(tokens, self.index.synonyms.stopwords, self.index.postings.keys())
        if not asked or len(options) < 2:
            return None
        counting = [
            c
            for c in options
            if asked <= things_counted(self.index.fold_expand(" ; ".join((c.entry.title, c.entry.answer))))
            and not self.special_unasked(c.entry, tokens)
            and c.entry.unit is None  # a unit's own figure never settles a question of the sector's
        ]
        one = counting[0] if len(counting) == 1 else None
        return one if one is not None and one.score >= self.settings.answer_threshold else None

    def special_unasked(self, entry: Entry, tokens: Sequence[str]) -> bool:
        """Whether the entry is titled with a special procedure the question does not name ("HĐXX phúc thẩm gồm
        mấy thẩm phán" is not answered by the summary appeal's one judge); its first two words name it too ("an
        ninh qg")."""
        title = self.index.title_tokens(entry)
        return any(find(title, p) >= 0 and find(list(tokens), p[:2]) < 0 for p in _SPECIAL)  # "an ninh qg"

    def special_unsaid(self, entry: Entry, tokens: Sequence[str]) -> bool:
        """Whether the question names a special procedure (its first two words do) the entry is not titled with
        ("tạm giam ANQG ĐBNT tối đa bao lâu" is not the ordinary ĐBNT entry's)."""
        title = self.index.title_tokens(entry)
        return any(find(list(tokens), p[:2]) >= 0 and find(title, p) < 0 for p in _SPECIAL)

    def _people_counted(self, entry: Entry) -> frozenset[str]:
        counted = self._people.get(entry.id)
        if counted is None:
            tokens = self.index.fold_expand(" ; ".join((entry.title, *entry.questions, entry.answer)))
            counted = self._people[entry.id] = people_counted(tokens)
        return counted
