"""Detention tied to a stage asked with the day the stage began as its only date: "VKS nhận hồ sơ và kết
luận điều tra ngày 05/03/2026, tội NT, tạm giam truy tố tối đa đến ngày nào", "tạm giam chuẩn bị xét
xử, tòa thụ lý 05/03/2026". The day is the stage's start (the cap is counted from it, Đ241, Đ278, Đ347,
Đ174) and the detention of that stage runs from it too: the card is computed with both, instead of
asking again for the day the question gave. A day said otherwise ("tạm giam truy tố từ 05/03") is
still the detention's own, and the stage's start is asked as before."""

from __future__ import annotations

import re

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers import deadline_flow
from handlers.deadline_cards import inputs, kinds, local_naive
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query, fold_text

_RECEIVED = r"nhan(?: duoc| dc)?(?: lai)? (?:ho so|hs)"
_STARTS = {
    "tam_giam_truy_to": _RECEIVED,
    "tam_giam_chuan_bi_xet_xu": rf"thu ly|{_RECEIVED}",
    "tam_giam_phuc_tham": rf"thu ly|{_RECEIVED}",
    "tam_giam_dieu_tra_bo_sung_vks": rf"nhan lai (?:ho so|hs)|{_RECEIVED}",
    "tam_giam_dieu_tra_bo_sung_toa_an": rf"nhan lai (?:ho so|hs)|{_RECEIVED}",
    "tam_giam_phuc_hoi_dieu_tra": r"phuc hoi(?: dieu tra)?",
}
_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])")


def _said_as_start(folded: str, kind: str) -> bool:
    """Whether the question's only date follows (or leads) the words of its stage's start."""
    words = _STARTS.get(kind)
    dates = list(_DATE.finditer(folded))
    if words is None or len(dates) != 1:
        return False
    a, b = dates[0].span()
    before = re.search(rf"(?<![a-z])(?:{words})(?:[a-z ]{{0,60}}?)\s*(?:ngay|vao|luc|la)?\s*$", folded[:a])
    after = re.match(rf"^\s*(?:[a-z]+\s+){{0,3}}?(?:{words})(?![a-z])", folded[b:])
    return bool(before or after) and not re.search(r"(?<![a-z])(?:tu|ke tu)\s*(?:ngay\s*)?$", folded[:a])


async def stage_started(ctx: Context) -> list[Reply] | None:
    """The card (or the next question of /tinhhan's flow) with the stage's start taken from the
    question, or None (not such a question)."""
    try:
        query = detect_deadline_query(ctx.text, local_naive(ctx))
    except DateParseError:
        return None
    if query is None:
        return None
    info = kinds().get(query.kind)
    if info is None or not info.stage_start_label or not _said_as_start(fold_text(ctx.text), query.kind):
        return None
    draft = {k: v for k, v in inputs(query).items() if v is not None and v is not False}
    draft["stage_start"] = str(draft["start"])[:10]
    return await deadline_flow.begin(ctx, draft)
