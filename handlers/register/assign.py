"""«Giao KSV khác» on a tracked item (heads): the people of the item's unit as buttons, then the item is
given to the one picked and the current step's reminders are re-planned for them (``service.reassign``)."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, clip, reply
from bot.chat.routing import int_arg
from handlers.register import events, service
from handlers.register.buttons import Act, Choose, ItemAction
from handlers.register.kinds import CANCEL
from handlers.register.views import show_item
from storage.register_model import Item, RegisterConflict, RegisterScopeError
from storage.users import Role

FIELD = "assign"


async def on_action(ctx: Context, data: ItemAction) -> list[Reply]:
    """The card's «Giao KSV khác»: whom to give the item to."""
    found = await events.open_item(
        ctx,
        data.item_id,
        "Mục này đã kết thúc theo dõi: không giao lại được. Gõ /theodoi để xem các mục đang theo dõi.",
    )
    if isinstance(found, Reply):
        return [found]
    item, _ = found
    if not ctx.member.role.at_least(Role.HEAD):
        return [
            Reply("Chỉ lãnh đạo đơn vị giao mục theo dõi cho KSV khác. Anh/chị báo lãnh đạo đơn vị nếu cần giao lại.")
        ]
    people = await ctx.repos.users.active_in_unit(ctx.member, item.unit_id)
    events.keep(ctx, item, Act.ASSIGN)
    ctx.conversation.state = events.PICK
    rows = [[Button(clip(u.display_name, 40), Choose(FIELD, str(u.id)).pack())] for u in people[:20]]
    return [reply(f"Giao «{item.label}» cho ai?", *rows, [CANCEL])]


async def _assign(ctx: Context, item: Item, value: str) -> list[Reply]:
    user_id = int_arg(value)
    person = await ctx.repos.register.assignee_in_scope(ctx.member, user_id) if user_id is not None else None
    if person is None or person.unit_id != item.unit_id:
        return [Reply("Người này không thuộc đơn vị của mục theo dõi. Anh/chị chọn lại.")]
    try:
        await service.reassign(ctx.repos, ctx.member, item, person, ctx.now(), ctx.services.settings.timezone)
    except (RegisterConflict, RegisterScopeError):
        return [Reply(events.CHANGED)]
    ctx.conversation.state = None
    ctx.conversation.data.pop(events.EVENT, None)
    fresh = await ctx.repos.register.get(ctx.member, item.id)
    assert fresh is not None
    return [Reply(f"Đã giao cho {person.display_name}."), show_item(ctx, fresh)]


async def choose(ctx: Context, data: Choose) -> list[Reply] | None:
    """The person picked; None when the choice is not this step's."""
    if data.field != FIELD:
        return None
    item, _ = await events.kept(ctx)
    if item is None:
        return [Reply(events.CHANGED)]
    return await _assign(ctx, item, data.value)
