"""Lead with what was asked: the clause of an answer about the case the question names.

An entry often gives several figures ("30 ngày … VKS cấp trên (VKS cùng cấp: 15 ngày)";
"20 ngày với tội ít nghiêm trọng …; 30 ngày với tội rất nghiêm trọng …"). When the question
names a case (a crime category, the superior or same-level procuracy, a length such as
"2 tháng", "khi chưa gia hạn") and a later clause of the answer is about exactly that case,
that clause is shown first, as a lead line; the answer itself is shown unchanged below.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from knowledge.kb.normalize import syllables
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.query import YEAR_RE
from knowledge.kb.vocabulary import Phrase, find

_CATEGORIES: tuple[Phrase, ...] = (
    ("dac", "biet", "nghiem", "trong"),
    ("rat", "nghiem", "trong"),
    ("it", "nghiem", "trong"),
    ("nghiem", "trong"),
)
_CASES: tuple[tuple[Phrase, tuple[Phrase, ...]], ...] = (
    (("cap", "tren"), (("cap", "tren"),)),
    (("cung", "cap"), (("cung", "cap"),)),
    (("chua", "gia", "han"), (("thoi", "han", "dau"), ("khong", "gia", "han"))),
    (("khong", "gia", "han"), (("thoi", "han", "dau"), ("khong", "gia", "han"))),
    (("lan", "dau"), (("thoi", "han", "dau"), ("lan", "thu", "nhat"))),
    (("lan", "2"), (("lan", "thu", "hai"),)),
    (("lan", "thu", "hai"), (("lan", "thu", "hai"),)),
    (("an", "ninh", "quoc", "gia"), (("an", "ninh", "quoc", "gia"),)),
    (("vang", "mat"), (("vang", "mat"),)),
    (("moi", "lan"), (("moi", "lan"),)),
    # "tối đa bao lâu tính cả gia hạn" asks the total
    (("ca", "gia", "han"), (("ca", "gia", "han"), ("tong", "cong"))),
)
# Case phrases said once for a whole sentence ("Tổng cộng kể cả gia hạn, … 30 ngày …, 45 ngày …").
_SENTENCE_WIDE: frozenset[Phrase] = frozenset({("ca", "gia", "han"), ("tong", "cong")})
_CLAUSE = re.compile(r"[^.;(),]+")
_FIGURE = re.compile(r"\d")
_LENGTH_UNITS = frozenset({"ngay", "thang", "nam", "gio"})


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


def _wanted(question: Sequence[str]) -> list[tuple[str, object]]:
    wanted: list[tuple[str, object]] = [("category", c) for c in categories(question)]
    for phrase, shown_as in _CASES:
        if find(question, phrase) >= 0:
            wanted.append(("phrase", shown_as))
    stated = _lengths(question)
    asked = _asked_units(question)
    wanted += [("length", (length, stated, asked)) for length in sorted(stated)]
    return wanted


def _asked_units(tokens: Sequence[str]) -> frozenset[str]:
    """The units an amount is asked in ("3 ngày = bao nhiêu giờ": giờ)."""
    units = set()
    for i in range(len(tokens) - 1):
        before = tuple(tokens[max(i - 1, 0) : i + 1])
        if (tokens[i] == "may" or before == ("bao", "nhieu")) and tokens[i + 1] in _LENGTH_UNITS:
            units.add(tokens[i + 1])
    return frozenset(units)


_SPENT = frozenset({"het", "da", "qua"})  # "hết 12 tháng rồi": a period used up, what the asker tells


def _lengths(tokens: Sequence[str]) -> set[tuple[str, str]]:
    return {
        (a, b)
        for i, (a, b) in enumerate(pairwise(tokens))
        if a.isdigit() and b in _LENGTH_UNITS and not _SPENT & set(tokens[max(i - 2, 0) : i])
    }


def _matches(clause: Sequence[str], want: tuple[str, object], head: Sequence[str] = ()) -> bool:
    """The clause is about the case wanted; a case phrase ("kể cả gia hạn") may be said once at the
    head of its sentence for all its clauses ("Tổng cộng kể cả gia hạn: 30 ngày …, 45 ngày với …")."""
    kind, value = want
    if kind == "category":
        return value in categories(clause)
    assert isinstance(value, tuple)
    if kind == "length":  # (a length the question states, all it states, the units it asks in)
        length, _, asked = value
        if asked and length[1] not in asked:  # "3 ngày = bao nhiêu giờ": the clause that says it in hours
            return _affirmed(clause, length) and any(unit in asked for _, unit in _lengths(clause))
        return _affirmed(clause, length)
    return any(_affirmed(clause, phrase) or (phrase in _SENTENCE_WIDE and _affirmed(head, phrase)) for phrase in value)


def _affirmed(clause: Sequence[str], phrase: Phrase) -> bool:
    """The phrase is in the clause, not negated ("tội không xâm phạm an ninh quốc gia")."""
    at = find(clause, phrase)
    while at >= 0:
        if not {"khong", "chua", "ngoai"} & set(clause[max(at - 3, 0) : at]):  # "không xâm phạm …"
            return True
        at = find(clause, phrase, at + 1)
    return False


def _has_length(tokens: Sequence[str]) -> bool:
    """A figure of time ("4 tháng", "24 giờ", "2 lần"), not an article or clause number."""
    return any(a.isdigit() and b in _LENGTH_UNITS | {"lan"} for a, b in pairwise(tokens))


def lead_line(answer: str, question: Sequence[str]) -> str | None:
    """The clause to show first, or None when the answer already opens with it (or none fits)."""
    wanted = _wanted(numbers_from_words(list(question)))
    told = categories(numbers_from_words(syllables(answer)))
    if len(told) < 2:  # an answer about one crime category only: its category picks no clause
        wanted = [w for w in wanted if w[0] != "category"]
    if not wanted:
        return None
    stated = _lengths(numbers_from_words(list(question)))
    clauses: list[str] = []
    opens: list[bool] = []  # the clause is followed by "(" or ":", so what follows is about it
    heads: list[int] = []  # the first clause of each clause's sentence
    for match in _CLAUSE.finditer(answer):
        if not clauses or answer[match.start() - 1 : match.start()] in (".", ";"):
            start = len(clauses)
        clause = match.group()
        head, colon, tail = clause.partition(":")
        # "9 ngày …: thời hạn đầu 3 ngày" holds two clauses; "VKS cùng cấp: 15 ngày" one.
        parts = [head, tail] if colon and _FIGURE.search(head) and _FIGURE.search(tail) else [clause]
        kept = [p.strip(" ,") for p in parts if p.strip(" ,")]
        clauses += kept
        heads += [start] * len(kept)
        opens += [True] * (len(kept) - 1) + [answer[match.end() : match.end() + 1] == "("] * bool(kept)
    scored = []
    for index, clause in enumerate(clauses):
        tokens = numbers_from_words(syllables(clause))
        # A sentence's opening words without a figure ("Tổng cộng kể cả gia hạn, …") speak for its clauses.
        head = clauses[heads[index]] if heads[index] != index else ""
        head_tokens = numbers_from_words(syllables(head))
        head_tokens = [] if _has_length(head_tokens) else head_tokens
        hits = sum(_matches(tokens, w, head_tokens) for w in wanted)
        if head_tokens and hits > sum(_matches(tokens, w) for w in wanted):
            clause = f"{head}: {clause}"
        # Only a clause that opens what follows is joined to it: in "10 ngày (tội ít nghiêm trọng,
        # nghiêm trọng), 15 ngày (…)" the figure after "nghiêm trọng)" belongs to the next case.
        if hits and not _has_length(tokens) and opens[index] and index + 1 < len(clauses):
            # "Tội xâm phạm ANQG theo khoản 5 (gia hạn thêm 4 tháng …)": the figure follows.
            after = clauses[index + 1]
            following = numbers_from_words(syllables(after))
            other_case = categories(following) or any(find(following, p) >= 0 for p, _ in _CASES)
            if _has_length(following) and not other_case:  # not another case's figure
                clause = f"{clause}: {after}"
                tokens = numbers_from_words(syllables(clause))
        if hits and stated and not _lengths(tokens) - stated:
            # Found by a length the question states, it must add one: "2 tháng = 60 ngày", not a bare
            # "tổng 12 tháng"; "10 năm (tù trên 3 năm đến 15 năm)": the figure before its "(".
            before = clauses[index - 1] if index and opens[index - 1] else ""
            if not _lengths(numbers_from_words(syllables(before))) - stated:
                continue
            clause = f"{before} ({clause})"
        if hits and _has_length(tokens):
            scored.append((hits, -index, clause))
    if not scored:
        return None
    hits, neg_index, clause = max(scored)
    first_tokens = numbers_from_words(syllables(clauses[0]))
    if neg_index == 0 or sum(_matches(first_tokens, w) for w in wanted) >= hits:
        return None
    return clause[0].upper() + clause[1:]


_PERIOD_DAY = re.compile(r"(\d{1,2})/(\d{1,2}) năm (trước|báo cáo)")


def asked_year(tokens: Sequence[str]) -> int | None:
    """The one calendar year a question names ("kỳ 12 tháng năm 2026"), not a document's ("QĐ 358 năm 2025")."""
    years = set()
    for i, token in enumerate(tokens):
        if not YEAR_RE.match(token):
            continue
        before = tokens[i - 2] if i >= 2 and tokens[i - 1] == "nam" else tokens[i - 1] if i else ""
        if not before.isdigit():
            years.add(int(token))
    return years.pop() if len(years) == 1 else None


def period_line(answer: str, tokens: Sequence[str]) -> str | None:
    """A period given as "1/12 năm trước đến hết ngày 30/11 năm báo cáo", for the year asked:
    "Kỳ năm 2026: từ ngày 01/12/2025 đến hết ngày 30/11/2026"."""
    year = asked_year(tokens)
    sentence = next((s for s in re.split(r"(?<=\.)\s+", answer) if _PERIOD_DAY.search(s)), None)
    if year is None or sentence is None:
        return None

    def dated(match: re.Match[str]) -> str:
        day, month, which = int(match.group(1)), int(match.group(2)), match.group(3)
        return f"{day:02d}/{month:02d}/{year - 1 if which == 'trước' else year}"

    text = _PERIOD_DAY.sub(dated, sentence).rstrip(".")
    return f"Kỳ năm {year}: {text[0].lower()}{text[1:]}"
