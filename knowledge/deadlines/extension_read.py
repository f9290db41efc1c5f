"""Reading a question about extending the period of a card just shown: "gia hạn lần 1 thì sao",
"gh lần 2 thì hết lúc nào", "gia hạn thêm 1 tháng thì đến ngày nào", "gia hạn 2 lần, mỗi lần 3 ngày".

What is read: which extension (its number, the next one, or the last), the length said (months, days,
or hours by the clock), the crime's category if named, and earlier extensions said with their lengths.
Answering it is ``extension_ask``. Pure; the text is folded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.deadlines.crime_category import anqg_in, category_in
from knowledge.deadlines.numbered_extensions import RANK, Said, blank_ranks, each_of, numbered, rank_of
from knowledge.deadlines.order_length import OrderLengthError, length_text, order_length

_ASKED = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")
# It asks when (not who, nor how many times): "thì sao", "đến bao giờ", "hết ngày nào".
ASKS_WHEN = re.compile(
    r"(?<![a-z])(?:thi sao|ra sao|the nao|bao gio|khi nao|luc nao|ngay nao|hom nao|han nao|may gio|den dau|den het"
    r"|duoc (?:khong|ko|k|hem)$)(?![a-z])"  # "gia hạn lần 2 được không": whether, and to when
)
_COUNT = re.compile(r"(?<![a-z])(?:gia han|gh)(?: (?:them|du|ca))? (\d) lan(?![a-z])")
_ALL = re.compile(r"(?<![a-z])(?:toi da|het muc|(?:du|het|ca) (?:cac|may|tat ca cac) lan)(?![a-z])")
LAST = -1  # "gia hạn tối đa", "gia hạn đủ các lần": the last step
_HOURS = re.compile(r"(?<![\d/.,])(\d{1,3})\s*(?:gio|tieng)(?![a-z])")


@dataclass(frozen=True, slots=True)
class ExtensionAsk:
    nth: int | None  # "lần 2"; None: the next one
    months: int = 0
    days: int = 0
    category: str | None = None  # named in the question (a plain order's card has none of its own)
    anqg: bool = False
    hours: int = 0  # "gia hạn thêm 24 giờ": by the clock (tạm giữ), never read as days
    earlier: tuple[Said, ...] = ()  # "lần 1 3 ngày, lần 2 3 ngày": the ones before ``nth``, as said

    @property
    def stated(self) -> bool:
        return bool(self.months or self.days or self.hours)

    def length_text(self) -> str:
        parts = [length_text(self.months, self.days)] if self.months or self.days else []
        return " ".join(parts + ([f"{self.hours} giờ"] if self.hours else []))


def read_extension(folded: str) -> ExtensionAsk | None:
    """The extension a follow-up asks about, or None (it is not one, or asks who or how)."""
    asked = _ASKED.search(folded)
    if asked is None or ASKS_WHEN.search(folded) is None:
        return None
    tail = folded[asked.start() :]
    items = numbered(tail)
    each = each_of(tail)
    category, anqg = category_in(folded), anqg_in(folded)
    if each is not None:  # "gia hạn 2 lần, mỗi lần 3 ngày": the second, after a first as long
        count, (months, days, hours) = each
        earlier = tuple(Said(i, months, days, hours) for i in range(1, count))
        return ExtensionAsk(count, months, days, category, anqg, hours, earlier)
    if len(items) > 1:  # "lần 1 3 ngày, lần 2 3 ngày": the last, counted after the ones before it
        own = items[-1]
        return ExtensionAsk(own.nth, own.months, own.days, category, anqg, own.hours, tuple(items[:-1]))
    nth = RANK.search(folded)
    plain = blank_ranks(folded)  # "gia hạn lần 1 ngày nào": the first, not one day
    try:  # "gia hạn thêm 1 tháng 10 ngày", "1,5 tháng" (45 days), never "5 tháng"
        said_months, said_days = order_length(plain[asked.end() :])
    except OrderLengthError:
        return None
    months, days = said_months or 0, said_days or 0
    hours = next((int(m[1]) for m in _HOURS.finditer(plain, asked.end())), 0)
    counted = _COUNT.search(folded)
    number = (
        rank_of(nth[1])
        if nth
        else int(counted[1])
        if counted
        else LAST
        if _ALL.search(folded) and not (months or days or hours)  # "tối đa 3 ngày" is a length
        else None
    )
    return ExtensionAsk(number, months, days, category, anqg, hours)
