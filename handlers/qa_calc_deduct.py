"""A tạm giam said to follow a tạm giữ without the tạm giữ's days: "tạm giam 2 tháng kể từ ngày hết tạm
giữ 05/03/2026", "tạm giam 2 tháng từ 05/03/2026, trước đó có tạm giữ". The days of tạm giữ are deducted
from the tạm giam (Đ118 k4: one day of tạm giữ is one day of tạm giam; TTLT 04/2018 Đ17), so a
card without them ends too late: the number is asked, never guessed. Not when the date is the custody's
own start (counted from it, nothing is deducted and the last day is the same), nor when the question
says there was none ("không tạm giữ")."""

from __future__ import annotations

import re

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query, fold_text
from knowledge.deadlines.kind_words import spell_out

_CUSTODY = re.compile(r"(?<![a-z])tam giu(?![a-z])")
_NONE = re.compile(r"(?<![a-z])(?:khong|chua|ko|k|kg)(?! (?:biet|ro|chac))(?: [a-z]+){0,2} tam giu(?![a-z])")
_DAYS = re.compile(r"(?<![\d/])\d{1,2}\s*(?:ngay|gio|tieng)(?![a-z])")
ASK = (
    "Tạm giam sau tạm giữ: thời gian tạm giữ được trừ vào thời hạn tạm giam, 1 ngày tạm giữ bằng 1 ngày tạm giam "
    "(Điều 118 khoản 4 BLTTHS 2015; Điều 17 TTLT 04/2018), nên trợ lý chưa tính ngày hết hạn. Anh/chị cho biết đã tạm giữ bao nhiêu ngày, "
    "ví dụ «tạm giam 2 tháng từ 05/03/2026, đã tạm giữ 3 ngày thì hết ngày nào»."
)


def custody_days_unsaid(ctx: Context) -> list[Reply] | None:
    """The question asked back when a tạm giữ came before and its days are not said; None otherwise."""
    folded = spell_out(fold_text(ctx.text))
    if not _CUSTODY.search(folded) or _NONE.search(folded):
        return None
    try:
        query = detect_deadline_query(ctx.text, ctx.local_now().replace(tzinfo=None))
    except DateParseError:
        return None
    if query is None or not query.kind.startswith("tam_giam") or query.tam_giu_days is not None:
        return None
    said = _CUSTODY.search(folded)
    if query.custody_start is not None or (said is not None and _DAYS.search(folded, said.end())):
        return None  # counted from the custody's start, or its length is said (read elsewhere)
    return [Reply(ASK)]
