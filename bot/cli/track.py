"""``python -m bot track import FILE.xlsx|csv --unit CODE [--dry-run]``, ``track export --unit CODE
--out FILE.xlsx|csv`` (the format follows the name) and ``track list --unit CODE [--json]``: the deadline register from the server.

An import is made in the name of the unit's first active head or administrator (the audit names
them); every row is checked first and nothing is stored unless every row is valid."""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

from bot.cli.common import NO_UNIT, open_repos
from bot.clock import SystemClock, local
from bot.config import Settings, load_settings
from handlers.export_cells import csv_row
from handlers.register.export import HEADERS, build_workbook, json_rows, row_of
from handlers.register.load import run_import
from handlers.register.views import Shown, folded
from knowledge.deadlines.reminders import expiry_text
from storage.files import write_private
from storage.repositories import Repositories
from storage.units import Unit
from storage.users import User, heads_by_unit


async def _unit_and_actor(repos: Repositories, code: str) -> tuple[Unit | None, User | None, str]:
    unit = await repos.units.by_code(code)
    if unit is None:
        return None, None, NO_UNIT.format(code=code)
    heads = (await heads_by_unit(repos.db, [unit.id])).get(unit.id, [])
    if not heads:
        return unit, None, f"Đơn vị {code} chưa có lãnh đạo hoặc quản trị đang hoạt động (người đứng tên việc nhập)."
    return unit, heads[0], ""


async def _import(settings: Settings, args: argparse.Namespace, name: str, data: bytes, now: datetime) -> int:
    async with open_repos(settings.db_path) as repos:
        unit, actor, error = await _unit_and_actor(repos, args.unit)
        if unit is None or actor is None:
            print(f"Lỗi: {error}")
            return 2
        report = await run_import(repos, actor, unit, data, name, now, settings.timezone, dry_run=args.dry_run)
    print(report.text)
    return 0 if report.ok else 2


async def _items(settings: Settings, code: str, closed: bool) -> tuple[Unit | None, list[Shown], str]:
    async with open_repos(settings.db_path) as repos:
        unit, actor, error = await _unit_and_actor(repos, code)
        if unit is None or actor is None:
            return unit, [], error
        items = await repos.register.in_scope(actor, open_only=not closed, unit_id=unit.id, limit=200000)
    return unit, folded(items), ""


EXPORT_FORMATS = (".xlsx", ".csv")


def build_csv(items: list[Shown], now: datetime) -> bytes:
    """The workbook's table as CSV (UTF-8 with a BOM, which Excel needs to read the accents)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for n, shown in enumerate(items, start=1):
        writer.writerow(csv_row(row_of(n, shown, now)))
    return out.getvalue().encode("utf-8-sig")


def _run(args: argparse.Namespace) -> int:
    settings = load_settings()
    now = SystemClock().now()
    if args.track_command == "import":
        path = Path(args.file)
        if path.suffix.lower() not in (".xlsx", ".csv") or not path.is_file():
            print("Lỗi: cần một tệp .xlsx hoặc .csv có thật.")
            return 2
        return asyncio.run(_import(settings, args, path.name, path.read_bytes(), now))
    if args.track_command == "export" and Path(args.out).suffix.lower() not in EXPORT_FORMATS:
        print(f"Lỗi: --out phải là tệp .xlsx hoặc .csv (định dạng theo tên tệp), không phải «{Path(args.out).name}».")
        return 2
    unit, items, error = asyncio.run(_items(settings, args.unit, args.all))
    if unit is None or error:
        print(f"Lỗi: {error}")
        return 2
    now_local = local(now, settings.timezone).replace(tzinfo=None)
    if args.track_command == "export":
        out = Path(args.out)
        csv_out = out.suffix.lower() == ".csv"
        write_private(out, build_csv(items, now_local) if csv_out else build_workbook(items, unit.name, now_local))
        print(f"Đã xuất {len(items)} mục theo dõi vào {out}")
        return 0
    rows = json_rows(items, now_local)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for row, shown in zip(rows, items, strict=True):
            ends = _ends(shown, row["next_review"])
            print(f"{row['id']}\t{row['label']}\t{row['step']}\t{ends}\t{row['prosecutor']}")
    return 0


def _ends(shown: Shown, next_review: str | None) -> str:
    """The list's end column as the chat shows it: «hết 24:00 Thứ Ba 05/01/2027» (the last day, not
    the next day's 00:00), «đã kết thúc theo dõi» for a closed item, an open-ended step's review."""
    state = shown.state
    if state is None or state.closed:
        return "đã kết thúc theo dõi"
    if state.step is not None:
        return f"hết {expiry_text(state.step)}"
    if state.open is not None and next_review:
        return f"đến khi {state.open.until} (rà soát {date.fromisoformat(next_review):%d/%m/%Y})"
    return "—"


def register(subparsers: argparse._SubParsersAction) -> None:
    track = subparsers.add_parser("track", help="sổ theo dõi thời hạn: nhập, xuất, liệt kê")
    sub = track.add_subparsers(dest="track_command", required=True)
    imp = sub.add_parser("import", help="nhập bảng theo dõi (.xlsx hoặc .csv) của một đơn vị")
    imp.add_argument("file", help="tệp .xlsx hoặc .csv")
    imp.add_argument("--unit", required=True, help="mã đơn vị")
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không lưu")
    exp = sub.add_parser("export", help="xuất sổ theo dõi của đơn vị ra .xlsx hoặc .csv")
    exp.add_argument("--unit", required=True)
    exp.add_argument("--out", required=True, help="tệp .xlsx hoặc .csv (định dạng theo đuôi tên tệp)")
    exp.add_argument("--all", action="store_true", help="cả các mục đã kết thúc")
    lst = sub.add_parser("list", help="liệt kê các mục đang theo dõi với thời hạn hiện tại")
    lst.add_argument("--unit", required=True)
    lst.add_argument("--json", action="store_true", help="in JSON (expires: YYYY-MM-DD HH:MM giờ Việt Nam)")
    lst.add_argument("--all", action="store_true", help="cả các mục đã kết thúc")
    for parser in (imp, exp, lst):
        parser.set_defaults(func=_run)
