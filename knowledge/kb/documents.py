"""A question that asks which document ("theo quy chế nào", "qđ số mấy") and the entries about one.

A menu of close candidates of which exactly one is about a document is that one's answer; and an answer
that rests on words the entry says in passing (the guard's "off topic"), for such a question, gives way
to the close candidate about a document that is on the question's topic ("kiểm sát viên làm ở trại tạm
giam thì theo quy chế nào": the procuracy's rules for custody, not how an appeal sent through the camp
is dated).

A document named by its number ("Luật 99/2025", "QĐ 139") makes a part a question of its own even when it names no
subject ("qđ 358 thay qđ nào, còn qđ 139 ban hành ngày nào"), and no regime said elsewhere in the message changes it
(``documents_named``; ``regime``, ``dialogue``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from knowledge.kb.decision import SearchResult
from knowledge.kb.entry import Entry
from knowledge.kb.settings import SearchSettings
from knowledge.kb.vocabulary import find

# "theo qđ số mấy", "văn bản nào", "quy chế nào": the question asks which document.
_DOCUMENTS = (("quyet", "dinh"), ("van", "ban"), ("quy", "che"), ("nghi", "quyet"), ("thong", "tu"), ("chi", "thi"))
_WHICH = (("nao",), ("so", "may"), ("so", "bao", "nhieu"), ("may",))


# "qđ báo cáo thống kê hiện hành của ngành số mấy": the number asked at the end of the document's name
_NUMBER_ASKED = (("so", "may"), ("so", "bao", "nhieu"), ("so", "nao"), ("so", "hieu", "nao"))


def asks_document(tokens: Sequence[str]) -> bool:
    """Whether the question asks which document ("chế độ báo cáo theo qđ số mấy")."""
    for doc in _DOCUMENTS:
        at = find(tokens, doc)
        while at >= 0:
            rest = tuple(tokens[at + len(doc) : at + len(doc) + 3])
            if any(rest[: len(w)] == w for w in _WHICH):
                return True
            if any(find(tokens[at + len(doc) :], w) >= 0 for w in _NUMBER_ASKED):
                return True
            at = find(tokens, doc, at + 1)
    return False


_NUMBER = re.compile(r"\d+/\d{4}")


def numbered(tokens: Sequence[str]) -> set[str]:
    """The documents a question names by number and year right after a document word ("qđ 139/2020")."""
    return {
        tokens[at + len(doc)]
        for doc in _DOCUMENTS
        for at in range(len(tokens) - len(doc))
        if tuple(tokens[at : at + len(doc)]) == doc and _NUMBER.fullmatch(tokens[at + len(doc)])
    }


def names_document(title: Sequence[str]) -> bool:
    """Whether an entry's title is about a document ("Văn bản về …", "(QĐ 358/2025)", "Quy chế …")."""
    return any(find(title, doc) >= 0 for doc in _DOCUMENTS) or "luat" in title


def document_asked(
    result: SearchResult, tokens: Sequence[str], titles: Sequence[list[str]], s: SearchSettings
) -> SearchResult:
    """A menu of close candidates for a question asking which document, when exactly one of them is
    about a document (``titles``: the candidates' folded titles): that one is the answer."""
    numbers = numbered(tokens)
    if result.outcome != "ask" or not result.candidates or not (asks_document(tokens) or numbers):
        return result
    top = result.candidates[0].score
    # the menu's options (the search's ask window): one of them the only document is the one asked
    close = [(c, t) for c, t in zip(result.candidates, titles, strict=False) if top - c.score <= s.ask_window / 2]
    # "qđ 139/2020 còn áp dụng không": the one close entry whose title names that document's number
    docs = [c for c, title in close if names_document(title) and (not numbers or numbers & set(title))]
    if len(docs) != 1 or docs[0].score < s.answer_threshold:
        return result
    return SearchResult("answer", docs[0].entry, docs, docs[0].score, "the document asked")


def document_instead(
    result: SearchResult,
    tokens: Sequence[str],
    title: Callable[[Entry], list[str]],
    off_topic: Callable[[Entry], bool],
    s: SearchSettings,
) -> SearchResult | None:
    """For an answer off the question's topic: the one close candidate about a document, on its topic, when
    the question asks which document (else None)."""
    if result.entry is None or not asks_document(tokens):
        return None
    close = [c for c in result.candidates if c.score >= max(s.ask_threshold, result.score - s.ask_window)]
    docs = [c for c in close if c.entry is not result.entry and names_document(title(c.entry))]
    docs = [c for c in docs if not off_topic(c.entry)]
    if len(docs) != 1:
        return None
    return SearchResult("answer", docs[0].entry, docs, docs[0].score, "the document asked")


# The kinds of document a question may name ("luật … số mấy", "theo quy chế nào")
_KINDS = (("luat",), ("quy", "che"), ("quyet", "dinh"), ("thong", "tu"), ("nghi", "dinh"), ("nghi", "quyet"))


def kind_named(
    result: SearchResult, tokens: Sequence[str], title: Callable[[Entry], list[str]], s: SearchSettings
) -> SearchResult:
    """``result``, or the one close candidate titled with the kind of document the question names and asks
    the number or name of, when the answer's title names another kind ("luật thi hành tạm giữ, tạm giam hiện
    nay là luật số mấy": the law, not the procuracy's quy chế)."""
    if result.outcome != "answer" or result.entry is None:
        return result
    kinds = [k for k in _KINDS if find(tokens, k) >= 0]
    if len(kinds) != 1 or not any(find(tokens, w) >= 0 for w in (*_NUMBER_ASKED, ("nao",))):
        return result
    own = title(result.entry)
    if find(own, kinds[0]) >= 0 or not names_document(own):
        return result
    close = [c for c in result.candidates if c.entry is not result.entry and c.score >= result.score - s.ask_window]
    titled = [c for c in close if find(title(c.entry), kinds[0]) >= 0]
    if len(titled) != 1 or titled[0].score < s.ask_threshold:
        return result
    return SearchResult("answer", titled[0].entry, titled, titled[0].score, "the kind of document named")


# Documents named by their number
_DOCUMENT = re.compile(
    r"(?i)(?<!\w)(?:luật|luat|qđ|qd|quyết định|quyet dinh|nghị quyết|nghi quyet|nq|thông tư|thong tu|nđ"
    r"|nghị định|nghi dinh|chỉ thị|chi thi)\s*(?:số\s*|so\s*)?(\d{2,})(?:/\d{4})?"
    r"(?!\s*(?:ngày|ngay|tháng|thang|giờ|gio|năm|nam|h|ng|th|lần|lan)(?!\w))"  # "qđ 15 ngày": a length
)


def documents_named(text: str) -> frozenset[str]:
    """The numbers of the documents ``text`` names ("139", "99")."""
    return frozenset(m.group(1) for m in _DOCUMENT.finditer(text))
