"""The cases a question names, for the lead line (``lead.py``): a crime category, a phrase such as
"cấp trên", "khi chưa gia hạn", "tính cả gia hạn", "vụ việc phức tạp", "tòa án trả hồ sơ", a stage
("giai đoạn truy tố"), tạm giữ or tạm giam (when the answer gives both), the extension itself
("được gia hạn thêm bao lâu"), and each case's words as an answer's clause says them. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from knowledge.kb.normalize import syllables
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.vocabulary import Phrase, find

Want = tuple[str, object]
LENGTH_UNITS = frozenset({"ngay", "thang", "nam", "gio"})

_CATEGORIES: tuple[Phrase, ...] = (
    ("dac", "biet", "nghiem", "trong"),
    ("rat", "nghiem", "trong"),
    ("it", "nghiem", "trong"),
    ("nghiem", "trong"),
)
_BEFORE_EXTENSION: tuple[Phrase, ...] = (("thoi", "han", "dau"), ("khong", "gia", "han"), ("chua", "gia", "han"))
_TOTAL: tuple[Phrase, ...] = (("ca", "gia", "han"), ("tong", "cong"), ("tong",))
_OBSTACLE: tuple[Phrase, ...] = (("tro", "ngai", "khach", "quan"), ("bat", "kha", "khang"))
_COURT_RETURNED: tuple[Phrase, ...] = (("toa", "an", "tra"),)
CASES: tuple[tuple[Phrase, tuple[Phrase, ...]], ...] = (
    (("cap", "tren"), (("cap", "tren"),)),
    (("cung", "cap"), (("cung", "cap"),)),
    (("chua", "gia", "han"), _BEFORE_EXTENSION),
    (("khong", "gia", "han"), _BEFORE_EXTENSION),
    (("lan", "dau"), (("thoi", "han", "dau"), ("lan", "thu", "nhat"))),
    (("lan", "2"), (("lan", "thu", "hai"),)),
    (("lan", "thu", "hai"), (("lan", "thu", "hai"),)),
    (("an", "ninh", "quoc", "gia"), (("an", "ninh", "quoc", "gia"),)),
    (("vang", "mat"), (("vang", "mat"),)),
    (("moi", "lan"), (("moi", "lan"),)),
    # "tối đa bao lâu tính cả gia hạn", "tổng cộng bao lâu" ask the total
    (("ca", "gia", "han"), _TOTAL),
    (("tong", "cong"), _TOTAL),
    (("tong", "thoi", "han"), _TOTAL),
    (("tong", "thoi", "gian"), _TOTAL),
    # Đ346: the 2015 text's two court levels; Đ174, Đ280: who returned the file
    (("cap", "cao"), (("cap", "cao"),)),
    (("cap", "tinh"), (("cap", "tinh"),)),
    (("toa", "an", "tra"), _COURT_RETURNED),
    (("toa", "tra"), _COURT_RETURNED),
    # the longer limit of a complex matter or of an obstacle (Đ147, Đ277 k3, Đ481 …)
    (("phuc", "tap"), (("phuc", "tap"),)),
    (("tro", "ngai", "khach", "quan"), _OBSTACLE),
    (("bat", "kha", "khang"), _OBSTACLE),
    (("xac", "minh", "them"), (("xac", "minh", "them"),)),  # Đ474, Đ481: 24 hours, 3 days if more is to check
    # a protest in the convicted person's favour (Đ379, Đ401): no time limit, said as the figure
    (("co", "loi"), (("co", "loi"),)),
)
# "không hạn chế thời gian", "bất cứ lúc nào": the figure of a case with no limit
NO_LIMIT: tuple[Phrase, ...] = (("khong", "han", "che"), ("bat", "cu", "luc", "nao"))
EXTENSION: tuple[Phrase, ...] = (("gia", "han"),)
# Phrases said once at the opening of a sentence for all its clauses ("Tổng cộng kể cả gia hạn, … 30 ngày …,
# 45 ngày …"; "Thời hạn chưa gia hạn: 20 ngày …; 30 ngày …"; "Tạm giam: giai đoạn điều tra …; truy tố …";
# "Vụ việc có nhiều tình tiết phức tạp hoặc phải kiểm tra, xác minh … thì có thể kéo dài đến 2 tháng").
SENTENCE_WIDE: frozenset[Phrase] = frozenset(
    {*_TOTAL, *_BEFORE_EXTENSION, *EXTENSION, ("tam", "giu"), ("tam", "giam"), ("phuc", "tap")}
)
# Words before a phrase that deny it ("tội không xâm phạm …"); the extension also is not "kể cả gia hạn",
# "chưa gia hạn" nor "đề nghị gia hạn" (the proposal's own deadline).
_DENIED = frozenset({"khong", "chua", "ngoai"})
_DENIED_EXTENSION = _DENIED | {"ca", "nghi"}
_STAGES: tuple[Phrase, ...] = (("dieu", "tra"), ("truy", "to"), ("xet", "xu"), ("so", "tham"), ("phuc", "tham"))
_HOLDS: tuple[Phrase, Phrase] = (("tam", "giu"), ("tam", "giam"))
_FACILITIES: tuple[Phrase, ...] = (("nha", "tam", "giu"), ("trai", "tam", "giam"))
# "gia hạn (truy tố tội …) (được) (thêm) bao lâu / mấy ngày / tối đa": the length of the extension asked
_EXTENSION_ASKED = re.compile(
    r"(?<!ca )(?<!chua )(?<!khong )(?<!nghi )\bgia han\b(?: [a-z0-9]+){0,10}? (?:them|bao lau|may|bao nhieu|toi da)\b"
)
_RANK_ASKED = re.compile(r"\blan (?:thu|dau|\d)\b")
# "gửi (quyết định …) cho VKS mấy ngày": the time to send asked, not what the receiver then does ("gửi … thì
# VKS phê chuẩn trong mấy ngày" asks the approval), nor a time before something ("gửi trước khi hết hạn mấy
# ngày"). Not "chuyển", which folds with "chuyên" ("ký số chuyên dụng") and "chuyển đổi".
_SENDING: tuple[Phrase, ...] = (("gui",), ("chuyen",), ("giao",))  # as answers say it ("giao hồ sơ … trong 2 ngày")
_SEND_ASKED = re.compile(
    r"\bgui\b(?: (?!thi\b|roi\b|xong\b|ma\b|de\b|nhung\b|phe\b|xet\b|nhan\b|huy\b|truoc\b)[a-z0-9]+)"
    r"{0,12}? (?:trong |sau |la |mat )?(?:bao lau|may|bao nhieu|toi da|khi nao|luc nao)\b"
)
_COUNT_ASKED = re.compile(r"\b(?:may|bao nhieu) lan\b")


def sending_asked(tokens: Sequence[str]) -> bool:
    """Whether the question asks how long sending takes ("gửi qđ cho vks mấy ngày")."""
    return _SEND_ASKED.search(" ".join(tokens)) is not None


def says_sending(answer: str) -> bool:
    """Whether a statement of the answer (between "." or ";") gives a time to send ("gửi … trong 24 giờ")."""
    for statement in re.split(r"[.;]", answer):
        tokens = numbers_from_words(syllables(statement))
        if any(find(tokens, verb) >= 0 for verb in _SENDING) and has_length(tokens):
            return True
    return False


def categories(tokens: Sequence[str]) -> set[Phrase]:
    """Crime categories named, each counted once ("rất nghiêm trọng" is not "nghiêm trọng")."""
    masked = list(tokens)
    found: set[Phrase] = set()
    for phrase in _CATEGORIES:
        at = find(masked, phrase)
        while at >= 0:
            found.add(phrase)
            masked[at : at + len(phrase)] = [""] * len(phrase)
            at = find(masked, phrase, at + len(phrase))
    return found


def affirmed(clause: Sequence[str], phrase: Phrase) -> bool:
    """The phrase is in the clause, not denied ("tội không xâm phạm an ninh quốc gia")."""
    denied = _DENIED_EXTENSION if phrase in EXTENSION else _DENIED
    at = find(clause, phrase)
    while at >= 0:
        if not denied & set(clause[max(at - 3, 0) : at]):
            return True
        at = find(clause, phrase, at + 1)
    return False


def holds_named(tokens: Sequence[str]) -> set[Phrase]:
    """Tạm giữ and tạm giam as measures named, not as the facilities' names ("nhà tạm giữ")."""
    masked = list(tokens)
    for facility in _FACILITIES:
        at = find(masked, facility)
        while at >= 0:
            masked[at : at + len(facility)] = [""] * len(facility)
            at = find(masked, facility, at)
    return {hold for hold in _HOLDS if find(masked, hold) >= 0}


def _stages(question: Sequence[str]) -> list[Phrase]:
    """The stage words after "giai đoạn" ("giai đoạn xét xử phúc thẩm": xét xử, phúc thẩm)."""
    at = find(question, ("giai", "doan"))
    if at < 0:
        return []
    after = question[at + 2 : at + 6]
    return [stage for stage in _STAGES if find(after, stage) >= 0]


def has_length(tokens: Sequence[str]) -> bool:
    """A figure of time ("4 tháng", "24 giờ", "2 lần"), not an article or clause number."""
    return any(a.isdigit() and b in LENGTH_UNITS | {"lan"} for a, b in pairwise(tokens))


def says_a_limit(tokens: Sequence[str]) -> bool:
    """A figure of time, or that there is none ("không hạn chế thời gian")."""
    return has_length(tokens) or any(find(tokens, phrase) >= 0 for phrase in NO_LIMIT)


def _figured(answer: str, kinds: Sequence[Phrase], named: Callable[[Sequence[str]], set[Phrase]]) -> set[Phrase]:
    """The kinds that some statement of the answer (between "." or ";") gives a figure for alone."""
    out: set[Phrase] = set()
    for statement in re.split(r"[.;]", answer):
        tokens = numbers_from_words(syllables(statement))
        said = named(tokens) & set(kinds)
        if len(said) == 1 and has_length(tokens):
            out |= said
    return out


def _stage_words(tokens: Sequence[str]) -> set[Phrase]:
    return {stage for stage in _STAGES[:3] if find(tokens, stage) >= 0}


def cases_named(question: Sequence[str], answer: str) -> list[Want]:
    """The cases of ``question`` that ``answer`` can speak of, as wants for ``lead``."""
    folded = numbers_from_words(syllables(answer))
    wanted: list[Want] = []
    if len(categories(folded)) >= 2:  # an answer about one crime category only: its category picks no clause
        wanted += [("category", c) for c in categories(question)]
    wanted += [("phrase", shown_as) for phrase, shown_as in CASES if find(question, phrase) >= 0]
    stages = _stages(question)
    # "giai đoạn truy tố" picks a clause only from an answer that gives a figure per stage ("Tạm giam: giai đoạn
    # điều tra không quá 20 ngày; truy tố không quá 5 ngày; …"), not from one that names stages in passing
    if stages and find(folded, ("giai", "doan")) >= 0 and len(_figured(answer, _STAGES[:3], _stage_words)) >= 2:
        wanted += [("stage", (stage,)) for stage in stages]
    asked = holds_named(question)
    if len(asked) == 1 and len(_figured(answer, _HOLDS, holds_named)) == 2:  # a figure for each of the two
        [hold] = asked
        wanted.append(("hold", (hold, next(h for h in _HOLDS if h != hold))))
    text = " ".join(question)
    if sending_asked(question) and not says_sending(re.split(r"[.;]", answer, maxsplit=1)[0]):  # not said first
        wanted.append(("phrase", _SENDING))
    if _EXTENSION_ASKED.search(text) and not _RANK_ASKED.search(text):
        # "gia hạn được bao nhiêu ngày": a clause with a length, not the count ("chỉ được gia hạn 1 lần"); "mấy lần": the count
        wanted.append(("extension", _COUNT_ASKED.search(text) is not None))
    return wanted


def matches(clause: Sequence[str], want: Want, head: Sequence[str]) -> int:
    """How strongly the clause is about the case wanted (0: not): the number of its phrases said, a phrase
    of ``SENTENCE_WIDE`` also when the sentence's opening words (``head``) say it."""
    kind, value = want
    if kind == "category":
        return int(value in categories(clause))
    if kind == "extension":  # value: whether the count is asked
        extended = affirmed(clause, EXTENSION[0]) or affirmed(head, EXTENSION[0])
        units = {"lan"} if value else LENGTH_UNITS  # "mấy lần": the count's clause; else a length's
        return int(extended and any(a.isdigit() and b in units for a, b in pairwise(clause)))
    assert isinstance(value, tuple)
    if kind == "hold":
        hold, other = value  # as measures, not in the facilities' names ("nhà tạm giữ")
        said, opened = holds_named(clause), holds_named(head)
        if other in said:
            return 0
        return int(hold in said or (hold in opened and other not in opened))
    return sum(affirmed(clause, p) or (p in SENTENCE_WIDE and affirmed(head, p)) for p in value)
