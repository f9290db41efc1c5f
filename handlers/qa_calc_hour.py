"""A period counted by the clock asked with a day but no hour: "hôm nay tạm giữ một người thì tối đa
được giữ mấy ngày", "tạm giữ từ hôm qua … có phải thả không". The end is not computed without the
hour (it is never guessed), but the period itself is the law's and is said: its term and each
extension from the period table, with the basis, then what to type to get the hour of its end."""

from __future__ import annotations

import re
from datetime import datetime

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query, fold_text
from knowledge.deadlines.periods import KindDef, load_periods

_OTHER = re.compile(r"(?<![a-z])(?:phe chuan|tham quyen|ai (?:ky|quyet dinh|ra quyet dinh|gia han|phe chuan))(?![a-z])")


def _lengths(kd: KindDef) -> str:
    parts = [f"{kd.base.label}: {kd.base.length.text()}" if kd.base.length else kd.base.label]
    lengths = [s.length for s in (kd.base, *kd.extensions) if s.length is not None]
    for step in kd.extensions:
        if step.length is not None:
            parts.append(f"{step.label}: {step.length.text()}")
    if len(lengths) > 1 and len({x.unit for x in lengths}) == 1:  # "tổng tối đa 9 ngày"
        total = type(lengths[0])(sum(x.value for x in lengths), lengths[0].unit)
        parts.append(f"tổng tối đa nếu gia hạn đủ: {total.text()}")
    return "; ".join(parts)


def _hourless(ctx: Context) -> KindDef | None:
    """The clock-counted kind the question names with a day but no hour, or None."""
    try:
        query = detect_deadline_query(ctx.text, ctx.local_now().replace(tzinfo=None))
    except DateParseError:
        return None
    if query is None or isinstance(query.start, datetime):
        return None
    kd = load_periods().kinds.get(query.kind)
    return kd if kd is not None and kd.counting == "clock" else None


def asks_another_thing(ctx: Context) -> bool:
    """ "… hôm nay là ngày thứ 3 rồi, VKS phải xét phê chuẩn gia hạn trong bao nhiêu giờ": the day only
    sets the scene; the question is the approval's (the Q&A answers it, not the calculator)."""
    return _OTHER.search(fold_text(ctx.text)) is not None and _hourless(ctx) is not None


def hour_missing(ctx: Context) -> list[Reply] | None:
    """The period's rule and a request for the hour, when a clock-counted period has only a day; else None."""
    kd = _hourless(ctx)
    if kd is None:
        return None
    return [
        Reply(
            "Trợ lý chưa trả lời được giờ hết hạn: câu hỏi chưa có giờ bắt đầu.\n"
            f"{kd.label.upper()}: {_lengths(kd)}.\n"
            f"Căn cứ: {kd.basis}.\n"
            f"{kd.label} tính theo giờ, liên tục, không lùi ngày nghỉ: để tính giờ hết hạn, anh/chị cho biết cả giờ "
            f"bắt đầu, ví dụ «{kd.label.lower()} từ 21h tối qua thì hết lúc nào» hoặc «… từ 14h 03/05/2026»."
        )
    ]
