"""A new tạm giam order after an old one ended (``knowledge.deadlines.new_order``): the card of the new
order from the day after the old one's last day, with a line saying why that day is the first."""

from __future__ import annotations

from dataclasses import replace

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadlines import free_text_deadline
from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.new_order import new_order
from knowledge.deadlines.order_length import length_text


async def order_after_order(ctx: Context) -> list[Reply] | None:
    """The new order's card, or None (the message is not about one)."""
    order = new_order(fold_text(ctx.text))
    if order is None:
        return None
    asked = f"tạm giam {length_text(order.months, order.days)} từ {fmt_date(order.start)} thì hết ngày nào"
    card = await free_text_deadline(replace(ctx, incoming=replace(ctx.incoming, text=asked)))
    if card is None:
        return None
    said = (
        f"Lệnh tạm giam mới nối tiếp lệnh cũ hết ngày {fmt_date(order.old_end)}: ngày thứ nhất của lệnh mới là "
        f"{fmt_date(order.start)} (ngày sau ngày cuối của lệnh cũ; cách tính theo hướng dẫn cũ NQ 04/2004, nguồn thứ "
        "cấp). Nếu lệnh mới ghi ngày bắt đầu khác, anh/chị hỏi lại với ngày đó."
    )
    return [Reply(said), *card]
