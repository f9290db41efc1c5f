"""Administration: invite codes (/moi), units (/donvi), users and roles (/nguoidung).

Every change goes through repositories that check the admin's unit scope and write
the audit entry in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.messages import Button, Reply, fit, reply
from bot.chat.routing import Router, int_arg
from bot.clock import local
from handlers.user_move import move_button
from storage.units import Unit
from storage.users import Role, ScopeError, User, parse_role

PAGE = 8
OUT_OF_SCOPE = "Đơn vị hoặc người dùng này không thuộc phạm vi anh/chị quản lý."
INVALID = "Nút này không hợp lệ. Anh/chị vui lòng gõ lại /nguoidung."


@dataclass(frozen=True, slots=True)
class InviteFor(CallbackData, prefix="inv"):
    """``inv:<unit id>:<role>``: an invite code for that unit and role."""

    unit_id: int
    role: Role


@dataclass(frozen=True, slots=True)
class UsersPage(CallbackData, prefix="usp"):
    """``usp:<page>``: a page of /nguoidung."""

    page: int


@dataclass(frozen=True, slots=True)
class UserCard(CallbackData, prefix="usr"):
    """``usr:<user id>``: one person's card."""

    user_id: int


@dataclass(frozen=True, slots=True)
class SetRole(CallbackData, prefix="usr"):
    """``usr:<user id>:<role>``: give that person the role."""

    user_id: int
    role: Role


@dataclass(frozen=True, slots=True)
class SetActive(CallbackData, prefix="usa"):
    """``usa:<user id>:<0|1>``: lock (0) or unlock (1) the account."""

    user_id: int
    active: bool


def _role_buttons(unit_id: int) -> list[Button]:
    return [Button(role.label, InviteFor(unit_id, role).pack()) for role in Role]


async def invite(ctx: Context) -> list[Reply]:
    """/moi [vai_trò] [mã_đơn_vị]: create a one-time invite code."""
    if len(ctx.args) > 2:
        return [Reply("Cú pháp: /moi [canbo|lanhdao|quantri] [mã đơn vị]. Ví dụ: /moi canbo KV1")]
    if not ctx.args:
        tree = await ctx.repos.units.subtree(ctx.member.unit_id)
        if len(tree) > 1:
            # Several units: which one first, then the role (each press checked against the scope).
            rows = [[Button(fit(f"{u.code} — ", u.name, "", 60), InviteUnit(u.id).pack())] for u in tree[:40]]
            return [reply("Mã mời cho người của đơn vị nào?", *rows)]
        return [reply("Mã mời dành cho vai trò nào?", _role_buttons(ctx.member.unit_id))]
    role = parse_role(ctx.args[0])
    if role is None:
        return [Reply("Vai trò phải là canbo, lanhdao hoặc quantri. Ví dụ: /moi canbo KV1")]
    unit_id = ctx.member.unit_id
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
    unit = await ctx.repos.units.get(data.unit_id)
    if unit is None:
        return [Reply("Nút này không hợp lệ. Anh/chị vui lòng gõ lại /moi.")]
    if not await ctx.repos.units.in_scope(ctx.member.unit_id, unit.id):
        return [Reply(OUT_OF_SCOPE)]
    return [reply(f"Mã mời cho {unit.name}, vai trò nào?", _role_buttons(unit.id))]


async def invite_button(ctx: Context, data: InviteFor) -> list[Reply]:
    return await _create_invite(ctx, data.unit_id, data.role)


async def _create_invite(ctx: Context, unit_id: int, role: Role) -> list[Reply]:
    ttl = timedelta(days=ctx.services.settings.invite_ttl_days)
    try:
        inv = await ctx.repos.invites.create(unit_id, role, created_by=ctx.member, ttl=ttl, now=ctx.now())
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


async def users_page_button(ctx: Context, data: UsersPage) -> list[Reply]:
    return await _user_page(ctx, max(data.page, 1))


async def _user_page(ctx: Context, page: int) -> list[Reply]:
    found = await ctx.repos.users.list_in_scope(ctx.member, limit=PAGE + 1, offset=(page - 1) * PAGE)
    if not found:
        return [Reply("Không có người dùng nào ở trang này. Gõ /nguoidung để xem trang đầu.")]
    unit_names = {u.id: u.code for u in await ctx.repos.units.subtree(ctx.member.unit_id)}
    rows = [[Button(_user_line(u, unit_names), UserCard(u.id).pack())] for u in found[:PAGE]]
    nav = []
    if page > 1:
        nav.append(Button("« Trang trước", UsersPage(page - 1).pack()))
    if len(found) > PAGE:
        nav.append(Button("Trang sau »", UsersPage(page + 1).pack()))
    return [reply(f"Người dùng (trang {page}). Chọn một người để đổi vai trò hoặc khóa:", *rows, nav)]


def _user_line(user: User, unit_codes: dict[int, str]) -> str:
    name = user.display_name or f"{user.platform}:{user.platform_user_id}"
    lock = " [đã khóa]" if not user.active else ""
    return fit("", name, f" · {unit_codes.get(user.unit_id, '?')} · {user.role.label}{lock}", 60)


async def user_card(ctx: Context, data: UserCard) -> list[Reply]:
    target = await ctx.repos.users.get_in_scope(ctx.member, data.user_id)
    if target is None:
        return [Reply(OUT_OF_SCOPE)]
    unit = await ctx.repos.units.get(target.unit_id)
    if target.id == ctx.member.id:  # no options that would only be refused
        return [
            Reply(
                f"{_who(target)}\nĐơn vị: {unit.name if unit else target.unit_id}\nVai trò: {target.role.label}\n"
                "Đây là tài khoản của chính anh/chị: vai trò, khóa và đơn vị do một quản trị viên khác đổi."
            )
        ]
    return [_card(target, unit)]


def _who(user: User) -> str:
    return f"{user.display_name or user.platform_user_id} ({user.platform})"


def _card(target: User, unit: Unit | None) -> Reply:
    status = "đang hoạt động" if target.active else "đã khóa"
    toggle = (
        Button("Khóa tài khoản", SetActive(target.id, False).pack())
        if target.active
        else Button("Mở khóa", SetActive(target.id, True).pack())
    )
    return reply(
        f"{_who(target)}\n"
        f"Đơn vị: {unit.name if unit else target.unit_id}\nVai trò: {target.role.label}\nTrạng thái: {status}\n"
        "Chọn vai trò mới, khóa/mở khóa hoặc chuyển đơn vị:",
        [Button(role.label, SetRole(target.id, role).pack()) for role in Role],
        [toggle],
        [move_button(target.id)],
    )


async def set_role(ctx: Context, data: SetRole) -> list[Reply]:
    """``usr:<id>:<role>``: change the role."""
    try:
        updated = await ctx.repos.users.set_role(ctx.member, data.user_id, data.role)
    except ScopeError:
        return [Reply(_refused(ctx, data.user_id))]
    return [
        Reply(f"Đã đổi vai trò của {updated.display_name or updated.platform_user_id} thành {updated.role.label}."),
        _card(updated, await ctx.repos.units.get(updated.unit_id)),
    ]


async def set_active(ctx: Context, data: SetActive) -> list[Reply]:
    """``usa:<id>:<0|1>``: deactivate or reactivate."""
    try:
        updated = await ctx.repos.users.set_active(ctx.member, data.user_id, data.active)
    except ScopeError:
        return [Reply(_refused(ctx, data.user_id))]
    name = updated.display_name or updated.platform_user_id
    message = f"Đã mở khóa tài khoản của {name}." if updated.active else f"Đã khóa tài khoản của {name}."
    return [Reply(message), _card(updated, await ctx.repos.units.get(updated.unit_id))]


def _refused(ctx: Context, user_id: int) -> str:
    if user_id == ctx.member.id:
        return "Anh/chị không thể tự đổi vai trò hoặc tự khóa tài khoản của mình."
    return OUT_OF_SCOPE


def register(router: Router) -> None:
    router.command("moi", invite, min_role=Role.ADMIN, help="Tạo mã mời người dùng mới", usage="[vai trò] [mã đơn vị]")
    router.command("nguoidung", users, min_role=Role.ADMIN, help="Quản lý người dùng, vai trò", usage="[trang]")
    router.button(InviteUnit, invite_unit_button, min_role=Role.ADMIN)
    invite_invalid = "Nút này không hợp lệ. Anh/chị vui lòng gõ lại /moi."
    router.button(InviteFor, invite_button, min_role=Role.ADMIN, invalid=invite_invalid)
    router.button(UsersPage, users_page_button, min_role=Role.ADMIN, invalid=INVALID)
    router.button(UserCard, user_card, min_role=Role.ADMIN, invalid=INVALID)
    router.button(SetRole, set_role, min_role=Role.ADMIN)
    router.button(SetActive, set_active, min_role=Role.ADMIN, invalid=INVALID)
