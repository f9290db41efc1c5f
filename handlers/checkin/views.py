"""/homnay: for heads and admins, each facility of their units with its latest check and
whether it is due or overdue; facilities where someone was held past their term come first."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Reply
from bot.clock import local
from handlers.checkin.due import ICONS, LABELS, Due, due_status
from knowledge.deadlines.calendar import weekday_vi
from storage.db import parse_utc

_ORDER = {Due.OVERDUE: 1, Due.DUE: 2, Due.OK: 3}


async def today(ctx: Context) -> list[Reply]:
    tz = ctx.services.settings.timezone
    now = ctx.now()
    statuses = await ctx.repos.facilities.statuses(ctx.member)
    if not statuses:
        return [Reply("Đơn vị chưa có cơ sở tạm giữ, tạm giam nào. Anh/chị thêm cơ sở bằng /coso.")]
    rows = []
    for s in statuses:
        last = parse_utc(s.last_checked_at) if s.last_checked_at else None
        status = due_status(s.facility.frequency, last, now, tz, s.facility.created_at)
        rows.append((s.last_overdue == 0, _ORDER[status], s.facility.name, s, status, last))
    rows.sort(key=lambda r: r[:3])
    counts = {d: sum(1 for r in rows if r[4] is d) for d in Due}
    flagged = sum(1 for r in rows if not r[0])
    day = local(now, tz).date()
    lines = [
        f"Tình hình kiểm sát hôm nay, {weekday_vi(day)} {day:%d/%m/%Y}: {len(rows)} cơ sở — "
        f"{counts[Due.OVERDUE]} quá hạn, {counts[Due.DUE]} đến hạn, {counts[Due.OK]} đã kiểm sát.",
    ]
    if flagged:
        lines.append(f"⚠️ {flagged} cơ sở có người bị giữ quá hạn hoặc không có lệnh ở lần kiểm sát gần nhất.")
    for ok_flag, _, name, s, status, last in rows:
        when = f"lần cuối {local(last, tz):%H:%M %d/%m/%Y}" if last else "chưa kiểm sát lần nào"
        warn = f" · ⚠️ {s.last_overdue} người quá hạn/không lệnh" if not ok_flag else ""
        lines.append(f"{ICONS[status]} {name} ({s.facility.frequency_label.lower()}): {LABELS[status]}, {when}{warn}")
    lines.append(
        "Quy tắc: cơ sở kiểm sát hằng ngày đến hạn nếu hôm nay chưa kiểm sát, quá hạn nếu cả hôm qua "
        "cũng chưa; hằng tuần đến hạn sau 7 ngày, quá hạn sau 8 ngày."
    )
    return [Reply("\n".join(lines))]
