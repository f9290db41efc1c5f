"""The day an appeal was lodged, said in an appeal question, against the appeal's last day (BLTTHS 2015 Đ333 k3):
by post, the postmark's day (a); through the detention camp's warden or the holding house's head, the day
they receive the letter (b) — not the day it was written; at the court, the day the court receives it (c).
"bị cáo viết đơn ngày 26/02 nhưng giám thị trại tạm giam ký nhận đơn ngày 28/02" lodged the appeal on 28/02.
Pure; the text is folded; a date written without its year takes the judgment's year (the next one when it
would fall before the judgment).
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.validate import fmt_date

_WAYS = (
    (
        re.compile(r"(?<![a-z])(?:giam thi|truong nha tam giu|trai tam giam|nha tam giu|trai giam)(?![a-z])"),
        "ngày Giám thị Trại tạm giam, Trưởng Nhà tạm giữ nhận được đơn (Điều 333 khoản 3 điểm b)",
    ),
    (
        re.compile(r"(?<![a-z])(?:dau buu (?:dien|chinh)|buu dien|buu chinh)(?![a-z])"),
        "ngày theo dấu bưu chính nơi gửi (Điều 333 khoản 3 điểm a)",
    ),
    (
        re.compile(r"(?<![a-z])toa(?: an)? (?:nhan|nhan duoc)(?: don)?(?![a-z])"),
        "ngày Tòa án nhận đơn (Điều 333 khoản 3 điểm c)",
    ),
)
_RECEIVED = re.compile(r"(?<![a-z])(?:ky nhan|nhan|nhan duoc|dong dau|dau)(?![a-z])")
_DAY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")


def lodged(folded: str, judged: date) -> tuple[str, date] | None:
    """The rule and the day the appeal counts as lodged, when the text says it; None otherwise."""
    for rx, rule in _WAYS:
        way = rx.search(folded)
        if way is None:
            continue
        clause = re.split(r"[.;?]", folded[way.start() :])[0]
        if not _RECEIVED.search(clause):
            continue
        found = _DAY.search(clause)
        if found is None:
            continue
        day, month, year = int(found[1]), int(found[2]), found[3]
        try:
            when = date(int(year) if year and len(year) == 4 else 2000 + int(year) if year else judged.year, month, day)
        except ValueError:
            return None
        if not year and when < judged:
            when = when.replace(year=when.year + 1)
        return rule, when
    return None


# Đ335: the first-instance court forwards a late appeal within 3 days; the appeal court's panel of three judges
# decides within 10 days whether to accept it (legal review, round 10: the line named the first-instance court)
_LATE = (
    "quá hạn: chỉ được chấp nhận khi có lý do bất khả kháng hoặc trở ngại khách quan; Tòa án cấp sơ thẩm gửi "
    "đơn lên Tòa án cấp phúc thẩm trong 03 ngày, Hội đồng 3 Thẩm phán cấp phúc thẩm xét trong 10 ngày (Điều 335 "
    "BLTTHS 2015)"
)


def lodged_line(folded: str, judged: date, last: date) -> str | None:
    """The line comparing the day lodged with the last day, or None."""
    found = lodged(folded, judged)
    if found is None:
        return None
    rule, when = found
    verdict = "trong hạn" if when <= last else _LATE
    return (
        f"Ngày kháng cáo là {rule}: {weekday_vi(when)} {fmt_date(when)}; hạn cuối {fmt_date(last)}, nên kháng cáo "
        f"{verdict}."
    )
