"""A tạm giam asked right after a tạm giữ card: "hết tạm giữ thì tạm giam 2 tháng, hết ngày nào?".

The tạm giữ is the card's: from its start, for its 3-day term (Đ118 k1) unless the message says its
own days or extensions ("gia hạn thêm 3 ngày rồi tạm giam 2 tháng"). The question is read as if
it named that start ("tạm giữ 3 ngày từ 09:00 02/03/2026, …"), so the tạm giam starts the day the
custody ends and every custody day is deducted, exactly as a question asked in one message
(``knowledge.deadlines.custody_chain``)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_cards import computed
from knowledge.deadlines.custody_days import CustodyDaysError, custody_segment, custody_words, read_custody_days
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query
from knowledge.deadlines.kind_words import detect_kind

_TERM_DAYS = 3  # the tạm giữ card's term (Đ118 k1)
# The tạm giam follows the custody ("hết tạm giữ thì", "rồi", "sau đó", "chuyển sang"): not a question
# about tạm giam in general ("tạm giam tối đa bao lâu" is the Q&A's).
_AFTER = re.compile(
    r"(?<![a-z])(?:het(?: han)? tam giu|sau do|sau khi|roi|r|chuyen(?: sang)?|tiep theo|ke tiep)(?![a-z])"
)


def _custody_said(plain: str) -> bool | None:
    """Whether the message says the custody's own term (True), only extensions or nothing (False);
    None when what it says cannot be counted (the reading of the whole question will say why)."""
    text = custody_words(plain)
    if custody_segment(text) is None:
        return False
    try:
        said = read_custody_days(text)
    except CustodyDaysError as exc:
        return False if exc.no_term else None
    return said is not None and said.term > 0


def detention_after_custody(ctx: Context, last: dict[str, Any], plain: str) -> list[Reply] | None:
    """The tạm giam card counted from the tạm giữ card's custody, or None (not asked)."""
    named = detect_kind(plain)
    if last.get("kind") != "tam_giu" or named is None or not named[0].startswith("tam_giam"):
        return None
    if not _AFTER.search(plain):
        return None
    start = datetime.fromisoformat(str(last["start"]))
    own = _custody_said(plain)
    term = "" if own else f"{_TERM_DAYS} ngày "
    text = f"tạm giữ {term}từ {start:%H:%M} {start:%d/%m/%Y}, {ctx.text}"
    try:
        query = detect_deadline_query(text, ctx.local_now().replace(tzinfo=None))
    except DateParseError as exc:
        return [Reply(exc.message_vi)]
    if query is None or not query.kind.startswith("tam_giam"):
        return None
    return computed(ctx, query)
