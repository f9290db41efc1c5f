"""One import run, shared by ``python -m bot track import`` and a head's file sent in chat:
read the sheet, check every row, report disagreements with the law, store all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from handlers.register import service
from handlers.register.importer import import_rows
from handlers.register.sheet import SheetError, read_sheet
from knowledge.deadlines.register_rules import ChainError
from knowledge.kb.normalize import fold
from storage.register_model import NewItem
from storage.repositories import Repositories
from storage.units import Unit
from storage.users import User

MAX_ROWS = 20000


@dataclass(slots=True)
class ImportReport:
    ok: bool
    stored: int = 0
    rows: int = 0
    lines: list[str] = field(default_factory=list)
    items: list[NewItem] = field(default_factory=list)  # a clean dry run: the rows as checked

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


async def run_import(
    repos: Repositories, actor: User, unit: Unit, data: bytes, name: str, now: datetime, tz: tzinfo, *, dry_run: bool
) -> ImportReport:
    try:
        sheet = read_sheet(data, name)
    except SheetError as exc:
        return ImportReport(False, lines=[f"Không nhập được: {exc}"])
    if len(sheet.rows) > MAX_ROWS:
        return ImportReport(False, lines=[f"Tệp có {len(sheet.rows)} dòng, tối đa {MAX_ROWS}. Anh/chị chia nhỏ tệp."])
    people = {fold(u.display_name): u for u in await repos.users.list_in_scope(actor, limit=5000)}
    found = import_rows(sheet, unit.id, people, actor, now.astimezone(tz))
    report = ImportReport(not found.errors, rows=len(sheet.rows))
    if found.disagreements:
        report.lines.append(f"Thời hạn trong bảng khác với cách tính theo luật ({len(found.disagreements)} dòng):")
        report.lines += [f"- {d}" for d in found.disagreements]
        report.lines.append("Khi nhập, trợ lý lưu thời hạn theo luật và giữ giá trị của bảng trong ghi chú.")
    if found.errors:
        report.lines.insert(0, f"Không nhập: {len(found.errors)} dòng lỗi, chưa lưu gì. Anh/chị sửa rồi nhập lại:")
        report.lines[1:1] = [f"- {e}" for e in found.errors]
        return report
    if dry_run:
        report.lines.insert(0, f"Kiểm tra xong: {len(found.items)} dòng hợp lệ (chạy thử, chưa lưu).")
        report.items = found.items
        return report
    try:
        ids = await service.create(repos, actor, found.items, now, tz)
    except ChainError as exc:
        return ImportReport(False, rows=len(sheet.rows), lines=[f"Không nhập: {exc.message_vi}"])
    report.stored = len(ids)
    report.lines.insert(0, f"Đã nhập {len(ids)} mục theo dõi vào {unit.name}.")
    return report
