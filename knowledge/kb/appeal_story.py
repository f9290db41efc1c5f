"""A story of the case told before an appeal question: "tạm giữ 3 ngày tạm giam 57 ngày, xử 2 năm tù thì kháng
cáo mấy ngày" asks the appeal period (BLTTHS Đ333: 15 days from the pronouncement), which no length held nor the
sentence changes. Said with the question, those lengths pull the calculator (the order's days: 54) and the search
(the "2 ngày", "xét xử" of another appeal entry: the 7 days to notify an appeal, Đ338) off what is asked.

So where a message asks how long an appeal or a protest takes (kháng cáo, kháng nghị) after telling such lengths,
the lengths are dropped from it before it is read: "… thì kháng cáo mấy ngày". Not when it also asks what is
credited or deducted ("được trừ bao nhiêu ngày": ``sentence_credit``), nor when it asks of a date (the
calculator's: "tuyên án 2 năm tù ngày 01/03/2026, hạn kháng cáo đến ngày nào" keeps its date, and its lengths
do not change the date either). Pure; works on the words as typed, each folded to find them."""

from __future__ import annotations

import re

from knowledge.kb.normalize import fold

# How long an appeal or a protest takes, asked ("kháng cáo mấy ngày", "hạn kc bao lâu", "kháng nghị trong bao lâu")
_APPEAL = re.compile(r"(?<![a-z])(?:khang cao|khang nghi|(?<!nguoi )(?<!bat )kc)(?![a-z])")
_HOW_LONG = re.compile(r"(?<![a-z])(?:bao lau|bao nhieu|bn|may|thoi han|han|trong bao lau)(?![a-z])")
# What is credited or deducted: the lengths are the question ("… thì được trừ bao nhiêu, kháng cáo mấy ngày")
_CREDIT = re.compile(r"(?<![a-z])(?:tru|khau tru|tinh vao|bu tru|doi ra|quy doi|tong|cong lai)(?![a-z])")
_MEASURE = r"(?:tam giu|tam giam|tgiu|tgiam|tg|giam giu)"
_UNIT = r"(?:ngay|thang|nam|gio|tieng)"
# The lengths a story tells: a measure's ("tạm giữ 3 ngày", "tgiam 57 ngay", "3 ngày tạm giữ") and a sentence's
# ("xử 2 năm tù", "tòa tuyên phạt 3 năm tù", "bị phạt tù 18 tháng", "2 năm tù cho hưởng án treo")
_LENGTHS = re.compile(
    rf"(?<![a-z\d])(?:bi )?{_MEASURE}(?: [a-z]+){{0,2}}? \d{{1,3}} {_UNIT}"
    rf"|(?<![a-z\d])\d{{1,3}} {_UNIT} (?:bi )?{_MEASURE}(?![a-z])"
    rf"|(?<![a-z])(?:(?:toa |bi )?(?:xu|tuyen|ket an|phat)(?: [a-z]+){{0,2}}? )?(?:phat )?(?:tu )?\d{{1,2}} (?:nam|thang)"
    r" tu(?: treo)?(?![a-z])"
    r"|(?<![a-z])(?:(?:toa |bi )?(?:xu|tuyen|ket an)(?: phat)? )?phat tu \d{1,2} (?:nam|thang)(?![a-z])"
)
_DATE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}")


def without_case_lengths(text: str) -> str:
    """``text`` without the lengths its story tells, when it then asks how long an appeal or a protest takes."""
    words = text.split()
    folded = [fold(w) for w in words]
    starts: dict[int, int] = {}  # word index -> where its folded form starts in ``joined``
    joined = ""
    for i, f in enumerate(folded):
        if f:
            starts[i] = len(joined) + (1 if joined else 0)
            joined = f"{joined} {f}" if joined else f
    appeal = _APPEAL.search(joined)
    if appeal is None or _DATE.search(text) or _CREDIT.search(joined) or not _HOW_LONG.search(joined, appeal.start()):
        return text
    dropped: set[int] = set()
    for m in _LENGTHS.finditer(joined, 0, appeal.start()):  # the story, before the question
        dropped |= {i for i, at in starts.items() if m.start() <= at < m.end()}
    if not dropped:
        return text
    kept = [w for i, w in enumerate(words) if i not in dropped]
    return " ".join(kept).lstrip(" ,;.") or text
