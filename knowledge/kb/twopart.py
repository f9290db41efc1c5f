"""Cutting a question that asks two things into its parts.

"tội nghiêm trọng điều tra tối đa bao lâu và tạm giam điều tra tối đa bao lâu" is two
questions; "tạm giữ và tạm giam khác nhau thế nào" is one. A cut is made at a separator
(``, ; ?``, "và", "còn", "với", …) only when each side holds a question word and a word of
content; without a separator, after the first of two question words ("… bao nhiêu ngày gia
hạn thêm mấy ngày"). A question naming two years is asked once per year, and so is one naming
two members of a group joined by "và" or "," that share the rest of the question ("tội ít
nghiêm trọng và tội đặc biệt nghiêm trọng điều tra bao lâu", "kỳ thống kê 6 tháng và 12 tháng"). Two years
that bound one period ("giai đoạn 2020–2025", "từ 2020 đến 2025") are one period, never two questions.
"""

from __future__ import annotations

import re

from knowledge.kb.asides import drop_asides
from knowledge.kb.clause_end import ends_question, good_side, has_content, opens_with
from knowledge.kb.ellipsis import member_replaced
from knowledge.kb.normalize import Synonyms, fold
from knowledge.kb.shared_parts import UNITS, shared_pair, shared_tail
from knowledge.kb.vocabulary import Vocabulary, contains, find
from knowledge.kb.wording import Wording
from knowledge.kb.year_range import without_ranges

MAX_PARTS = 3
_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")
_JOIN = r"(?:,|và|va|hoặc|hoac|với|voi|&)"
# Without a separator, only a question for an amount ends a part ("chưa", "không" sit inside one).
_ASKS_AMOUNT = (("bao", "lau"), ("bao", "nhieu"), ("may",), ("khi", "nao"), ("luc", "nao"))
_TAKES_UNIT = (("bao", "nhieu"), ("may",))
_ASKS_WHAT = ("la", "gi")  # "… là gì" then a question of its own subject ("… ngành thành lập ngày nào")
# Who acts: after "… là gì", a yes or no asked of one of them is a question of its own
_ACTORS = (("vien", "kiem", "sat"), ("co", "quan", "dieu", "tra"), ("toa", "an"), ("vien", "truong"), ("chanh", "an"))
# Without a separator, a side that asks only yes or no goes on with the question before ("… thì mấy ngày
# tạm giữ đó được trừ vào án không" asks one thing).
_YES_NO = (("khong",), ("chua",))
_OR = frozenset({"hay", "hoac"})


def _is_separator(wording: Wording, i: int, folded_separators: frozenset[str]) -> bool:
    raw = wording.raw[i]
    return raw in ",;?" or fold(raw) in folded_separators


def _cut(wording: Wording, vocab: Vocabulary, synonyms: Synonyms) -> int | None:
    """The raw-word index to cut at (the separator word, or the first word of the 2nd part)."""
    n = len(wording.raw)
    for i in range(1, n - 1):
        if not _is_separator(wording, i, vocab.separators):
            continue
        if good_side(wording.tokens(0, i), vocab, synonyms) and good_side(wording.tokens(i + 1), vocab, synonyms):
            return i
    # Fragments that ask by their mark alone ("kc bản án st? kn cùng cấp?"): each names a subject of its own
    if wording.raw[-1] == "?" and not contains(wording.tokens(), vocab.question_words):
        for i in range(1, n - 1):
            left, right = wording.tokens(0, i), wording.tokens(i + 1)
            if wording.raw[i] == "?" and all(contains(side, vocab.subjects) for side in (left, right)):
                return i
    # A claim asked by its mark ("… có 355 VKS khu vực. Thiệt ông?"), then "còn …" asking of another subject
    for i in range(1, n - 1):
        left, right = wording.tokens(0, i), wording.tokens(i + 1)
        claim = wording.raw[i] == "?" and right[:1] == ["con"] and contains(left, vocab.subjects)
        if claim and has_content(left, vocab, synonyms) and good_side(right, vocab, synonyms):
            return i
    parallel = _parallel_count(wording, vocab, synonyms)
    if parallel is not None:  # "… vks tinh voi nhieu vks kv": the "với" between them goes
        return parallel - 1 if _is_separator(wording, parallel - 1, vocab.separators) else -parallel
    # No separator: after the first question word (and its unit), if another one follows.
    for i in range(1, n - 1):
        left = wording.tokens(0, i)
        what = _ends_with(left, _ASKS_WHAT)
        amount = what or any(_ends_with(left, p) for p in _ASKS_AMOUNT)
        ends = amount or ends_question(left, wording.tokens(i), vocab, synonyms)
        if not good_side(left, vocab, synonyms) or not ends:
            continue  # "… có lùi sang thứ 2 không 1 tháng tgiam tính mấy ngày": a yes or no, then its own
        # "bao nhiêu ngày", "mấy lần" take their unit; "bao lâu lần thứ hai …" does not
        counted = any(_ends_with(left, p) for p in _TAKES_UNIT)
        j = i + 1 if i < n and counted and set(wording.folded[i]) & UNITS else i
        right = wording.tokens(j)
        if (
            right
            and right[0] not in _OR  # "… có được gia hạn không hay phải là vks tỉnh": one question, its alternative
            and good_side(right, vocab, synonyms)
            # (after "là gì", a yes or no of one who acts: "đk áp dụng rút gọn là gì vks có được ra qđ không")
            and (
                contains(right, tuple(q for q in vocab.question_words if q not in _YES_NO))
                or (what and contains(right, _ACTORS))
            )
            and good_side(wording.tokens(0, j), vocab, synonyms)
            and _apart(right)
            and (not what or contains(right, vocab.subjects))
        ):
            return -j  # negative: cut before word j, no separator word to drop
    # No separator, the subject's head word said again ("kỳ thống kê 6 tháng từ ngày nào … kỳ 12 tháng …").
    for j in range(2, n - 1):
        if wording.folded[j] and wording.folded[j] == wording.folded[0]:
            left, right = wording.tokens(0, j), wording.tokens(j)
            # the first side asks for itself ("… mà chưa thấy lệnh mới hay gia hạn" asks nothing before "lệnh")
            asks = contains(left, tuple(q for q in vocab.question_words if q not in (*_YES_NO, ("hay",))))
            if asks and good_side(left, vocab, synonyms) and good_side(right, vocab, synonyms):
                return -j
    return None


_NHIEU = ("nhieu",)
_NOT_ALONE = (["bao"], ["bay"], ["bi"])  # "bao nhiêu" (a count already), "bấy nhiêu"


def _parallel_count(wording: Wording, vocab: Vocabulary, synonyms: Synonyms) -> int | None:
    """Two counts of the same thing asked side by side without a separator ("cả nước có bn vks tỉnh bn vks
    khu vực", "có mấy loại tội phạm mấy loại hình phạt", "có nhiêu vks tỉnh với nhiêu vks khu vực" without marks):
    the raw-word index of the second count. Each count
    word is followed by the word it counts (not a unit: "bao nhiêu ngày gia hạn thêm mấy ngày" is cut after
    its unit), the same in both."""
    counted: dict[str, int] = {}
    plain: set[tuple[str, ...]] = set()  # a plain "nhieu" counted before
    for i in range(1, len(wording.raw) - 1):
        head = tuple(wording.tokens(i, i + 3))
        count = next((p for p in _TAKES_UNIT if head[: len(p)] == p), None)
        # Southern "nhiêu" typed plain, said twice of one thing: "có nhieu vks tinh voi nhieu vks kv"
        if count is None and head[:1] == _NHIEU and wording.tokens(i - 1, i)[-1:] not in _NOT_ALONE:
            count = _NHIEU
        if count is None or len(head) <= len(count):
            continue
        thing = head[len(count)]
        if {thing} & UNITS:
            continue
        first = counted.setdefault(thing, i)
        left = wording.tokens(0, i)
        if _NHIEU in plain or count == _NHIEU:  # the first side asks by its "nhieu" ("nganh co nhieu vks tinh")
            left = [w for t in left for w in (("bao", t) if t == "nhieu" else (t,))]
        if count == _NHIEU:
            plain.add(_NHIEU)
        if first != i and good_side(left, vocab, synonyms):
            return i
    return None


_CONJUNCTIONS = frozenset({"va", "con", "voi"})
_TAIL_ASKS = (*_ASKS_AMOUNT, ("gi",), ("the", "nao"), ("ra", "sao"))


_LENGTH_NAMED = re.compile(r"(?:(?:con|va|the con|vay con) )?(?:thoi han|han) ")


def _elliptic(wording: Wording, vocab: Vocabulary, synonyms: Synonyms) -> tuple[int, str] | None:
    """ "Lời Bác dạy … là gì, và phương châm năm 2021": a new subject after "và"/"còn" that asks nothing
    of its own asks what the first part asks. (The conjunction's index, the first part's question.)"""
    for i in range(1, len(wording.raw) - 1):
        left, right = wording.tokens(0, i), wording.tokens(i + 1)
        if fold(wording.raw[i]) not in _CONJUNCTIONS and not (wording.raw[i] in ",;?" and opens_with(right, vocab)):
            continue  # "tgiam RNT bn tháng, dt?": a mark, then only a subject of its own
        if not good_side(left, vocab, synonyms) or contains(right, vocab.question_words):
            continue
        if not any(find(right, p) >= 0 and find(left, p) < 0 for p in vocab.subjects):
            continue
        if _LENGTH_NAMED.match(" ".join(right)):  # "khi nào được rút gọn, còn thời hạn …": a length, its own ask
            return i, "bao lâu"
        for start in range(max(i - 4, 1), i):  # the first part's question, at its end ("… là gì", "bao lâu")
            tail = wording.tokens(start, i)
            if any(tuple(tail[: len(a)]) == a for a in _TAIL_ASKS):
                start -= wording.folded[start - 1] == ("la",)
                return i, wording.text(start, i)
    return None


def _apart(right: list[str]) -> bool:
    """Without a separator, a side that opens with "mỗi" ("gh mấy lần mỗi lần bn tháng") refers back: one
    question (with a comma, each side is read, the second against the first's answer)."""
    return not right or right[0] != "moi"


def _ends_with(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    return len(tokens) >= len(phrase) and tuple(tokens[-len(phrase) :]) == phrase


def _own_years(text: str, years: list[str], vocab: Vocabulary, synonyms: Synonyms) -> list[str] | None:
    """Two sides of a "và"/"," each naming its own subject and its own year, or None."""
    wording = Wording.of(text, synonyms)
    for i in range(1, len(wording.raw) - 1):
        if not _is_separator(wording, i, vocab.separators):
            continue
        sides = (wording.tokens(0, i), wording.tokens(i + 1))
        subjects = [{p for p in vocab.subjects if find(side, p) >= 0} for side in sides]
        if all(subjects) and subjects[0] != subjects[1] and all(y in s for y, s in zip(years, sides, strict=True)):
            return [wording.text(0, i), wording.text(i + 1)]
    return None


_HEADER = re.compile(r"^([^:?,;]{2,60}):\s+(\S.*)$", re.S)


def split_question(text: str, vocab: Vocabulary, synonyms: Synonyms) -> list[str]:
    """The parts of ``text`` (one element when it asks one thing), without the asker's asides. A heading
    before a colon that asks nothing ("vks tp Phổ Yên 2024: …, …") is said again before each part."""
    header = _HEADER.match(text)  # a scope: it names a year ("vks tp Phổ Yên 2024:"), not a procedure
    heading = header is not None and _YEAR.search(header[1]) is not None
    if (
        heading
        and header is not None
        and not contains(synonyms.expand_first(fold(header[1]).split()), vocab.question_words)
    ):
        parts = _split(header[2], vocab, synonyms)
        if len(parts) > 1:
            return [f"{header[1].strip()} {p}" for p in parts]
    return _split(text, vocab, synonyms)


def _split(text: str, vocab: Vocabulary, synonyms: Synonyms) -> list[str]:
    text = drop_asides(text, vocab, synonyms)
    named = _YEAR.findall(without_ranges(text))  # "giai đoạn 2020–2025" names one period
    years = list(dict.fromkeys(named))
    own = _own_years(text, years, vocab, synonyms) if len(years) == 2 else None
    if own is not None:  # "phương châm năm 2023 và chủ đề thi đua năm 2024": each subject its own year
        return own
    if len(years) > 1:
        per_year = []
        for year in years[:MAX_PARTS]:
            others = [y for y in years if y != year]
            part = text
            for other in others:
                year_words = rf"(?:(?:năm|nam)\s+)?(?<!\d){other}(?!\d)"
                after = re.sub(rf"{year_words}\s*{_JOIN}\s*", "", part, count=1)
                part = after if after != part else re.sub(rf"\s*{_JOIN}?\s*{year_words}", "", part, count=1)
            per_year.append(" ".join(part.split()))
        return per_year
    replaced = member_replaced(text, vocab, synonyms)  # "…, còn 12 tháng": the first asked again of it
    if replaced is not None:
        return replaced
    parts: list[str] = []
    wording = Wording.of(text, synonyms)
    pair = shared_pair(wording, vocab, synonyms)
    if pair is not None:
        a0, a1, b0, b1 = pair
        n = len(wording.raw)
        first = Wording(wording.raw[:a1] + wording.raw[b1:n], wording.folded[:a1] + wording.folded[b1:n])
        second = Wording(wording.raw[:a0] + wording.raw[b0:n], wording.folded[:a0] + wording.folded[b0:n])
        return [first.text(), second.text()]
    shared = shared_tail(wording, vocab, synonyms)
    if shared is not None:
        join, tail = shared
        for k in range(min(join, len(wording.raw) - tail), 0, -1):  # "… tối đa" + "tối đa với …": once
            if wording.folded[join - k : join] == wording.folded[tail : tail + k]:
                tail += k
                break
        return [f"{wording.text(0, join)} {wording.text(tail)}".strip(), wording.text(join + 1)]
    while len(parts) < MAX_PARTS - 1:
        cut = _cut(wording, vocab, synonyms)
        elliptic = _elliptic(wording, vocab, synonyms) if cut is None else None
        if elliptic is not None:
            join, asks = elliptic
            parts.append(wording.text(0, join))
            wording = Wording.of(f"{wording.text(join + 1).rstrip(' ?')} {asks}", synonyms)
            continue
        if cut is None:
            break
        left_end, right_start = (cut, cut + 1) if cut > 0 else (-cut, -cut)
        parts.append(wording.text(0, left_end))
        wording = Wording(wording.raw[right_start:], wording.folded[right_start:])
    parts.append(wording.text())
    same = _own_years(text, named, vocab, synonyms) if len(named) == 2 and len(years) == 1 else None
    if len(parts) == 1 and same is not None:  # "phương châm 2021 với chủ đề thi đua 2021 là gì": one year each
        return same
    # "… bao lâu / gia hạn mấy lần": the mark between is no word
    return [p.strip(" /+-") for p in parts if p.strip(" /+-")] or [text]
