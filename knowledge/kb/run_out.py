"""A question that tells a period run out with what was missing and asks what to do ("hết hạn mà cqđt chưa có lệnh
gh, vks chưa phê chuẩn thì trại phải làm gì", "het han tam giam de dieu tra ma khong duoc gia han thi phai lam gi"):
the law's rule for a period run out (an entry titled with it: "Hết thời hạn tạm giữ, tạm giam mà không gia hạn: trả
tự do"), of the measure it names or, naming none, the one the previous answer is about; never the extension's
limits or the request's deadline, whose words the story says. Used by ``dialogue.Dialogue`` for each part."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from knowledge.kb.decision import Candidate
from knowledge.kb.entry import Entry
from knowledge.kb.part import Part
from knowledge.kb.search import Searcher, SearchResult
from knowledge.kb.vocabulary import Phrase, Vocabulary, find
from knowledge.kb.what_to_do import asks_what_to_do

_RUN_OUT: tuple[Phrase, ...] = (("het", "thoi", "han"), ("het", "han"), ("qua", "han"))
_MISSING = frozenset({"chua", "khong", "ko"})
# What is missing when a period runs out: an order, an extension, its request or approval
_ORDERS: tuple[Phrase, ...] = (("lenh",), ("gia", "han"), ("quyet", "dinh"), ("phe", "chuan"), ("de", "nghi"))
_PROCURACY: tuple[Phrase, ...] = (("vien", "kiem", "sat"), ("kiem", "sat", "vien"))
_MEASURES: tuple[Phrase, ...] = (("tam", "giam"), ("tam", "giu"))  # what a run-out rule is of


class RunOut:
    def __init__(self, searcher: Searcher, vocab: Vocabulary) -> None:
        self.searcher = searcher
        self.vocab = vocab
        titles = ((e.id, searcher.title_tokens(e)) for e in searcher.entries)
        self._rules = {i: t for i, t in titles if _titled_run_out(t)}  # the entries titled with a period run out

    def read(self, part: Part, previous: Entry | None, today: date) -> Part:
        """``part``, or the run-out rule of its measure when it tells the period run out, what was missing, and
        asks what to do."""
        tokens = list(part.tokens)
        entry = part.result.entry
        if entry is not None and _titled_run_out(self.searcher.title_tokens(entry)):
            return part
        syn = self.searcher.synonyms
        if syn.modifiers_in(tokens) & syn.regimes:
            return part  # a minor: the run-out entries state the adults' terms (the minors' entry answers)
        at = next((i for k in _RUN_OUT if (i := find(tokens, k)) >= 0), -1)
        if at < 0 or _MISSING.isdisjoint(tokens[at:]) or not asks_what_to_do(part.text):
            return part
        missing = next(i for i in range(at, len(tokens)) if tokens[i] in _MISSING)
        if not any(find(tokens[missing:], o) >= 0 for o in _ORDERS):
            return part  # what is missing is no order ("hết hạn mà chưa kết thúc điều tra thì sao")
        asker = tokens[len(tokens) - tokens[::-1].index("thi") :] if "thi" in tokens else tokens[missing:]
        if any(find(asker, b) >= 0 for b in _PROCURACY):
            return part  # what the procuracy does ("… thì vks làm gì"): its powers, not the camp's release
        measure = _run_out_of(tokens, at)
        if measure is None and previous is not None:
            title = self.searcher.title_tokens(previous)
            named = [m for m in _MEASURES if find(title, m) >= 0]
            measure = named[0] if len(named) == 1 else None
        if measure is None:
            return part  # no measure: the question's own reading stands
        rules = [e for e in self.searcher.entries if e.id in self._rules and find(self._rules[e.id], measure) >= 0]
        if len(rules) > 1:  # several: the one the question ranks first among them
            query = " ".join([*measure, "het", "thoi", "han", *tokens])
            ranked = [c.entry for c in self.searcher.search(query, today).candidates]
            rules = [e for e in ranked if e in rules][:1]
        if len(rules) == 1:
            found = SearchResult("answer", rules[0], [Candidate(rules[0], 1.0)], 1.0, "a period run out, what to do")
            return replace(part, result=found)
        return part


def _run_out_of(tokens: list[str], at: int) -> Phrase | None:
    """The measure whose period ran out: the last named before "hết hạn" ("tạm giữ hết hạn mà chưa có lệnh tạm
    giam"), else the first named after it before what was missing ("hết hạn tạm giam mà không được gia hạn")."""
    missing = next((i for i in range(at, len(tokens)) if tokens[i] in _MISSING), len(tokens))
    named = sorted((i, m) for m in _MEASURES for i in range(len(tokens)) if tuple(tokens[i : i + len(m)]) == m)
    before = [m for i, m in named if i < at]
    after = [m for i, m in named if at <= i < missing]
    return before[-1] if before else after[0] if after else None


def _titled_run_out(title: list[str]) -> bool:
    """Whether an entry's title is about a period run out ("Hết thời hạn tạm giữ, tạm giam mà không gia hạn"), not
    about what comes before the end ("… thông báo trước khi hết thời hạn tạm giữ") nor the day it ends ("ngày hết
    hạn tạm giam")."""
    for key in _RUN_OUT:
        at = find(title, key)
        while at >= 0:
            if tuple(title[max(at - 2, 0) : at]) != ("truoc", "khi") and title[at - 1 : at] not in (["sap"], ["ngay"]):
                return True
            at = find(title, key, at + 1)
    return False
