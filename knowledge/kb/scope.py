"""What the knowledge base does not cover: a unit, a province or a year that no entry is about.

"phương châm công tác của VKSND tỉnh Cà Mau năm 2023" must not be answered with the sector's
2023 theme as if it were Cà Mau's: the reply says first that there is nothing of Cà Mau's,
then offers the sector-wide entry as such. A year that no entry of the answer's kind covers
is said the same way. A law the question names ("theo luật khiếu nại") that the answer does not
come from is not answered with another law's entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from knowledge.kb.entry import Entry
from knowledge.kb.normalize import Synonyms, fold, has_diacritics
from knowledge.kb.query import YEAR_RE
from knowledge.kb.vocabulary import Phrase, Vocabulary, find, straddles
from knowledge.kb.wording import Wording

_DATE = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}(?:/\d{2,4})?(?!\d)")
_DAYS: tuple[Phrase, ...] = (
    ("hom", "nay"),
    ("hom", "qua"),
    ("hom", "kia"),
    ("ngay", "mai"),
    ("sang", "nay"),
    ("toi", "qua"),
)
_ASKS_DATE: tuple[Phrase, ...] = (("ngay", "nao"), ("hom", "nao"), ("bao", "gio"), ("khi", "nao"), ("luc", "nao"))

Common = Callable[[str], bool]
# A full stop inside a word is an abbreviation ("TP.HCM", "Q.1"), not the end of a clause
_PUNCTUATION = re.compile(r"[,;:!?()]|\.(?!\w)")
_UNIT_PREFIX = frozenset({"tinh", "tp", "thanh", "pho", "vksnd", "vks", "vien", "kiem", "sat", "nhan", "dan"})
_LEVEL_WORDS = frozenset({"khu", "vuc", "cap", "so", "huyen", "quan", "thi", "xa"})
_NOT_NAME = frozenset({"nam", "cua", "la", "ve", "co", "thi", "va", "trong", "bao", "may", "gi", "nao", "duoc"})
# Words that never begin a unit's name ("khu vực nên chưa rành", "khu vực trên cả nước", "khu vực mới về")
_NOT_FIRST = frozenset({"nen", "chua", "moi", "hay", "tren", "duoi", "ma", "roi", "thuoc", "o", "tai", "do", "kia"})
_NOT_FIRST |= frozenset({"su"})  # "vks quan su" is quân sự, no quận
_NOT_UNIT = frozenset({("co", "quan")})  # "cơ quan điều tra" names no quận
# "cấp huyện bỏ từ ngày nào" speaks of the level itself; a unit after "cấp" is a name typed capitalised
# ("VKS cấp huyện Châu Thành")
_LEVEL_ONLY = frozenset({"cap"})
YEARLY = ("phuong_cham", "chi_tieu")  # categories whose content changes every year


@dataclass(frozen=True, slots=True)
class Scope:
    unit: str | None  # a unit or place the question names that no entry covers, as typed
    years: tuple[int, ...]  # years the question names


def _named_units(wording: Wording, vocab: Vocabulary, common: Common) -> list[tuple[str, tuple[str, ...]]]:
    """(as typed, folded) for each place or local unit named (``common``: what is no name, see ``_name``)."""
    tokens = wording.tokens()
    found = []
    for phrase in vocab.places:
        if find(tokens, phrase) >= 0 and not straddles(tokens, phrase, vocab.subjects):
            span = wording.word_span(phrase)
            if span is not None:
                start = span[0]
                while start > 0 and start > span[0] - 4 and fold(wording.raw[start - 1]) in _UNIT_PREFIX:
                    start -= 1
                found.append((wording.text(start, span[1]), phrase))
    for word in vocab.unit_words:
        at = find(tokens, word)
        while at > 0 and (tokens[at - 1], *word) in _NOT_UNIT:
            at = find(tokens, word, at + 1)
        if at >= 0 and at + len(word) < len(tokens):
            name = _name(tokens[at + len(word) : at + len(word) + 2], common)
            if not name:
                continue
            span = wording.word_span(word + name)
            level = wording.word_span(word)
            if level is not None and not _typed_level(wording.text(*level)):
                continue  # "cán bộ quản giáo" is no quận
            if at > 0 and tokens[at - 1] in _LEVEL_ONLY and level is not None and not _capitalised(wording, level[1]):
                continue
            if span is not None and not _PUNCTUATION.search(wording.text(*span)):  # "khu vực, anh em"
                found.append((wording.text(*span), word + name))
    return found


# A level word typed with its marks is one of these ("quản", "huyền" are other words).
_LEVELS_MARKED = frozenset({"huyện", "quận", "thị xã", "thành phố", "khu vực", "cụm thi đua", "cụm thi đua số"})


def _capitalised(wording: Wording, at: int) -> bool:
    """Whether the raw word at ``at`` begins with a capital (a proper name)."""
    return at < len(wording.raw) and wording.raw[at][:1].isupper()


def _typed_level(typed: str) -> bool:
    """Whether a level word as typed is the level: without marks it may be; with them it must be spelt so."""
    return not has_diacritics(typed) or typed.lower() in _LEVELS_MARKED


def _name(words: list[str], common: Common) -> tuple[str, ...]:
    """A local unit's name after its kind: a number alone, or up to two words before "năm" that are not
    the words of a question ("khu vực kháng nghị", "khu vực phải gửi", "khu vực nên chưa rành"):
    ``common`` tells a stop word or a pair of words the knowledge base uses."""
    if words and words[0].isdigit():
        return (words[0],)
    name: list[str] = []
    for word in words:
        if word in _NOT_NAME or word.isdigit() or (not name and (word in _NOT_FIRST or common(word))):
            break
        name.append(word)
    return () if len(name) > 1 and common(" ".join(name)) else tuple(name)


def known_units(units: Iterable[str]) -> tuple[str, ...]:
    """The entries' units as ``scope_of`` compares them (folded, space-padded, the province in parentheses
    after a bar: " vksnd huyen binh dai | ben tre "): built once."""
    return tuple(sorted({" | ".join(f" {fold(p)} " for p in u.split("(", 1)) for u in units if u}))


def _known(phrase: tuple[str, ...], known: Sequence[str], said: str) -> bool:
    """Whether a unit or place named is one the entries cover. The province in parentheses is where a unit
    is: it counts only with the unit's own name ("Bình Đại Bến Tre"), not alone ("VKS tỉnh Bến Tre")."""
    folded, tail = f" {' '.join(phrase)} ", f" {' '.join(phrase[-2:])} "
    for k in known:
        main, _, where = k.partition(" | ")
        if folded in main or tail in main:
            return True
        name = " ".join(_unit_name(main))
        if (folded in where or tail in where) and name and f" {name} " in said:
            return True
    return False


def scope_of(
    text: str,
    tokens: Iterable[str],
    vocab: Vocabulary,
    synonyms: Synonyms,
    known: Sequence[str],
    common: Common = lambda term: False,
) -> Scope:
    """The unknown unit (if any) and the years named in ``text`` (``tokens``: its resolved syllables;
    ``known``: from :func:`known_units`; ``common``: a stop word or a word pair of the knowledge base,
    never a unit's name)."""
    wording = Wording.of(text, synonyms)
    unknown = None
    said = f" {' '.join(wording.tokens())} "
    for shown, phrase in _named_units(wording, vocab, common):
        if not _known(phrase, known, said):
            unknown = shown
            break
    years = tuple(sorted({int(t) for t in tokens if YEAR_RE.match(t)}))
    return Scope(unknown, years)


def unknown_year(scope: Scope, entry: Entry, entries: Iterable[Entry]) -> int | None:
    """A named year the answer is not about, when no entry of its kind covers that year."""
    if not scope.years or entry.year in scope.years:
        return None
    if entry.year is None and entry.category not in YEARLY:
        return None
    # A unit's result covers only that unit's years ("Mộc Châu năm 2023" is not its 2021 result).
    same = (lambda e: e.unit == entry.unit) if entry.unit is not None else (lambda e: e.category == entry.category)
    covered = {e.year for e in entries if same(e)}
    missing = [y for y in scope.years if y not in covered]
    return missing[0] if missing else (scope.years[0] if entry.year is not None else None)


# The words after "luật" that do not name a law ("theo luật mới", "luật hiện hành", "luật quy định").
_NOT_LAW = frozenset({"moi", "cu", "hien", "hanh", "quy", "dinh", "thi", "sua", "doi", "nay", "nao", "co", "la"})
# "luật cho gia hạn", "luật nói", "luật đã bỏ": what the law does, not which law it is
_NOT_LAW |= frozenset({"cho", "noi", "ghi", "bao", "da", "van", "khong", "duoc", "phai", "cung", "chi"})
# "luật số mấy", "luật gì", "luật thay thế": the law's number or name asked, no law named
_NOT_LAW |= frozenset({"so", "may", "gi", "thay"})
# "luật sư nộp …": the lawyer, not a law (no law's name begins with "sư"; Luật Luật sư is "luật luật sư")
_NOT_LAW |= frozenset({"su"})
# The assistant's own laws (tố tụng hình sự, hình sự, tổ chức VKSND/TAND): never a reason to refuse.
_HOME_LAWS = (("to", "tung"), ("hinh", "su"), ("to", "chuc"))


def named_law(tokens: Sequence[str]) -> tuple[str, ...] | None:
    """The law a question names by its subject ("luật khiếu nại" -> ("luat", "khieu", "nai"))."""
    for i, token in enumerate(tokens[:-2]):
        name = tuple(tokens[i + 1 : i + 3])
        numbered = any(c.isdigit() for w in name for c in w)  # "luật 94/2015": a number, not a subject
        general = i > 0 and tokens[i - 1] == "phap"  # "trái pháp luật": the law in general, no law named
        if (
            token == "luat"
            and not general
            and not numbered
            and not any(w in _NOT_LAW for w in name)
            and name[:2] not in _HOME_LAWS
        ):
            return ("luat", *name)
    return None


def from_law(entry_words: Sequence[str], law: tuple[str, ...]) -> bool:
    """Whether an entry's folded source and title name the law (answers run sentences together)."""
    return find(entry_words, law) >= 0


# Words that name what kind of entry is asked for: an entry of another kind is not the answer
# ("chỉ tiêu tỷ lệ án tòa án trả hồ sơ" is not the time limit for returning a file).
_KIND_WORDS: tuple[tuple[Phrase, frozenset[str]], ...] = (
    (("chi", "tieu"), frozenset({"chi_tieu", "quy_trinh"})),
    (("phuong", "cham"), frozenset({"phuong_cham"})),
    (("chu", "de", "thi", "dua"), frozenset({"phuong_cham"})),
    (("khau", "hieu"), frozenset({"phuong_cham"})),
)


def kinds_asked(tokens: Sequence[str]) -> frozenset[str] | None:
    """The categories a question's kind word allows (None: it names no kind)."""
    named = [kinds for phrase, kinds in _KIND_WORDS if find(tokens, phrase) >= 0]
    return frozenset().union(*named) if named else None


_GENERIC_UNIT = frozenset({"vksnd", "vien", "kiem", "sat", "nhan", "dan", "tp", "thanh", "pho", "tinh", "huyen", "so"})


def unit_unasked(tokens: Sequence[str], entry: Entry) -> bool:
    """A unit's own plan or result found for a question that does not name the unit ("vks phát hiện
    giam giữ trái luật thì có quyền gì" is not Phổ Yên's 2024 target; nor is "chỉ tiêu giải quyết
    tin báo của công an" its target for inspecting the police's enforcement body). The caller lets
    through a question that covers the entry's own title."""
    if entry.unit is None:
        return False
    name = [w for w in fold(entry.unit).split() if w not in _GENERIC_UNIT and not w.isdigit()]
    return not any(w in tokens for w in name)


def wants_date(text: str, tokens: Sequence[str]) -> bool:
    """A question that gives a day and asks the day a period ends ("khởi tố hôm nay thì hạn điều tra
    đến ngày nào"): an entry states the rule, not that date."""
    dated = _DATE.search(text) is not None or any(find(tokens, p) >= 0 for p in _DAYS)
    return dated and any(find(tokens, p) >= 0 for p in _ASKS_DATE)


def unit_year_gap(text: str, years: Sequence[int], synonyms: Synonyms, entries: Iterable[Entry]) -> str | None:
    """A unit the knowledge base knows, named with a year none of its entries covers ("Mộc Châu năm
    2023" when only its 2021 result is there): the unit as typed."""
    if not years:
        return None
    wording = Wording.of(text, synonyms)
    tokens = wording.tokens()
    names: dict[tuple[str, ...], set[int | None]] = {}
    for e in entries:
        if e.unit:
            names.setdefault(_unit_name(e.unit), set()).add(e.year)
    for name, own in names.items():
        if any(w.isalpha() for w in name) and find(tokens, name) >= 0 and not own & set(years):
            span = wording.word_span(name)
            return wording.text(*span) if span is not None else " ".join(name)
    return None


_UNIT_KIND = frozenset({"vksnd", "vien", "kiem", "sat", "nhan", "dan", "tp", "tinh", "huyen", "quan", "thi", "xa"})


def _unit_name(unit: str) -> tuple[str, ...]:
    """A unit's own name: "VKSND TP. Phổ Yên (Thái Nguyên)" -> ("pho", "yen")."""
    words = fold(unit.split("(")[0]).split()
    while words and (words[0] in _UNIT_KIND or words[:2] == ["thanh", "pho"]):
        words = words[2:] if words[:2] == ["thanh", "pho"] else words[1:]
    return tuple(words)


def without_unit(text: str, unit: str) -> str:
    """``text`` without the unit named (``unit``, as typed) and the unit words just before it
    ("em mới về VKS khu vực 3 Thanh Hóa" → "em mới về")."""
    at = text.find(unit)
    if at < 0:
        return text
    words = text[:at].split()
    while words and (fold(words[-1]) in _UNIT_PREFIX | _LEVEL_WORDS or words[-1].isdigit()):
        words.pop()
    return " ".join([*words, text[at + len(unit) :].strip()]).strip(" ,")
