"""The next detention extension asked from the previous extension order's last day ("lệnh gia hạn tạm
giam lần 1 hết ngày 31/03/2027, gia hạn lần 2 thêm 4 tháng thì đến ngày nào"; either order): counted
from the day after that day (``knowledge.deadlines.previous_extension``), as an order's end is
(``qa_calc_order_end.counted_from_end``). No card is shown; the extension counted is kept for the next
message ("còn lần 3 thì sao", ``qa_calc_order_chain``)."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.qa_calc_order_end import counted_from_end
from knowledge.deadlines.dateparse import DateParseError, find_date_time
from knowledge.deadlines.extension_ask import ASKS_WHEN, read_extension
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.previous_extension import previous_extension


def extension_after_previous(ctx: Context) -> list[Reply] | None:
    """The extension asked, counted after the previous extension order's end; None: not such a question."""
    plain = plain_question(ctx.text)
    try:
        found = find_date_time(plain, ctx.local_now().replace(tzinfo=None))
    except DateParseError:
        return None
    if found is None or len(found[1]) != 1 or found[0].time is not None:
        return None
    at, end = found[1][0]
    previous = previous_extension(plain, at, end)
    if previous is None:
        return None
    asked = previous.asked if ASKS_WHEN.search(previous.asked) else f"{previous.asked} thi het ngay nao"
    ask = read_extension(asked)
    if ask is None or ask.hours:
        return None
    nth = ask.nth if ask.nth is not None and ask.nth > 0 else previous.rank + 1
    if nth <= previous.rank:
        return [
            Reply(
                f"Lệnh gia hạn lần {previous.rank} đã có, nên lần hỏi tiếp theo là lần {previous.rank + 1}. "
                "Anh/chị hỏi lại, ví dụ «lệnh gia hạn tạm giam lần 1 hết ngày 31/03/2027, gia hạn lần 2 thêm "
                "2 tháng thì đến ngày nào»."
            )
        ]
    return counted_from_end(ask, plain, found[0].day, nth, keep=ctx.conversation.data)
