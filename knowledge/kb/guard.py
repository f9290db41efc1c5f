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
from collections.abc import Set as AbstractSet
from dataclasses import replace

from knowledge.kb.decision import Candidate, SearchResult
from knowledge.kb.documents import document_instead
from knowledge.kb.entry import Entry
from knowledge.kb.index import Index, bigrams
from knowledge.kb.ratio import rate_stated
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import find
from knowledge.kb.who import category_named

_ASKS = (("bao", "nhieu"), ("may",))
# The unit asked, and the words of an entry that answer in it ("mấy lần một tuần": "hằng tuần").
# Days, months and years answer one another ("bao nhiêu ngày" may be "2 tháng", even "12 giờ");
# hours are asked for the short limits, so an entry in days does not answer them.
_SPANS = frozenset({"ngay", "thang", "tuan", "nam", "gio"})
_UNITS: dict[str, frozenset[str]] = {"ngay": _SPANS, "thang": _SPANS, "tuan": _SPANS, "nam": _SPANS}
_UNITS |= {"gio": frozenset({"gio"}), "lan": frozenset({"lan", "hang"})}
# Words that are not modifiers but still decide the answer: stages ("gia hạn thời hạn kháng cáo" is
# not the prosecution's extension; "sơ thẩm", "xét xử" are too general, "thi hành án" is also "tha",
# thả), the procuracy's level ("VKS cấp trên" is not answered by the same-level rule alone) and the
# kind asked ("chỉ tiêu phát hiện … trái pháp luật" is not the VKS's powers; "điều kiện hưởng án treo" is not
# how a suspended sentence is enforced).
_DECIDING: tuple[tuple[str, ...], ...] = (("khang", "cao"), ("khang", "nghi"), ("cung", "cap"), ("cap", "tren"))
_DECIDING += (("chi", "tieu"), ("dieu", "kien"))
# An entry that says in which cases ("trường hợp đặc biệt", "căn cứ") speaks of conditions too
_CASES = (("truong", "hop"), ("can", "cu"))
_CANDIDATES = 5
_MENUS_SETTLED = ("close candidates",)  # not a stage or an abbreviation left open: those are asked
_MENUS_SEARCHED = ("close candidates", "middling score", "little evidence")  # menus of the search's own
# "ai gia hạn", "cấp nào phê chuẩn": an answer that names nobody who acts does not answer it.
_WHO = (("ai",), ("cap", "nao"), ("tham", "quyen"), ("kiem", "sat", "nao"), ("co", "quan", "nao"), ("vien", "nao"))
_ACTORS: tuple[tuple[str, ...], ...] = (
    ("vien", "truong"),
    ("vien", "kiem", "sat"),
    ("chanh", "an"),
    ("toa", "an"),
    ("thu", "truong"),
)
_ACTORS += (("co", "quan"), ("tham", "phan"), ("hoi", "dong"), ("kiem", "sat", "vien"), ("nguoi", "ra"))
_ACTORS += (("giam", "thi"), ("quoc", "hoi"), ("truong", "nha"), ("nguoi", "dung", "dau"))


def counted_units(tokens: Sequence[str]) -> frozenset[str]:
    """The units an entry gives amounts in: after a number ("24 giờ", "2 lần") or "hằng" ("hằng tuần");
    not "không bao giờ"."""
    return frozenset(u for before, u in itertools.pairwise(tokens) if u in _UNITS and _counts(before))


def _counts(word: str) -> bool:
    return word.isdigit() or word in ("hang", "moi", "may")


def asked_units(tokens: Sequence[str]) -> list[str]:
    """The units an amount is asked in ("bao nhiêu ngày", "mấy lần")."""
    out = []
    for i in range(len(tokens)):
        for ask in _ASKS:
            end = i + len(ask)
            if tuple(tokens[i:end]) == ask and end < len(tokens) and tokens[end] in _UNITS:
                out.append(tokens[end])
    return out


_RELATIONS = frozenset({"tren", "trong", "tai", "cho"})  # "bao nhiêu trên …", "bao nhiêu trong …"


def counted_nouns(tokens: Sequence[str], stopwords: frozenset[str], known: AbstractSet[str]) -> frozenset[str]:
    """The things a count is asked of, other than time and times ("bao nhiêu buồng", "có mấy cán bộ"):
    the word after "bao nhiêu" (or "mấy" after "có", "gồm", "được": "mấy đứa bạn em hỏi" asks nothing)
    when it is not a unit (nor a unit cut short or mistyped: "th", "ngya", "thág"), a particle or a
    number. One word only ("mấy cấp sau 1/7": the levels), but a stopword that folds onto a noun is
    read with the word after it when that pair is known ("bao nhiêu cán bộ")."""
    out = set()
    for i, word in enumerate(tokens[1:], start=1):
        before = tuple(tokens[max(i - 2, 0) : i])
        if not (before == ("bao", "nhieu") or (before[-1:] == ("may",) and before[:1] in _COUNT_VERBS)):
            continue
        if word in _RELATIONS:
            continue  # "đạt bao nhiêu trên tổng số chỉ tiêu": a share of what the entry counts, no new thing
        pair = f"{word} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        if tokens[i + 1 : i + 2] and tokens[i + 1] in _VERB_AFTER.get(word, ()):
            continue  # "max bn tinh ca gh": "tính cả gia hạn", no count of provinces ("bao nhiêu tỉnh")
        if word in _FOLDED_NOUNS and pair in known:
            out.add(pair)
        elif _thing(word, stopwords) and not _unit_typo(word):
            out.add(word)
    return frozenset(out)


def _thing(word: str, stopwords: frozenset[str]) -> bool:
    return bool(word) and word not in stopwords and word not in _GENERIC and not word.isdigit()


# Stopwords that fold onto a noun: "cần" and "cán" ("bao nhiêu cán bộ").
_FOLDED_NOUNS = frozenset({"can"})
# A noun that folds onto a verb, and the words that make it the verb ("tinh ca", "tinh tu": tính, not tỉnh)
_VERB_AFTER = {"tinh": frozenset({"ca", "luon", "tu", "den", "them", "theo", "gop", "ra", "lai"})}
_COUNT_VERBS = (("co",), ("gom",), ("duoc",), ("la",))


def _unit_typo(word: str) -> bool:
    """A unit cut short, with one letter dropped, added or two letters swapped ("th", "thag", "ngayy", "nagy")."""
    for unit in _UNITS:
        if unit.startswith(word) or (abs(len(word) - len(unit)) <= 1 and sorted(word) == sorted(unit)):
            return True
        longer, shorter = (word, unit) if len(word) > len(unit) else (unit, word)
        if len(longer) - len(shorter) == 1 and any(longer[:k] + longer[k + 1 :] == shorter for k in range(len(longer))):
            return True
    return False


# What an entry is about: its title before any parenthesis or colon, without the words every time limit has
# ("Ngày kháng cáo được xác định thế nào (gửi qua trại tạm giam, …)" is about "ngày kháng cáo xác định").
_HEAD_END = re.compile(r"[(:]")
_GENERIC = frozenset(
    [
        "thoi",
        "han",
        "ngay",
        "thang",
        "nam",
        "gio",
        "bao",
        "lau",
        "nhieu",
        "toi",
        "da",
        "duoc",
        "the",
        "nao",
        "la",
        "gi",
        "cua",
        "ve",
    ]
)
_OFF_TOPIC_PRECISION = 0.55  # below this, no title or question of the entry is mostly what was asked


class Guard:
    """What a question names or asks that an entry does not speak of; words per entry are cached."""

    def __init__(self, index: Index, settings: SearchSettings) -> None:
        self.index = index
        self.settings = settings
        self._words: dict[str, tuple[frozenset[str], frozenset[str], bool]] = {}
        self._all: dict[str, frozenset[str]] = {}

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
            cached = (counted_units(tokens), frozenset(named), any(find(said, a) >= 0 for a in _ACTORS))
            self._words[entry.id] = cached
        return cached

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
        return self.index.synonyms.modifiers_in(tokens) | stages

    def unmet(self, entry: Entry, tokens: Sequence[str]) -> list[str]:
        """The modifiers the question names and the units it asks in that the entry lacks."""
        if entry.verified == "no":
            return []
        units, modifiers, actors = self._of(entry)
        out = sorted(self._named(tokens) - modifiers)
        who = ["ai"] if not actors and any(find(tokens, w) >= 0 for w in _WHO) else []
        return out + [u for u in asked_units(tokens) if not _UNITS[u] & units] + who

    def _head(self, entry: Entry) -> frozenset[str]:
        words = self.index.fold_expand(_HEAD_END.split(entry.title, maxsplit=1)[0])
        stop = self.index.synonyms.stopwords
        return frozenset(w for w in words if w not in stop and w not in _GENERIC and not w.isdigit())

    def on_topic(self, result: SearchResult, tokens: Sequence[str]) -> SearchResult:
        """``result`` unchanged; or "don't know" when its answer rests on words the entry says in passing:
        the question names nothing of what the entry's title is about, and none of its titles or questions
        is mostly the question ("số bị can tạm giam quá hạn ở trại tạm giam … là bao nhiêu" is not how the
        day of an appeal sent through the detention camp is fixed). A document number named is the topic."""
        if result.outcome == "ask" and result.reason in _MENUS_SEARCHED:  # only what the question is about
            kept = [c for c in result.candidates if not self._off_topic(c.entry, tokens)]
            if kept and (len(kept) > 1 or kept[0].score >= self.settings.single_floor):
                return result if len(kept) == len(result.candidates) else replace(result, candidates=kept)
            return SearchResult("dont_know", None, result.candidates[:3], result.score, "menu off topic")
        if result.outcome != "answer" or result.entry is None or not self._off_topic(result.entry, tokens):
            return result
        doc = document_instead(
            result, tokens, self.index.title_tokens, lambda e: self._off_topic(e, tokens), self.settings
        )
        return doc or SearchResult("dont_know", None, result.candidates[:3], result.score, "off the entry's topic")

    def _all_words(self, entry: Entry) -> frozenset[str]:
        words = self._all.get(entry.id)
        if words is None:
            text = " ; ".join((entry.title, *entry.questions, *entry.tags, entry.answer, entry.source))
            tokens = self.index.fold_expand(text)
            words = self._all[entry.id] = frozenset(tokens) | frozenset(bigrams(tokens))
        return words

    def counts_other(self, entry: Entry, tokens: Sequence[str]) -> bool:
        """Whether the question asks how many of something the entry never mentions ("nhà tạm giữ có bao
        nhiêu buồng" is not answered by the custody limit in days)."""
        asked = counted_nouns(tokens, self.index.synonyms.stopwords, self.index.postings.keys())
        return bool(asked) and not asked <= self._all_words(entry)

    def _off_topic(self, entry: Entry, tokens: Sequence[str]) -> bool:
        if entry.verified == "no":
            return False
        if self.counts_other(entry, tokens):
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
        if not meets or len(meets) == len(result.candidates) or not self.index.synonyms.modifiers_in(tokens):
            return result
        one = meets[0]
        if len(meets) == 1 and one.score >= self.settings.answer_threshold:
            return SearchResult("answer", one.entry, [one], one.score, "the one option that fits what was asked")
        return replace(result, candidates=meets) if len(meets) > 1 else result  # the options that fit

    def _titled_beyond(self, entry: Entry, tokens: Sequence[str]) -> bool:
        """Whether the entry's title names a modifier the question does not (a stage apart: it is asked about)."""
        syn = self.index.synonyms
        return bool(syn.modifiers_in(self.index.title_tokens(entry)) - syn.modifiers_in(tokens) - syn.stages)

    def check(self, result: SearchResult, tokens: Sequence[str]) -> SearchResult:
        """``result`` unchanged; or, when its answer does not speak to the question, the one close candidate
        that does ("tạm giam chuẩn bị xét xử tội RNT": the detention entry, not the trial-preparation one),
        or a question back. A menu of close candidates of which only one speaks of all the question names
        ("giai đoạn truy tố rút gọn thì tạm giam tối đa mấy ngày": the rút gọn entry) is that one's answer."""
        result = rate_stated(result, tokens, self.settings.answer_threshold)  # "1 ngày tạm giữ bằng mấy ngày tạm giam"
        if result.outcome == "ask" and result.reason in _MENUS_SETTLED:
            return self._settled(result, tokens)
        if result.outcome != "answer" or result.entry is None:
            return result
        unmet = self.unmet(result.entry, tokens)
        if not unmet:
            return result
        others = [c for c in result.candidates[:_CANDIDATES] if c.entry is not result.entry]
        # A candidate that fits names what the answer lacked in its title, questions or tags: not in passing.
        named = [u for u in unmet if u not in _UNITS and u != "ai"]
        fitting = [c for c in others if not self.unmet(c.entry, tokens) and all(self._names(c.entry, u) for u in named)]
        fitting.sort(key=lambda c: -c.score)
        s = self.settings
        named_category = category_named(tokens)
        titled = [
            c for c in fitting if named_category and category_named(self.index.title_tokens(c.entry)) == named_category
        ]
        if len(fitting) > 1 and fitting[0].score - fitting[1].score < s.margin and len(titled) == 1:
            fitting = titled  # a tie ("gia hạn tạm giam tội nghiêm trọng mấy lần"): that category's own entry
        close = fitting and fitting[0].score >= s.answer_threshold and result.score - fitting[0].score <= s.ask_window
        # nor one titled with a case the question never names ("điều kiện hưởng án treo" is not the conditions
        # of the summary procedure at appeal, whose answer speaks of án treo)
        close = close and not self._titled_beyond(fitting[0].entry, tokens)
        if close and (len(fitting) == 1 or fitting[0].score - fitting[1].score >= s.margin):
            return SearchResult("answer", fitting[0].entry, fitting, fitting[0].score, "fits what was asked")
        options: list[Candidate] = [*fitting, Candidate(result.entry, result.score)][:3]
        return SearchResult("ask", None, options, result.score, f"not covered: {', '.join(unmet)}")
