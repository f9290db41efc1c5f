"""/lienket: one person, one account on Telegram, Zalo and the console.

Accounts are per platform unless an admin links them: the admin picks the person
(``/lienket``) and gets a one-time code; the person sends ``/lienket CODE`` from the new
platform. From then on both identities reach the same account, proactive messages go to
the new one, and the old address is told about the link (so a leaked code is noticed).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.messages import Button, Reply, fit, reply
from bot.chat.routing import PUBLIC, Router
from bot.clock import local
from storage.invites import CODE_LENGTH, normalize_code
from storage.links import LinkStatus
from storage.users import Role, ScopeError

LINK_TTL = timedelta(hours=24)
PAGE = 8
PLATFORM_NAMES = {"telegram": "Telegram", "zalo": "Zalo", "console": "máy tính"}
HOW_NEW = (
    "Để dùng tài khoản Trợ lý VKS sẵn có (ví dụ trên Telegram) tại đây, anh/chị xin quản trị viên đơn vị "
    "mã liên kết rồi gửi: /lienket MÃ\nNếu chưa có tài khoản, anh/chị đăng ký bằng mã mời: /start MÃ_MỜI"
)
HOW_STAFF = (
    "Để dùng tài khoản này trên nền tảng khác (Telegram, Zalo), anh/chị xin quản trị viên đơn vị mã liên kết, "
    "rồi gửi /lienket MÃ từ nền tảng đó."
)
BAD_CODE = f"Mã liên kết gồm {CODE_LENGTH} ký tự chữ và số, ví dụ: /lienket ABCD-EFGH. Anh/chị vui lòng kiểm tra lại."
OUT_OF_SCOPE = "Người dùng này không thuộc phạm vi anh/chị quản lý."
BAD_BUTTON = "Nút này không hợp lệ. Anh/chị gõ lại /lienket."
REFUSED = {
    LinkStatus.UNKNOWN: "Mã liên kết không đúng. Anh/chị kiểm tra lại từng ký tự, hoặc xin quản trị viên mã mới.",
    LinkStatus.EXPIRED: "Mã liên kết đã hết hạn. Anh/chị xin quản trị viên mã mới.",
    LinkStatus.USED: "Mã liên kết này đã được dùng. Mỗi mã chỉ dùng một lần; anh/chị xin quản trị viên mã mới.",
    LinkStatus.ALREADY: "Tài khoản đã được liên kết với nơi này; thông báo đang gửi tới đây. Không cần làm gì thêm.",
    LinkStatus.TAKEN: (
        "Tài khoản {platform} này đã đăng ký riêng trong Trợ lý nên không liên kết được với tài khoản khác. "
        "Anh/chị liên hệ quản trị viên đơn vị."
    ),
    LinkStatus.INACTIVE: "Tài khoản cần liên kết đang bị khóa. Anh/chị liên hệ quản trị viên đơn vị.",
}


@dataclass(frozen=True, slots=True)
class LinkFor(CallbackData, prefix="lk"):
    """``lk:<user id>``: a one-time link code for that person."""

    user_id: int


@dataclass(frozen=True, slots=True)
class LinkPage(CallbackData, prefix="lk", tag="p"):
    """``lk:p:<page>``: another page of the people to link."""

    page: int


def _name(platform: str) -> str:
    return PLATFORM_NAMES.get(platform, platform)


async def link(ctx: Context) -> list[Reply]:
    if ctx.args:
        return await _redeem(ctx)
    if ctx.role is Role.ADMIN:
        return await _pick(ctx, 1)
    return [Reply(HOW_NEW if ctx.user is None else HOW_STAFF)]


async def _redeem(ctx: Context) -> list[Reply]:
    code = normalize_code("".join(ctx.args))
    if len(code) != CODE_LENGTH:
        return [Reply(BAD_CODE)]
    here = ctx.incoming.platform
    result = await ctx.repos.links.redeem(code, platform=here, platform_user_id=ctx.incoming.user_id, now=ctx.now())
    if result.status is not LinkStatus.OK or result.user is None or result.previous is None:
        return [Reply(REFUSED.get(result.status, REFUSED[LinkStatus.UNKNOWN]).format(platform=_name(here)))]
    account, (old_platform, old_id) = result.user, result.previous
    when = local(ctx.now(), ctx.services.settings.timezone).strftime("%H:%M %d/%m/%Y")
    await ctx.repos.outbox.enqueue(
        key=f"link:{result.code_id}",
        user=replace(account, platform=old_platform, platform_user_id=old_id),
        text=(
            f"🔗 Tài khoản Trợ lý VKS của anh/chị vừa được liên kết với {_name(here)} lúc {when}. "
            f"Từ nay thông báo, nhắc việc gửi tới {_name(here)}; ở đây anh/chị vẫn dùng được.\n"
            "Nếu không phải anh/chị làm, báo ngay quản trị viên đơn vị."
        ),
        now=ctx.now(),
    )
    unit = await ctx.repos.units.get(account.unit_id)
    return [
        Reply(
            f"Đã liên kết: anh/chị dùng tài khoản {account.display_name or ''} ({account.role.label}, "
            f"{unit.name if unit else 'đơn vị'}) tại {_name(here)}.\n"
            f"Từ nay thông báo, nhắc việc gửi tới đây; {_name(old_platform)} vẫn dùng được. Gõ /help để xem các lệnh."
        )
    ]


async def _pick(ctx: Context, page: int) -> list[Reply]:
    found = await ctx.repos.users.list_in_scope(ctx.member, limit=PAGE + 1, offset=(page - 1) * PAGE)
    if not found:
        return [Reply("Không có người dùng nào ở trang này. Gõ /lienket để xem trang đầu.")]
    rows = [
        [
            Button(
                fit("", u.display_name or u.platform_user_id, f" · {_name(u.platform)} · {u.role.label}", 60),
                LinkFor(u.id).pack(),
            )
        ]
        for u in found[:PAGE]
    ]
    nav = []
    if page > 1:
        nav.append(Button("« Trang trước", LinkPage(page - 1).pack()))
    if len(found) > PAGE:
        nav.append(Button("Trang sau »", LinkPage(page + 1).pack()))
    return [
        reply(
            "Liên kết tài khoản: một người dùng cùng một tài khoản trên nhiều nền tảng (Telegram, Zalo). "
            "Chọn người cần liên kết để tạo mã:",
            *rows,
            nav,
        )
    ]


async def on_page(ctx: Context, data: LinkPage) -> list[Reply]:
    return await _pick(ctx, max(data.page, 1))


async def on_pick(ctx: Context, data: LinkFor) -> list[Reply]:
    target = await ctx.repos.users.get_in_scope(ctx.member, data.user_id)
    if target is None:
        return [Reply(OUT_OF_SCOPE)]
    if not target.active:
        return [Reply("Tài khoản này đang bị khóa; mở khóa (/nguoidung) trước khi liên kết.")]
    try:
        made = await ctx.repos.links.create_code(ctx.member, target.id, ttl=LINK_TTL, now=ctx.now())
    except ScopeError:
        return [Reply(OUT_OF_SCOPE)]
    expires = local(made.expires_at, ctx.services.settings.timezone).strftime("%H:%M %d/%m/%Y")
    return [
        Reply(
            f"Mã liên kết cho {target.display_name or target.platform_user_id} "
            f"(đang dùng {_name(target.platform)}): {made.code}\nHết hạn: {expires}. Mã chỉ dùng một lần.\n"
            f"Người đó mở Trợ lý trên nền tảng mới (ví dụ Zalo) và gửi: /lienket {made.code}\n"
            "Sau đó người đó dùng cùng một tài khoản ở cả hai nơi; thông báo, nhắc việc gửi tới nền tảng mới."
        )
    ]


def register(router: Router) -> None:
    router.command(
        "lienket", link, min_role=PUBLIC, help="Dùng tài khoản trên nền tảng khác (Telegram, Zalo)", usage="[mã]"
    )
    router.button(LinkPage, on_page, min_role=Role.ADMIN, invalid=BAD_BUTTON)
    router.button(LinkFor, on_pick, min_role=Role.ADMIN)
