"""One part of a message read against the previous answer (a follow-up), or alone.

"căn cứ điều mấy", "tổng cộng bao lâu", "thế còn cbxx", "nếu đang chờ giám định thì sao": a part that
names no subject of its own, soon after an answer, is about that answer — its attribute, a detail it
states, the same question for a changed qualifier, or a close entry that speaks of the condition. A part
that names its own subject is searched alone (under the answer's subject only where the answer speaks of
it). Used by ``dialogue.Dialogue`` for each part of a message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from itertools import pairwise

from knowledge.kb.another_extension import asks_another
from knowledge.kb.attributes import names_a_stated_category, states_a_length
from knowledge.kb.branches import branch
from knowledge.kb.context_reader import ContextReader
from knowledge.kb.decision import Candidate
from knowledge.kb.documents import names_document
from knowledge.kb.entry import Entry
from knowledge.kb.followup import (
    compose,
    content_words,
    document_attribute,
    has_cue,
    has_subject,
    level_body,
    pointed_at,
    replaced,
)
from knowledge.kb.normalize import fold
from knowledge.kb.part import Part
from knowledge.kb.scoping import Scoper
from knowledge.kb.search import Searcher, SearchResult
from knowledge.kb.turn_stage import kept_stage
from knowledge.kb.vocabulary import Vocabulary, contains, find
from knowledge.kb.years import from_answered_year

_THAT_YEAR = (("nam", "do"), ("nam", "ay"), ("cung", "nam"))
_TITLE_WORDS = 2  # words of another entry's title a follow-up says that make it about that entry
_LEVEL_WORDS = frozenset({"tinh", "khu", "vuc", "huyen", "cap", "tren", "cao", "thanh", "pho", "trung", "uong"})


class UnderAnswer:
    def __init__(
        self,
        searcher: Searcher,
        vocab: Vocabulary,
        reader: ContextReader,
        scoper: Scoper,
        tokens: Callable[[str], list[str]],
    ) -> None:
        self.searcher = searcher
        self.vocab = vocab
        self.reader = reader
        self.scoper = scoper
        self._tokens = tokens

    def part(self, text: str, today: date, context: Entry | None, asked: tuple[str, ...] = ()) -> Part:
        """``text`` read alone, or against ``context`` (the previous answer) and ``asked`` (its question's
        qualifiers) when it names no subject of its own or asks what the answer says."""
        asked = tuple(a for a in asked if kept_stage((a,)) is None)  # the stage kept is ``turn_stage``'s
        if context is not None and context.year is not None:  # "còn năm sau đó" after the 2022 theme: 2023
            text = from_answered_year(text, context.year, today, self.searcher.synonyms)
        query = text
        if context is not None and context.year is not None and contains(self._tokens(text), _THAT_YEAR):
            query = f"{text} năm {context.year}"  # "thế còn phương châm năm đó" after the 2024 theme
        body = level_body(self._tokens(query), self.searcher.title_tokens(context), text) if context else None
        query = f"{' '.join(body)} {query}" if body is not None else query  # "cấp huyện giờ …" after the VKS's
        tokens = self._tokens(query)
        bare = self.searcher.search(query, today)
        if context is None or not tokens:
            return self.scoper.law_anywhere(self.scoper.scoped(Part(text, bare), tokens), today, self._tokens)
        title = self.searcher.title_tokens(context)
        typed = self.reader.attribute_typed(context, title + [w for p in asked for w in p.split()], tokens, today)
        if typed is not None:  # "căn cứ điều mấy", "tổng cộng bao lâu", "giai đoạn sau thì sao", "inh tu luc nao"
            attribute, read = typed
            return self.scoper.scoped(Part(text, attribute, context), read, continuing=attribute.entry is context)
        if pointed_at(tokens, title, self.vocab) and states_a_length(context.answer):  # "thời hạn tạm giam đó …"
            pointed = SearchResult("answer", context, [Candidate(context, 1.0)], bare.score, "follow-up pointed")
            return self.scoper.scoped(Part(text, pointed, context), tokens, continuing=True)
        changes = replaced(tokens, self.vocab)
        named = has_subject(tokens, self.vocab, self.searcher.synonyms, text)
        if named and not (changes and has_cue(tokens, self.vocab)):
            # "theo quy chế nào" after the VKS's powers, "sơ thẩm thì" after the rút gọn detention limits:
            # found only under the answer's subject (the same entry when it speaks of it)
            # ("thời hạn tạm giam" after tạm giữ replaces the subject: not read under it)
            # A condition ("nếu trả hồ sơ điều tra bổ sung rồi nhận lại thì sao") or a detail the answer gives
            # ("gửi qđ phục hồi cho vks trong mấy ngày") stays under the answer's subject.
            said = all(f" {' '.join(p)} " in f" {fold(context.answer)} " for p in changes)
            # (or, changing nothing, names only what the answer itself speaks of: "còn bị cáo tại ngoại bị bắt
            # ngay tại tòa thì sao" after the 45 days' detention that the answer says may start at the hearing)
            told = not changes and has_cue(tokens, self.vocab) and self.reader.spoken(context, tokens)
            # ("bn giờ phải qđ tạm giữ hoặc thả" after the 12 hours, whose answer says just that)
            told = told or self.reader.states(context, tokens, changes)
            told = told or (bare.outcome != "answer" and self.reader.spoken(context, tokens))
            if (
                bare.entry is not context
                and said
                and (self.reader.own(context, tokens) or told)
                and not self._titled_elsewhere(bare, context, tokens)
            ):
                detail = SearchResult("answer", context, [Candidate(context, 1.0)], bare.score, "follow-up detail")
                return self.scoper.scoped(Part(text, detail, context), tokens, continuing=True)
            sibling = self._sibling(bare, title, tokens)
            if sibling is not None:  # "tạm đình chỉ thì gửi qđ cho vks khi nào" after the tin báo's 20 days
                return self.scoper.scoped(Part(text, sibling, context), tokens)
            elsewhere = bare.outcome != "answer" or not self.reader.same_subject(bare.entry, title)
            under = elsewhere and (bare.outcome != "answer" or has_cue(tokens, self.vocab))
            # (a change of what the answer's title does not name replaces nothing: "sơ thẩm thì" after limits by stage)
            near = (
                self.reader.condition(title, tokens, today)
                if under and not replaced(tokens, self.vocab, title)
                else None
            )
            if near is not None and (near.entry is not context or self.reader.continues(context, tokens)):
                return self.scoper.scoped(Part(text, near, context), tokens)
            if near is None and bare.outcome == "ask" and self.reader.continues(context, tokens):
                # "vậy bản án sơ thẩm thì nhiêu ngày" after the rút gọn appeal periods: a menu alone, the
                # answer again under its title, which speaks of all it asks
                again = self.searcher.search(" ".join(compose(title, tokens, self.vocab)), today)
                if again.outcome == "answer" and again.entry is context:
                    detail = SearchResult("answer", context, [Candidate(context, 1.0)], bare.score, "follow-up detail")
                    return self.scoper.scoped(Part(text, detail, context), tokens, continuing=True)
            return self.scoper.scoped(Part(text, bare), tokens, continuing=bare.entry is context)
        if not changes and self.reader.supposes(context, tokens, bare.entry):
            # "nếu có trở ngại khách quan thì được kéo dài tới bn" after the 15 days to open the trial: its answer
            # states the case (30 days); the words it leaves unsaid ("kéo dài") are how the asker puts it
            detail = SearchResult("answer", context, [Candidate(context, 1.0)], bare.score, "follow-up case stated")
            words = content_words(tokens, self.vocab, self.searcher.synonyms.stopwords)
            case = [t for t in tokens if t not in words or self.searcher.mentions(context, t)]
            return self.scoper.scoped(Part(text, detail, context), case, continuing=True)
        if (
            not changes and not self.searcher.synonyms.modifiers_in(tokens) and self.reader.answers(context, tokens)
        ) or (self.reader.states(context, tokens, changes)):
            # "nhỡ có lý do bất khả kháng thì sao" after the 15 days to open the trial: the answer says it
            # ("còn ở trại tạm giam" after "hằng ngày tại nhà tạm giữ; hằng tuần tại trại tạm giam")
            detail = SearchResult("answer", context, [Candidate(context, 1.0)], bare.score, "follow-up detail")
            return self.scoper.scoped(Part(text, detail, context), tokens, continuing=True)
        for phrase in asked:  # "thời hạn truy tố tội ĐBNT" → "thế còn cbxx": still ĐBNT
            words = phrase.split()
            group = next((g for g in self.vocab.carried if tuple(words) in g), ())
            if not any(find(title, p) >= 0 for p in group):
                title = title + words
        composed = self.searcher.search(" ".join(compose(title, tokens, self.vocab)), today)
        if composed.outcome == "ask" and any(c.entry is context for c in composed.candidates[:2]):
            # "tội ĐBNT thì tối đa bao lâu" after a table by category: the answer, if it says all that is asked
            # (not "nếu tạm đình chỉ thì QĐ gửi VKS trong bao lâu" after the 20 days: the entry above it)
            top = composed.candidates[0]
            if top.entry is context or self.reader.share(context, tokens) == 1.0:
                composed = SearchResult("answer", context, composed.candidates, composed.score, "follow-up table")
            elif top.score >= self.searcher.settings.answer_threshold and self.reader.share(top.entry, tokens) == 1.0:
                composed = SearchResult("answer", top.entry, composed.candidates, top.score, "follow-up, its own entry")
        if composed.entry is not None and not self.reader.covers(composed.entry, tokens):
            # "nếu đang chờ giám định" after the 20-day rule: a close entry that speaks of the condition.
            condition = self.reader.condition(title, tokens, today)
            if condition is None:
                return self.scoper.scoped(Part(text, bare), tokens)  # "thế còn giá xăng": not about the answer
            composed = condition
        if (
            composed.outcome == "answer"
            and composed.entry not in (None, context)
            and not self.reader.keeps(context, composed, changes)
        ):
            # "gia hạn mấy lần" after phục hồi điều tra: not the ordinary investigation's table
            keep = self.reader.continues(context, tokens)
            composed = SearchResult("answer", context, [], composed.score) if keep else replace(composed, outcome="ask")
        result = bare
        if composed.outcome == "answer" and composed.entry == context:
            # The same entry again: right when it speaks of what the message changed.
            answer = fold(context.answer)
            # "vks tỉnh thì sao" after a limit given for the same level and the level above: that answer
            levels = " cap tren " in f" {answer} " and [t for t in tokens if t not in _LEVEL_WORDS]
            kept = (
                self.reader.share(context, tokens) == 1.0
                or self.reader.speaks_of_rare(context, tokens)
                or (levels is not False and self.reader.share(context, levels) == 1.0)
                or (names_document(title) and document_attribute(tokens))
                or names_a_stated_category(tokens, self.vocab, context.answer)  # "vụ nghiêm trọng thì cụ thể bn"
                # "ba mũi gồm những gì" after "Hai chân – Ba mũi": words of the answer quoted, found nowhere else
                or (bare.outcome == "dont_know" and _quotes(self.searcher.fold_text(context.answer), tokens))
            )
            if all(f" {' '.join(p)} " in f" {answer} " for p in changes) and kept:  # "ban hành ngày nào": its date
                result = composed
            else:  # "ai có thẩm quyền gia hạn" after the detention limit: another entry, or ask
                other = self.reader.condition(title, tokens, today, skip=context)
                if other is not None:
                    result = other
                elif bare.outcome == "ask" and self.reader.continues(context, tokens):
                    result = composed  # "thế bản án sơ thẩm bao nhiêu ngày" after the rút gọn appeal periods
                elif bare.outcome != "answer" or bare.entry == context or not self.reader.keeps(context, bare, changes):
                    # "gia hạn được không" after the rút gọn limits: not the general rule on extensions
                    result = SearchResult("ask", None, composed.candidates[:3], composed.score, "follow-up")
        elif (
            composed.outcome == "answer"
            or (composed.outcome == "ask" and bare.outcome != "answer")
            or (composed.outcome == "ask" and not named and not self.reader.same_subject(bare.entry, title))
        ):
            result = composed  # a message without a subject, soon after an answer, is about it
        if result.outcome == "ask":  # "… rút gọn … || còn bên tòa thụ lý xong thì thẩm phán có mấy ngày …"
            result = self._procedure(title, tokens, today, context) or result
        used = context if result is not bare else None
        part = self.scoper.scoped(Part(text, result, used), tokens)
        if not part.answered and not changes and asks_another(tokens) and "gia han" in fold(context.answer):
            # "còn gh tiếp được không, được bao nhiêu tháng", nothing else answers: the answer gives the extensions
            detail = SearchResult("answer", context, [Candidate(context, 1.0)], bare.score, "follow-up extension")
            return self.scoper.scoped(Part(text, detail, context), tokens, continuing=True)
        return part

    def _titled_elsewhere(self, bare: SearchResult, context: Entry, tokens: list[str]) -> bool:
        """Whether the follow-up names, in words of the title of what it finds alone (and not of the answer's title),
        what the answer only says in passing: "kỳ báo cáo tháng qđ đó có đổi không" after QĐ 358, whose answer says
        "áp dụng từ kỳ báo cáo tháng 10/2025", is the monthly period's own entry."""
        if bare.outcome != "answer" or bare.entry is None or bare.entry is context:
            return False
        if branch(self.searcher.title_tokens(bare.entry)) != branch(self.searcher.title_tokens(context)):
            return False  # another branch (the investigation's after the tin báo's): ``_sibling`` decides
        own, theirs = set(self.searcher.title_tokens(bare.entry)), set(self.searcher.title_tokens(context))
        words = content_words(tokens, self.vocab, self.searcher.synonyms.stopwords)
        return len({t for t in words if t in own and t not in theirs}) >= _TITLE_WORDS

    def _procedure(self, title: list[str], tokens: list[str], today: date, context: Entry) -> SearchResult | None:
        """A follow-up the answer leaves open, read under the procedure the answer's title names alone ("rút gọn",
        not the answer's step: "vks ra qđ truy tố vụ rút gọn … || còn bên tòa thụ lý xong thì thẩm phán có bao
        nhiêu ngày để ra quyết định" is the rút gọn trial's 10 days), when that answers it with an entry titled
        with the procedure that speaks of what it asks."""
        kept = [p for group in self.vocab.carried for p in group if find(title, p) >= 0]
        if not kept:
            return None
        found = self.searcher.search(" ".join([*(w for p in kept for w in p), *tokens]), today)
        if found.outcome != "answer" or found.entry is None or found.entry is context:
            return None
        own = self.searcher.title_tokens(found.entry)
        return found if all(find(own, p) >= 0 for p in kept) and self.reader.covers(found.entry, tokens) else None

    def _sibling(self, bare: SearchResult, title: list[str], tokens: list[str]) -> SearchResult | None:
        """For a follow-up answered alone in another branch (the investigation's tạm đình chỉ after the tin báo's
        limit): the close candidate of the answer's own branch, when it speaks of all the follow-up asks."""
        if bare.outcome != "answer" or bare.entry is None or branch(self.searcher.title_tokens(bare.entry)) is not None:
            return None
        named = branch(title)
        if named is None:
            return None
        window = bare.score - self.searcher.settings.ask_window
        close = [c for c in bare.candidates[1:] if c.score >= window]
        own = [c for c in close if branch(self.searcher.title_tokens(c.entry)) == named]
        if len(own) != 1 or self.reader.share(own[0].entry, tokens) < 1.0:
            return None
        return SearchResult("answer", own[0].entry, own, own[0].score, "follow-up, the answer's own branch")


def _quotes(answer: list[str], tokens: list[str]) -> bool:
    """Whether two words in a row of the follow-up, neither a number, are two words in a row of the answer."""
    pairs = set(pairwise(answer))
    return any((a, b) in pairs and not a.isdigit() and not b.isdigit() for a, b in pairwise(tokens))
