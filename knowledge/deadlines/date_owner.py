"""Whether the one date of a question that names a tạm giữ first is the tạm giam's own start.

"tạm giữ 6 ngày rồi đã thả, ngày 16/03/2026 bắt lại tạm giam 3 tháng, trừ ngày tạm giữ": the tạm giữ
is closed before the date (a comma, "rồi", "sau đó", a release) and the date leads straight into the
tạm giam ("… 16/03 bắt lại tạm giam"): the tạm giam starts that day and the tạm giữ's days are
deducted (TTLT 04/2018 Đ17; FACTS §1, the official 60 − 6 example). Without both signs the date stays
the custody's, as ``custody_chain`` reads it ("tạm giữ từ 9h 02/03 rồi tạm giam 2 tháng"). Pure; the
text is folded and the date's place is marked ``@``.
"""

from __future__ import annotations

import re

_CUSTODY = re.compile(r"(?<![a-z])tam giu(?![a-z])")
# The tạm giữ is over before the date: punctuation, "rồi", "sau đó", a release.
_CLOSED = re.compile(r"[,.;]|(?<![a-z])(?:roi|sau do|da tha|tha ra|tra tu do|ra tu do|tha|cho ve)(?![a-z])")
# The date leads into the tạm giam: "@ bắt lại tạm giam", "@ thì ra lệnh tạm giam", "@ tạm giam",
# "@ CQĐT bắt tạm giam" (the agency that orders it may be said first, in any short form or slip: "qdt bắt"),
# "@ nó vi phạm nên bắt tạm giam" (a short reason first, then the arrest), "@ bắt (lại) bị can để tạm giam" (whom,
# and what for).
_INTO_DETENTION = re.compile(
    r"^\s*(?:(?:[a-z]+\s+){1,5}?(?:nen|thi|lien|va|roi)\s+(?=(?:bi\s+)?(?:bat|ra lenh|ra quyet dinh|tam giam)(?![a-z])))?"
    r"(?:[a-z]{2,6}\s+(?=(?:bat|ra lenh|ra quyet dinh|phe chuan)(?![a-z])))?"
    r"(?:(?:thi|moi|lai|se|bi|bat lai|bat|ra lenh|ra quyet dinh|lenh|quyet dinh|chuyen|sang|ap dung"
    r"|bien phap|co|vks phe chuan|phe chuan|da|cqdt|co quan dieu tra|cong an|ca|vks|vien kiem sat|toa|toa an"
    r"|de|bi can|bi cao|doi tuong|nghi pham|han|no|y)\s+)*"
    r"tam giam(?![a-z])"
)


def detention_owns(marked: str, at: int) -> bool:
    """Whether the date at ``at`` (the ``@`` in ``marked``) starts the tạm giam, not the tạm giữ."""
    if not _INTO_DETENTION.search(marked[at + 1 :]):
        return False
    custody = list(_CUSTODY.finditer(marked, 0, at))
    return bool(custody) and _CLOSED.search(marked, custody[-1].end(), at) is not None
