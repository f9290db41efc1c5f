"""A date the question asks about as a day off, not an input: "…, lệnh hết ngày nào, 30/4 nghỉ lễ có lùi
ko", "nếu ngày 01/05 là ngày lễ thì có lùi không". The calculator answers that on its card (custody is never
moved off days off, other periods are: BLTTHS 2015 Đ134 k1, FACTS §1), so the date is blanked out before
the question's dates are read — only when the question has another date, the one the period counts from.
Pure; the text is folded (``dateparse.fold_text``); blanks keep every other date's position.
"""

from __future__ import annotations

import re

_DAY = r"(?:(?:ngay|mung)\s+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?"
_OFF = r"(?:ngay )?(?:nghi le|nghi tet|nghi bu|nghi|le|tet)"
# ... and asked about: "có lùi không", "thì sao" (a weekday beside a date, "07/03 thứ 7", is only a day's name).
_ASKED = r"(?=[^.;?]{0,30}?(?<![a-z])(?:lui|thi sao|the nao|co sao|khong|ko|k)(?![a-z]))"
# "30/4 nghỉ lễ có lùi", "ngày 30/4 là ngày lễ thì", "nếu 01/05 là ngày nghỉ": a date said to be a day off.
_ASIDE = re.compile(
    rf"(?<![\d/a-z])(?<!tu )(?<!tu ngay )({_DAY})(?:\s*(?:la|vao|trung|roi|thi|co|,)\s*)*\s+{_OFF}(?![a-z]){_ASKED}"
)
_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])")
_OTHER_DAY = re.compile(r"(?<![a-z])(?:hom nay|hom qua|ngay mai|sang nay|chieu nay|toi nay|toi qua|dem qua)(?![a-z])")


# "tháng 2 năm nay chỉ có 28 ngày": how long a calendar month is, never a length of the order (blanked).
_MONTH_LENGTH = re.compile(
    r"(?<![a-z])thang\s*\d{1,2}(?: (?:nam nay|nam \d{4}|nay))?(?: (?:chi|co|la|thi|chi co|co tat ca|dai))+\s*"
    r"(?:28|29|30|31)\s*ngay(?![a-z])"
)


# A holiday named by its date in a question of how many days off it gives ("theo Bộ luật Lao động Tết nghỉ mấy
# ngày, còn Quốc khánh 2/9 mấy ngày"): the holiday's name, never a day the period counts from
_HOLIDAY_DATE = re.compile(
    r"(?<![a-z])(?:quoc khanh|giai phong mien nam|thong nhat|quoc te lao dong|lao dong|ngay le|le)\s+(?:ngay\s+)?"
    r"(\d{1,2}/\d{1,2})(?![\d/])"
)
_DAYS_OFF_ASKED = re.compile(r"(?<![a-z])nghi(?: le| tet)? (?:may|bao nhieu|bn|nhieu|bao lau)(?![a-z])")


def without_day_off_asides(folded: str) -> str:
    """``folded`` with each date said to be a day off blanked out, when another date remains, each month's own
    length said ("tháng 2 chỉ có 28 ngày") and each holiday's date in a question of its days off blanked out."""
    folded = _MONTH_LENGTH.sub(lambda m: " " * len(m[0]), folded)
    if _DAYS_OFF_ASKED.search(folded):  # "Quốc khánh 2/9 nghỉ mấy ngày"
        folded = _HOLIDAY_DATE.sub(lambda m: m[0][: m.start(1) - m.start()] + " " * len(m[1]), folded)
    asides = [m.span(1) for m in _ASIDE.finditer(folded)]
    if not asides:
        return folded
    others = [m for m in _DATE.finditer(folded) if not any(a <= m.start() < b for a, b in asides)]
    if not others and not _OTHER_DAY.search(folded):
        return folded  # the date is the only one: it may be the start itself
    for a, b in asides:
        folded = folded[:a] + " " * (b - a) + folded[b:]
    return folded
