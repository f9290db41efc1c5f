"""/nguoidung → a person's card → «Chuyển đơn vị»: move a person to another unit of the admin's
(admins only, checked by the router; the repository checks both units are the admin's and writes
the audit row). The person's records stay where they were made; from the move on, what they see
and do is scoped to the new unit."""

from __future__ import annotations

from dataclasses import dataclass

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.messages import Button, Reply, fit, reply
from bot.chat.routing import Router
from storage.users import Role, ScopeError

OUT_OF_SCOPE = "Đơn vị hoặc người dùng này không thuộc phạm vi anh/chị quản lý."
INVALID = "Nút này không hợp lệ. Anh/chị vui lòng gõ lại /nguoidung."
MAX_UNITS = 40


@dataclass(frozen=True, slots=True)
class MoveUser(CallbackData, prefix="usm"):
    """``usm:<user id>``: the units that person may be moved to."""

    user_id: int


@dataclass(frozen=True, slots=True)
class MoveTo(CallbackData, prefix="usu"):
    """``usu:<user id>:<unit id>``: move that person to that unit."""

    user_id: int
    unit_id: int


def move_button(user_id: int) -> Button:
    return Button("Chuyển đơn vị", MoveUser(user_id).pack())


async def choose_unit(ctx: Context, data: MoveUser) -> list[Reply]:
    target = await ctx.repos.users.get_in_scope(ctx.member, data.user_id)
    if target is None:
        return [Reply(OUT_OF_SCOPE)]
    if target.id == ctx.member.id:
        return [Reply("Anh/chị không tự chuyển đơn vị của mình được: việc này do một quản trị viên khác làm.")]
    units = [u for u in await ctx.repos.units.subtree(ctx.member.unit_id) if u.id != target.unit_id]
    if not units:
        return [Reply("Không có đơn vị nào khác trong phạm vi anh/chị quản lý để chuyển đến.")]
    rows = [[Button(fit(f"{u.code} — ", u.name, "", 60), MoveTo(target.id, u.id).pack())] for u in units[:MAX_UNITS]]
    name = target.display_name or target.platform_user_id
    return [reply(f"Chuyển {name} sang đơn vị nào?", *rows)]


async def move(ctx: Context, data: MoveTo) -> list[Reply]:
    before = await ctx.repos.users.get_in_scope(ctx.member, data.user_id)
    if before is None:
        return [Reply(OUT_OF_SCOPE)]
    if before.unit_id == data.unit_id:
        return [Reply("Người này đã ở đơn vị đó. Gõ /nguoidung để xem danh sách.")]
    try:
        moved = await ctx.repos.users.move(ctx.member, data.user_id, data.unit_id)
    except ScopeError:
        return [Reply(OUT_OF_SCOPE)]
    old, new = await ctx.repos.units.get(before.unit_id), await ctx.repos.units.get(moved.unit_id)
    name = moved.display_name or moved.platform_user_id
    return [
        Reply(
            f"Đã chuyển {name} từ {old.code if old else before.unit_id} sang {new.code if new else moved.unit_id} "
            f"(vai trò giữ nguyên: {moved.role.label}). Các phiếu, mục theo dõi đã ghi vẫn thuộc đơn vị cũ."
        )
    ]


def register(router: Router) -> None:
    router.button(MoveUser, choose_unit, min_role=Role.ADMIN, invalid=INVALID)
    router.button(MoveTo, move, min_role=Role.ADMIN, invalid=INVALID)
