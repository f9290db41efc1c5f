"""``python -m bot export checkins --unit CODE --month YYYY-MM --out FILE.xlsx|.csv``."""

from __future__ import annotations

import argparse
import asyncio
from datetime import tzinfo
from pathlib import Path

from bot.cli.common import NO_UNIT, open_repos
from bot.config import load_settings
from handlers.checkin.export import build_csv, build_workbook, month_bounds
from storage.files import write_private


async def export_checkins(db_path: str, unit_code: str, month: str, out: Path, tz: tzinfo) -> tuple[bytes, int, str]:
    """The unit's (and sub-units') month as file content; returns (data, rows, Vietnamese error or '')."""
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        return b"", 0, "Tệp ra phải có đuôi .xlsx hoặc .csv, ví dụ --out kiemsat-2026-03.xlsx"
    bounds = month_bounds(month, tz)
    if bounds is None:
        return b"", 0, f"Tháng {month} không hợp lệ. Dạng NĂM-THÁNG, ví dụ --month 2026-03"
    async with open_repos(db_path) as repos:
        unit = await repos.units.by_code(unit_code)
        if unit is None:
            return b"", 0, NO_UNIT.format(code=unit_code)
        checkins = await repos.checkins.in_period(unit.id, *bounds)
    if suffix == ".csv":
        data = build_csv(checkins, tz)
    else:
        data = build_workbook(checkins, tz, f"Kiểm sát tạm giữ, tạm giam {month} — {unit.code}")
    return data, len(checkins), ""


def _run(args: argparse.Namespace) -> int:
    settings = load_settings()
    out = Path(args.out)
    data, count, error = asyncio.run(export_checkins(settings.db_path, args.unit, args.month, out, settings.timezone))
    if error:
        print(f"Lỗi: {error}")
        return 2
    write_private(out, data)  # personal data: owner-only, like the database
    print(f"Đã xuất {count} phiếu kiểm sát tháng {args.month} vào {out}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="xuất dữ liệu ra tệp")
    sub = export.add_subparsers(dest="export_command", required=True)
    checkins = sub.add_parser("checkins", help="phiếu kiểm sát tạm giữ, tạm giam của một tháng")
    checkins.add_argument("--unit", required=True, help="mã đơn vị (gồm cả đơn vị cấp dưới)")
    checkins.add_argument("--month", required=True, help="NĂM-THÁNG, ví dụ 2026-03")
    checkins.add_argument("--out", required=True, help="tệp .xlsx hoặc .csv")
    checkins.set_defaults(func=_run)
