"""A period named only to compare with the one asked: "thời hạn kháng cáo 15 ngày … có được lùi không, hay
tính cũng như thời hạn tạm giam? Ví dụ tuyên án 01/03/2024 thì hạn kháng cáo là ngày nào" asks the
appeal's day; the tạm giam is what it is compared with, never the period computed. Such a mention is
blanked before the kind is read (only when another period is named: a lone one is the question's).

Also a date said to be the *end* of a period that falls on a day off ("tạm giam hết đúng vào ngày lễ 30/4
thì có được lùi không"): it is what the rule is asked about, not a start (BLTTHS 2015 Đ134 k1), so it is
blanked too, even when it is the only date — the Q&A answers the rule.
Pure; the text is folded (``dateparse.fold_text``); blanks keep every other position.
"""

from __future__ import annotations

import re

from knowledge.deadlines.kind_words import spell_out

_KINDS = r"(?:tam giam|tam giu|khang cao|khang nghi|dieu tra|truy to|xet xu)"
# "cũng như thời hạn tạm giam", "giống tạm giữ", "khác với hạn kháng cáo", "so với thời hạn tạm giam".
_COMPARED = re.compile(
    rf"(?<![a-z])(?:cung nhu|giong nhu|giong|nhu la|nhu|khac voi|khac|so voi)"
    rf"(?: (?:cach tinh|cach dem|viec tinh))?(?: (?:thoi han|han))?(?: (?:cua|ve))? {_KINDS}(?![a-z])"
)
_NAMED = re.compile(rf"(?<![a-z]){_KINDS}(?![a-z])")
# "hết đúng vào ngày lễ 30/4 … có được lùi", "rơi vào chủ nhật 03/05 thì có lùi không".
_END_ON_DAY_OFF = re.compile(
    r"(?<![a-z])(?:het|roi|ket thuc|trung)(?: (?:dung|ngay|han|vao|dung vao|dung ngay))*"
    r" (?:ngay )?(?:nghi le|nghi tet|nghi|le|tet|chu nhat|cn|thu 7|thu bay)(?: ngay)?"
    r"\s+(\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\d/])"
    r"(?=[^.;?]{0,40}?(?<![a-z])lui(?![a-z]))"
)


def without_compared(folded: str) -> str:
    """``folded`` with each period named only as a comparison blanked out, when another is named."""
    found = list(_COMPARED.finditer(folded))
    if not found:
        return folded
    blanked = folded
    for m in reversed(found):
        blanked = blanked[: m.start()] + " " * (m.end() - m.start()) + blanked[m.end() :]
    return blanked if _NAMED.search(spell_out(blanked)) else folded  # "kc có lùi như tạm giam"


def without_day_off_ends(folded: str) -> str:
    """``folded`` with each date said to be a period's end on a day off, asked whether it moves, blanked."""
    for m in reversed(list(_END_ON_DAY_OFF.finditer(folded))):
        a, b = m.span(1)
        folded = folded[:a] + " " * (b - a) + folded[b:]
    return folded
