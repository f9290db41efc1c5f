"""A detention extension asked from the previous extension order's last day: "lệnh gia hạn tạm giam lần 1
hết ngày 31/03/2027, gia hạn lần 2 thêm 4 tháng thì đến ngày nào", or the other way round "gia hạn tạm giam
lần 2 tội ĐBNT, lệnh gia hạn lần 1 hết ngày 31/03/2027". The date closes the previous order: the next
extension runs from the day after it (TTLT 04/2018 Đ17; FACTS §1), never from the date itself, and the
date is not a start of the detention nor of the extension asked.

Pure; the text is folded, shorthand spelled out and numbers written as digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.deadlines.numbered_extensions import rank_of

# "(lệnh|quyết định) gia hạn (tạm giam) lần N … hết (hạn) (ngày)" just before the date.
_PREVIOUS = re.compile(
    r"(?<![a-z])(?:(?:lenh|quyet dinh|qd)\s+)?(?:gia han|gh)(?:\s+tam giam)?\s+lan\s+(?:thu\s+)?"
    r"(\d|nhat|nhi|hai|ba|tu|dau)(?![\da-z])(?:[\s,]+[a-z]+){0,6}?[\s,]+"
    r"(?:den het|het han|het|toi het|ket thuc)(?:\s+(?:vao|la|luc))?(?:\s+ngay)?\s*$"
)
_DETENTION = re.compile(r"(?<![a-z])tam giam(?![a-z])")
_CUSTODY = re.compile(r"(?<![a-z])tam giu(?![a-z])")
_ANOTHER = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")


@dataclass(frozen=True, slots=True)
class PreviousEnd:
    rank: int  # the previous extension's rank ("lần 1")
    asked: str  # the question without the previous order's words and date (the extension asked)


def previous_extension(plain: str, at: int, end: int) -> PreviousEnd | None:
    """The previous extension order closed by the date at ``plain[at:end]``, and what else the text
    asks; None when the date is not such an order's end or no other extension is asked."""
    if not _DETENTION.search(plain) or _CUSTODY.search(plain):
        return None
    found = _PREVIOUS.search(plain[:at])
    if found is None:
        return None
    rest = plain[: found.start()] + " " + plain[end:]
    if not _ANOTHER.search(rest):
        return None  # only the previous order: "lệnh gia hạn lần 1 hết ngày …" asks nothing more
    return PreviousEnd(rank_of(found[1]) if found[1] != "dau" else 1, " ".join(rest.split()))
