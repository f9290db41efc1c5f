"""Relative day words and parts of the day in Vietnamese date text (folded, no diacritics).

"hôm qua", "hôm kia", "sáng nay", "tối qua", "chiều hôm kia", "đêm qua", and ahead "ngày mai",
"sáng mai", "từ mai", "ngày kia" (an order given ahead) name a day relative to the user's local today; "sáng / trưa / chiều / tối / đêm" said with a time turn a 12-hour
clock into the 24-hour one ("9h tối qua" is 21:00 yesterday).
"""

from __future__ import annotations

import re

_PERIOD = r"sang|trua|chieu|toi|dem"
# A bare "mai" is tomorrow only where a day is said: "từ mai", "8h mai", "mai bắt …" opening the message;
# never in "thương mại", "mại dâm", "mai táng" nor a name ("bị can Nguyễn Thị Mai").
_BEFORE_MAI = r"tu|ke tu|bat dau|bat dau tu|den|toi|vao|\d{1,2}\s*(?:h|g|gio)(?:\s*\d{1,2})?(?:\s*(?:phut|p))?"
_OPENS_WITH_MAI = r"^(?P<opening>mai)(?=\s+(?:bat|tam giu|tam giam|khoi to|tuyen|xet xu|xu|nhan|ky|ra|se|moi)(?![a-z]))"
# "tội mại dâm" folds to "toi mai dam": not "tối mai"; nor "mai kia", "mai sau" (some day), "mai phục".
_MAI = r"mai(?![a-z])(?!\s+(?:dam|phuc|kia|sau|danh)(?![a-z]))"
# "tội quả tang" folds to "toi qua tang": not "tối qua".
RELATIVE = re.compile(
    rf"(?<![a-z])(?:(?P<period>{_PERIOD})\s+(?P<when>nay|qua|{_MAI}|hom nay|hom qua|hom kia|ngay mai|ngay kia)"
    # "bây giờ còn không": now, of how things stand (the organisation), not a moment to count from
    r"|(?P<plain>hom nay|hom qua|hom kia|(?:bay gio|luc nay)(?!\s+con(?![a-z]))|ngay mai|ngay kia)"
    rf"|(?:{_BEFORE_MAI})\s+(?P<bare>{_MAI})|{_OPENS_WITH_MAI})"
    r"(?![a-z])(?!\s+(?:tang|han)(?![a-z]))"
)
RELATIVE_DAYS = {
    "hom nay": 0, "nay": 0, "bay gio": 0, "luc nay": 0,
    "hom qua": -1, "qua": -1, "hom kia": -2,
    "mai": 1, "ngay mai": 1, "ngay kia": 2,
}  # fmt: skip


def relative_word(m: re.Match[str]) -> tuple[str, int]:
    """The day word a :data:`RELATIVE` match read, and where it starts (after "từ", "8h" before a bare "mai")."""
    for group in ("plain", "when", "bare", "opening"):
        if m[group]:
            return m[group], m.start() if group in ("plain", "when") else m.start(group)
    raise AssertionError("RELATIVE matched no day word")


# A week said without its day: no date (a day is never guessed). "1 tuần sau" is a length, not this.
_VAGUE = re.compile(r"(?<![a-z\d])(?<!\d )(?P<week>tuan sau|tuan toi)(?![a-z])")


def vague_week(folded: str) -> str | None:
    """What to ask when the text dates something by a week alone ("từ tuần sau"), or None."""
    m = _VAGUE.search(folded)
    if m is None:
        return None
    return (
        f"«{'tuần sau' if m['week'] == 'tuan sau' else 'tuần tới'}» chưa phải một ngày cụ thể, trợ lý không đoán ngày. "
        "Anh/chị cho biết ngày, ví dụ «thứ 2 tuần sau» hoặc ngày/tháng/năm như 09/03/2026."
    )


AFTER_TIME = re.compile(rf"\s*(?:({_PERIOD})(?![a-z]))?")


def in_period(hour: int, period: str | None) -> tuple[int, int]:
    """A 12-hour clock time said with a part of the day: (24-hour hour, days to add).

    "2 giờ chiều" is 14:00, "9 giờ tối" 21:00, "1 giờ trưa" 13:00; "2 giờ đêm qua" is 02:00
    of the day after yesterday (the night runs past midnight).
    """
    if period in ("chieu", "toi") and 1 <= hour < 12:
        return hour + 12, 0
    if period == "trua" and 1 <= hour <= 2:
        return hour + 12, 0
    if period == "dem":
        if 6 <= hour < 12:
            return hour + 12, 0
        if hour <= 5:
            return hour, 1
    return hour, 0
