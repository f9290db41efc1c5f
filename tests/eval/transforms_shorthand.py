"""Phrases typed another way, for the metamorphic harness (``tests/eval/transforms.py``): staff shorthand
("tạm giam" → "tg", "viện kiểm sát" → "VKS") and pairs of phrasings that ask the same ("mấy ngày" ↔
"bao nhiêu ngày"). A phrase is found as the text is typed (with its marks, or without any).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from knowledge.kb.normalize import has_diacritics
from tests.eval.transforms_marks import Rewrite, strip_diacritics

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


def phrase_pattern(phrase: str) -> _Phrase:
    def pattern(forms: set[str]) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return re.compile(r"(?<!\w)(?<!nghiem )(?<!nghiêm )(?:" + alternatives + r")(?!\w)", re.IGNORECASE)

    return _Phrase(pattern({phrase}), pattern({phrase, strip_diacritics(phrase)}))


_SHORTHAND = tuple((phrase_pattern(phrase), short) for phrase, short in SHORTHAND)


def shorthand(every: bool) -> Rewrite:
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


def swap(pairs: tuple[tuple[str, str], ...]) -> Rewrite:
    """Replace the first phrase of a pair found by the other (each direction a pair of its own)."""
    patterns = [(phrase_pattern(a), b) for a, b in pairs]

    def rewrite(text: str, rng: random.Random, vocab: frozenset[str]) -> str | None:
        text = unicodedata.normalize("NFC", text)
        for phrase, other in patterns:
            if phrase.of(text).search(text):  # written as the text is typed: "bao nhieu ngay" in a plain one
                written = other if has_diacritics(text) else strip_diacritics(other)
                return phrase.of(text).sub(written, text, count=1)
        return None

    return rewrite
