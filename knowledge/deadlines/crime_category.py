"""The crime category (Điều 9 BLHS 2015) and the ANQG mark a folded question names, in full words or
in the abbreviations staff type (ít NT, NT, RNT, ĐBNT, ANQG). Pure; the text is folded."""

from __future__ import annotations

import re

from knowledge.deadlines.detention_kinds import has_phrase

# Longest first: "nghiêm trọng" is in the three others.
CATEGORY_WORDS = (
    ("dac_biet_nghiem_trong", re.compile(r"dac biet nghiem trong|\bdbnt\b")),
    ("rat_nghiem_trong", re.compile(r"rat nghiem trong|\brnt\b")),
    ("it_nghiem_trong", re.compile(r"\bit nghiem trong|\bit nt\b")),
    ("nghiem_trong", re.compile(r"nghiem trong|\bnt\b")),
)
SHORT = {
    "it_nghiem_trong": "ít NT",
    "nghiem_trong": "NT",
    "rat_nghiem_trong": "RNT",
    "dac_biet_nghiem_trong": "ĐBNT",
}


def category_in(folded: str) -> str | None:
    """The first category named (longest wording first), or None."""
    return next((cat for cat, rx in CATEGORY_WORDS if rx.search(folded)), None)


def anqg_in(folded: str) -> bool:
    """Whether the text says the crime infringes national security."""
    return has_phrase(folded, "anqg", "an ninh quoc gia")


_NEGATED = re.compile(r"(?<![a-z])(?:khong|ko|chua|k)(?![a-z])")
_ALONE = {"it": "it_nghiem_trong"}  # the first word of «Ít nghiêm trọng», typed alone


def typed_category(folded: str) -> str | None:
    """The one category an answer typed at the category question names ("tội rất nghiêm trọng", "rnt",
    "ĐBNT", "dac biet nghiem trong", "ít"); None when it names none, several, or negates one."""
    if _NEGATED.search(folded):
        return None
    words = " ".join(re.sub(r"[^a-z ]", " ", folded).split())
    if words in _ALONE:
        return _ALONE[words]
    found, rest = set(), words
    for category, rx in CATEGORY_WORDS:
        if rx.search(rest):
            found.add(category)
            rest = rx.sub(" ", rest)
    return found.pop() if len(found) == 1 else None
