"""/start (with an invite code), /help and /huy: what everyone, registered or not, can do."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.drafts import Continue
from bot.chat.messages import Reply
from bot.chat.routing import PUBLIC, Router
from handlers import carried
from storage.invites import CODE_LENGTH, RedeemStatus, normalize_code
from storage.users import Role

WELCOME_NEW = (
    "Chào mừng anh/chị đến với Trợ lý VKS, trợ lý công việc dành cho cán bộ Viện kiểm sát nhân dân.\n"
    "Để sử dụng, anh/chị cần mã mời do quản trị viên đơn vị cấp, rồi gửi: /start MÃ_MỜI"
)
REDEEM_MESSAGES = {
    RedeemStatus.UNKNOWN: "Mã mời không đúng. Anh/chị vui lòng kiểm tra lại từng ký tự, hoặc xin mã mới từ quản trị viên.",
    RedeemStatus.EXPIRED: "Mã mời đã hết hạn. Anh/chị vui lòng xin quản trị viên cấp mã mới.",
    RedeemStatus.USED: "Mã mời này đã được sử dụng. Mỗi mã chỉ dùng một lần; anh/chị vui lòng xin mã mới.",
}


async def start(ctx: Context) -> list[Reply]:
    user = ctx.user
    if user is not None:
        if not user.active:
            return [Reply("Tài khoản của anh/chị đang bị khóa. Vui lòng liên hệ quản trị viên của đơn vị.")]
        unit = await ctx.repos.units.get(user.unit_id)
        name = user.display_name or "anh/chị"
        if ctx.args:
            text = _code_not_used(user.role.label, unit.name if unit else "đơn vị")
            if ctx.incoming.platform == "console":
                text += "\nĐể thử với tư cách người khác trên máy này: python -m bot run --as TÊN"
            return [Reply(text)]
        return [
            Reply(
                f"Chào {name}! Anh/chị đang dùng Trợ lý VKS với vai trò {user.role.label}"
                f" tại {unit.name if unit else 'đơn vị'}.\nGõ /help để xem các lệnh, hoặc gõ câu hỏi."
            )
        ]
    if not ctx.args:
        return [Reply(WELCOME_NEW)]
    if len(ctx.args) > 1 and len(normalize_code("".join(ctx.args))) != CODE_LENGTH:
        return [Reply("Lệnh /start chỉ nhận một mã mời, ví dụ: /start ABCD-EFGH")]
    code = normalize_code("".join(ctx.args))
    if len(code) != CODE_LENGTH:
        return [
            Reply(f"Mã mời gồm {CODE_LENGTH} ký tự chữ và số, ví dụ: /start ABCD-EFGH. Anh/chị vui lòng kiểm tra lại.")
        ]
    result = await ctx.repos.invites.redeem(
        code,
        platform=ctx.incoming.platform,
        platform_user_id=ctx.incoming.user_id,
        display_name=ctx.incoming.display_name,
        now=ctx.now(),
    )
    if result.status is RedeemStatus.OK and result.user is not None:
        unit = await ctx.repos.units.get(result.user.unit_id)
        return [
            Reply(
                f"Đăng ký thành công. Anh/chị là {result.user.role.label} tại {unit.name if unit else 'đơn vị'}.\n"
                "Gõ /help để xem các lệnh, hoặc gõ câu hỏi về thời hạn, chỉ tiêu, phương châm."
            )
        ]
    return [Reply(REDEEM_MESSAGES.get(result.status, WELCOME_NEW))]


def _code_not_used(role: str, unit: str) -> str:
    return (
        f"Anh/chị đã có tài khoản ({role} tại {unit}), nên Trợ lý không dùng mã mời này: mã không bị tiêu, "
        "người được mời vẫn dùng được nếu mã còn hạn và chưa ai dùng. Mỗi tài khoản chỉ đăng ký một lần; muốn đổi vai trò hoặc đơn vị, "
        "anh/chị nhờ quản trị viên dùng /nguoidung."
    )


async def help_(ctx: Context) -> list[Reply]:
    routes = ctx.services.router.visible_commands(ctx.role)
    lines = ["Các lệnh anh/chị dùng được:"]
    for route in routes:
        usage = f" {route.usage}" if route.usage else ""
        lines.append(f"/{route.name}{usage} — {route.help}")
    if ctx.role is None:
        lines.append("")
        lines.append(WELCOME_NEW.split("\n", 1)[1])
    else:
        lines.append("")
        lines.append("Anh/chị cũng có thể gõ câu hỏi trực tiếp, có dấu hoặc không dấu.")
    return [Reply("\n".join(lines))]


async def cancel(ctx: Context) -> list[Reply]:
    if ctx.conversation.state is None:
        return [Reply("Hiện không có thao tác nào đang dở. Gõ /help để xem các lệnh.")]
    carried.end(ctx)  # the form's own keys go, the card's and the Q&A context stay
    return [Reply("Đã hủy thao tác đang làm. Gõ /help để xem các lệnh.")]


def register(router: Router) -> None:
    router.command("start", start, min_role=PUBLIC, help="Bắt đầu, hoặc đăng ký bằng mã mời", usage="[mã mời]")
    router.command("help", help_, min_role=PUBLIC, help="Danh sách lệnh")
    router.command("huy", cancel, min_role=Role.STAFF, help="Hủy thao tác đang làm dở")
    router.button(Continue, router.forms.on_continue)  # «Làm tiếp …»: a form set aside comes back
