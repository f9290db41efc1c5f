"""A follow-up on a card counted by the clock that names another hour and no day: "nếu từ 14h thì sao",
"còn bắt lúc 9 giờ tối thì sao" after "tạm giữ từ 9h sáng nay …". The hour is on the card's own day
(the day said before); a part of the day turns it into the 24-hour clock as anywhere else ("9 giờ
tối" is 21:00). Only for a clock-counted card, and only when the message has no day of its own. Pure."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from knowledge.deadlines.dateparse import DateParseError, ParsedDateTime, find_date_time, fold_text
from knowledge.deadlines.periods import load_periods

_AT = re.compile(r"(?<![\d/])\d{1,2}\s*(?:h|g|gio|:)\s*(?:\d{2})?(?![\d/])")
_LEFT = re.compile(r"(?<![a-z])(?:nua|con lai|da qua|qua han|them)(?![a-z])")  # "còn 2 giờ nữa": hours left


def hour_on_the_cards_day(text: str, last: dict[str, Any], now: datetime) -> ParsedDateTime | None:
    """The new start (the card's day at the hour said), or None."""
    kd = load_periods().kinds.get(str(last.get("kind", "")))
    start = str(last.get("start", ""))
    folded = fold_text(text)
    if kd is None or kd.counting != "clock" or "T" not in start or not _AT.search(folded) or _LEFT.search(folded):
        return None
    day = datetime.fromisoformat(start).date()
    try:
        found = find_date_time(f"{day:%d/%m/%Y} {text}", now)
    except DateParseError:
        return None
    return found[0] if found is not None and found[0].time is not None else None
