"""«Trả tự do / đổi biện pháp» on a tracked item asks the day it happened (review8 C22): «Hôm nay», «Hôm
qua», or a day typed as staff type it (05/12, 05/12/2026, «hôm qua»). The day is kept in the release event
(``released_on``) and shown in the item's history and exports. A day after today, or before the item's start,
is refused with the reason and nothing is recorded (``service.check_release``); the question stays open.

State ``tde_release`` (a register event step: «Hủy», /huy and the event form apply to it)."""

from __future__ import annotations

from datetime import date, timedelta

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from handlers.register import events
from handlers.register.buttons import Act, Choose, ItemAction
from handlers.register.decided import typed_day
from handlers.register.kinds import CANCEL
from knowledge.deadlines.validate import fmt_date

DAY = "tde_release"
FIELD = "rel_day"  # value: days before today («0» today, «1» yesterday)
QUESTION = "Ghi nhận người này đã được trả tự do / thay đổi biện pháp ngăn chặn, dừng nhắc hạn."


def prompt(today: date) -> Reply:
    buttons = [Button("Hôm nay", Choose(FIELD, "0").pack()), Button("Hôm qua", Choose(FIELD, "1").pack())]
    yesterday = fmt_date(today - timedelta(days=1))
    return reply(
        f"{QUESTION}\nNgày trả tự do / thay đổi biện pháp? Bấm «Hôm nay» ({fmt_date(today)}), «Hôm qua» "
        f"({yesterday}), hoặc nhập ngày (ví dụ {yesterday}).",
        buttons,
        [CANCEL],
    )


async def on_action(ctx: Context, data: ItemAction) -> list[Reply]:
    """The card's «Trả tự do / đổi biện pháp»: its day is asked."""
    found = await events.open_item(
        ctx, data.item_id, "Mục này đã kết thúc theo dõi: không ghi thêm sự kiện được. Gõ /theodoi để xem lại."
    )
    if isinstance(found, Reply):
        return [found]
    events.keep(ctx, found[0], Act.RELEASE)
    ctx.conversation.state = DAY
    return [prompt(ctx.local_now().date())]


async def _record(ctx: Context, day: date) -> list[Reply]:
    item, _ = await events.kept(ctx, Act.RELEASE)
    if item is None:
        ctx.conversation.state = None
        return [Reply(events.CHANGED)]
    return await events.record_event(ctx, item, "release", {"released_on": day.isoformat()})


async def typed(ctx: Context) -> list[Reply]:
    """The day typed: checked when recorded (not after today, not before the item's start)."""
    day = typed_day(ctx.text, ctx.local_now())
    return [Reply(day)] if isinstance(day, str) else await _record(ctx, day)


async def choose(ctx: Context, data: Choose) -> list[Reply] | None:
    """«Hôm nay» and «Hôm qua»; None when the choice is not this step's."""
    if data.field != FIELD:
        return None
    if ctx.conversation.state != DAY or data.value not in ("0", "1"):
        return [Reply("Nút này không còn hiệu lực. Gõ /theodoi để bắt đầu lại.")]
    return await _record(ctx, ctx.local_now().date() - timedelta(days=int(data.value)))
