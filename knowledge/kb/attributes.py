"""Follow-ups that ask an attribute of the last answer itself, not another subject.

* its legal basis ("căn cứ điều mấy", "quy định ở đâu", "theo luật nào"): every entry names its
  source, so the last answer is the answer;
* its total ("tổng cộng bao lâu", "cả gia hạn là bao lâu"): the last answer, when it states one;
* where its period starts ("mốc tính là từ lúc nào"): the last answer, when it says "kể từ …";
* the stage after (or before) it ("giai đoạn sau thì bao lâu"): the last answer's question with
  its stage replaced by the neighbouring one, or nothing (then the caller asks).

Tokens are folded syllables, abbreviations expanded (``Dialogue._tokens``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.kb.followup import strip_cues
from knowledge.kb.normalize import lower_nfc, syllables
from knowledge.kb.vocabulary import Vocabulary, find
from knowledge.kb.who import category_named

Phrase = tuple[str, ...]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# What names a legal basis. "điều" alone (not "điều tra": "tra" is no filler below).
_SOURCE_KEYS: tuple[Phrase, ...] = (
    ("co", "so", "phap", "ly"),
    ("phap", "ly"),
    ("can", "cu"),
    ("quy", "dinh"),
    ("van", "ban"),
    ("bo", "luat"),
    ("luat",),
    ("dieu",),
    ("khoan",),
    ("nguon",),
)
# The words a question about the basis goes with ("căn cứ vào đâu", "điều mấy BLTTHS").
_SOURCE_FILLERS = _words(
    "o dau nao may gi la theo vao tai trong cua hinh su to tung nam 2015 thi sao the ve viec nay do "
    "chu a vay ha nhi dua tren cu the muc chuong nhe voi duoc co khong ko k ghi neu"
    " cai bo sung boi sua doi"  # "cái căn cứ đó được bổ sung bởi luật nào"
)

# What a total is asked with ("tổng cộng", "cả gia hạn", "tất cả").
_TOTAL_KEYS: tuple[Phrase, ...] = (("tong", "cong"), ("tong",), ("tat", "ca"), ("ca", "gia", "han"), ("ke", "ca"))
_TOTAL_FILLERS = _words(
    "toi da bao lau nhieu may ngay thang gio la duoc tinh gia han thi sao het the nao ca lai chu a vay ha nhi khoang co"
)

_TOTAL_STATED = re.compile(r"(?<!\w)tổng(?!\w)|(?:^|[.]\s*)tối đa(?!\w)")

_DURATION_KEYS: tuple[Phrase, ...] = (("bao", "lau"), ("bao", "nhieu"), ("may",))
_DURATION_FILLERS = _words("trong thoi han la thi sao phai duoc ngay gio thang chu a vay ha nhi")
_DURATION_STATED = re.compile(r"\d+\s*(?:giờ|ngày|tháng|năm)(?!\w)")

# Where the period starts ("mốc tính là từ lúc nào", "bắt đầu tính từ ngày nào"), said by "kể từ", "tính từ".
_START_KEYS: tuple[Phrase, ...] = (("moc", "tinh"), ("moc",), ("bat", "dau", "tinh"), ("bat", "dau"), ("tinh", "tu"))
_START_FILLERS = _words("la tu luc khi ngay nao dau thoi diem gio bao tinh thi sao vay a ha nhi chu duoc the")
_START_STATED = re.compile(r"(?<!\w)(?:kể từ|tính từ)(?!\w)")

_OVERDUE_KEYS: tuple[Phrase, ...] = (("qua", "han"), ("het", "thoi", "han"), ("het", "han"))
_OVERDUE_FILLERS = _words("ma chua khong ko gia han thi sao lam gi xu ly the nao ra duoc roi phai ai a vay ha nhi")
# "hết hạn mà chưa xong", "… chưa kết thúc điều tra": the stage not finished, said of the answer's period
_OVERDUE_FILLERS |= _words("xong ket thuc dieu tra truy to xet xu giai quyet van con")

# The crime category a procedure or a measure requires ("còn tội của nó phải là loại tội gì" after the summary
# procedure's conditions), answered by the last answer when it names one (BLHS Điều 9 categories).
_CATEGORY_KEYS: tuple[Phrase, ...] = (("loai", "toi", "pham"), ("loai", "toi"), ("toi", "loai"), ("toi", "gi"))
_CATEGORY_KEYS += (("toi", "nao"),)
_CATEGORY_FILLERS = _words(
    "toi pham cua no do vu an viec phai la gi nao loai thuoc thi moi duoc ap dung cho voi sao vay a ha nhi chu "
    "nguoi bi can can co dieu kien ve muc the"
)
_CATEGORY_STATED = re.compile(r"(?<!\w)nghiêm trọng(?!\w)")

# The stages whose limits differ by crime category, in the order of the procedure
STAGE_ORDER: tuple[Phrase, ...] = (("dieu", "tra"), ("truy", "to"), ("chuan", "bi", "xet", "xu"))
_AFTER = (("giai", "doan", "sau"), ("giai", "doan", "tiep", "theo"), ("giai", "doan", "ke", "tiep"))
_BEFORE = (("giai", "doan", "truoc"),)
_STAGE_FILLERS = _words("thi sao bao lau nhieu may ngay thang la toi da duoc the nao ra chu a vay ha nhi")


def _only(tokens: list[str], keys: Sequence[Phrase], fillers: frozenset[str]) -> bool:
    """Whether ``tokens`` name one of ``keys`` and, those removed, only fillers."""
    rest, named = list(tokens), False
    for key in keys:  # longest first
        at = find(rest, key)
        while at >= 0:
            named = True
            rest = rest[:at] + rest[at + len(key) :]
            at = find(rest, key)
    return named and all(t in fillers for t in rest)


def asks_source(tokens: Sequence[str], vocab: Vocabulary) -> bool:
    """Whether a follow-up asks only where the last answer's rule is written."""
    return _only(strip_cues(list(tokens), vocab), _SOURCE_KEYS, _SOURCE_FILLERS)


# What asks which document is meant ("QĐ mới nhất là số mấy, ban hành ngày nào" after the indicator system's answer)
_DOCUMENT_KEYS: tuple[Phrase, ...] = (("so", "bao", "nhieu"), ("so", "may"), ("ban", "hanh"), ("moi", "nhat"))
_DOCUMENT_FILLERS = _words(
    "quyet dinh van ban luat thong tu nghi quyet la gi ngay nao thang nam vay a ha nhi thi the con so may bao nhieu "
    "nhe hien nay gio hien hanh nao cua nganh"
)
_DOCUMENT_STATED = re.compile(r"\d+/(?:qđ|nq|\d{4})", re.I)


def asks_document_only(tokens: Sequence[str], vocab: Vocabulary) -> bool:
    """Whether a follow-up asks only which document (its number, its date)."""
    return _only(strip_cues(list(tokens), vocab), _DOCUMENT_KEYS, _DOCUMENT_FILLERS)


def states_document(answer: str) -> bool:
    """Whether an answer names a document by its number ("Quyết định 358/QĐ-VKSTC ngày 23/9/2025")."""
    return _DOCUMENT_STATED.search(answer) is not None


def asks_total(tokens: Sequence[str], vocab: Vocabulary) -> bool:
    """Whether a follow-up asks only the total ("tổng cộng tối đa mấy tháng")."""
    return _only(strip_cues(list(tokens), vocab), _TOTAL_KEYS, _TOTAL_FILLERS)


def states_total(answer: str) -> bool:
    """Whether an answer states a total: "tổng …", or a sentence that opens with "tối đa" ("Tối đa 7
    tháng."), not the cap of one extension ("gia hạn thêm: tối đa 10 ngày")."""
    return _TOTAL_STATED.search(lower_nfc(answer)) is not None


def asks_how_long(tokens: Sequence[str], vocab: Vocabulary) -> bool:
    """Whether a follow-up asks only how long ("trong thời hạn bao lâu", "mấy ngày")."""
    return _only(strip_cues(list(tokens), vocab), _DURATION_KEYS, _DURATION_FILLERS)


def asks_start(tokens: Sequence[str], vocab: Vocabulary) -> bool:
    """Whether a follow-up asks only where the period starts ("mốc tính là từ lúc nào")."""
    return _only(strip_cues(list(tokens), vocab), _START_KEYS, _START_FILLERS)


def states_start(answer: str) -> bool:
    """Whether an answer says where its period starts ("kể từ ngày …", "tính từ …")."""
    return _START_STATED.search(lower_nfc(answer)) is not None


def states_a_length(answer: str) -> bool:
    """Whether an answer gives a duration ("trong 24 giờ", "3 ngày")."""
    return _DURATION_STATED.search(lower_nfc(answer)) is not None


def asks_overdue(tokens: Sequence[str], vocab: Vocabulary) -> bool:
    """Whether a follow-up asks what happens when the period runs out ("quá hạn thì sao")."""
    return _only(strip_cues(list(tokens), vocab), _OVERDUE_KEYS, _OVERDUE_FILLERS)


def names_overdue(title: Sequence[str]) -> bool:
    """Whether an entry's title is about a period run out ("Hết thời hạn … mà không gia hạn")."""
    return any(find(title, key) >= 0 for key in _OVERDUE_KEYS)


def asks_category(tokens: Sequence[str], vocab: Vocabulary, title: Sequence[str]) -> bool:
    """Whether a follow-up asks only which category of crime the last answer's rule is for ("tội phải là loại tội
    gì", "áp dụng cho tội nào"); the words of the answer's own title may be said again ("rút gọn")."""
    words = [t for t in strip_cues(list(tokens), vocab) if t not in title or t == "toi"]
    return _only(words, _CATEGORY_KEYS, _CATEGORY_FILLERS)


def states_category(answer: str) -> bool:
    """Whether an answer names a category of crime ("tội ít nghiêm trọng")."""
    return _CATEGORY_STATED.search(lower_nfc(answer)) is not None


def asks_neighbour_stage(tokens: Sequence[str], vocab: Vocabulary) -> int:
    """+1 for "giai đoạn sau/tiếp theo …", -1 for "giai đoạn trước …", 0 otherwise."""
    words = strip_cues(list(tokens), vocab)
    for step, phrases in ((1, _AFTER), (-1, _BEFORE)):
        for phrase in phrases:
            at = find(words, phrase)
            if at >= 0 and all(t in _STAGE_FILLERS for t in words[:at] + words[at + len(phrase) :]):
                return step
    return 0


def neighbour_stage(title: Sequence[str], step: int) -> tuple[list[str], Phrase] | None:
    """``title`` with its stage replaced by the one ``step`` away, and that stage; or None (no stage,
    or none that way)."""
    named = [i for i, stage in enumerate(STAGE_ORDER) if find(title, stage) >= 0]
    if len(named) != 1 or not 0 <= named[0] + step < len(STAGE_ORDER):
        return None
    old, new = STAGE_ORDER[named[0]], STAGE_ORDER[named[0] + step]
    at = find(title, old)
    return [*title[:at], *new, *title[at + len(old) :]], new


def asks_what_is_stated(tokens: Sequence[str], vocab: Vocabulary, title: Sequence[str], answer: str) -> bool:
    """Whether a follow-up asks only an attribute of the last answer that its answer states: its basis, the
    document it names ("qđ mới nhất số mấy"), its total, its length, where it starts, the category it is for."""
    return (
        asks_source(tokens, vocab)
        or (asks_document_only(tokens, vocab) and states_document(answer))
        or (asks_total(tokens, vocab) and states_total(answer))
        or (asks_how_long(tokens, vocab) and states_a_length(answer))
        or (asks_start(tokens, vocab) and states_start(answer))
        or (asks_category(tokens, vocab, title) and states_category(answer))
    )


# What a follow-up that only names a category says around it ("vụ nghiêm trọng thì cụ thể bao nhiêu")
_NAMED_CATEGORY_FILLERS = _words(
    "vu an toi pham con neu thi cu the bao nhieu lau may ngay thang toi da la sao vay a ha nhi chu the doi voi"
)


def names_a_stated_category(tokens: Sequence[str], vocab: Vocabulary, answer: str) -> bool:
    """Whether a follow-up only names a crime category ("vụ nghiêm trọng thì cụ thể bao nhiêu") that the last answer
    gives a figure for: that answer, read for that category (its lead line puts the category's figure first)."""
    words = strip_cues(list(tokens), vocab)
    named = category_named(words)
    said = list(syllables(answer))  # the answer's words, folded ("… tội nghiêm trọng; 2 tháng …")
    if named is None or find(said, named) < 0:
        return False
    at = find(words, named)
    rest = words[:at] + words[at + len(named) :]
    return all(w in _NAMED_CATEGORY_FILLERS for w in rest)
