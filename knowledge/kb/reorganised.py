"""Who acts after the 2025 reorganisation: never stated as law.

Luật 99/2025/QH15 (in force 01/07/2025) rewrote which bodies act once the district level gave way to the
regional (khu vực) procuracies; who approves each step after that date is unverified (FACTS, header). A question
that asks who acts and names the reorganisation ("sau sáp nhập thẩm quyền gia hạn truy tố có thuộc VT VKS khu vực
không") answered by an entry that does not say so itself (the 2015 text's "Viện trưởng VKS") gets the caveat.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.kb.normalize import fold
from knowledge.kb.vocabulary import Phrase, contains
from knowledge.kb.who import WHO

# who acts, and the acts the reorganisation moved ("viện trưởng duyệt", "thuộc vks", "phê chuẩn")
_WHO: tuple[Phrase, ...] = (
    *WHO,
    ("vien", "truong"),
    ("thuoc", "vien", "truong"),
    ("thuoc", "vks"),
    ("duyet",),
    ("phe", "chuan"),
)
_REORGANISED: tuple[Phrase, ...] = (
    ("sap", "nhap"),
    ("sap", "xep"),
    ("to", "chuc", "lai"),
    ("khu", "vuc"),
    ("luat", "99"),
    ("99/2025",),
    ("1/7/2025",),
    ("bo", "cap", "huyen"),
)
# How an entry already says that the detail is to be checked (the judge's and the KB's own words)
_FLAGGED = ("can doi chieu", "chua kiem chung", "chua xac minh")

NOTE = (
    "Nội dung dưới đây theo văn bản BLTTHS 2015; ai có thẩm quyền sau 01/7/2025 (Luật 99/2025/QH15, VKSND khu vực "
    "thay cấp huyện): chưa kiểm chứng — cần đối chiếu văn bản hợp nhất"
)


def reorganised_line(answer: str, tokens: Sequence[str]) -> str | None:
    """The caveat for a question asking who acts since the reorganisation, when ``answer`` does not flag it."""
    if not contains(tokens, _WHO) or not contains(tokens, _REORGANISED):
        return None
    folded = fold(answer)
    return None if any(mark in folded for mark in _FLAGGED) else NOTE
