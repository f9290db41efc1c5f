"""Lead with what was asked: the clause of an answer about the case the question names.

An entry often gives several figures ("30 ngày … VKS cấp trên (VKS cùng cấp: 15 ngày)";
"20 ngày với tội ít nghiêm trọng …; 30 ngày với tội rất nghiêm trọng …"). When the question
names a case (``lead_cases``: a crime category, the superior or same-level procuracy, a length such
as "2 tháng", "khi chưa gia hạn", the total, the extension itself, a stage, a court level, …) and a
later clause of the answer is about exactly that case, that clause is shown first, as a lead line;
the answer itself is shown unchanged below. A sentence's opening words ("Tổng cộng kể cả gia hạn, …";
"Tạm giam: giai đoạn điều tra …; truy tố …") and the words before a "(" speak for the clauses after
them; the words in a "(" after a figure ("90 ngày (Tòa án cấp cao)") speak for that figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from knowledge.kb.lead_cases import (
    CASES,
    LENGTH_UNITS,
    Want,
    cases_named,
    categories,
    has_length,
    matches,
    says_a_limit,
)
from knowledge.kb.normalize import syllables
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.query import YEAR_RE
from knowledge.kb.vocabulary import find

__all__ = ["asked_year", "categories", "lead_line", "period_line"]

_CLAUSE = re.compile(r"[^.;(),]+")
_FIGURE = re.compile(r"\d")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")
_MINOR = frozenset({"stage", "hold"})


def _wanted(question: Sequence[str], answer: str) -> list[Want]:
    wanted = cases_named(question, answer)
    stated = _lengths(question)
    asked = _asked_units(question)
    wanted += [("length", (length, stated, asked)) for length in sorted(stated)]
    return wanted


def _asked_units(tokens: Sequence[str]) -> frozenset[str]:
    """The units an amount is asked in ("3 ngày = bao nhiêu giờ": giờ)."""
    units = set()
    for i in range(len(tokens) - 1):
        before = tuple(tokens[max(i - 1, 0) : i + 1])
        if (tokens[i] == "may" or before == ("bao", "nhieu")) and tokens[i + 1] in LENGTH_UNITS:
            units.add(tokens[i + 1])
    return frozenset(units)


_SPENT = frozenset({"het", "da", "qua"})  # "hết 12 tháng rồi": a period used up, what the asker tells


def _lengths(tokens: Sequence[str]) -> set[tuple[str, str]]:
    return {
        (a, b)
        for i, (a, b) in enumerate(pairwise(tokens))
        if a.isdigit() and b in LENGTH_UNITS and not _SPENT & set(tokens[max(i - 4, 0) : i])
    }


def _matches(clause: Sequence[str], want: Want, head: Sequence[str] = ()) -> int:
    """How strongly the clause is about the case wanted (0: not); a case phrase ("kể cả gia hạn") may be
    said once at the opening of its sentence for all its clauses ("Tổng cộng kể cả gia hạn: 30 ngày …, 45 …")."""
    kind, value = want
    if kind != "length":
        return matches(clause, want, head)
    assert isinstance(value, tuple)
    length, _, asked = value  # (a length the question states, all it states, the units it asks in)
    if asked and length[1] not in asked:  # "3 ngày = bao nhiêu giờ": the clause that says it in hours
        return int(_said(clause, length) and any(unit in asked for _, unit in _lengths(clause)))
    return int(_said(clause, length))


def _said(clause: Sequence[str], length: tuple[str, str]) -> bool:
    at = find(clause, length)
    return at >= 0 and not {"khong", "chua", "ngoai"} & set(clause[max(at - 3, 0) : at])


def _openings(answer: str) -> list[tuple[int, int, str]]:
    """Each sentence as (start, end, its opening words before its first figure)."""
    out, start = [], 0
    for end in [m.start() + 1 for m in _SENTENCE_END.finditer(answer)] + [len(answer)]:
        sentence = answer[start:end]
        figure = _FIGURE.search(sentence)
        out.append((start, end, sentence[: figure.start()] if figure else ""))
        start = end
    return out


def _prefix(opening: str) -> str:
    """The opening words as shown before a clause they speak for: up to their last ":" or ","."""
    cut = max(opening.rfind(":"), opening.rfind(","))
    return opening[:cut].strip() if cut > 0 else ""


def _adds(words: str, tokens: Sequence[str], wanted: list[Want], own: tuple[int, int]) -> bool:
    """Whether ``words`` said before a clause add a case asked to it."""
    return bool(words) and _score(tokens, wanted, _tokens(words))[:2] > own


def _tokens(text: str) -> list[str]:
    return numbers_from_words(syllables(text))


@dataclass(frozen=True, slots=True)
class _Clause:
    text: str
    opening: str  # the opening words of its sentence, before the sentence's first figure
    opener: str  # inside "( … )": the words before the "(" ("Chánh án gia hạn nếu có (tối đa 15 ngày …)")
    opens: bool  # followed by "(" or ":", so what follows is about it
    tail: str = ""  # the words without a figure in the "( … )" that follows ("90 ngày (Tòa án cấp cao)")


def _clauses(answer: str) -> list[_Clause]:
    sentences = _openings(answer)
    out: list[_Clause] = []
    openers: list[tuple[str, int]] = []  # (the words before each "(" still open, the index of their clause)
    tails: dict[int, list[str]] = {}
    previous, sentence = "", -1
    for match in _CLAUSE.finditer(answer):
        at = next(i for i, (s, e, _) in enumerate(sentences) if s <= match.start() < e)
        if at != sentence:
            openers, sentence = [], at
        if answer[match.start() - 1 : match.start()] == "(" and out:
            openers.append((previous, len(out) - 1))
        text = previous = match.group()
        head, colon, tail = text.partition(":")
        # "9 ngày …: thời hạn đầu 3 ngày" holds two clauses; "VKS cùng cấp: 15 ngày" one.
        parts = [head, tail] if colon and _FIGURE.search(head) and _FIGURE.search(tail) else [text]
        kept = [p.strip(" ,") for p in parts if p.strip(" ,")]
        opener = openers[-1][0].strip(" ,") if openers else ""
        if openers and len(kept) == 1 and not _FIGURE.search(text):
            tails.setdefault(openers[-1][1], []).append(kept[0])
        following = answer[match.end() : match.end() + 1]
        out += [_Clause(p, sentences[at][2], opener, i < len(kept) - 1 or following == "(") for i, p in enumerate(kept)]
        if following == ")" and openers:
            openers.pop()
    return [replace(c, tail=", ".join(tails.get(i, []))) for i, c in enumerate(out)]


def _score(tokens: Sequence[str], wanted: list[Want], head: Sequence[str] = ()) -> tuple[int, int, int]:
    """(cases matched, stages and measures matched, strength): a stage or tạm giữ / tạm giam only breaks ties
    ("tạm giam giai đoạn truy tố …" is not about each clause that says "truy tố" or "tạm giam")."""
    strength = [_matches(tokens, w, head) for w in wanted]
    minor = [w[0] in _MINOR for w in wanted]
    major = sum(bool(s) for s, m in zip(strength, minor, strict=True) if not m)
    return major, sum(bool(s) for s, m in zip(strength, minor, strict=True) if m), sum(strength)


def _narrowed(clause: str, wanted: list[Want]) -> str:
    """Of "tội nghiêm trọng 3 tháng và gia hạn 2 lần – lần thứ nhất … – lần thứ hai tối đa 2 tháng – tổng …",
    the part about the case asked, under the words that open the whole: "tội nghiêm trọng: lần thứ hai …"."""
    parts = clause.split(" – ")
    figure = _FIGURE.search(parts[0])
    if len(parts) < 2 or figure is None:
        return clause
    head = parts[0][: figure.start()].strip()
    scores = [_score(_tokens(f"{head} {part}" if i else part), wanted)[:2] for i, part in enumerate(parts)]
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    if scores[best] <= scores[0]:
        return clause
    return f"{head}: {parts[best]}" if head else parts[best]


def lead_line(answer: str, question: Sequence[str]) -> str | None:
    """The clause to show first, or None when the answer already opens with it (or none fits)."""
    wanted = _wanted(numbers_from_words(list(question)), answer)
    if not wanted:
        return None
    stated = _lengths(numbers_from_words(list(question)))
    clauses = _clauses(answer)
    scored = []
    first = (0, 0)
    for index, item in enumerate(clauses):
        clause = item.text
        tokens = _tokens(clause)
        if item.tail and _score([*tokens, *_tokens(item.tail)], wanted)[:2] > _score(tokens, wanted)[:2]:
            clause = f"{clause} ({item.tail})"  # "90 ngày (Tòa án cấp cao)"
            tokens = _tokens(clause)
        score = _score(tokens, wanted, _tokens(f"{item.opening} {item.opener}"))
        hits = score[:2]
        if index == 0:
            first = hits
        own = _score(tokens, wanted)[:2]
        if hits > own:  # said for it by its sentence's opening words or before its "(": shown before it
            prefix = next((p for p in (item.opener, _prefix(item.opening)) if _adds(p, tokens, wanted, own)), "")
            clause = f"{prefix}: {clause}" if prefix else clause
        # Only a clause that opens what follows is joined to it: in "10 ngày (tội ít nghiêm trọng,
        # nghiêm trọng), 15 ngày (…)" the figure after "nghiêm trọng)" belongs to the next case.
        if any(hits) and not has_length(tokens) and item.opens and index + 1 < len(clauses):
            # "Tội xâm phạm ANQG theo khoản 5 (gia hạn thêm 4 tháng …)": the figure follows.
            after = clauses[index + 1].text
            following = _tokens(after)
            other_case = categories(following) or any(find(following, p) >= 0 for p, _ in CASES)
            if has_length(following) and not other_case:  # not another case's figure
                clause = f"{clause}: {after}"
                tokens = _tokens(clause)
        if any(hits) and stated and not _lengths(tokens) - stated:
            # Found by a length the question states, it must add one: "2 tháng = 60 ngày", not a bare
            # "tổng 12 tháng"; "10 năm (tù trên 3 năm đến 15 năm)": the figure before its "(".
            before = clauses[index - 1].text if index and clauses[index - 1].opens else ""
            if not _lengths(_tokens(before)) - stated:
                continue
            clause = f"{before} ({clause})"
        if any(hits) and says_a_limit(tokens):
            scored.append((hits, score[2], -index, clause))
    if not scored:
        return None
    hits, _, neg_index, clause = max(scored)
    if neg_index == 0 or first >= hits:
        return None
    clause = _narrowed(clause, wanted)
    head, colon, tail = clause.rpartition(":")
    if colon and _FIGURE.search(head) and not _FIGURE.search(tail):  # "10 ngày trước …: nhà tạm giữ" (whose duty)
        clause = head
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
