"""``python -m bot admin facilities import FILE --unit CODE``: load a unit's facilities
from CSV or XLSX. Every row is checked first; one bad row and nothing is imported."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from bot.cli.common import NO_UNIT, open_repos
from bot.config import load_settings
from handlers.checkin.importer import parse_facilities, read_table
from storage.facilities import FacilityError


async def import_file(db_path: str, data: bytes, filename: str, unit_code: str) -> tuple[int, list[str]]:
    """Import a file's content into the unit; returns (rows imported, Vietnamese errors)."""
    try:
        table = read_table(data, filename)
    except ValueError as exc:
        return 0, [str(exc)]
    async with open_repos(db_path) as repos:
        unit = await repos.units.by_code(unit_code)
        if unit is None:
            return 0, [NO_UNIT.format(code=unit_code)]
        result = parse_facilities(table, await repos.facilities.names_in_unit(unit.id))
        if result.errors:
            return 0, result.errors
        try:
            created = await repos.facilities.import_rows(unit.id, result.rows)
        except FacilityError as exc:
            return 0, [str(exc)]
        return len(created), []


def _run(args: argparse.Namespace) -> int:
    file = Path(args.file)
    try:
        data = file.read_bytes()
    except OSError:
        print(f"Không mở được tệp {file}. Anh/chị kiểm tra đường dẫn rồi chạy lại.")
        return 2
    count, errors = asyncio.run(import_file(load_settings().db_path, data, file.name, args.unit))
    if errors:
        print(f"Không nhập cơ sở nào: tệp có {len(errors)} lỗi. Anh/chị sửa rồi chạy lại.")
        for line in errors:
            print(f"  {line}")
        return 2
    print(f"Đã nhập {count} cơ sở cho đơn vị {args.unit.upper()}.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds ``facilities`` under the ``admin`` command (bot.cli.admin must be registered first)."""
    admin = subparsers.choices["admin"]
    admin_sub = next(a for a in admin._actions if isinstance(a, argparse._SubParsersAction))
    facilities = admin_sub.add_parser("facilities", help="cơ sở tạm giữ, tạm giam")
    sub = facilities.add_subparsers(dest="facilities_command", required=True)
    imp = sub.add_parser("import", help="nhập danh sách cơ sở từ tệp CSV hoặc XLSX")
    imp.add_argument("file", help="tệp .csv hoặc .xlsx (cột: ten, loai, dia_chi, tan_suat)")
    imp.add_argument("--unit", required=True, help="mã đơn vị")
    imp.set_defaults(func=_run)
