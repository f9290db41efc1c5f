"""One import run, shared by ``python -m bot track import`` and a head's file sent in chat:
read the sheet (and its «Diễn biến» page, when it is an exported workbook), check every row,
report disagreements with the law, leave out the rows already in the register (a file imported
twice stores nothing twice: ``import_match``), store all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from handlers.register import service
from handlers.register.import_match import later_events, match
from handlers.register.importer import ImportResult, import_rows
from handlers.register.sheet import SheetError, read_history, read_sheet
from knowledge.deadlines.register_rules import ChainError
from knowledge.kb.normalize import fold
from storage.register_model import Item, NewItem, RegisterConflict
from storage.repositories import Repositories
from storage.units import Unit
from storage.users import User

MAX_ROWS = 20000
Behind = tuple[Item, list[tuple[str, dict[str, Any]]]]


@dataclass(slots=True)
class ImportReport:
    ok: bool
    stored: int = 0
    rows: int = 0
    lines: list[str] = field(default_factory=list)
    items: list[NewItem] = field(default_factory=list)  # a clean dry run: the rows as checked (new ones)
    known: int = 0  # rows already in the register, left out
    behind: list[Behind] = field(default_factory=list)  # items there, and the later events a row adds

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


async def run_import(
    repos: Repositories, actor: User, unit: Unit, data: bytes, name: str, now: datetime, tz: tzinfo, *, dry_run: bool
) -> ImportReport:
    try:
        sheet = read_sheet(data, name)
        history = read_history(data, name)
    except SheetError as exc:
        return ImportReport(False, lines=[f"Không nhập được: {exc}"])
    if len(sheet.rows) > MAX_ROWS:
        return ImportReport(False, lines=[f"Tệp có {len(sheet.rows)} dòng, tối đa {MAX_ROWS}. Anh/chị chia nhỏ tệp."])
    # The unit's own people: an item is assigned within its unit, never to someone elsewhere.
    people = {
        fold(u.display_name): u
        for u in await repos.users.list_in_scope(actor, limit=5000)
        if u.unit_id == unit.id and u.active
    }
    found = import_rows(sheet, unit.id, people, actor, now.astimezone(tz), history)
    known: list[int] = []
    behind: list[tuple[int, Behind]] = []
    if not found.errors:
        known, behind = await _leave_out_known(repos, actor, unit, found)
    report = ImportReport(not found.errors, rows=len(sheet.rows), known=len(known), behind=[b for _, b in behind])
    if known:
        report.lines.append(
            f"{len(known)} dòng đã có trong sổ (cùng nhãn, cùng diễn biến hoặc sổ đã ghi thêm sự kiện sau đó), "
            f"không nhập lại: dòng {_rows(known)}."
        )
    if behind:
        numbers = [n for n, _ in behind]
        report.lines.append(
            f"{len(behind)} dòng có thêm sự kiện mới cho mục đã có trong sổ (cùng nhãn, diễn biến trước đó giống "
            f"nhau), sẽ ghi tiếp vào mục đó: dòng {_rows(numbers)}."
        )
    if found.unassigned:
        report.lines.append(
            f"{len(found.unassigned)} dòng ghi KSV chưa có tài khoản ở {unit.name}, giao cho {actor.display_name} "
            "(tên trong bảng giữ ở ghi chú; đổi người phụ trách trong /theodoi): "
            + "; ".join(found.unassigned[:10])
            + (" …" if len(found.unassigned) > 10 else "")
            + "."
        )
    if found.disagreements:
        report.lines.append(f"Thời hạn trong bảng khác với cách tính theo luật ({len(found.disagreements)} dòng):")
        report.lines += [f"- {d}" for d in found.disagreements]
        report.lines.append("Khi nhập, trợ lý lưu thời hạn theo luật và giữ giá trị của bảng trong ghi chú.")
    if found.errors:
        report.ok = False
        report.lines.insert(0, f"Không nhập: {len(found.errors)} dòng lỗi, chưa lưu gì. Anh/chị sửa rồi nhập lại:")
        report.lines[1:1] = [f"- {e}" for e in found.errors]
        return report
    if dry_run:
        report.lines.insert(0, f"Kiểm tra xong: {len(found.items)} dòng hợp lệ (chạy thử, chưa lưu).")
        report.items = found.items
        return report
    try:
        ids = await service.import_all(repos, actor, found.items, report.behind, now, tz)
    except ChainError as exc:
        return ImportReport(False, rows=len(sheet.rows), lines=[f"Không nhập: {exc.message_vi}"])
    except RegisterConflict:
        return ImportReport(False, rows=len(sheet.rows), lines=[f"Không nhập: {CHANGED}"])
    report.stored = len(ids)
    more = f", ghi tiếp sự kiện cho {len(report.behind)} mục đã có" if report.behind else ""
    report.lines.insert(0, f"Đã nhập {len(ids)} mục theo dõi vào {unit.name}{more}.")
    return report


CHANGED = "một mục trong sổ vừa được cập nhật trong lúc nhập, chưa lưu gì. Anh/chị nhập lại tệp."


def _rows(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:20]) + (" …" if len(numbers) > 20 else "")


async def _leave_out_known(
    repos: Repositories, actor: User, unit: Unit, found: ImportResult
) -> tuple[list[int], list[tuple[int, Behind]]]:
    """The rows whose item the register already has are taken out of ``found.items`` (their row
    numbers returned), and so are those whose item has an earlier part of their history (returned
    with the item and the later events); a row naming an item there with another history is an error."""
    existing = await repos.register.with_labels(actor, unit.id, [n.label for n in found.items])
    matched = match(found.items, existing)
    for index, item in matched.clashes:
        found.errors.append(
            f"dòng {found.numbers[index]}: sổ đã có mục «{item.label}» (số {item.id}) cùng lệnh ban đầu nhưng diễn biến "
            "khác. Anh/chị ghi các sự kiện mới vào mục đó (/theodoi), hoặc đổi nhãn nếu là người/vụ khác."
        )
    known = [found.numbers[i] for i in sorted(matched.known + matched.ahead)]
    behind = [(found.numbers[i], (item, later_events(found.items[i], item))) for i, item in matched.behind]
    found.items = [found.items[i] for i in matched.fresh]
    found.numbers = [found.numbers[i] for i in matched.fresh]
    return known, behind
