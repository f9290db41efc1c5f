"""Counts a question asks for and counts an entry gives: the unit an amount is asked in ("bao nhiêu ngày",
"mấy lần"), the units an entry gives amounts in ("24 giờ", "hằng tuần"), and the things a count is asked of
other than time ("bao nhiêu buồng", "có mấy cán bộ")."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

_ASKS = (("bao", "nhieu"), ("may",))
# The unit asked, and the words of an entry that answer in it ("mấy lần một tuần": "hằng tuần").
# Days, months and years answer one another ("bao nhiêu ngày" may be "2 tháng", even "12 giờ");
# hours are asked for the short limits, so an entry in days does not answer them.
_SPANS = frozenset({"ngay", "thang", "tuan", "nam", "gio"})
UNITS: dict[str, frozenset[str]] = {"ngay": _SPANS, "thang": _SPANS, "tuan": _SPANS, "nam": _SPANS}
UNITS |= {"gio": frozenset({"gio"}), "lan": frozenset({"lan", "hang"})}
# "bao lâu" asks a span in any of them: an entry that gives none (the summary procedure's conditions) does not answer
# "tòa thụ lý phải ra quyết định trong bao lâu theo thủ tục rút gọn"
_HOW_LONG = ("bao", "lau")
_SPAN_ASKED = "bao lau"
UNITS[_SPAN_ASKED] = _SPANS


def counted_units(tokens: Sequence[str]) -> frozenset[str]:
    """The units an entry gives amounts in: after a number ("24 giờ", "2 lần") or "hằng" ("hằng tuần");
    not "không bao giờ"."""
    return frozenset(u for before, u in itertools.pairwise(tokens) if u in UNITS and _counts(before))


def _counts(word: str) -> bool:
    return word.isdigit() or word in ("hang", "moi", "may")


# The hour of a day asked without "mấy giờ": "hết vào lúc nào trong ngày cuối", "kết thúc vào giờ nào"
_HOUR_ASKED = (("luc", "nao", "trong", "ngay"), ("vao", "gio", "nao"), ("luc", "gio", "nao"))


def asked_units(tokens: Sequence[str]) -> list[str]:
    """The units an amount is asked in ("bao nhiêu ngày", "mấy lần"; "lúc nào trong ngày": the hour)."""
    out = ["gio" for i in range(len(tokens)) for p in _HOUR_ASKED if tuple(tokens[i : i + len(p)]) == p]
    out += [_SPAN_ASKED for i in range(len(tokens) - 1) if tuple(tokens[i : i + 2]) == _HOW_LONG]
    for i in range(len(tokens)):
        for ask in _ASKS:
            end = i + len(ask)
            if tuple(tokens[i:end]) == ask and end < len(tokens) and tokens[end] in UNITS:
                out.append(tokens[end])
    return out


_RELATIONS = frozenset({"tren", "trong", "tai", "cho"})  # "bao nhiêu trên …", "bao nhiêu trong …"
_CLASSIFIERS = (("cai",), ("chiec",), ("don", "vi"))  # the words that count, not what is counted


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
        # "có bao nhiêu cái vks": the vks; "có nhiêu cái dzậy", "cấp khu vực có nhiêu đơn vị": the thing named before
        at = i + next((len(c) for c in _CLASSIFIERS if tuple(tokens[i : i + len(c)]) == c), 0)
        if at >= len(tokens):
            continue
        word, after = tokens[at], tokens[at + 1] if at + 1 < len(tokens) else ""
        pair = f"{word} {after}" if after else ""
        if after in _VERB_AFTER.get(word, ()):
            continue  # "max bn tinh ca gh": "tính cả gia hạn", no count of provinces ("bao nhiêu tỉnh")
        if pair in PEOPLE or word in PEOPLE:
            out.add(pair if pair in PEOPLE else word)  # "mấy người", "bao nhiêu hội thẩm": stopwords, still people
        elif word in _FOLDED_NOUNS and pair in known:
            out.add(pair)
        elif _thing(word, stopwords) and not _unit_typo(word) and word not in _TIME:
            out.add(word)
    return frozenset(out)


def _thing(word: str, stopwords: frozenset[str]) -> bool:
    return bool(word) and word not in stopwords and word not in GENERIC and word not in _ALL and not word.isdigit()


_ALL = frozenset({"ca"})  # "max bn cả gh": "tính cả gia hạn", no thing counted
SHARES = frozenset({"%", "phan"})  # "bao nhiêu %", "bao nhiêu phần trăm": a rate, which no entry counts


# Stopwords that fold onto a noun: "cần" and "cán" ("bao nhiêu cán bộ").
_FOLDED_NOUNS = frozenset({"can"})
# A noun that folds onto a verb, and the words that make it the verb ("tinh ca", "tinh tu": tính, not tỉnh)
_VERB_AFTER = {"tinh": frozenset({"ca", "luon", "tu", "den", "them", "theo", "gop", "ra", "lai"})}
# "Thời gian" shortened after a count: "còn bn tg để gq tiếp" asks how long, not how many of "tg" (tạm giữ, tạm giam)
_TIME = frozenset({"tg", "tgian"})
_COUNT_VERBS = (("co",), ("gom",), ("duoc",), ("la",), ("con",))


def _unit_typo(word: str) -> bool:
    """A unit cut short, with one letter dropped, added or two letters swapped ("th", "thag", "ngayy", "nagy")."""
    for unit in UNITS:
        if unit.startswith(word) or (abs(len(word) - len(unit)) <= 1 and sorted(word) == sorted(unit)):
            return True
        longer, shorter = (word, unit) if len(word) > len(unit) else (unit, word)
        if len(longer) - len(shorter) == 1 and any(longer[:k] + longer[k + 1 :] == shorter for k in range(len(longer))):
            return True
    return False


GENERIC = frozenset(
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


# People a count may be asked of (some fold onto stopwords: "người", "hỏi" for "hội"): an entry answers
# "mấy người", "bao nhiêu thẩm phán" only when it gives a number of them.
PEOPLE = frozenset({"nguoi", "thanh vien", "tham phan", "hoi tham", "can bo", "kiem sat", "thu ky", "luat su"})
_NUMBER_WORDS = frozenset({"mot", "hai", "ba", "bon", "sau", "bay", "tam", "chin", "muoi", "nhieu", "it"})


def things_counted(tokens: Sequence[str]) -> frozenset[str]:
    """The words an entry gives a number of ("3 cấp", "34 VKSND tỉnh": "cap", "vien"), and each such pair."""
    out = set()
    for i in range(1, len(tokens)):
        if tokens[i - 1][:1].isdigit() or tokens[i - 1] in _NUMBER_WORDS:  # "34 VKSND", "127/129 chỉ tiêu"
            out.add(tokens[i])
            out.add(" ".join(tokens[i : i + 2]))
    return frozenset(out)


def people_counted(tokens: Sequence[str]) -> frozenset[str]:
    """The people an entry gives a number of ("03 người", "hai Hội thẩm", "ba Thẩm phán")."""
    out = set()
    for i in range(1, len(tokens)):
        if tokens[i - 1].isdigit() or tokens[i - 1] in _NUMBER_WORDS:
            pair = " ".join(tokens[i : i + 2])
            out.add(pair if pair in PEOPLE else tokens[i])
    return frozenset(out & PEOPLE)
