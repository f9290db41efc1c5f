"""Qualifiers carried from one part of a question to the next: the crime category, ANQG, rút gọn, minors
("rút gọn thì điều tra bao lâu, truy tố bao lâu": truy tố under rút gọn; "truy tố tội RNT bao nhiêu ngày,
còn tạm giam trong giai đoạn truy tố bao lâu": the detention for a very serious crime).

A later part that names none of a group is searched under the earlier part's when an entry has it in its
title; and its answer leads with the figure for the carried case (the lead line reads the part's tokens).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from knowledge.kb.entry import Entry
from knowledge.kb.followup import content_words
from knowledge.kb.part import Part
from knowledge.kb.search import Searcher
from knowledge.kb.turn_stage import kept_stage, stage_named
from knowledge.kb.vocabulary import Vocabulary, contains, find, take

_KEPT = 0.5  # the share of the part's own answer's words (weighed by rarity) an entry found under a qualifier says


class Carrier:
    def __init__(self, searcher: Searcher, vocab: Vocabulary, tokens: Callable[[str], list[str]]) -> None:
        self.searcher = searcher
        self.vocab = vocab
        self._tokens = tokens

    def qualifiers(self, part: Part | str) -> tuple[str, ...]:
        """The carried qualifiers a part's question (or a message) names (a crime category, ANQG, rút gọn,
        minors), and the stage it names or its answer is titled with (``turn_stage``)."""
        tokens = self._tokens(part) if isinstance(part, str) else list(part.tokens)
        out = []
        for group in self.vocab.carried:
            masked = list(tokens)
            named = next((p for p in group if take(masked, p)), None)  # longest first
            if named is not None:
                out.append(" ".join(named))
        stage = stage_named(tokens)
        if stage is None and isinstance(part, Part) and part.answered and part.result.entry is not None:
            stage = stage_named(self.searcher.title_tokens(part.result.entry))
        return (*out, " ".join(stage)) if stage is not None else tuple(out)

    def carried(self, part: Part, earlier: list[str], today: date, asked: tuple[str, ...] = ()) -> Part:
        """A later part under an earlier part's qualifier ("rút gọn"), when an entry has it in its title;
        ``asked``: the qualifiers of the question before (also to a turn not read against its answer: "rút gọn …" →
        "thẩm phán thụ lý xong bao lâu phải ra quyết định")."""
        if part.context is not None:
            return part  # already read against the earlier answer, which holds its qualifiers
        staged = self._staged(part, earlier, today)
        if staged is not None:  # "dt NT tối đa bao lâu tgiam NT tối đa bn": the detention of that stage
            return staged
        in_message = bool(earlier)  # a part after others of the same message (not only the turn before)
        earlier = [*earlier, *asked]  # a turn that was not read against the answer before it keeps its qualifiers
        carry = []
        read = [self._tokens(e) for e in earlier]  # once each, not once per phrase
        for group in self.vocab.carried:
            if not contains(part.tokens, group):
                named = [p for tokens in read for p in group if find(tokens, p) >= 0]
                carry += named[:1]
        if not carry:
            return part
        entry = part.result.entry
        if part.answered and entry is not None and all(find(self.searcher.title_tokens(entry), p) >= 0 for p in carry):
            return part
        own = [p for p in self.vocab.subjects if find(part.tokens, p) >= 0]
        stage = kept_stage(asked)
        # All the qualifiers, else one alone ("rút gọn" without "ít nghiêm trọng": the rút gọn entries hold
        # only for such crimes and need not say it)
        menu = None  # the qualifier's own entries offered, when none answers under it
        for qualifiers in [carry, *([p] for p in carry)] if len(carry) > 1 else [carry]:
            query = " ".join([part.text, *(" ".join(p) for p in qualifiers)])
            result = self.searcher.search(query, today)
            if result.outcome == "ask" and stage is not None:  # a stage left open: the conversation's
                result = self.searcher.search(f"{query} {' '.join(stage)}", today)
            titled = [
                all(find(self.searcher.title_tokens(c.entry), p) >= 0 for p in qualifiers) for c in result.candidates
            ]
            if result.outcome == "ask" and titled and all(titled[:2]) and menu is None:
                menu = result
            if result.outcome != "answer" or result.entry is None:
                continue
            title = self.searcher.title_tokens(result.entry)
            # Still about the part's own subject ("kháng cáo" stays kháng cáo), in its title or its answer ("mở
            # phiên tòa trong bao lâu" after the rút gọn trial: the rút gọn trial's entry says it), and under the
            # qualifier.
            text = self.searcher.fold_text(result.entry.answer)
            if all(find(title, p) >= 0 for p in qualifiers) and all(
                find(title, p) >= 0 or find(text, p) >= 0 for p in own
            ):
                return replace(part, result=result) if self._no_less(part, result.entry) else part
        found = part.result.entry if part.answered else None
        if (
            in_message
            and menu is not None
            and found is not None
            and not all(find(self.searcher.title_tokens(found), p) >= 0 for p in carry)
        ):
            return replace(part, result=menu)  # "rút gọn …, còn nếu đủ đk thì cqđt dt bn ngày": not another procedure's
        return part

    def _no_less(self, part: Part, carried: Entry) -> bool:
        """Whether the entry found under a carried qualifier speaks of most of what the part's own answer speaks of
        of it, words weighed by rarity: a qualifier fills in what the part leaves open, it never takes the part from
        the entry that answers it ("bị can RNT đang gh tạm giam lần 1 || trại phải thông báo trước khi hết hạn mấy
        ngày" is the notice before the end, not the very serious crimes' detention again; "rút gọn … || mở phiên
        tòa trong bao lâu sau qđ đó" is still the rút gọn trial, which leaves only "sau" unsaid)."""
        own = part.result.entry
        if not part.answered or own is None or own is carried:
            return True
        words = content_words(list(part.tokens), self.vocab, self.searcher.synonyms.stopwords)
        idf = self.searcher.index.idf

        def said(entry: Entry) -> float:
            return sum(idf.get(w, 0.0) for w in words if self.searcher.mentions(entry, w))

        return said(carried) >= _KEPT * said(own)

    def _staged(self, part: Part, earlier: list[str], today: date) -> Part | None:
        """A later part asked of a stage it does not name (a menu of stages), under the one stage the earlier
        parts name, when an entry of that stage answers it."""
        syn = self.searcher.synonyms
        if part.result.reason != "stage not named" or syn.stages_in(part.tokens):
            return None
        named = {stage for e in earlier for stage in syn.stages_in(self._tokens(e))}
        if len(named) != 1:
            return None
        read = [self._tokens(e) for e in earlier]
        carry = [
            next(p for tokens in read for p in group if find(tokens, p) >= 0)
            for group in self.vocab.carried
            if not contains(part.tokens, group) and any(find(tokens, p) >= 0 for tokens in read for p in group)
        ]  # and the earlier parts' category ("điều tra tội RNT …, tạm giam tối đa bao lâu")
        wanted = [tuple(next(iter(named)).split()), *carry]
        result = self.searcher.search(" ".join([part.text, *(" ".join(p) for p in wanted)]), today)
        if result.outcome != "answer" or result.entry is None:
            return None
        title = self.searcher.title_tokens(result.entry)
        return replace(part, result=result) if all(find(title, p) >= 0 for p in wanted) else None

    def told(self, part: Part, asked: tuple[str, ...]) -> Part:
        """``part`` with the earlier question's qualifiers it leaves open among its tokens, when answered (the
        lead line then gives the carried case's figure first: "… tội RNT …, còn tạm giam …" leads with 30
        days of the very serious crimes)."""
        if not part.answered or not asked:
            return part
        extra: list[str] = []
        for phrase in asked:
            words = tuple(phrase.split())
            group = next((g for g in self.vocab.carried if words in g), ())
            if group and not contains(part.tokens, group):  # (a stage kept is no carried qualifier)
                extra += words
        return replace(part, tokens=(*part.tokens, *extra)) if extra else part
