"""/guiloi: proactive messages (reminders, alerts, digests) that did not reach people of the
admin's units in the last 7 days: failed after every retry, unreachable (blocked the bot,
chat gone) or uncertain (the process stopped mid-send), newest first."""

from __future__ import annotations

from datetime import timedelta

from bot.chat.context import Context
from bot.chat.messages import Reply, clip
from bot.chat.routing import Router
from bot.clock import local
from storage.outbox import DeliveryProblem
from storage.users import Role

DAYS = 7
LIMIT = 30
STATUS = {
    "failed": "gửi không được",
    "unreachable": "không liên lạc được",
    "uncertain": "không rõ đã tới chưa",
}
# Platform and outbox errors as an admin can act on them (first match wins).
REASONS = (
    ("blocked", "người nhận đã chặn Trợ lý"),
    ("deactivated", "tài khoản người nhận đã bị xóa"),
    ("chat not found", "không tìm thấy cuộc trò chuyện với người nhận"),
    ("429", "nền tảng báo gửi quá nhanh"),
    ("tiến trình dừng", "Trợ lý dừng giữa lúc gửi"),
)


def _reason(problem: DeliveryProblem) -> str:
    error = problem.message.last_error or ""
    lowered = error.lower()
    for needle, text in REASONS:
        if needle in lowered:
            return text
    return error[:80] or "không rõ lý do"


def _line(problem: DeliveryProblem, ctx: Context) -> str:
    message = problem.message
    when = local(message.next_attempt_at, ctx.services.settings.timezone).strftime("%H:%M %d/%m/%Y")
    status = STATUS.get(message.status, message.status)
    if message.status == "failed":
        status += f" (đã thử {message.attempts} lần)"
    preview = message.text.split("\n", 1)[0]
    preview = clip(preview, 40)
    return f"• {problem.recipient or message.chat_id} — {when} — {status}: {_reason(problem)}\n  «{preview}»"


async def delivery_problems(ctx: Context) -> list[Reply]:
    if ctx.args:
        return [Reply("Lệnh /guiloi không cần thêm gì phía sau. Anh/chị gõ đúng: /guiloi")]
    problems = await ctx.repos.outbox.problems_in_scope(ctx.member, ctx.now() - timedelta(days=DAYS), LIMIT + 1)
    if not problems:
        return [
            Reply(
                f"Trong {DAYS} ngày qua, mọi tin nhắc và cảnh báo tới người trong đơn vị của anh/chị đều đã gửi được."
            )
        ]
    shown = problems[:LIMIT]
    lines = [f"Tin chưa tới người nhận trong {DAYS} ngày qua ({len(shown)}{'+' if len(problems) > LIMIT else ''}):"]
    lines += [_line(p, ctx) for p in shown]
    if len(problems) > LIMIT:
        lines.append(f"(Chỉ hiện {LIMIT} tin gần nhất.)")
    if any(p.message.status == "unreachable" for p in shown):
        lines.append("Người «không liên lạc được» cần mở lại Trợ lý và gửi /start để nhận các tin sau.")
    if any(p.message.status == "uncertain" for p in shown):
        lines.append("Tin «không rõ đã tới chưa» không được gửi lại tự động: anh/chị hỏi lại người nhận nếu cần.")
    return [Reply("\n".join(lines))]


def register(router: Router) -> None:
    router.command("guiloi", delivery_problems, min_role=Role.ADMIN, help=f"Tin nhắc gửi không tới ({DAYS} ngày qua)")
