"""The last check before an answer is given with confidence: does the entry speak to what was asked?

The confident wrong answers of the blind sets share a shape: the question names a case the
answered entry never speaks of — a stage, a measure, a crime category, a procedure, another
branch of law (the ``modifiers`` of ``synonyms.yaml``: "phúc thẩm", "gia hạn", "rút gọn",
"giao thông") — or asks for an amount in a unit the entry does not give ("mấy lần", "bao nhiêu
giờ" answered by an entry in days). Such an answer becomes a question back, with the candidates
that do speak of it first. An entry flagged unverified is left alone: its answer says so.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from knowledge.kb.count_check import Counts
from knowledge.kb.counts import (
    GENERIC,
    UNITS,
    asked_units,
    counted_units,
)
from knowledge.kb.decision import Candidate, SearchResult
from knowledge.kb.documents import document_instead
from knowledge.kb.entry import Entry
from knowledge.kb.first_instance import at_first_instance
from knowledge.kb.index import Index
from knowledge.kb.lead_cases import says_sending, sending_asked
from knowledge.kb.moment import moment_asked, says_moment
from knowledge.kb.ratio import rate_stated
from knowledge.kb.release import released
from knowledge.kb.settings import SearchSettings
from knowledge.kb.special import special_offered
from knowledge.kb.title_events import unsaid
from knowledge.kb.vocabulary import find
from knowledge.kb.who import category_asked, category_named

# Words that are not modifiers but still decide the answer: stages ("gia hạn thời hạn kháng cáo" is
# not the prosecution's extension; "sơ thẩm", "xét xử" are too general, "thi hành án" is also "tha",
# thả), the procuracy's level ("VKS cấp trên" is not answered by the same-level rule alone) and the
# kind asked ("chỉ tiêu phát hiện … trái pháp luật" is not the VKS's powers; "điều kiện hưởng án treo" is not
# how a suspended sentence is enforced), and the release ("tạm giữ hết hạn lúc 0h thì trả tự do lúc nào" is not
# how the custody's hours are counted); days held credited to the sentence ("trừ vô án tù"), not to the detention.
_DECIDING: tuple[tuple[str, ...], ...] = (("khang", "cao"), ("khang", "nghi"), ("cung", "cap"), ("cap", "tren"))
_DECIDING += (("chi", "tieu"), ("dieu", "kien"), ("tra", "tu", "do"))
_DEDUCTED_FROM_SENTENCE = re.compile(r" tru (?:vao|vo) (?:an|hinh phat|tu|ngay tu) ")
# An entry that says in which cases ("trường hợp đặc biệt", "căn cứ") speaks of conditions too
_CASES = (("truong", "hop"), ("can", "cu"))
_LEVELS: tuple[tuple[str, ...], ...] = (("cung", "cap"), ("cap", "tren"))  # the procuracy's level, as titled
_LEVEL_NAMES = frozenset(" ".join(lv) for lv in _LEVELS)
_CATEGORIES = frozenset({"it nghiem trong", "rat nghiem trong", "dac biet nghiem trong"})  # as modifiers
UNSAID = "!"
_CANDIDATES = 5
_MENUS_SETTLED = ("close candidates",)  # not a stage or an abbreviation left open: those are asked
_MENUS_SEARCHED = ("close candidates", "middling score", "little evidence")  # menus of the search's own
# "ai gia hạn", "cấp nào phê chuẩn": an answer that names nobody who acts does not answer it.
_WHO: tuple[tuple[str, ...], ...] = (("ai",), ("cap", "nao"), ("tham", "quyen"), ("kiem", "sat", "nao"))
_WHO += (("co", "quan", "nao"), ("vien", "nao"))
_WHO += (("hay", "phai", "la"), ("khu", "vuc", "co", "duoc"), ("tinh", "co", "duoc"))  # "vks kv có được … hay vks tỉnh"
_ACTORS: tuple[tuple[str, ...], ...] = (
    ("vien", "truong"),
    ("vien", "kiem", "sat"),
    ("chanh", "an"),
    ("toa", "an"),
    ("thu", "truong"),
)
_ACTORS += (("co", "quan"), ("tham", "phan"), ("hoi", "dong"), ("kiem", "sat", "vien"), ("nguoi", "ra"))
_ACTORS += (("giam", "thi"), ("quoc", "hoi"), ("truong", "nha"), ("nguoi", "dung", "dau"))


# What an entry is about: its title before any parenthesis or colon, without the words every time limit has
# ("Ngày kháng cáo được xác định thế nào (gửi qua trại tạm giam, …)" is about "ngày kháng cáo xác định").
_HEAD_END = re.compile(r"[(:]")
_OFF_TOPIC_PRECISION = 0.55  # below this, no title or question of the entry is mostly what was asked


class Guard:
    """What a question names or asks that an entry does not speak of; words per entry are cached."""

    def __init__(self, index: Index, settings: SearchSettings) -> None:
        self.index = index
        self.settings = settings
        self._words: dict[str, tuple[frozenset[str], frozenset[str], bool]] = {}
        self.counts = Counts(index, settings)

    def _of(self, entry: Entry) -> tuple[frozenset[str], frozenset[str], bool]:
        """The units the entry counts in, the modifiers it speaks of and whether it names who acts (title,
        questions, tags, answer, source)."""
        cached = self._words.get(entry.id)
        if cached is None:
            tokens = self.index.fold_expand(
                " ; ".join((entry.title, *entry.questions, *entry.tags, entry.answer, entry.source))
            )
            said = self.index.fold_expand(entry.answer)  # who acts: what the answer says, not how people ask
            named = self._named(tokens) | ({"dieu kien"} if any(find(tokens, w) >= 0 for w in _CASES) else set())
            # the summary procedure holds only for a less serious crime (BLTTHS Đ456 k1 c): its entries speak of it
            named |= {"it nghiem trong"} if find(self.index.title_tokens(entry), ("rut", "gon")) >= 0 else set()
            cached = (counted_units(tokens), frozenset(named), any(find(said, a) >= 0 for a in _ACTORS))
            self._words[entry.id] = cached
        return cached

    def _titled(self, entry: Entry, phrase: str) -> bool:
        return find(self.index.title_tokens(entry), tuple(phrase.split())) >= 0

    def _names(self, entry: Entry, phrase: str) -> bool:
        doc, words = self.index.doc_index[entry.id], phrase.split()
        terms = words if len(words) == 1 else [f"{a} {b}" for a, b in itertools.pairwise(words)]
        return all(self.index.has_strong(t, doc) for t in terms)

    def speaks_of(self, entry: Entry) -> frozenset[str]:
        """The modifiers and deciding words an entry speaks of anywhere."""
        return self._of(entry)[1]

    def _named(self, tokens: Sequence[str]) -> frozenset[str]:
        """The modifiers and the deciding stages in ``tokens``."""
        text = f" {' '.join(tokens)} "
        stages = {" ".join(s) for s in _DECIDING if f" {' '.join(s)} " in text}
        stages |= {"tru vao hinh phat"} if _DEDUCTED_FROM_SENTENCE.search(text) else set()  # "trừ vô án tù"
        return self.index.synonyms.modifiers_in(tokens) | stages

    def unmet(self, entry: Entry, tokens: Sequence[str]) -> list[str]:
        """The modifiers the question names and the units it asks in that the entry lacks."""
        if entry.verified == "no":
            return []
        units, modifiers, actors = self._of(entry)
        out = sorted(self._named(tokens) - modifiers)
        who = ["ai"] if not actors and any(find(tokens, w) >= 0 for w in _WHO) else []
        title = self.index.title_tokens(entry)
        events = unsaid(title, tokens, UNSAID)  # "bao lâu phải mở lại", "không đủ căn cứ", "thông báo": said
        # "lệnh bắt khẩn cấp gửi vks mấy giờ": an entry that gives no time to send gives the receiver's
        sent = [f"{UNSAID}gui"] if sending_asked(tokens) and not says_sending(entry.answer) else []
        sent += [f"{UNSAID}luc"] if moment_asked(tokens) and not says_moment(entry.answer) else []  # "mấy giờ của ngày"
        if category_asked(tokens) and category_named(self.index.fold_expand(entry.answer)) is None:
            sent.append(f"{UNSAID}loai")  # "rút gọn áp dụng với tội thuộc loại nào": an answer naming a category
        # "kháng nghị phúc thẩm cùng cấp … 30 ngày": an entry titled with the other level only names this one in
        # passing (the higher level's 30 days is not the same level's figure)
        levels = [
            " ".join(lv)
            for lv in _LEVELS
            if find(tokens, lv) >= 0 and find(title, lv) < 0 and any(find(title, o) >= 0 for o in _LEVELS if o != lv)
        ]
        return out + [u for u in asked_units(tokens) if not UNITS[u] & units] + who + events + sent + levels

    def _head(self, entry: Entry) -> frozenset[str]:
        words = self.index.fold_expand(_HEAD_END.split(entry.title, maxsplit=1)[0])
        stop = self.index.synonyms.stopwords
        return frozenset(w for w in words if w not in stop and w not in GENERIC and not w.isdigit())

    def on_topic(self, result: SearchResult, tokens: Sequence[str]) -> SearchResult:
        """``result`` unchanged; or "don't know" when its answer rests on words the entry says in passing:
        the question names nothing of what the entry's title is about, and none of its titles or questions
        is mostly the question ("số bị can tạm giam quá hạn ở trại tạm giam … là bao nhiêu" is not how the
        day of an appeal sent through the detention camp is fixed). A document number named is the topic."""
        if result.outcome == "ask" and result.reason in _MENUS_SEARCHED:  # only what the question is about
            kept = [c for c in result.candidates if not self._off_topic(c.entry, tokens)]
            counting = self.counts.counting(kept, tokens)
            if counting is not None:  # "ngành kiểm sát có mấy cấp": the one option that gives a number of levels
                return SearchResult("answer", counting.entry, [counting], counting.score, "the one that counts it")
            if kept and (len(kept) > 1 or kept[0].score >= self.settings.single_floor):
                return result if len(kept) == len(result.candidates) else replace(result, candidates=kept)
            return SearchResult("dont_know", None, result.candidates[:3], result.score, "menu off topic")
        if result.outcome != "answer" or result.entry is None or not self._off_topic(result.entry, tokens):
            return result
        doc = document_instead(
            result, tokens, self.index.title_tokens, lambda e: self._off_topic(e, tokens), self.settings
        )
        return doc or SearchResult("dont_know", None, result.candidates[:3], result.score, "off the entry's topic")

    def _off_topic(self, entry: Entry, tokens: Sequence[str]) -> bool:
        if entry.verified == "no":
            return False
        if self.counts.counts_other(entry, tokens):
            return True
        head = self._head(entry)
        if len(head) < 2 or not head.isdisjoint(tokens):
            return False
        doc = self.index.doc_index[entry.id]
        if any(t[:1].isdigit() and self.index.has_strong(t, doc) for t in tokens):
            return False  # "qđ 259 ban hành ngày nào", "qđ 139/2020 còn hiệu lực không"
        return self.index.precision(frozenset(tokens), doc) < _OFF_TOPIC_PRECISION

    def _settled(self, result: SearchResult, tokens: Sequence[str]) -> SearchResult:
        meets = [c for c in result.candidates if not self.unmet(c.entry, tokens)]
        category = category_named(tokens)  # "gia hạn điều tra tội nghiêm trọng lần 1": that category's own entry
        own = [c for c in meets if category and category_named(self.index.title_tokens(c.entry)) == category]
        s = self.settings  # (and as close as a tie to the first of those that fit)
        # (a first entry titled "theo loại tội" speaks of every category: it stays first)
        covers = bool(meets) and self._covers_categories(meets[0].entry)
        close = len(own) == 1 and own[0].score >= s.answer_threshold and own[0].score >= meets[0].score - s.margin
        if close and not covers and not self.counts.special_unsaid(own[0].entry, tokens):
            return SearchResult("answer", own[0].entry, own, own[0].score, "the category named")
        titled = self._category_titled(result, tokens) if len(meets) == len(result.candidates) else None
        if titled is not None:  # "gia hạn cbxx tội ít NT lần 2": the ít NT entry, not a tie with the general one
            return titled
        # what settles a menu: a case the question names, or the unit it asks in ("hết lúc mấy giờ": an entry in hours)
        settles = self.index.synonyms.modifiers_in(tokens) or asked_units(tokens)
        if not meets or len(meets) == len(result.candidates) or not settles:
            return result
        staged = [c for c in meets if self._titled_stage(c.entry, tokens)]  # "rút gọn … ở cấp phúc thẩm", unasked
        meets = [c for c in meets if c not in staged] if len(staged) < len(meets) else meets
        one = meets[0]
        if len(meets) == 1 and one.score >= self.settings.answer_threshold:
            return SearchResult("answer", one.entry, [one], one.score, "the one option that fits what was asked")
        return replace(result, candidates=meets) if len(meets) > 1 else result  # the options that fit

    def _covers_categories(self, entry: Entry) -> bool:
        return find(self.index.title_tokens(entry), ("loai", "toi")) >= 0

    def _category_titled(self, result: SearchResult, tokens: Sequence[str]) -> SearchResult | None:
        """Of a tie of two, the one titled with the crime category the question names, the other titled with none."""
        named = category_named(tokens)
        if named is None or len(result.candidates) != 2:
            return None
        titled = [category_named(self.index.title_tokens(c.entry)) for c in result.candidates]
        one = [c for c, t in zip(result.candidates, titled, strict=True) if t == named]
        if len(one) != 1 or titled.count(None) != 1 or one[0].score < self.settings.answer_threshold:
            return None
        if self.counts.special_unsaid(one[0].entry, tokens):
            return None  # "tạm giam ANQG ĐBNT": not the ordinary ĐBNT entry
        if any(self._covers_categories(c.entry) for c, t in zip(result.candidates, titled, strict=True) if t is None):
            return None  # the other speaks of every category ("khi nào được tạm giam: theo loại tội …")
        return SearchResult("answer", one[0].entry, one, one[0].score, "the category named, titled")

    def _titled_stage(self, entry: Entry, tokens: Sequence[str]) -> bool:
        syn = self.index.synonyms  # a stage the question never names: the general rule is the answer
        titled = syn.modifiers_in(self.index.title_tokens(entry)) & syn.stages
        return bool(titled) and not titled & syn.modifiers_in(tokens)  # (one of its stages named: it is asked of)

    def _titled_beyond(self, entry: Entry, tokens: Sequence[str]) -> bool:
        """Whether the entry's title names a modifier the question does not (a stage apart: it is asked about)."""
        syn = self.index.synonyms
        return bool(syn.modifiers_in(self.index.title_tokens(entry)) - syn.modifiers_in(tokens) - syn.stages)

    def check(self, result: SearchResult, tokens: Sequence[str]) -> SearchResult:
        """``result`` unchanged; or, when its answer does not speak to the question, the one close candidate
        that does ("tạm giam chuẩn bị xét xử tội RNT": the detention entry, not the trial-preparation one),
        or a question back. A menu of close candidates of which only one speaks of all the question names
        ("giai đoạn truy tố rút gọn thì tạm giam tối đa mấy ngày": the rút gọn entry) is that one's answer."""
        result = rate_stated(result, tokens, self.settings.answer_threshold, self.index.entries)  # "1 ngày tgiu = mấy"
        syn = self.index.synonyms  # (not for a minor: the release entry states the adults' terms)
        if not syn.modifiers_in(list(tokens)) & syn.regimes:  # "hết hạn tgiam mà không gh thì sao"
            result = released(result, tokens, self.index.title_tokens, self.settings)
        counting = self.counts.counting(result.candidates[:_CANDIDATES], tokens) if result.outcome == "ask" else None
        if counting is not None and result.reason in _MENUS_SEARCHED:  # "ngành có mấy cấp": the one that counts it
            return SearchResult("answer", counting.entry, [counting], counting.score, "the one that counts it")
        if result.outcome == "ask" and result.reason in _MENUS_SETTLED:
            return self._settled(result, tokens)
        if result.outcome != "answer" or result.entry is None:
            return result
        # "ngành kiểm sát nhân dân có mấy cấp": an answer that gives no number of the thing counted gives way to the
        # one candidate that does (the three levels, not the 34 provinces)
        counting = self.counts.counting(result.candidates[:_CANDIDATES], tokens)
        if counting is not None and counting.entry is not result.entry:
            return SearchResult("answer", counting.entry, [counting], counting.score, "the one that counts it")
        special = special_offered(result, lambda e: self.counts.special_unasked(e, tokens), self.settings)
        if special is not None:  # "vụ án phải kết thúc điều tra trong bao lâu" is not the summary procedure's
            return special
        first = at_first_instance(result, tokens, self.index.title_tokens, self.settings)
        if first is not None:  # "tạm giam ở giai đoạn sơ thẩm" is not the appeal's detention
            return first
        unmet = self.unmet(result.entry, tokens)
        if not unmet:
            return result
        others = [c for c in result.candidates[:_CANDIDATES] if c.entry is not result.entry]
        # A candidate that fits names what the answer lacked in its title, questions or tags: not in passing.
        named = [u for u in unmet if u not in UNITS and u != "ai" and not u.startswith(UNSAID)]
        fitting = [c for c in others if not self.unmet(c.entry, tokens) and all(self._names(c.entry, u) for u in named)]
        fitting.sort(key=lambda c: -c.score)
        if (
            not fitting and set(unmet) <= _LEVEL_NAMES
        ):  # the other level, said in passing, is all there is (a follow-up)
            return result
        s = self.settings
        named_category = category_named(tokens)
        titled = [
            c for c in fitting if named_category and category_named(self.index.title_tokens(c.entry)) == named_category
        ]
        if len(fitting) > 1 and fitting[0].score - fitting[1].score < s.margin and len(titled) == 1:
            fitting = titled  # a tie ("gia hạn tạm giam tội nghiêm trọng mấy lần"): that category's own entry
        near = fitting and result.score - fitting[0].score <= s.ask_window
        # … or the one that fits is titled with what the answer lacked ("vks tỉnh kháng nghị quyết định sơ thẩm …":
        # the decision's entry, far below the judgment's)
        near = near or (len(fitting) == 1 and bool(named) and all(self._titled(fitting[0].entry, u) for u in named))
        close = near and fitting[0].score >= s.answer_threshold
        # nor one titled with a case the question never names ("điều kiện hưởng án treo" is not the conditions
        # of the summary procedure at appeal, whose answer speaks of án treo)
        close = close and not self._titled_beyond(fitting[0].entry, tokens)
        if close and (len(fitting) == 1 or fitting[0].score - fitting[1].score >= s.margin):
            return SearchResult("answer", fitting[0].entry, fitting, fitting[0].score, "fits what was asked")
        # none fits: those titled with what the answer lacks first, that miss only the crime's category ("cbxx
        # phúc thẩm tội ít NT": the appeal's one period, which no category changes, is offered)
        if not fitting and named:
            naming = [c for c in others if all(self._names(c.entry, u) for u in named)]
            fitting = [c for c in naming if set(self.unmet(c.entry, tokens)) <= _CATEGORIES]
        options: list[Candidate] = [*fitting, Candidate(result.entry, result.score)][:3]
        return SearchResult("ask", None, options, result.score, f"not covered: {', '.join(unmet)}")
