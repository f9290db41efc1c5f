"""An extension told, not asked: "lệnh tạm giam 2 tháng hết ngày 03/05/2026, vụ ít NT gia hạn thêm 1
tháng". Staff type the facts and expect the date; a statement with a stated extension length and no
question word of any kind (a bare "?" asks just that) is read as asking where the extension ends ("… thì
đến ngày nào").
Anything that asks something else (who, how long, how many times, whether) is left as it is. Pure;
the text is folded and spelled out.
"""

from __future__ import annotations

import re

_ASKED = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")
_LENGTH = re.compile(r"(?<![\d/.,])\d{1,3}\s*(?:thang|ngay)(?![a-z])")
# Any question word: the message asks something, whatever it is.
_QUESTION = re.compile(
    r"(?<![a-z])(?:ai|bao lau|bao nhieu|may|nao|gi|sao|khong|ko|hong|chua|hay|the nao|duoc k|co phai|bn)(?![a-z])"
)
WHEN = " thi den ngay nao"


def as_asked(plain: str) -> str:
    """``plain`` with "thì đến ngày nào" added when it tells an extension and asks nothing; else as is."""
    asked = _ASKED.search(plain)
    if asked is None or _LENGTH.search(plain, asked.end()) is None or _QUESTION.search(plain):
        return plain
    return plain + WHEN
