"""Reading a follow-up against the previous answer: which entry it is about.

Given the previous answer (the context) and the follow-up's tokens: whether an entry speaks of the
follow-up's words (``share``, ``covers``), whether the context itself goes on answering it
(``continues``), whether an entry found keeps the context's measures and procedures (``keeps``), and
the close entry under the context's subject that speaks of a condition (``condition``), and the
answer to a follow-up asking the context's own basis, its total or the stage next to it (``attribute``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from knowledge.kb.attributes import (
    asks_neighbour_stage,
    asks_overdue,
    asks_total,
    asks_what_is_stated,
    names_overdue,
    neighbour_stage,
)
from knowledge.kb.decision import Candidate
from knowledge.kb.entry import Entry
from knowledge.kb.followup import content_words, replaced, subjects_named
from knowledge.kb.guard import Guard
from knowledge.kb.scope import unit_unasked
from knowledge.kb.search import Searcher, SearchResult
from knowledge.kb.vocabulary import Vocabulary, contains, find, take

_PLACE_WORDS = frozenset({"o", "tai", "trong", "voi", "doi"})  # "(còn) ở trại tạm giam": before the place
_WHO_APPEALS = (("khang", "cao"), ("khang", "nghi"))
_RARE_SHARE = 0.06  # a word in fewer than this share of the entries is rare: what a follow-up asks of
_MOSTLY = 0.75  # the share of a follow-up's words, weighed by rarity, the answer must speak of


class ContextReader:
    def __init__(self, searcher: Searcher, vocab: Vocabulary, guard: Guard) -> None:
        self.searcher = searcher
        self.vocab = vocab
        self.guard = guard

    def condition(
        self, title: list[str], tokens: list[str], today: date, skip: Entry | None = None
    ) -> SearchResult | None:
        """The follow-up's words under the answer's subject only ("tố giác tin báo" + "đang chờ
        giám định"): the best close entry that covers those words, answered (or None)."""
        subject = [" ".join(p) for p in self.vocab.subjects if find(title, p) >= 0]
        if not subject:
            return None
        # first with the answer's qualifiers the follow-up leaves open when it turns to another subject ("điều
        # tra tội RNT …, tạm giam tối đa bao lâu": RNT), kept when the entry found is titled with them
        other = any(find(title, p) < 0 for p in subjects_named(tokens, self.vocab))
        kept = [
            q
            for group in (self.vocab.carried if other else ())
            if not any(find(tokens, p) >= 0 for p in group)
            for q in [next((p for p in group if find(title, p) >= 0), None)]
            if q is not None
        ]
        for qualifiers in [kept, []] if kept else [[]]:
            words = [*subject, *(" ".join(q) for q in qualifiers), *tokens]
            found = self._covering(self.searcher.search(" ".join(words), today), tokens, skip)
            entry = found.entry if found is not None else None
            if entry is not None and all(find(self.searcher.title_tokens(entry), q) >= 0 for q in qualifiers):
                return found
        return None

    def _covering(self, result: SearchResult, tokens: list[str], skip: Entry | None) -> SearchResult | None:
        s = self.searcher.settings
        top = result.candidates[0].score if result.candidates else 0.0
        for c in result.candidates[: s.max_suggestions]:
            if top - c.score > s.ask_window or c.score < s.answer_threshold:
                break
            if c.entry is not skip and self.covers(c.entry, tokens) and not unit_unasked(tokens, c.entry):
                return SearchResult("answer", c.entry, [c], c.score, "follow-up condition")
        return None

    def attribute(self, context: Entry, title: list[str], tokens: list[str], today: date) -> SearchResult | None:
        """A follow-up asking the last answer's own basis or total (that answer), or the stage next to it."""
        if asks_what_is_stated(tokens, self.vocab, title, context.answer):
            return SearchResult("answer", context, [Candidate(context, 1.0)], 1.0, "follow-up attribute")
        if asks_total(tokens, self.vocab):  # no total stated: the answer and its extension, never a statistic
            more = self.searcher.search(" ".join([*title, "gia", "han"]), today).candidates
            near = [c for c in more if c.entry is not context and self.same_subject(c.entry, title)]
            return SearchResult("ask", None, [Candidate(context, 1.0), *near[:2]], 0.0, "follow-up total")
        if asks_overdue(tokens, self.vocab):  # "quá hạn thì sao": what the law says of a period run out
            subject = [w for p in self.vocab.subjects if find(title, p) >= 0 for w in p]
            ranked = self.searcher.search(" ".join([*subject, "het", "thoi", "han", *tokens]), today).candidates
            for c in ranked[: self.searcher.settings.max_suggestions]:
                own = self.searcher.title_tokens(c.entry)
                if c.entry is not context and names_overdue(own) and self.same_subject(c.entry, title):
                    return SearchResult("answer", c.entry, [c], c.score, "follow-up overdue")
            return SearchResult("dont_know", None, [], 0.0, "follow-up overdue")
        step = asks_neighbour_stage(tokens, self.vocab)
        if step == 0:
            return None
        moved = neighbour_stage(title, step)
        found = self.searcher.search(" ".join(moved[0]), today) if moved is not None else None
        if (
            found is None
            or moved is None
            or found.outcome != "answer"
            or found.entry is None
            or find(self.searcher.title_tokens(found.entry), moved[1]) < 0  # about the stage moved to
        ):
            offered = found.candidates[:3] if found is not None else []  # no stage known: never another subject
            return (
                SearchResult("ask", None, offered, 0.0, "follow-up stage")
                if offered
                else SearchResult("dont_know", None)
            )
        return found

    def attribute_typed(
        self, context: Entry, title: list[str], tokens: list[str], today: date
    ) -> tuple[SearchResult, list[str]] | None:
        """:meth:`attribute`, also of a follow-up with a letter left out of one word ("inh tu luc nao" after the
        appeal period: "tính từ lúc nào"; "ăn cứ điều mấy": "căn cứ"), when one reading of one word alone makes it
        ask an attribute (and nothing else: :meth:`attribute` reads only such questions); the result and the tokens
        as read."""
        found = self.attribute(context, title, tokens, today)
        if found is not None:
            return found, tokens
        postings = self.searcher.index.postings
        readings = [
            read
            for i, t in enumerate(tokens)
            for w in _meant(t, postings, as_known=True)
            for read in [[*tokens[:i], w, *tokens[i + 1 :]]]
            if self.attribute(context, title, read, today) is not None
        ]
        if len(readings) != 1:
            return None  # none, or several readings: the follow-up is not read as typed wrong
        attribute = self.attribute(context, title, readings[0], today)
        return (attribute, readings[0]) if attribute is not None else None

    def own(self, context: Entry, tokens: list[str]) -> bool:
        """Whether the follow-up names only subjects of the answer's title, and the answer speaks of all it asks."""
        title = self.searcher.title_tokens(context)
        named = subjects_named(tokens, self.vocab)
        return (
            all(find(title, p) >= 0 for p in named)
            and not self.other_member(title, tokens)
            and self.share(context, tokens) == 1.0
        )

    def other_member(self, title: list[str], tokens: list[str]) -> bool:
        """Whether the follow-up names another member of a group than the title ("tạm giam NT …" after
        "… tội ít nghiêm trọng": "nghiêm trọng" is said inside the title's "ít nghiêm trọng", not by it)."""
        for group in self.vocab.exclusive:
            asked, own = list(tokens), list(title)
            said = {p for p in group if take(asked, p)}  # longest first: "ít nghiêm trọng" is not two
            if said and (had := {p for p in group if take(own, p)}) and not said <= had:
                return True
        return False

    def spoken(self, context: Entry, tokens: list[str]) -> bool:
        """Whether the answer itself names every subject the follow-up names, and speaks of all it asks."""
        said = self.searcher.fold_text(context.answer)
        named = subjects_named(tokens, self.vocab)
        return all(find(said, p) >= 0 for p in named) and self.share(context, tokens) == 1.0

    def same_subject(self, entry: Entry | None, title: list[str]) -> bool:
        """Whether the entry's title names a subject of the previous answer's title (or neither names one)."""
        named = [p for p in self.vocab.subjects if find(title, p) >= 0]
        own = self.searcher.title_tokens(entry) if entry is not None else []
        return not named or any(find(own, p) >= 0 for p in named)

    def covers(self, entry: Entry, tokens: list[str]) -> bool:
        """Whether most of the follow-up's own words (numbers apart) are found in the entry it was read into."""
        return self.share(entry, tokens, digits=False) >= 0.5

    def keeps(self, context: Entry, found: SearchResult, changes: list[tuple[str, ...]]) -> bool:
        """Whether the entry found speaks of the previous answer's measures and procedures, but those the
        follow-up replaces ("còn tạm giam" after tạm giữ)."""
        index, entry = self.searcher.index, found.entry
        replaced_ = {" ".join(p) for g in self.vocab.exclusive if any(c in g for c in changes) for p in g}
        # a modifier holding a replaced member goes with it ("quyết định sơ thẩm" → "còn bản án sơ thẩm")
        lost = {
            m
            for m in index.modifiers[index.doc_index[context.id]]
            if m not in replaced_ and not any(find(m.split(), tuple(r.split())) >= 0 for r in replaced_)
        }
        if entry is None:
            return True
        # who appeals is kept in the title ("kháng cáo bản án sơ thẩm" → "còn bản án phúc thẩm": not the
        # procuracy's kháng nghị)
        title, own = self.searcher.title_tokens(context), self.searcher.title_tokens(entry)
        kept = [p for p in _WHO_APPEALS if find(title, p) >= 0 and " ".join(p) not in replaced_]
        return lost <= self.guard.speaks_of(entry) and all(find(own, p) >= 0 for p in kept)

    def continues(self, context: Entry, tokens: list[str]) -> bool:
        """The previous answer speaks of all the follow-up asks, and its title of the measures it names
        ("tạm giam tối đa bao lâu" does not continue the rút gọn investigation limit)."""
        named = self.searcher.synonyms.modifiers_in(tokens)
        title = self.searcher.index.modifiers[self.searcher.index.doc_index[context.id]]
        return named <= title and self.share(context, tokens) == 1.0

    def speaks_of_rare(self, entry: Entry, tokens: list[str]) -> bool:
        """Whether the entry speaks of all the follow-up's rare words and numbers, and of most of its words
        weighed by rarity: the story's common verbs apart ("còn nếu bị xử cải tạo không giam giữ": "bị xử"
        may be missing, "cải tạo" may not; nor "12" in "kỳ 12 tháng" after the 6-month period)."""
        words = content_words(tokens, self.vocab, self.searcher.synonyms.stopwords)
        idf = self.searcher.index.idf
        missing = [t for t in words if not self.searcher.mentions(entry, t)]
        postings, n = self.searcher.index.postings, len(self.searcher.entries)
        if any(t.isdigit() or len(postings.get(t, ())) < _RARE_SHARE * n for t in missing):
            return False
        total = sum(idf.get(t, 0.0) for t in words)
        return not total or sum(idf.get(t, 0.0) for t in missing) / total <= 1 - _MOSTLY

    def answers(self, context: Entry, tokens: list[str]) -> bool:
        """Whether the previous answer speaks of every word a follow-up asks (it asks something)."""
        words = content_words(tokens, self.vocab, self.searcher.synonyms.stopwords)
        return bool(words) and all(self.searcher.mentions(context, t) for t in words)

    def next_step(self, entry: Entry, tokens: list[str]) -> bool:
        """Whether a later part of the same message asks a step the earlier part's answer states, and changes
        none of what its title names ("rút gọn phúc thẩm thụ lý xong mấy ngày ra qđ, mở phiên tòa trong bao
        lâu": the same entry gives the 7 days; "tạm giữ …, còn tạm giam" changes the measure)."""
        title = self.searcher.title_tokens(entry)
        changed = [p for p in replaced(tokens, self.vocab, title) if find(title, p) < 0]
        return not changed and not self.other_member(title, tokens) and self.answers(entry, tokens)

    def share(self, entry: Entry, tokens: list[str], digits: bool = True) -> float:
        """The share of the follow-up's content words ("thẩm quyền", "đề nghị") the entry speaks of."""
        words = [
            t for t in content_words(tokens, self.vocab, self.searcher.synonyms.stopwords) if digits or not t.isdigit()
        ]
        # In a condition ("nếu vụ iệc phức tạp": a letter left out), a slip no entry has is spoken of when a word
        # it may be is; elsewhere it may be what is asked ("thế nó thy cho qđ số mấy"), and counts against
        known = self.searcher.index.postings if _CONDITION & set(tokens) else {}
        said = (
            self.searcher.mentions(entry, t) or any(self.searcher.mentions(entry, w) for w in _meant(t, known))
            for t in words
        )
        return sum(said) / len(words) if words else 1.0

    def supposes(self, context: Entry, tokens: list[str], found: Entry | None) -> bool:
        """Whether a follow-up supposes a case the previous answer itself states and asks how far the limit then
        goes ("nếu có trở ngại khách quan thì được kéo dài tới bao nhiêu" after the 15 days to open the trial, whose
        answer gives the 30 days "vì trở ngại khách quan"), while what it finds alone, if anything, is of another
        subject, reached by the same words (the 5 days to hand investigation papers over, "có trở ngại khách quan
        thì kéo dài không quá 15 ngày"). The words it adds that the answer does not say must be how a limit is
        stretched (a modifier: "kéo dài", "gia hạn"), never a subject or what else it asks ("… thì ai quyết định")."""
        if "thi" not in tokens or found is context or not contains(tokens, _LENGTH_ASKED):
            return False
        stop = self.searcher.synonyms.stopwords
        case = content_words(tokens[: tokens.index("thi")], self.vocab, stop)
        if len(case) < 2 or find(self.searcher.fold_text(context.answer), tuple(case)) < 0:
            return False  # (the case's words said together in the answer, not here and there)
        title = self.searcher.title_tokens(context)
        if found is not None and (
            self.same_subject(found, title) or not any(find(title, p) >= 0 for p in self.vocab.subjects)
        ):
            return False  # the entry found is still about the answer's subject: "nếu tạm đình chỉ thì …"
        asked = content_words(tokens, self.vocab, stop)
        rest = [w for w in asked if w not in case and not self.searcher.mentions(context, w)]
        stretched = {w for m in self.searcher.synonyms.modifiers_in(tokens) for w in m.split()}
        return all(w in stretched for w in rest)

    def states(self, context: Entry, tokens: list[str], changes: list[tuple[str, ...]]) -> bool:
        """Whether the previous answer itself states the case a follow-up changes to, in the follow-up's own
        words ("còn ở trại tạm giam" after "hằng ngày tại nhà tạm giữ; hằng tuần tại trại tạm giam"): the
        change with more words than it, said together in the answer."""
        words = content_words(tokens, self.vocab, self.searcher.synonyms.stopwords)
        while words and words[0] in _PLACE_WORDS:
            words = words[1:]
        if not changes or len(words) <= max(map(len, changes)) or not all(find(words, c) >= 0 for c in changes):
            return False
        return find(self.searcher.fold_text(context.answer), tuple(words)) >= 0


_LENGTH_ASKED = (("bao", "lau"), ("bao", "nhieu"), ("may",), ("toi", "da"))  # how long, how far
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_CONDITION = frozenset({"neu", "nho", "lo"})  # "nếu", "nhỡ", "lỡ"


def _meant(word: str, known: Mapping[str, object], as_known: bool = False) -> list[str]:
    """The known words ``word`` is with a letter left out or two letters swapped, when no entry has it (or, with
    ``as_known``, also when one has: "ăn cứ điều mấy" is "căn cứ")."""
    if (word in known and not as_known) or len(word) < 2 or not word.isalpha():
        return []
    added = (word[:i] + c + word[i:] for i in range(len(word) + 1) for c in _LETTERS)
    swapped = (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
    return [w for w in (*added, *swapped) if w in known]
