"""Documents named by their number ("Luật 99/2025", "QĐ 139", "Nghị quyết 96/2019"): a question about that document.

A part that names one is its own question even when it names no subject of ``dialogue.subjects`` ("qđ 358 thay qđ
nào, còn qđ 139 ban hành ngày nào": the second part asks of QĐ 139, not of QĐ 358 again), and no regime said
elsewhere in the message changes it (``regime``). Pure.
"""

from __future__ import annotations

import re

_DOCUMENT = re.compile(
    r"(?i)(?<!\w)(?:luật|luat|qđ|qd|quyết định|quyet dinh|nghị quyết|nghi quyet|nq|thông tư|thong tu|nđ"
    r"|nghị định|nghi dinh|chỉ thị|chi thi)\s*(?:số\s*|so\s*)?(\d{2,})(?:/\d{4})?"
    r"(?!\s*(?:ngày|ngay|tháng|thang|giờ|gio|năm|nam|h|ng|th|lần|lan)(?!\w))"  # "qđ 15 ngày": a length
)


def documents_named(text: str) -> frozenset[str]:
    """The numbers of the documents ``text`` names ("139", "99")."""
    return frozenset(m.group(1) for m in _DOCUMENT.finditer(text))
