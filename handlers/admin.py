"""Administration: invite codes (/moi), units (/donvi), users and roles (/nguoidung).

Every change goes through repositories that check the admin's unit scope and write
the audit entry in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from bot.chat.routing import Router, callback_data, int_arg
from bot.clock import local
from storage.units import Unit
from storage.users import Role, ScopeError, User, parse_role

PAGE = 8
OUT_OF_SCOPE = "Đơn vị hoặc người dùng này không thuộc phạm vi anh/chị quản lý."


def _role_buttons(prefix: str, *args: object) -> list[Button]:
    return [Button(role.label, callback_data(prefix, *args, role.value)) for role in Role]


async def invite(ctx: Context) -> list[Reply]:
    """/moi [vai_trò] [mã_đơn_vị]: create a one-time invite code."""
    assert ctx.user is not None
    if len(ctx.args) > 2:
        return [Reply("Cú pháp: /moi [canbo|lanhdao|quantri] [mã đơn vị]. Ví dụ: /moi canbo KV1")]
    if not ctx.args:
        tree = await ctx.repos.units.subtree(ctx.user.unit_id)
        if len(tree) > 1:
            # Several units: which one first, then the role (each press checked against the scope).
            rows = [[Button(f"{u.code} — {u.name}"[:60], InviteUnit(u.id).pack())] for u in tree[:40]]
            return [reply("Mã mời cho người của đơn vị nào?", *rows)]
        return [reply("Mã mời dành cho vai trò nào?", _role_buttons("inv", ctx.user.unit_id))]
    role = parse_role(ctx.args[0])
    if role is None:
        return [Reply("Vai trò phải là canbo, lanhdao hoặc quantri. Ví dụ: /moi canbo KV1")]
    unit_id = ctx.user.unit_id
    if len(ctx.args) == 2:
        unit = await ctx.repos.units.by_code(ctx.args[1])
        if unit is None:
            return [Reply(f"Không có đơn vị mã {ctx.args[1][:20]}. Gõ /donvi để xem mã các đơn vị.")]
        unit_id = unit.id
    return await _create_invite(ctx, unit_id, role)


@dataclass(frozen=True, slots=True)
class InviteUnit(CallbackData, prefix="inu"):
    """/moi's first button when the admin manages several units: the unit; the role comes next."""

    unit_id: int


async def invite_unit_button(ctx: Context, data: InviteUnit) -> list[Reply]:
    assert ctx.user is not None
    unit = await ctx.repos.units.get(data.unit_id)
    if unit is None:
        return [Reply("Nút này không hợp lệ. Anh/chị vui lòng gõ lại /moi.")]
    if not await ctx.repos.units.in_scope(ctx.user.unit_id, unit.id):
        return [Reply(OUT_OF_SCOPE)]
    return [reply(f"Mã mời cho {unit.name}, vai trò nào?", _role_buttons("inv", unit.id))]


async def invite_button(ctx: Context) -> list[Reply]:
    unit_id = int_arg(ctx.args[0]) if len(ctx.args) == 2 else None
    if unit_id is None or ctx.args[1] not in {r.value for r in Role}:
        return [Reply("Nút này không hợp lệ. Anh/chị vui lòng gõ lại /moi.")]
    return await _create_invite(ctx, unit_id, Role(ctx.args[1]))


async def _create_invite(ctx: Context, unit_id: int, role: Role) -> list[Reply]:
    assert ctx.user is not None
    ttl = timedelta(days=ctx.services.settings.invite_ttl_days)
    try:
        inv = await ctx.repos.invites.create(unit_id, role, created_by=ctx.user, ttl=ttl, now=ctx.now())
    except ScopeError:
        return [Reply(OUT_OF_SCOPE)]
    unit = await ctx.repos.units.get(unit_id)
    expires = local(inv.expires_at, ctx.services.settings.timezone).strftime("%H:%M %d/%m/%Y")
    return [
        Reply(
            f"Mã mời: {inv.code}\nVai trò: {role.label}\nĐơn vị: {unit.name if unit else unit_id}\n"
            f"Hết hạn: {expires}. Mã chỉ dùng một lần.\n"
            f"Người được mời gửi cho Trợ lý: /start {inv.code}"
        )
    ]


async def users(ctx: Context) -> list[Reply]:
    page = int_arg(ctx.args[0]) if len(ctx.args) == 1 else 1 if not ctx.args else None
    if page is None:
        return [Reply("Cú pháp: /nguoidung [trang]. Ví dụ: /nguoidung 2")]
    return await _user_page(ctx, max(page, 1))


async def users_page_button(ctx: Context) -> list[Reply]:
    page = int_arg(ctx.args[0]) if len(ctx.args) == 1 else None
    if page is None:
        return [Reply("Nút này không hợp lệ. Anh/chị vui lòng gõ lại /nguoidung.")]
    return await _user_page(ctx, max(page, 1))


async def _user_page(ctx: Context, page: int) -> list[Reply]:
    assert ctx.user is not None
    found = await ctx.repos.users.list_in_scope(ctx.user, limit=PAGE + 1, offset=(page - 1) * PAGE)
    if not found:
        return [Reply("Không có người dùng nào ở trang này. Gõ /nguoidung để xem trang đầu.")]
    unit_names = {u.id: u.code for u in await ctx.repos.units.subtree(ctx.user.unit_id)}
    rows = [[Button(_user_line(u, unit_names), callback_data("usr", u.id))] for u in found[:PAGE]]
    nav = []
    if page > 1:
        nav.append(Button("« Trang trước", callback_data("usp", page - 1)))
    if len(found) > PAGE:
        nav.append(Button("Trang sau »", callback_data("usp", page + 1)))
    return [reply(f"Người dùng (trang {page}). Chọn một người để đổi vai trò hoặc khóa:", *rows, nav)]


def _user_line(user: User, unit_codes: dict[int, str]) -> str:
    name = user.display_name or f"{user.platform}:{user.platform_user_id}"
    lock = " [đã khóa]" if not user.active else ""
    return f"{name[:30]} · {unit_codes.get(user.unit_id, '?')} · {user.role.label}{lock}"[:60]


async def user_card(ctx: Context) -> list[Reply]:
    assert ctx.user is not None
    user_id = int_arg(ctx.args[0]) if len(ctx.args) == 1 else None
    if user_id is None:
        return [Reply("Nút này không hợp lệ. Anh/chị vui lòng gõ lại /nguoidung.")]
    target = await ctx.repos.users.get_in_scope(ctx.user, user_id)
    if target is None:
        return [Reply(OUT_OF_SCOPE)]
    return [_card(target, await ctx.repos.units.get(target.unit_id))]


def _card(target: User, unit: Unit | None) -> Reply:
    status = "đang hoạt động" if target.active else "đã khóa"
    toggle = (
        Button("Khóa tài khoản", callback_data("usa", target.id, 0))
        if target.active
        else Button("Mở khóa", callback_data("usa", target.id, 1))
    )
    return reply(
        f"{target.display_name or target.platform_user_id} ({target.platform})\n"
        f"Đơn vị: {unit.name if unit else target.unit_id}\nVai trò: {target.role.label}\nTrạng thái: {status}\n"
        "Chọn vai trò mới hoặc khóa/mở khóa:",
        _role_buttons("usr", target.id),
        [toggle],
    )


async def user_action(ctx: Context) -> list[Reply]:
    """Callbacks ``usr:<id>:<role>`` (change role) and ``usa:<id>:<0|1>`` (deactivate / reactivate)."""
    assert ctx.user is not None
    if len(ctx.args) == 1:
        return await user_card(ctx)
    user_id = int_arg(ctx.args[0]) if len(ctx.args) == 2 else None
    if user_id is None:
        return [Reply("Nút này không hợp lệ. Anh/chị vui lòng gõ lại /nguoidung.")]
    value = ctx.args[1]
    try:
        if value in {r.value for r in Role}:
            updated = await ctx.repos.users.set_role(ctx.user, user_id, Role(value))
            message = f"Đã đổi vai trò thành {updated.role.label}."
        elif value in ("0", "1"):
            updated = await ctx.repos.users.set_active(ctx.user, user_id, value == "1")
            message = "Đã mở khóa tài khoản." if updated.active else "Đã khóa tài khoản."
        else:
            return [Reply("Nút này không hợp lệ. Anh/chị vui lòng gõ lại /nguoidung.")]
    except ScopeError:
        if user_id == ctx.user.id:
            return [Reply("Anh/chị không thể tự đổi vai trò hoặc tự khóa tài khoản của mình.")]
        return [Reply(OUT_OF_SCOPE)]
    return [Reply(message), _card(updated, await ctx.repos.units.get(updated.unit_id))]


def register(router: Router) -> None:
    router.command("moi", invite, min_role=Role.ADMIN, help="Tạo mã mời người dùng mới", usage="[vai trò] [mã đơn vị]")
    router.command("nguoidung", users, min_role=Role.ADMIN, help="Quản lý người dùng, vai trò", usage="[trang]")
    router.button(InviteUnit, invite_unit_button, min_role=Role.ADMIN)
    router.callback("inv", invite_button, min_role=Role.ADMIN)
    router.callback("usp", users_page_button, min_role=Role.ADMIN)
    router.callback("usr", user_action, min_role=Role.ADMIN)
    router.callback("usa", user_action, min_role=Role.ADMIN)
