"""The deadline register (sổ theo dõi thời hạn): /theodoi lists tracked items with their current
expiry (recomputed from their events), opens one, records events; /theodoi_moi creates one."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import OutFile, Reply
from bot.chat.routing import Router
from handlers.checkin.export import XLSX_MIME
from handlers.register import (
    assign,
    chat_import,
    create,
    event_form,
    events,
    extension_day,
    release_day,
    stage_decision,
    summary,
    views,
)
from handlers.register.buttons import Act, Choose, Confirm, ItemAction, ListView, OpenItem, TrackCard, View
from handlers.register.export import build_workbook
from knowledge.kb.normalize import fold
from storage.users import Role


async def list_command(ctx: Context) -> list[Reply]:
    view = View.ALL if ctx.member.role.at_least(Role.HEAD) else View.MINE
    words = " ".join(fold(ctx.arg_text).split())
    if words in ("sap", "sap het"):
        view = View.SOON
    elif words in ("qua han",):
        view = View.OVERDUE
    elif words in ("toi", "cua toi"):
        view = View.MINE
    elif words:  # a word it does not know: said, not silently ignored
        unknown = Reply(
            f"/theodoi không hiểu «{ctx.arg_text.strip()[:30]}»: sau /theodoi anh/chị gõ «sắp», «quá hạn» hoặc "
            "«tôi», hoặc để trống. Dưới đây là cả sổ:"
        )
        return [unknown, *await views.list_view(ctx, view)]
    return await views.list_view(ctx, view)


async def on_list(ctx: Context, data: ListView) -> list[Reply]:
    return await views.list_view(ctx, data.view, data.page, data.assignee_id)


async def on_choose(ctx: Context, data: Choose) -> list[Reply]:
    handled = (
        await summary.choose(ctx, data)
        or await stage_decision.choose(ctx, data)
        or await extension_day.choose(ctx, data)
        or await release_day.choose(ctx, data)
        or await assign.choose(ctx, data)
        or await events.choose(ctx, data)
    )
    if handled is not None:
        return handled
    return await create.choose(ctx, data)


async def on_action(ctx: Context, data: ItemAction) -> list[Reply]:
    """A tracked item's card buttons, each to the module of its event."""
    if data.action is Act.RELEASE:
        return await release_day.on_action(ctx, data)
    if data.action is Act.ASSIGN:
        return await assign.on_action(ctx, data)
    return await summary.on_action(ctx, data)


async def export_command(ctx: Context) -> list[Reply]:
    """/theodoi_xuat: the open items in scope (a staff member's own, a head's subtree) as XLSX."""
    head = ctx.member.role.at_least(Role.HEAD)
    items = views.folded(await ctx.repos.register.in_scope(ctx.member, assignee_id=None if head else ctx.member.id))
    if not items:
        return [Reply("Không có mục nào đang theo dõi trong phạm vi của anh/chị. Không có tệp để xuất.")]
    unit = await ctx.repos.units.get(ctx.member.unit_id)
    code, name = (unit.code, unit.name) if unit else ("donvi", "")
    now = ctx.local_now().replace(tzinfo=None)
    file = OutFile(f"theodoi-{code}-{now:%Y-%m-%d}.xlsx", build_workbook(items, name, now), XLSX_MIME)
    return [Reply(f"Sổ theo dõi thời hạn: {len(items)} mục, tệp {file.filename}.", file=file)]


def register(router: Router) -> None:
    router.command(
        "theodoi",
        list_command,
        help="Sổ theo dõi thời hạn tạm giữ, tạm giam, giai đoạn vụ án (nhắc trước hạn)",
        usage="[sắp | quá hạn | tôi]",
    )
    router.command("theodoi_moi", create.start, help="Tạo mục theo dõi thời hạn mới, từng bước")
    router.command("theodoi_xuat", export_command, help="Xuất sổ theo dõi thời hạn ra tệp Excel")
    router.button(ListView, on_list)
    router.button(OpenItem, views.open_item)
    router.button(ItemAction, on_action)
    router.button(Confirm, events.on_confirm)
    router.button(Choose, on_choose)
    router.button(TrackCard, create.from_card)
    create.FLOW.register(  # earlier drafts resume
        router,
        guard=create.guard,
        old_states=create.LEGACY_STATES,
        label="mục theo dõi mới",
        command="theodoi_moi",
        titles=create.TITLES,
    )
    # its steps' states (a stage decision's too); another form sets it aside, never loses it
    typed = {
        **dict.fromkeys(stage_decision.STATES, stage_decision.typed),
        **dict.fromkeys(summary.STATES, summary.typed),
    }
    event_form.EventForm(more={**stage_decision.STEPS, **summary.STEPS}).register(router, typed=typed)
    chat_import.register(router)
