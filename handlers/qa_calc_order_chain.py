"""A follow-up on an extension counted from an order's end (``qa_calc_order_end``, ``qa_calc_previous``):
"còn lần 2 thì sao", "gia hạn lần 2 thì đến ngày nào", "lần 2 thêm 2 tháng". No card was shown, so the
calculator's follow-ups have nothing to read; the answer just given leaves its end, rank and category
(``ORDER_CHAIN``, for the next message only), and the next extension is counted from the day after that
end with the same rules as the first (``counted_from_end``: Đ173's limit for the category, 30 days a month,
never shifted). Where Đ173 gives no further extension for the category, the answer says so."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.qa_calc_order_end import ORDER_CHAIN, counted_from_end
from handlers.qa_calc_rank import bare_rank
from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.dateparse import DateParseError, find_date_time
from knowledge.deadlines.detention_extension import INVESTIGATION, PLAIN, count_of, limits_by_category
from knowledge.deadlines.extension_ask import read_extension
from knowledge.deadlines.kind_words import detect_kind
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.plain import plain_question


def take_chain(data: dict[str, Any]) -> dict[str, Any] | None:
    """The extension the last answer counted from an order's end (removed: it holds for one message)."""
    chain = data.pop(ORDER_CHAIN, None)
    return chain if isinstance(chain, dict) and "end" in chain and "nth" in chain else None


def chain_followup(ctx: Context, chain: dict[str, Any] | None) -> list[Reply] | None:
    """The next extension after the one just counted, or None (the message is not about it)."""
    if chain is None:
        return None
    plain = plain_question(ctx.text)
    try:
        if find_date_time(plain, ctx.local_now().replace(tzinfo=None)) is not None:
            return None  # a date: a question of its own
    except DateParseError:
        return None
    measure = detect_kind(plain)
    if measure is not None and measure[0] not in (PLAIN, INVESTIGATION):
        return None  # "còn gia hạn điều tra lần 2": another period
    ask = read_extension(bare_rank(plain) or plain)
    if ask is None or ask.hours:
        return None
    previous, end = int(chain["nth"]), date.fromisoformat(str(chain["end"]))
    nth = ask.nth if ask.nth is not None and ask.nth > 0 else previous + 1
    if nth <= previous:
        return None
    if nth > previous + 1:
        ctx.conversation.data[ORDER_CHAIN] = chain  # the next message may still ask the next one
        return [
            Reply(
                f"Trợ lý vừa tính gia hạn lần {previous} (hết ngày {fmt_date(end)}). Anh/chị hỏi lần {previous + 1} "
                f"trước («còn lần {previous + 1} thì sao»), hoặc hỏi theo ngày hết lần gia hạn trước, ví dụ «lệnh gia "
                f"hạn lần {nth - 1} hết ngày …, gia hạn lần {nth} thì đến ngày nào»."
            )
        ]
    ask = replace(ask, category=ask.category or chain.get("category"), anqg=ask.anqg or bool(chain.get("anqg")))
    assumed = (
        f"Giả sử lần gia hạn thứ {previous} đủ mức tối đa (hết ngày {fmt_date(end)}); nếu lần đó ngắn hơn, "
        "ngày trên phải tính lại: anh/chị hỏi theo ngày hết lần gia hạn trước."
        if chain.get("full")
        else ""
    )
    only = _only_category(nth, ask.anqg) if ask.category is None and ask.stated else None
    if only is not None:  # "còn gia hạn lần 2 thêm 4 tháng": only ĐBNT has a 2nd (Đ173): counted for it, said so;
        # without a length ("còn lần 2 thì sao") the category is asked
        code, label = only
        counted = counted_from_end(
            replace(ask, category=code), plain, end, nth, keep=ctx.conversation.data, assumed=assumed
        )
        head = (
            f"Chỉ {label.lower()} được gia hạn tạm giam để điều tra lần thứ {nth} (Điều 173 khoản 2 BLTTHS 2015; "
            f"tội xâm phạm an ninh quốc gia còn có thể gia hạn thêm theo khoản 5); nếu vụ án là {label.lower()}:"
        )
        return [replace(counted[0], text=f"{head}\n{counted[0].text}"), *counted[1:]] if counted else counted
    if ask.category is None:  # which categories Đ173 extends that many times, and the category asked
        ctx.conversation.data[ORDER_CHAIN] = chain  # still the extension the next message may follow
        return [Reply(_which_category(previous, end, nth, ask.anqg))]
    return counted_from_end(ask, plain, end, nth, keep=ctx.conversation.data, assumed=assumed)


def _only_category(nth: int, anqg: bool) -> tuple[str, str] | None:
    """The one category (code, label) Đ173 extends ``nth`` times, or None when none or several are."""
    table = load_periods()
    allowed = [(code, label) for code, label in table.categories.items() if count_of(table, code, anqg) >= nth]
    return allowed[0] if len(allowed) == 1 else None


def _which_category(previous: int, end: date, nth: int, anqg: bool) -> str:
    table = load_periods()
    allowed = [label for code, label in table.categories.items() if count_of(table, code, anqg) >= nth]
    who = (
        f"chỉ {', '.join(label.lower() for label in allowed)} được gia hạn tạm giam để điều tra lần thứ {nth}"
        if allowed
        else f"không loại tội nào được gia hạn tạm giam để điều tra lần thứ {nth}"
    )
    return (
        f"Lần gia hạn thứ {previous} hết ngày {fmt_date(end)}. Theo Điều 173 BLTTHS 2015, {who}: "
        f"{limits_by_category(table)}. Anh/chị cho biết loại tội, ví dụ «gia hạn lần {nth} thì sao, tội đặc biệt "
        "nghiêm trọng»."
    )
