"""/xuat [tháng] [csv]: the month's check-ins of the user's units as a file (default: this month)."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import OutFile, Reply
from handlers.checkin.export import CSV_MIME, XLSX_MIME, build_csv, build_workbook, month_bounds

USAGE = (
    "Cú pháp: /xuat [tháng] [csv]: tháng dạng 03/2026 (hoặc 2026-03), bỏ trống là tháng này; "
    "thêm csv nếu cần tệp CSV. Ví dụ: /xuat, /xuat 03/2026, /xuat 03/2026 csv"
)
FORMATS = ("csv", "xlsx")


async def export_month(ctx: Context) -> list[Reply]:
    args = [a.lower() for a in ctx.args]
    kind = args.pop() if args and args[-1] in FORMATS else "xlsx"
    tz = ctx.services.settings.timezone
    month = " ".join(args) or f"{ctx.local_now():%m/%Y}"
    if len(args) > 3:
        return [Reply(USAGE)]
    bounds = month_bounds(month, tz)
    if bounds is None:
        return [Reply(f"Tháng «{month[:20]}» không hợp lệ. {USAGE}")]
    start, end = bounds
    checkins = await ctx.repos.checkins.in_period_for(ctx.member, start, end)
    label = f"{start:%m/%Y}"
    if not checkins:
        return [Reply(f"Tháng {label} chưa có phiếu kiểm sát nào trong phạm vi của anh/chị. Không có tệp để xuất.")]
    unit = await ctx.repos.units.get(ctx.member.unit_id)
    code = unit.code if unit else "donvi"
    stem = f"kiemsat-{code}-{start:%Y-%m}"
    if kind == "csv":
        file = OutFile(f"{stem}.csv", build_csv(checkins, tz), CSV_MIME)
    else:
        title = f"Kiểm sát tạm giữ, tạm giam {label} — {code}"
        file = OutFile(f"{stem}.xlsx", build_workbook(checkins, tz, title), XLSX_MIME)
    return [Reply(f"Phiếu kiểm sát tháng {label}: {len(checkins)} phiếu, tệp {file.filename}.", file=file)]
