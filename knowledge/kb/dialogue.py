"""One message in a conversation: its parts, each read (against the previous answer when it
names no subject), searched, and checked for a unit or year the knowledge base lacks.

Pure: the previous answer comes in as an entry, the parts go out; ``handlers/qa.py`` keeps
the previous answer with the conversation and renders the parts.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from knowledge.kb.blhs_category import with_category
from knowledge.kb.branches import BRANCH_UNNAMED, branch, in_branch
from knowledge.kb.by_category import Families
from knowledge.kb.carried import Carrier
from knowledge.kb.chatty import (
    is_aside,
    measure_told,
    no_story,
    question_core,
    without_introduction,
    without_preamble,
)
from knowledge.kb.context_reader import ContextReader
from knowledge.kb.deducted import lengths_said
from knowledge.kb.documents import documents_named
from knowledge.kb.entry import Entry
from knowledge.kb.followup import has_subject, subjects_named
from knowledge.kb.guard import Guard
from knowledge.kb.in_place import in_place
from knowledge.kb.message_pieces import Cutter
from knowledge.kb.negation import drop_negated
from knowledge.kb.normalize import syllables
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.part import Part
from knowledge.kb.ratio import lengths_told
from knowledge.kb.regime import regime_kept
from knowledge.kb.run_out import RunOut
from knowledge.kb.scoping import Scoper
from knowledge.kb.search import Searcher, SearchResult
from knowledge.kb.spoken import spoken
from knowledge.kb.turn_stage import at_stage
from knowledge.kb.under_answer import UnderAnswer
from knowledge.kb.unit_kept import of_earlier_unit
from knowledge.kb.vocabulary import Phrase, Vocabulary, contains, find, load_vocabulary
from knowledge.kb.years import beside_named_year

# What points back at what was named before ("nhắc lại", "mấy chữ đó", "cái đó"); not "do" alone ("do ai ký")
_BACK = (("nhac", "lai"), ("cai", "do"), ("chu", "do"), ("dieu", "do"), ("cau", "do"), ("cai", "ay"), ("dieu", "ay"))
_SAID = 2 / 3  # the share of one of an entry's titles or questions a story must say (as Scoper.precise)
# How the case stands, told with the details ("sắp hết", "hết hạn mà chưa xong", "muốn … tiếp"): not what is asked
_STATE = frozenset({"sap", "het", "xong", "tiep", "nua", "muon", "dang"})
_CON = (("the", "con"), ("vay", "con"), ("con", "voi"), ("va", "con"))  # "còn" opening a part (or "và", alone)
_FOREIGN = 2.0  # a modifier this heavy names another branch of law or regime (synonyms.yaml)


class Dialogue:
    def __init__(self, searcher: Searcher, vocab: Vocabulary | None = None) -> None:
        self.searcher = searcher
        self.vocab = vocab or load_vocabulary()
        self.guard = Guard(searcher.index, searcher.settings)
        self.families = Families(searcher.entries)
        self.reader = ContextReader(searcher, self.vocab, self.guard)
        self.scoper = Scoper(searcher, self.vocab, self.guard)
        self.carrier = Carrier(searcher, self.vocab, self._tokens)
        self.under = UnderAnswer(searcher, self.vocab, self.reader, self.scoper, self._tokens)
        self.run_out = RunOut(searcher, self.vocab)
        self.cutter = Cutter(searcher, self.vocab, self.guard, self._tokens)

    def _tokens(self, text: str) -> list[str]:
        syn = self.searcher.synonyms
        return drop_negated(syn.expand_first(numbers_from_words(syn.strip_fillers(syllables(text)))), syn.modifiers)

    def read(
        self, text: str, today: date, previous: Entry | None = None, qualifiers: tuple[str, ...] = ()
    ) -> list[Part]:
        """The parts of ``text`` answered in order; a later part reads against an earlier answer.
        ``qualifiers``: those of the question the previous answer was for (:meth:`qualifiers`).
        A chatty message not answered in full is read again as its asking clauses (``chatty``)."""
        parts = self._message(text, today, previous, qualifiers)  # a minor named in one part holds for all:
        return regime_kept(
            parts, self.searcher.synonyms, self.searcher.title_tokens, lambda t: self._read(t, today, None, ())[0]
        )

    def _message(self, text: str, today: date, previous: Entry | None, qualifiers: tuple[str, ...]) -> list[Part]:
        text = in_place(spoken(text))  # "bi nhiu ngày" is "bao nhiêu ngày", "tb tp" is "tin báo tội phạm"
        text = with_category(text)  # "… khoản 1 điều 260 thì điều tra bao lâu": that clause's category
        text = beside_named_year(text, today, self.searcher.synonyms)  # "năm 2023 và năm trước đó"
        plain = without_introduction(text, self._tokens)  # "e mới về vks khu vực, …": where the asker works
        plain = without_preamble(plain, self._tokens, self.vocab)  # "Ca trực buồn ngủ quá 😅 hỏi nhanh: …"
        intro = self._read(plain, today, previous, qualifiers) if plain != text else []
        if intro and all(p.answered for p in intro):
            return self._in_branch(intro, text)  # the branch the words left out name: "vụ tin báo này …, qđ …"
        parts = self._read(text, today, previous, qualifiers)
        # (a preamble alone dropped is not this; nor a part that names its unit, body or topic out of scope)
        introduced = without_introduction(text, self._tokens) != text and any(p.answered for p in parts)
        introduced = introduced and not any(p.unknown_unit or p.other_body or p.other_topic for p in parts)
        if introduced and intro and not any(p.answered for p in intro) and not self._beyond_introduction(parts, plain):
            return intro  # "em ở vks khu vực, tội trộm 2 năm tù thuộc loại tội gì": not the 355 regional units
        outside = next((i for i, p in enumerate(parts) if p.other_topic), None)
        if outside is not None:  # "dự toán … lập theo thông tư nào, hạn nộp khi nào": the rest is the budget's
            return parts[: outside + 1]  # ("tạm giữ mấy ngày, còn nghỉ phép ai duyệt": the first part stands)
        story = not no_story(parts, self.vocab, self.searcher.synonyms)
        core = question_core(text, self.vocab, self._tokens) if story else None
        if core is None or self._foreign(text) - self._foreign(core[1]):
            # "tạm giữ tang vật vi phạm hành chính …": the story names another branch of law; "em đang kiểm sát 1
            # tin báo …, qđ tạm đình chỉ đó gửi vks trong bao lâu": the branch the story names
            return self._in_branch(parts, text)
        pointed = self._pointed_back(text, asking=core[1], today=today)
        if pointed is not None:
            return [pointed]
        details, asking = core  # the details in front: the first part of a two-part question takes them
        # A detail the answer does not speak of is dropped ("ít nghiêm trọng … rút gọn": the rút gọn limits
        # hold only for such crimes and need not say it)
        # The measure the story names (tạm giam, tạm giữ) decides the entry over the asking clause's words
        # ("bị can đang tgiam, 2 tháng sắp hết muốn gh thì được thêm bao nhiêu" is the detention's extension).
        measure = measure_told(self._tokens(details))  # then the measure alone, the other details dropped
        for told in dict.fromkeys((details, " ".join(measure or ()), "")):
            again = self._read(f"{told} {asking}".strip(), today, previous, qualifiers)
            if again and all(p.answered for p in again) and self._covered(again, told, measure):
                # the lengths the story told stay with the answer ("tạm giam 25 ngày, … trừ mấy ngày")
                lengths = tuple(t for pair in lengths_told(self._tokens(text)) for t in pair)
                lengths += lengths_said(self._tokens(text))  # "tạm giam 2 tháng … tạm giữ 3 ngày": 57 ngày
                # details dropped still say which case the answer's lead is about ("ít NT … gh tiếp đc ko")
                kept = () if told == details else tuple(self._tokens(details))
                again = self._in_branch(again, text)  # "vụ tin báo … cqđt tạm đình chỉ, qđ gửi vks bao lâu"
                return [replace(p, tokens=(*p.tokens, *lengths, *kept)) for p in again]
        return self._in_branch(parts, text)

    def _beyond_introduction(self, parts: list[Part], plain: str) -> bool:
        """Whether an answer of the whole message speaks of what its question says once the asker's introduction
        is left out ("e mới về vks khu vực, hạn báo cáo tháng là ngày nào": the unit's report, still asked); an
        answer found only through the unit the asker works at answers no question."""
        tokens = self._tokens(plain)
        return any(
            p.answered and p.result.entry is not None and self.reader.covers(p.result.entry, tokens) for p in parts
        )

    def _pointed_back(self, text: str, asking: str, today: date) -> Part | None:
        """A question that points back at what the story named ("thầy có nhắc lời Bác dạy cán bộ kiểm sát mà
        em ghi không kịp, anh nhắc lại mấy chữ đó"): the entry one of whose titles or questions the message
        says almost in full, when it is the only option the whole message finds."""
        if not contains(self._tokens(asking), _BACK):
            return None
        whole = self.searcher.search(text, today)
        if whole.outcome != "dont_know" or not whole.candidates:
            return None
        top = whole.candidates[0]
        s = self.searcher.settings
        others = [c for c in whole.candidates[1:] if c.score >= top.score - s.ask_window]
        tokens = self._tokens(text)
        doc = self.searcher.index.doc_index[top.entry.id]
        if others or top.score < s.ask_threshold or self.searcher.index.precision(frozenset(tokens), doc) < _SAID:
            return None
        found = SearchResult("answer", top.entry, [top], top.score, "named in the story, pointed at")
        part = self.scoper.scoped(Part(text, found), tokens)
        return part if part.answered and part.unknown_unit is None and part.unknown_year is None else None

    def _covered(self, parts: list[Part], details: str, measure: Phrase | None = None) -> bool:
        """Each answer speaks of what its clause asks, the story's details and how the case stands apart
        ("tiền ăn bao nhiêu"), and is titled with the ``measure`` the story names (tạm giam, tạm giữ)."""
        told = set(self._tokens(details)) | (_STATE if details else set())
        return all(
            p.result.entry is not None
            and (measure is None or find(self.searcher.title_tokens(p.result.entry), measure) >= 0)
            and self.reader.share(p.result.entry, [t for t in p.tokens if t not in told], False) > 0.5
            for p in parts
        )

    def _in_branch(self, parts: list[Part], text: str) -> list[Part]:
        """Parts read from part of ``text``, each kept in the one branch ``text`` names (``branches``)."""
        tokens, title, settings = self._tokens(text), self.searcher.title_tokens, self.searcher.settings
        return [replace(p, result=in_branch(p.result, tokens, title, settings)) for p in parts]

    def _own_subject(self, piece: str, today: date, parts: list[Part], earlier: list[str]) -> Part | None:
        """A later part that names a subject of its own, read alone (under the earlier parts' qualifiers),
        when that finds another entry than the earlier parts' (read under them it found theirs again: "tạm
        giam điều tra …, còn thời hạn điều tra …" is the investigation's limit, not the detention's twice).
        A subject no earlier part named is another question even when it finds nothing alone: the part is
        kept, unanswered ("tạm giam tội RNT bn tháng còn điều tra bn tháng" never gets the detention twice)."""
        tokens = self._tokens(piece)
        prior = parts[-1].result.entry
        if prior is not None and self.reader.other_member(self.searcher.title_tokens(prior), tokens):
            return self._other_member(piece, today, parts[-1], prior)  # "tạm giam ít NT …, NT thì bao lâu"
        documents = documents_named(piece) - {d for p in parts for d in documents_named(p.text)}
        if not has_subject(tokens, self.vocab, self.searcher.synonyms, piece) and not documents:
            return None  # (a document of its own by its number: "…, còn qđ 139 ban hành ngày nào")
        alone = self.carrier.carried(self.under.part(piece, today, None), earlier, today)
        alone = replace(alone, result=self.guard.on_topic(self.guard.check(alone.result, alone.tokens), alone.tokens))
        entry = alone.result.entry
        if alone.answered and all(p.result.entry is not entry for p in parts):
            return alone
        before = {s for p in parts for s in subjects_named(p.tokens, self.vocab)}
        new = set(subjects_named(tokens, self.vocab)) - before
        return alone if new and not alone.answered else None

    def _con_alone(self, piece: str, today: date, parts: list[Part], earlier: list[str], part: Part) -> Part:
        """A "còn" part read against an earlier part's answer, read alone instead when it is its own question: alone
        (under a subject of its own, or plainly) it finds an entry that speaks of more of what it says than the entry
        found under the earlier answer, which leaves some of it unsaid ("…, còn gia hạn tạm giữ lần 1 tối đa mấy
        ngày" is not the VKS's 12 hours to approve the first part's arrest; "ban đêm …, còn thời hạn tính theo tháng
        thì sao" is the month rule). The earlier answer's branch (tin báo) is kept."""
        title, found = self.searcher.title_tokens, part.result.entry
        tokens = self._tokens(piece)
        theirs = self.reader.share(found, tokens, False) if part.answered and found is not None else 0.0
        kept = branch(title(found)) if part.answered and found is not None else None
        if theirs == 1.0 or (kept is not None and part.context is not None and branch(title(part.context)) == kept):
            return part  # "tin báo …, còn khi phục hồi thì gửi qđ cho vks trong mấy ngày": still the tin báo's
        alone = self._own_subject(piece, today, parts, earlier)
        if alone is None or not alone.answered:
            alone = self.carrier.carried(self.under.part(piece, today, None), earlier, today)
            alone = replace(alone, result=self.guard.on_topic(self.guard.check(alone.result, alone.tokens), tokens))
        entry = alone.result.entry
        if not alone.answered or entry is None or any(p.result.entry is entry for p in (*parts, part)):
            return part
        return alone if self.reader.covers(entry, tokens) and self.reader.share(entry, tokens, False) > theirs else part

    def _opens_with_con(self, piece: str) -> bool:
        """Whether a part opens with "còn" ("thế còn", "vậy còn") or "và": another question, said beside the first."""
        tokens = self._tokens(piece)
        return bool(tokens) and (tokens[0] in ("con", "va") or tuple(tokens[:2]) in _CON)

    def _other_member(self, piece: str, today: date, before: Part, prior: Entry) -> Part:
        """A later part naming another member of a group than the earlier answer's title ("NT" after "ít NT"),
        read with the earlier part's subject; never the earlier figure again (then it is left unanswered)."""
        subject = " ".join(" ".join(p) for p in subjects_named(before.tokens, self.vocab))
        alone = self.under.part(f"{subject} {piece}".strip(), today, None)
        alone = replace(alone, text=piece, result=self.guard.check(alone.result, alone.tokens))
        if alone.result.entry is prior or any(c.entry is prior for c in alone.result.candidates[:1]):
            return Part(piece, SearchResult("dont_know", None))
        return alone

    def _foreign(self, text: str) -> set[str]:
        """The heavy modifiers (another branch of law, minors) ``text`` names."""
        syn = self.searcher.synonyms
        return {m for m in syn.modifiers_in(self._tokens(text)) if syn.modifiers[m] >= _FOREIGN}

    def _read(self, text: str, today: date, previous: Entry | None, qualifiers: tuple[str, ...]) -> list[Part]:
        parts: list[Part] = []
        context, asked = previous, qualifiers
        text = text[: self.searcher.settings.max_query_chars]  # a long paste is cut as the search cuts it
        pieces = self.cutter.pieces(text, today)
        whole = self._tokens(text) if len(pieces) > 1 else None  # the branch the message names holds in each part
        for i, piece in enumerate(pieces):
            # the qualifiers of an earlier part, or of the question the last answer was for ("truy tố tội RNT
            # bao nhiêu ngày" → "sang tòa chuẩn bị xét xử thì bao lâu": still RNT)
            part = self.carrier.carried(self.under.part(piece, today, context, asked), pieces[:i], today, asked)
            part = at_stage(self.searcher, part, asked, today)  # "cbxx … || vụ ít NT thì gh mấy ngày"
            part = self.families.tabled(self.families.asked_whole(part, asked), asked)  # every category's figure
            part = replace(part, result=self.guard.check(part.result, part.tokens))
            part = self.run_out.read(part, context, today)  # "hết hạn mà chưa có lệnh gh thì phải làm gì"
            title, settings = self.searcher.title_tokens, self.searcher.settings
            if whole is not None:  # "… qđ tạm đình chỉ của cqđt …, xong cqđt còn bn lâu để gq": the tin báo's
                part = replace(part, result=in_branch(part.result, whole, title, settings))
            if part.result.reason == BRANCH_UNNAMED and context is not None:  # the branch the answer before is of
                part = replace(part, result=in_branch(part.result, title(context), title, settings))
            if part.context is None and (context is None or part.result.entry is not context):  # not a follow-up
                part = replace(part, result=self.guard.on_topic(part.result, part.tokens))
            if parts and part.context is not None and self._opens_with_con(piece):
                part = self._con_alone(piece, today, parts, pieces[:i], part)
            if parts and part.answered and any(p.result.entry is part.result.entry for p in parts):
                own = self._own_subject(piece, today, parts, pieces[:i])  # "…, còn thời hạn điều tra NT bn tháng"
                if own is None:
                    continue  # "bao lâu và tính từ khi nào": one entry answers both
                part = own
            if parts and parts[-1].answered and part.result.outcome == "dont_know" and contains(part.tokens, _BACK):
                continue  # "…, anh nhắc lại giúp em cái đó": the part before, asked again
            prior = parts[-1].result.entry if parts else None
            if prior is not None and not part.answered and self.reader.next_step(prior, list(part.tokens)):
                continue  # "rút gọn phúc thẩm thụ lý xong mấy ngày ra qđ, mở phiên tòa trong bao lâu": its next step
            part = of_earlier_unit(part, parts, lambda t: self.under.part(t, today, None))  # "Phổ Yên 2024 …, và …"
            parts.append(self.carrier.told(part, asked))
            if part.answered:
                context = part.result.entry
                asked = self.qualifiers(part)
        if any(p.answered for p in parts):  # a greeting or thanks that found nothing is no question
            parts = [p for p in parts if p.answered or p.result.outcome != "dont_know" or not self._aside(p)]
        return parts or [Part(text, self.searcher.search(text, today))]

    def _aside(self, part: Part) -> bool:
        """A part that greets or introduces the asker and asks nothing besides ("dạ em chào anh chị, em đang kiểm
        sát hồ sơ … Em hỏi là có đúng phải trừ thời gian tạm giữ không ạ" asks, read again as a story)."""
        if not is_aside(list(part.tokens)):
            return False
        core = question_core(part.text, self.vocab, self._tokens)
        return core is None or is_aside(self._tokens(core[1]))

    def qualifiers(self, part: Part | str) -> tuple[str, ...]:
        """The carried qualifiers a part's question (or a message) names (:meth:`Carrier.qualifiers`)."""
        return self.carrier.qualifiers(part)
