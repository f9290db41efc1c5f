"""Detention tied to a stage asked with the day the stage began as its only date: "VKS nhận hồ sơ và kết
luận điều tra ngày 05/03/2026, tội NT, tạm giam truy tố tối đa đến ngày nào", "tạm giam chuẩn bị xét
xử, tòa thụ lý 05/03/2026". The day is the stage's start (the cap is counted from it, Đ241, Đ278, Đ347,
Đ174) and the detention of that stage runs from it too: the card is computed with both, instead of
asking again for the day the question gave. A day said otherwise ("tạm giam truy tố từ 05/03") is
still the detention's own, and the stage's start is asked as before — unless a second date is said as the
stage's start ("tạm giam truy tố từ 10/12/2026, VKS nhận hồ sơ ngày 05/12/2026", in either order): then
each is kept as what it is, and /tinhhan asks only what the question did not give."""

from __future__ import annotations

import re
from datetime import datetime

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers import deadline_flow
from handlers.deadline_cards import inputs, kinds, local_naive
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query, find_date_time, fold_text

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


def _marked(folded: str, date: re.Match[str], words: str) -> bool:
    """Whether a date follows (or leads) the words of its stage's start, and is not said "từ" it."""
    a, b = date.span()
    before = re.search(rf"(?<![a-z])(?:{words})(?:[a-z ]{{0,60}}?)\s*(?:ngay|vao|luc|la)?\s*$", folded[:a])
    after = re.match(rf"^\s*(?:[a-z]+\s+){{0,3}}?(?:{words})(?![a-z])", folded[b:])
    return bool(before or after) and not re.search(r"(?<![a-z])(?:tu|ke tu)\s*(?:ngay\s*)?$", folded[:a])


def _stage_date(folded: str, kind: str) -> re.Match[str] | None:
    """The date said as the stage's start, of the question's one or two dates (the other one is the
    detention's own start), or None."""
    words = _STARTS.get(kind)
    dates = list(_DATE.finditer(folded))
    if words is None or not 1 <= len(dates) <= 2:
        return None
    marked = [d for d in dates if _marked(folded, d, words)]
    return marked[0] if len(marked) == 1 else None


async def stage_started(ctx: Context) -> list[Reply] | None:
    """The card (or the next question of /tinhhan's flow) with the stage's start taken from the
    question, or None (not such a question)."""
    now = local_naive(ctx)
    try:
        query = detect_deadline_query(ctx.text, now)
    except DateParseError:
        return None
    if query is None:
        return None
    info = kinds().get(query.kind)
    folded = fold_text(ctx.text)
    stage = _stage_date(folded, query.kind) if info is not None and info.stage_start_label else None
    if stage is None:
        return None
    if len(_DATE.findall(folded)) == 2:  # "… từ 10/12/2026, VKS nhận hồ sơ ngày 05/12/2026": the other is the order's
        try:
            own = detect_deadline_query(folded[: stage.start()] + " " * len(stage[0]) + folded[stage.end() :], now)
            began = find_date_time(stage[0], now)
        except DateParseError:
            return None
        if own is None or own.kind != query.kind or began is None:
            return None
        query, day = own, began[0].day
    else:
        day = query.start.date() if isinstance(query.start, datetime) else query.start
    draft = {k: v for k, v in inputs(query).items() if v is not None and v is not False}
    draft["stage_start"] = day.isoformat()
    return await deadline_flow.begin(ctx, draft)
