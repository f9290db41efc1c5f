"""``python -m bot admin ...``: set-up and upkeep from the server's command line (first admin,
units, backup, restore, retention, moving the database to PostgreSQL)."""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, date, datetime, timedelta

from bot.cli.common import NO_UNIT, open_repos
from bot.config import load_settings
from handlers.units import parse_day
from storage import maintenance
from storage.db import open_database
from storage.transfer import TransferError, copy_database
from storage.units import LEVELS, UnitError
from storage.users import parse_role


async def _invite(args: argparse.Namespace) -> int:
    settings = load_settings()
    role = parse_role(args.role)
    if role is None:
        print("Vai trò phải là staff, head hoặc admin (hoặc canbo, lanhdao, quantri).")
        return 2
    async with open_repos(settings.db_path) as repos:
        unit = await repos.units.by_code(args.unit)
        if unit is None:
            print(NO_UNIT.format(code=args.unit))
            return 2
        days = args.days or settings.invite_ttl_days
        invite = await repos.invites.create(unit.id, role, created_by=None, ttl=timedelta(days=days))
    # The same lines as /moi in the chat.
    expires = invite.expires_at.astimezone(settings.timezone).strftime("%H:%M %d/%m/%Y")
    print(f"Mã mời: {invite.code}\nVai trò: {role.label}\nĐơn vị: {unit.name}")
    print(f"Hết hạn: {expires}. Mã chỉ dùng một lần.\nNgười được mời gửi cho Trợ lý: /start {invite.code}")
    return 0


async def _unit_add(args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        async with open_repos(settings.db_path) as repos:
            unit = await repos.units.add(args.code, args.name, args.level, args.parent, reports_from=args.reports_from)
    except UnitError as exc:
        print(f"Lỗi: {exc}")
        return 2
    since = unit.tracked_from(settings.timezone)
    print(f"Đã thêm đơn vị {unit.code} — {unit.name} (theo dõi báo cáo từ {since:%d/%m/%Y})")
    return 0


async def _unit_list(args: argparse.Namespace) -> int:
    settings = load_settings()
    async with open_repos(settings.db_path) as repos:
        units = await repos.units.all()
    by_id = {u.id: u for u in units}
    tz = settings.timezone
    for unit in units:
        parent = by_id[unit.parent_id].code if unit.parent_id in by_id else "-"
        print(f"{unit.code}\t{unit.level}\t{parent}\t{unit.tracked_from(tz):%d/%m/%Y}\t{unit.name}")
    if not units:
        print("Chưa có đơn vị nào. Thêm: python -m bot admin unit add --code X --name '...' --level tinh")
    return 0


def _day(text: str) -> date:
    day = parse_day(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"“{text}” không phải ngày dạng dd/mm/yyyy")
    return day


def _backup(args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        size = maintenance.backup(settings.db_path, args.out)
    except maintenance.MaintenanceError as exc:
        print(f"Không sao lưu được / backup refused: {exc}")
        return 2
    print(f"Đã sao lưu {settings.db_path} → {args.out} ({size:,} byte, integrity_check ok, quyền 0600)")
    return 0


def _restore(args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        kept = maintenance.restore(args.file, settings.db_path, new_database=args.new_database)
    except maintenance.MaintenanceError as exc:
        print(f"Không khôi phục được / restore refused: {exc}")
        return 2
    print(f"Đã khôi phục {args.file} → {settings.db_path}")
    if kept is not None:
        print(f"Cơ sở dữ liệu cũ được giữ lại ở {kept} (xóa khi đã kiểm tra xong).")
    return 0


async def _retention(args: argparse.Namespace) -> int:
    from bot.service.upkeep import retention  # the rules as the hourly upkeep applies them

    settings = load_settings()
    rules = retention(settings)
    db = await open_database(settings.db_path)
    try:
        pruned = await maintenance.apply_retention(db, datetime.now(UTC), rules)
    finally:
        await db.close()
    print("Đã xóa / deleted: " + ", ".join(f"{kind} {count}" for kind, count in pruned.items()))
    return 0


async def _migrate_db(args: argparse.Namespace) -> int:
    """Copy every table of one database into another, empty one (e.g. SQLite to PostgreSQL)."""
    source = await open_database(args.source)
    try:
        target = await open_database(args.target)
        try:
            copied = await copy_database(source, target)
        finally:
            await target.close()
    except TransferError as exc:
        print(f"Lỗi: {exc}")
        return 2
    finally:
        await source.close()
    for table, rows in copied.items():
        print(f"{table}\t{rows}")
    print(f"Đã chép {sum(copied.values())} dòng của {len(copied)} bảng; số dòng hai bên khớp nhau.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    admin = subparsers.add_parser("admin", help="quản trị từ dòng lệnh")
    sub = admin.add_subparsers(dest="admin_command", required=True)

    invite = sub.add_parser("invite", help="tạo mã mời (ví dụ quản trị viên đầu tiên)")
    invite.add_argument("--unit", required=True, help="mã đơn vị")
    invite.add_argument("--role", required=True, help="staff | head | admin")
    invite.add_argument("--days", type=int, default=None, help="số ngày hiệu lực")
    invite.set_defaults(func=lambda a: asyncio.run(_invite(a)))

    unit = sub.add_parser("unit", help="đơn vị")
    unit_sub = unit.add_subparsers(dest="unit_command", required=True)
    add = unit_sub.add_parser("add", help="thêm đơn vị")
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--level", required=True, choices=LEVELS)
    add.add_argument("--parent", default=None, help="mã đơn vị cấp trên")
    add.add_argument(
        "--reports-from",
        type=_day,
        default=None,
        metavar="dd/mm/yyyy",
        help="theo dõi báo cáo định kỳ từ ngày này (mặc định: hôm nay); kỳ có hạn trước đó không tính trễ",
    )
    add.set_defaults(func=lambda a: asyncio.run(_unit_add(a)))
    lst = unit_sub.add_parser("list", help="liệt kê đơn vị")
    lst.set_defaults(func=lambda a: asyncio.run(_unit_list(a)))

    backup = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (chạy được khi trợ lý đang chạy)")
    backup.add_argument("--out", required=True, help="tệp sao lưu mới")
    backup.set_defaults(func=_backup)
    restore = sub.add_parser("restore", help="khôi phục từ bản sao lưu (dừng trợ lý trước)")
    restore.add_argument("file", help="tệp sao lưu")
    restore.add_argument(
        "--new-database",
        action="store_true",
        help="cho phép khôi phục vào BOT_DB chưa có cơ sở dữ liệu (mặc định: từ chối, vì thường là sai BOT_DB)",
    )
    restore.set_defaults(func=_restore)
    keep = sub.add_parser("retention", help="xóa dữ liệu quá hạn lưu giữ (trợ lý tự làm mỗi giờ)")
    keep.set_defaults(func=lambda a: asyncio.run(_retention(a)))
    move = sub.add_parser("migrate-db", help="chép toàn bộ cơ sở dữ liệu sang nơi khác (ví dụ SQLite → PostgreSQL)")
    move.add_argument("--from", dest="source", required=True, help="đường dẫn SQLite hoặc URL postgresql://")
    move.add_argument("--to", dest="target", required=True, help="cơ sở dữ liệu đích, còn trống")
    move.set_defaults(func=lambda a: asyncio.run(_migrate_db(a)))
