"""The same question asked again of an adult, after one about a minor.

"bị can 17t tạm giam điều tra tội NT bao lâu" is about a minor: adult limits never answer it (the minors'
regime, ``synonyms.yaml``), so it is refused or flagged unverified, and nothing is kept to read a follow-up
against. "còn người lớn thì sao" then asks the same question of an adult: it is the earlier question without
the words that made the person a minor. Pure; ``handlers.qa_context`` keeps the earlier question.
"""

from __future__ import annotations

import re

from knowledge.kb.followup import has_subject
from knowledge.kb.normalize import Synonyms, fold, syllables
from knowledge.kb.vocabulary import Vocabulary

# "người lớn", "người đã thành niên", "đủ 18 tuổi", "trên 18", "người trưởng thành" (not "chưa thành niên")
_ADULT = re.compile(
    r"\b(?:nguoi lon|(?<!chua )(?:da |du )?thanh nien|truong thanh|(?:du|tu du|tren|qua|hon) 18(?: tuoi)?"
    r"|(?:1[89]|[2-9]\d) tuoi)\b"
)
# What made the person a minor: an age under 18, "chưa thành niên", "dưới 18 tuổi", "vị thành niên"
_MINOR = re.compile(
    r"(?<!\w)(?:(?:người|nguoi)\s+)?(?:chưa|chua)\s+(?:thành|thanh)\s+(?:niên|nien)(?!\w)"
    r"|(?<!\w)(?:vị|vi)\s+(?:thành|thanh)\s+(?:niên|nien)(?!\w)"
    r"|(?<!\w)(?:dưới|duoi|chưa\s+đủ|chua\s+du)\s+1[468]\s*(?:tuổi|tuoi|t)?(?!\w)"
    r"|(?<!\w)(?:mới\s+|moi\s+)?1[0-7]\s*(?:tuổi|tuoi|t)(?!\w)",
    re.IGNORECASE,
)
_SHORT = 10  # words: a follow-up, not a question of its own


def names_minor(text: str) -> bool:
    """Whether ``text`` makes the person it asks about a minor."""
    return _MINOR.search(text) is not None


def adult_again(text: str, earlier: str | None, vocab: Vocabulary, synonyms: Synonyms) -> str | None:
    """The earlier question (about a minor) asked of an adult, when ``text`` only names an adult; else None."""
    if earlier is None or not names_minor(earlier) or names_minor(text):
        return None
    folded = fold(text)
    tokens = synonyms.expand_first(syllables(text))
    if _ADULT.search(folded) is None or len(folded.split()) > _SHORT or has_subject(tokens, vocab, synonyms, text):
        return None
    return " ".join(_MINOR.sub(" ", earlier).split())
