"""/xuat YYYY-MM [csv]: the month's check-ins of the user's units as a file."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import OutFile, Reply
from handlers.checkin.export import CSV_MIME, XLSX_MIME, build_csv, build_workbook, month_bounds

USAGE = "Cú pháp: /xuat THÁNG (dạng NĂM-THÁNG), thêm csv nếu cần tệp CSV. Ví dụ: /xuat 2026-03 hoặc /xuat 2026-03 csv"


async def export_month(ctx: Context) -> list[Reply]:
    assert ctx.user is not None
    args = [a.lower() for a in ctx.args]
    if not args or len(args) > 2 or (len(args) == 2 and args[1] not in ("csv", "xlsx")):
        return [Reply(USAGE)]
    tz = ctx.services.settings.timezone
    bounds = month_bounds(args[0], tz)
    if bounds is None:
        return [Reply(f"Tháng {args[0][:10]} không hợp lệ. {USAGE}")]
    start, end = bounds
    checkins = await ctx.repos.checkins.in_period_for(ctx.user, start, end)
    label = f"{start:%m/%Y}"
    if not checkins:
        return [Reply(f"Tháng {label} chưa có phiếu kiểm sát nào trong phạm vi của anh/chị. Không có tệp để xuất.")]
    unit = await ctx.repos.units.get(ctx.user.unit_id)
    code = unit.code if unit else "donvi"
    stem = f"kiemsat-{code}-{start:%Y-%m}"
    if len(args) == 2 and args[1] == "csv":
        file = OutFile(f"{stem}.csv", build_csv(checkins, tz), CSV_MIME)
    else:
        title = f"Kiểm sát tạm giữ, tạm giam {label} — {code}"
        file = OutFile(f"{stem}.xlsx", build_workbook(checkins, tz, title), XLSX_MIME)
    return [Reply(f"Phiếu kiểm sát tháng {label}: {len(checkins)} phiếu, tệp {file.filename}.", file=file)]
