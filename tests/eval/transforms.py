"""Meaning-preserving rewrites of a question, as staff type on phones (issue #15's metamorphic harness).

Each transform is deterministic: its random choices come from a ``random.Random`` seeded by the
transform's name and the question, so a run is repeatable. A transform returns ``None`` when it
does not apply (nothing to abbreviate, no word long enough for a typo, or every typo it could make
is another real word: "giam" → "gia" is no typo of "giam" but another question).

``TRANSFORMS`` lists them by name; ``apply`` runs one on a question whose turns are separated by
`` || `` (a follow-up): the ones that change how everything is typed (no diacritics, case, NFD,
shorthand) rewrite every turn, the others (padding, typos, additions, punctuation) the last one.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.kb.normalize import fold, has_diacritics

Rewrite = Callable[[str, random.Random, frozenset[str]], str | None]

# --- diacritics, case, punctuation -------------------------------------------------------------


def strip_diacritics(text: str) -> str:
    nfd = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text))
    out = "".join(c for c in nfd if not unicodedata.combining(c))
    return out.replace("đ", "d").replace("Đ", "D")


def _nfd(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    out = unicodedata.normalize("NFD", text)
    return out if out != text else None


def _no_diacritics(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    out = strip_diacritics(text)
    return out if out != text else None


_END = re.compile(r"[\s?!.…]*$")
_PUNCT = re.compile(r"[?!,;:…]|(?<![0-9])\.|\.(?![0-9])")


def _split_end(text: str) -> tuple[str, str]:
    """The question without its final punctuation, and that punctuation (maybe none)."""
    match = _END.search(text)
    assert match is not None
    return text[: match.start()], match.group(0).strip()


def _punct_removed(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    out = " ".join(_PUNCT.sub(" ", text).split())
    return out if out != " ".join(text.split()) else None


_INNER = re.compile(r"\s*[,;]\s+")


def _newlines(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
    """Each clause on a line of its own, as staff type two questions on a phone ("…, …" -> "…\n…")."""
    out = _INNER.sub("\n", text)
    return out if out != text else None


def _ending(mark: str) -> Rewrite:
    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        body, _ = _split_end(text)
        return body + mark

    return rewrite


# --- chatty padding ------------------------------------------------------------------------------

BEFORE = ("a ơi cho em hỏi", "chị ơi", "ad ơi", "cho e hỏi chút", "anh ơi em hỏi", "cho em hỏi với")
AFTER = ("ạ", "với ạ", "e cảm ơn ạ", "nhé", "vậy", "thế", "vậy ạ", "ạ, em cảm ơn")


def _pad(before: bool, after: bool, plain: bool) -> Rewrite:
    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        body, end = _split_end(text)
        if before:
            first = rng.choice(BEFORE)
            body = f"{first}, {body[:1].lower()}{body[1:]}" if rng.random() < 0.5 else f"{first} {body}"
        if after:
            body = f"{body} {rng.choice(AFTER)}"
        out = body + end
        return strip_diacritics(out) if plain else out

    return rewrite


# --- shorthand -----------------------------------------------------------------------------------

# Longest phrases first, so "rất nghiêm trọng" is read before "nghiêm trọng".
SHORTHAND: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("bộ luật tố tụng hình sự", ("bltths",)),
    ("đặc biệt nghiêm trọng", ("ĐBNT", "dbnt")),
    ("rất nghiêm trọng", ("RNT",)),
    ("ít nghiêm trọng", ("ít NT",)),
    ("nghiêm trọng", ("NT",)),
    ("cơ quan điều tra", ("CQĐT", "cqdt")),
    ("viện kiểm sát", ("VKS", "vks")),
    ("kiểm sát viên", ("ksv",)),
    ("tạm giam", ("tgiam", "tg")),
    ("tạm giữ", ("tgiu",)),
    ("điều tra", ("dt", "đt")),
    ("truy tố", ("tt",)),
    ("gia hạn", ("gh",)),
    ("bao nhiêu", ("bn", "bnhieu")),
    ("quyết định", ("qđ",)),
    ("tòa án", ("TA", "tand")),
    ("toà án", ("TA", "tand")),
    ("được", ("đc", "dc")),
    ("không", ("ko", "k")),
    ("tháng", ("th",)),
    ("ngày", ("ng",)),
)


@dataclass(frozen=True)
class _Phrase:
    """A phrase as typed with its marks, or without them in a text typed without any: in a text with
    marks, "ngay" is "ngay" (at once), never "ngày", and "trong" never "trọng". The "trong" of
    "nghiem trong" (trọng) never starts a phrase ("… nghiem trong bao lau" has no "trong bao lâu")."""

    marked: re.Pattern[str]
    plain: re.Pattern[str]

    def of(self, text: str) -> re.Pattern[str]:
        return self.marked if has_diacritics(text) else self.plain


def _phrase_pattern(phrase: str) -> _Phrase:
    def pattern(forms: set[str]) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return re.compile(r"(?<!\w)(?<!nghiem )(?<!nghiêm )(?:" + alternatives + r")(?!\w)", re.IGNORECASE)

    return _Phrase(pattern({phrase}), pattern({phrase, strip_diacritics(phrase)}))


_SHORTHAND = tuple((_phrase_pattern(phrase), short) for phrase, short in SHORTHAND)


def _shorthand(every: bool) -> Rewrite:
    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        out = unicodedata.normalize("NFC", text)
        present = [(phrase.of(out), short) for phrase, short in _SHORTHAND if phrase.of(out).search(out)]
        if not present:
            return None
        for pattern, short in present if every else [rng.choice(present)]:
            out = _abbreviated(pattern, short, rng, out)
        return out

    return rewrite


def _abbreviated(pattern: re.Pattern[str], short: tuple[str, ...], rng: random.Random, text: str) -> str:
    return pattern.sub(lambda _m: rng.choice(short), text)


# --- typos -------------------------------------------------------------------------------------------

_WORDS = re.compile(r"[^\W\d_]{4,}")
_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_SHAPES = {"\u0302": "", "\u0306": "w", "\u031b": "w"}  # circumflex doubles the vowel; breve, horn: w


def telex_keys(word: str) -> str:
    """The keys typed on a phone whose Vietnamese keyboard is off: "giảm" -> "giamr", "điều" -> "ddieeuf"."""
    out: list[str] = []
    tone = ""
    for char in unicodedata.normalize("NFD", word.replace("đ", "dd").replace("Đ", "DD")):
        if char in _TONES:
            tone = _TONES[char]
        elif char in _SHAPES:
            out.append(_SHAPES[char] or out[-1])
        else:
            out.append(char)
    return "".join(out) + tone


def _typo(kind: str) -> Rewrite:
    def make(word: str, rng: random.Random, vocab: frozenset[str]) -> str:
        chars = list(unicodedata.normalize("NFC", word))
        i = rng.randrange(len(chars))
        if kind == "drop":
            del chars[i]
        elif kind == "double":
            chars.insert(i, chars[i])
        elif kind == "swap":
            i = rng.randrange(len(chars) - 1)
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif telex_keys(word) != word:
            return telex_keys(word)
        elif fold(word) in vocab and re.search("[aeiouy]", fold(word)):
            return word + rng.choice("sfrxj")  # a known syllable typed with the keyboard off
        else:
            return word
        return "".join(chars)

    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        text = unicodedata.normalize("NFC", text)
        spans = [m for m in _WORDS.finditer(text)]
        rng.shuffle(spans)
        for match in spans:
            typo = make(match.group(0), rng, vocab)
            folded = fold(typo)
            if folded == fold(match.group(0)) or folded in vocab:
                continue  # no typo once folded, or another real word
            return text[: match.start()] + typo + text[match.end() :]
        return None

    return rewrite


# --- harmless additions ---------------------------------------------------------------------------


def _append(words: str) -> Rewrite:
    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        body, end = _split_end(text)
        return f"{body} {words}{end}"

    return rewrite


def _swap(pairs: tuple[tuple[str, str], ...]) -> Rewrite:
    """Replace the first phrase of a pair found by the other (each direction a pair of its own)."""
    patterns = [(_phrase_pattern(a), b) for a, b in pairs]

    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        text = unicodedata.normalize("NFC", text)
        for phrase, other in patterns:
            if phrase.of(text).search(text):  # written as the text is typed: "bao nhieu ngay" in a plain one
                written = other if has_diacritics(text) else strip_diacritics(other)
                return phrase.of(text).sub(written, text, count=1)
        return None

    return rewrite


def _leading(words: str) -> Rewrite:
    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        return f"{words} {text[:1].lower()}{text[1:]}"

    return rewrite


@dataclass(frozen=True)
class Transform:
    name: str
    steps: tuple[Rewrite, ...]
    every_turn: bool = False  # how the whole message is typed (else: the last turn only)


def _t(name: str, *steps: Rewrite, every_turn: bool = False) -> Transform:
    return Transform(name, steps, every_turn)


_TYPO_ANY: Rewrite = lambda text, rng, vocab: _typo(rng.choice(("drop", "double", "swap", "telex")))(  # noqa: E731
    text, rng, vocab
)

TRANSFORMS: tuple[Transform, ...] = (
    _t("no_diacritics", _no_diacritics, every_turn=True),
    _t("nfd", _nfd, every_turn=True),
    _t("upper", lambda t, r, v: t.upper(), every_turn=True),
    _t("lower", lambda t, r, v: t.lower(), every_turn=True),
    _t("punct_removed", _punct_removed),
    _t("punct_?", _ending("?")),
    _t("punct_??", _ending("??")),
    _t("punct_...", _ending("...")),
    _t("punct_newline", _newlines),
    _t("pad_before", _pad(True, False, False)),
    _t("pad_after", _pad(False, True, False)),
    _t("pad_both", _pad(True, True, False)),
    _t("pad_both_plain", _pad(True, True, True)),
    _t("shorthand_one", _shorthand(False), every_turn=True),
    _t("shorthand_all", _shorthand(True), every_turn=True),
    _t("typo_drop", _typo("drop")),
    _t("typo_double", _typo("double")),
    _t("typo_swap", _typo("swap")),
    _t("typo_telex", _typo("telex")),
    _t("add_theo_bltths", _append("theo bltths")),
    _t("add_theo_luat", _append("theo luật")),
    _t("add_hien_nay", _append("hiện nay")),
    _t("add_cho_hoi", _leading("cho hỏi")),
    _t("swap_toi_da", _swap((("tối đa là", "tối đa"), ("tối đa", "tối đa là")))),
    _t("swap_may_ngay", _swap((("mấy ngày", "bao nhiêu ngày"), ("bao nhiêu ngày", "mấy ngày")))),
    _t("swap_bao_lau", _swap((("trong bao lâu", "bao lâu"), ("bao lâu", "trong bao lâu")))),
    _t("plain+shorthand", _shorthand(True), _no_diacritics, every_turn=True),
    _t("plain+typo", _no_diacritics, _TYPO_ANY, every_turn=True),
    _t("pad+typo", _pad(True, True, False), _TYPO_ANY),
    _t("plain+pad", _pad(True, True, True)),
    _t("shorthand+pad", _shorthand(True), _pad(True, True, False)),
    _t("lower+punct_removed+plain", lambda t, r, v: t.lower(), _punct_removed, _no_diacritics, every_turn=True),
)
from tests.eval.transforms_typed import comma_joined, joined_word, short_khong, telex_all  # noqa: E402

TRANSFORMS += (
    _t("telex_all", telex_all, every_turn=True),
    _t("comma_joined", comma_joined),
    _t("joined_word", joined_word),
    _t("short_khong", short_khong, every_turn=True),
)
BY_NAME = {t.name: t for t in TRANSFORMS}


def apply(transform: Transform, question: str, vocab: frozenset[str]) -> str | None:
    """``question`` rewritten by ``transform`` (seeded by both), or None when it does not apply."""
    rng = random.Random(f"{transform.name}\x00{question}")
    turns = [t.strip() for t in question.split(" || ")]
    targets = range(len(turns)) if transform.every_turn else [len(turns) - 1]
    changed = False
    for i in targets:
        text: str | None = turns[i]
        for step in transform.steps:
            out = step(text, rng, vocab) if text is not None else None
            # A composition applies when its steps do; a step with nothing to do passes the text on.
            text = out if out is not None else (text if len(transform.steps) > 1 else None)
        if text is None:
            continue
        changed = changed or text != turns[i]
        turns[i] = text
    return " || ".join(turns) if changed else None
