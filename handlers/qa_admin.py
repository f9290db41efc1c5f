"""The administrators' views of the questions: /kb_reload (the knowledge base read again, the other workers
told), /chuatraloi (what was not answered in 90 days, without who asked) and /thongke_hoi (this month's most asked
entries)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.kb.library import Library
from storage.signals import KB_RELOAD

NO_LIBRARY = "Cơ sở tri thức đang không sẵn sàng. Anh/chị vui lòng thử lại sau hoặc báo quản trị viên."


def library_of(ctx: Context) -> Library | None:
    """The knowledge base in service, if it loaded."""
    return ctx.services.library


async def reload_command(ctx: Context) -> list[Reply]:
    library = library_of(ctx)
    if library is None:
        return [Reply(NO_LIBRARY)]
    problems = library.reload()
    if problems:
        shown = "\n".join(f"- {p}" for p in problems[:10])
        more = f"\n(và {len(problems) - 10} lỗi khác)" if len(problems) > 10 else ""
        return [
            Reply(
                f"Không nạp lại được: dữ liệu có {len(problems)} lỗi. Cơ sở tri thức cũ vẫn đang được dùng.\n"
                f"{shown}{more}\nAnh/chị sửa tệp dữ liệu rồi gõ lại /kb_reload."
            )
        ]
    summary = library.kb.summary()
    await ctx.repos.signals.raise_signal(KB_RELOAD, ctx.services.clock.now())  # the other workers follow
    return [Reply(f"Đã nạp lại cơ sở tri thức: {summary['total']} mục.")]


def _month_start(ctx: Context) -> datetime:
    local_now = ctx.local_now()
    return local_now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


async def unanswered_command(ctx: Context) -> list[Reply]:
    since = ctx.now() - timedelta(days=90)
    rows = await ctx.repos.questions.top_unanswered(ctx.member.unit_id, since)
    if not rows:
        return [Reply("Chưa có câu hỏi nào chưa trả lời được trong 90 ngày qua.")]
    lines = ["Câu hỏi chưa trả lời được nhiều nhất (90 ngày qua, không kèm tên người hỏi):"]
    lines += [f"{i}. {r.example[:120]} — {r.count} lần" for i, r in enumerate(rows, start=1)]
    return [Reply("\n".join(lines))]


async def stats_command(ctx: Context) -> list[Reply]:
    library = library_of(ctx)
    rows = await ctx.repos.questions.top_entries(ctx.member.unit_id, _month_start(ctx))
    if not rows:
        return [Reply("Tháng này chưa có câu hỏi nào được trả lời.")]
    lines = ["Các mục được hỏi nhiều nhất tháng này:"]
    for i, r in enumerate(rows, start=1):
        entry = library.kb.get(r.key) if library else None
        lines.append(f"{i}. {entry.title if entry else r.key} — {r.count} lần")
    return [Reply("\n".join(lines))]
