"""/theodoi_nhap: a head imports the unit's sheet from chat by sending the file. The file is
checked as a dry run first (every bad row and every disagreement with the law listed); the rows
as checked are held in the conversation and stored only when the head presses "Nhập N mục",
so what is stored is what was shown. Staff never get here: the routes need a head's role."""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from typing import Any

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.drafts import Form
from bot.chat.messages import Button, Reply, reply
from bot.chat.routing import Router
from handlers import carried
from handlers.deadline_reminders import CARRY
from handlers.register import service
from handlers.register.load import run_import
from knowledge.deadlines.register_rules import ChainError
from knowledge.kb.normalize import fold
from storage.register_model import NewItem, RegisterConflict, RegisterScopeError
from storage.users import Role

COMMAND = "theodoi_nhap"
STATE = "tdn_file"
PENDING = "tdn"  # conversation data: {"token", "unit_id", "name", "items": [...]} after a clean dry run
UNIT = "tdn_unit"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_CHAT_ROWS = 2000
MAX_UNIT_BUTTONS = 20
TOO_LARGE = "Tệp lớn hơn 5 MB. Anh/chị chia nhỏ tệp, hoặc nhờ quản trị nhập bằng lệnh máy chủ."
CANCEL_WORDS = ("huy", "thoi", "dung")
COLUMNS = (
    "Trợ lý đọc các cột (tiêu đề có hoặc không dấu, có thể có dòng tiêu đề bảng ở trên):\n"
    "- bắt buộc: Họ và tên / Bị can / Nhãn; Biện pháp / Loại / Giai đoạn (Tạm giữ, Tạm giam, "
    "Điều tra, Truy tố...); Từ ngày / Ngày bắt đầu / Ngày ra lệnh (tạm giữ cần cả giờ);\n"
    "- nếu có: Thời hạn («02 tháng», «45 ngày»), Số ngày tạm giữ được trừ, Gia hạn lần 1/2/3 đến ngày "
    "(hoặc Các lần gia hạn: «lần 1: 04 tháng; lần 2: tối đa»), Đến ngày (hết hạn; «đến khi kết thúc việc "
    "điều tra» cho tạm giam không thời hạn), Loại tội, Xâm phạm ANQG, Ngày bắt đầu giai đoạn, "
    "Số thụ lý / Số vụ, Lệnh/QĐ số, KSV thụ lý, Ghi chú.\n"
    "Cột tính sẵn như «Còn lại» được bỏ qua. Không cần số CCCD."
)


@dataclass(frozen=True, slots=True)
class ImportUnit(CallbackData, prefix="tdn", tag="u"):
    unit_id: int


@dataclass(frozen=True, slots=True)
class ImportConfirm(CallbackData, prefix="tdn", tag="k"):
    token: str
    count: int


@dataclass(frozen=True, slots=True)
class ImportCancel(CallbackData, prefix="tdn", tag="h"):
    pass


CANCEL = Button("Hủy", ImportCancel().pack())
# Platforms that never deliver a file people send (Zalo bots get text and photos, the console text).
NO_FILES = ("console", "zalo")


async def _no_files_here(ctx: Context) -> str:
    unit = await ctx.repos.units.get(ctx.member.unit_id)
    code = unit.code if unit else "MÃ_ĐƠN_VỊ"
    where = "Zalo" if ctx.incoming.platform == "zalo" else "chat trên máy"
    return (
        f"{where.capitalize()} không gửi được tệp cho Trợ lý. Để nhập bảng theo dõi (.xlsx hoặc .csv), anh/chị "
        "gửi tệp qua Telegram bằng /theodoi_nhap, hoặc nhờ quản trị nhập trên máy chủ:\n"
        f"python -m bot track import TỆP.xlsx --unit {code} --dry-run   (chỉ kiểm tra)\n"
        f"python -m bot track import TỆP.xlsx --unit {code}   (lưu)"
    )


def _to_json(item: NewItem) -> dict[str, Any]:
    data = asdict(item)
    data["later"] = [[kind, event] for kind, event in item.later]
    return data


def _from_json(data: dict[str, Any]) -> NewItem:
    later = tuple((str(kind), dict(event)) for kind, event in data.get("later", []))
    return NewItem(**{**data, "later": later})


async def start(ctx: Context) -> list[Reply]:
    """Ask for the file, after a choice of unit when the head's subtree has more than one; where
    the platform cannot send files (console, Zalo), say how to import on the server instead."""
    carried.end(ctx)
    if ctx.incoming.platform in NO_FILES:
        return [Reply(await _no_files_here(ctx))]
    units = await ctx.repos.units.subtree(ctx.member.unit_id)
    if len(units) > 1:
        rows = [[Button(f"{u.name} ({u.code})", ImportUnit(u.id).pack())] for u in units[:MAX_UNIT_BUTTONS]]
        more = f"\n(Chỉ hiện {MAX_UNIT_BUTTONS} đơn vị đầu.)" if len(units) > MAX_UNIT_BUTTONS else ""
        return [reply(f"Nhập bảng theo dõi thời hạn cho đơn vị nào?{more}", *rows, [CANCEL])]
    return await _ask_file(ctx, ctx.member.unit_id)


async def on_unit(ctx: Context, data: ImportUnit) -> list[Reply]:
    if not await ctx.repos.units.in_scope(ctx.member.unit_id, data.unit_id):
        return [Reply("Đơn vị này ngoài phạm vi của anh/chị. Không có gì thay đổi.")]
    carried.end(ctx)
    return await _ask_file(ctx, data.unit_id)


async def _ask_file(ctx: Context, unit_id: int) -> list[Reply]:
    unit = await ctx.repos.units.get(unit_id)
    name = unit.name if unit else "đơn vị"
    ctx.conversation.state = STATE
    ctx.conversation.data[UNIT] = unit_id
    text = (
        f"Nhập bảng theo dõi thời hạn vào {name}.\n{COLUMNS}\n\n"
        "Anh/chị gửi tệp .xlsx hoặc .csv (tối đa 5 MB) vào đây. Trợ lý kiểm tra trước, "
        "chưa lưu gì cho đến khi anh/chị bấm «Nhập»."
    )
    return [reply(text, [CANCEL])]


async def on_file(ctx: Context) -> list[Reply]:
    """In the import step: a file is checked (dry run); typed text cancels or asks for the file."""
    document = ctx.incoming.document
    if document is None:
        if fold(ctx.text).strip() in CANCEL_WORDS:
            return _cancel(ctx)
        return [reply("Anh/chị gửi tệp .xlsx hoặc .csv của bảng theo dõi (dạng tệp), hoặc bấm Hủy.", [CANCEL])]
    name = document.file_name or ""
    if not name.lower().endswith((".xlsx", ".csv")):
        return [reply(f"Tệp «{name[:60]}» không phải .xlsx hoặc .csv. Anh/chị gửi lại tệp đúng loại.", [CANCEL])]
    if document.fetch is None or (document.file_size or 0) > MAX_FILE_BYTES:
        return [reply(TOO_LARGE, [CANCEL])]
    try:
        data = await document.fetch()
    except ValueError:  # the adapter refuses a file larger than its limit
        return [reply(TOO_LARGE, [CANCEL])]
    unit = await ctx.repos.units.get(int(ctx.conversation.data.get(UNIT) or ctx.member.unit_id))
    if unit is None or not await ctx.repos.units.in_scope(ctx.member.unit_id, unit.id):
        return _cancel(ctx, "Đơn vị không còn trong phạm vi của anh/chị. Không có gì thay đổi.")
    now = ctx.now()
    tz = ctx.services.settings.timezone
    report = await run_import(ctx.repos, ctx.member, unit, data, name, now, tz, dry_run=True)
    ctx.conversation.data.pop(PENDING, None)
    if not report.ok:
        return [reply(f"{report.text}\nAnh/chị sửa tệp rồi gửi lại vào đây, hoặc bấm Hủy.", [CANCEL])]
    count = len(report.items) + len(report.behind)
    if not count:
        said = f"{report.text}\n" if report.known else ""  # every row is in the register already
        return [reply(f"{said}Tệp không có dòng mới nào để nhập. Anh/chị gửi tệp khác, hoặc bấm Hủy.", [CANCEL])]
    if count > MAX_CHAT_ROWS:
        return [reply(f"Tệp có {count} dòng; qua trò chuyện nhập tối đa {MAX_CHAT_ROWS}.", [CANCEL])]
    token = secrets.token_hex(4)
    ctx.conversation.data[PENDING] = {
        "token": token,
        "unit_id": unit.id,
        "name": name,
        "items": [_to_json(item) for item in report.items],
        # items there with an earlier part of a row's history: the version read, the later events
        "behind": [
            {"item": i.id, "label": i.label, "version": i.version, "events": [[k, e] for k, e in ev]}
            for i, ev in report.behind
        ],
    }
    confirm = Button(f"Nhập {count} mục", ImportConfirm(token, count).pack())
    return [reply(f"{report.text}\nBấm «Nhập {count} mục» để lưu vào {unit.name}.", [confirm], [CANCEL])]


async def on_confirm(ctx: Context, data: ImportConfirm) -> list[Reply]:
    pending = ctx.conversation.data.get(PENDING)
    if not isinstance(pending, dict) or pending.get("token") != data.token:
        return [Reply("Bảng này đã được nhập hoặc đã hủy; không lưu thêm gì. Gõ /theodoi để xem sổ theo dõi.")]
    items = [_from_json(item) for item in pending["items"]]
    kept = list(pending.get("behind") or [])
    if len(items) + len(kept) != data.count or any(item.unit_id != pending["unit_id"] for item in items):
        return _cancel(
            ctx,
            f"Nút này không khớp với bảng đã kiểm tra. Không có gì thay đổi. Anh/chị gõ /{COMMAND} để gửi lại bảng.",
        )
    if not await ctx.repos.units.in_scope(ctx.member.unit_id, int(pending["unit_id"])):
        return _cancel(ctx, "Đơn vị không còn trong phạm vi của anh/chị. Không có gì thay đổi.")
    unit_id = int(pending["unit_id"])
    labels = [str(row.get("label", "")) for row in kept]
    there = {i.id: i for i in await ctx.repos.register.with_labels(ctx.member, unit_id, labels)} if kept else {}
    behind = []
    for row in kept:  # each as checked, read again in one query (the import refuses it if changed meanwhile)
        item = there.get(int(row["item"]))
        if item is None or item.version != row["version"]:
            return _cancel(
                ctx, f"Một mục trong sổ vừa được cập nhật. Chưa lưu gì. Anh/chị gõ /{COMMAND} để gửi lại bảng."
            )
        behind.append((item, [(str(k), dict(e)) for k, e in row["events"]]))
    try:
        tz = ctx.services.settings.timezone
        ids = await service.import_all(ctx.repos, ctx.member, items, behind, ctx.now(), tz)
    except ChainError as exc:
        return _cancel(ctx, f"Không nhập: {exc.message_vi}\nChưa lưu gì. Anh/chị sửa tệp rồi gõ /{COMMAND}.")
    except RegisterScopeError:
        return _cancel(ctx, "Đơn vị không còn trong phạm vi của anh/chị. Không có gì thay đổi.")
    except RegisterConflict:
        return _cancel(ctx, f"Một mục trong sổ vừa được cập nhật. Chưa lưu gì. Anh/chị gõ /{COMMAND} để gửi lại bảng.")
    unit = await ctx.repos.units.get(int(pending["unit_id"]))
    carried.end(ctx)
    where = unit.name if unit else "đơn vị"
    more = f", ghi tiếp sự kiện cho {len(behind)} mục đã có" if behind else ""
    return [Reply(f"Đã nhập {len(ids)} mục theo dõi vào {where}{more} từ tệp {pending['name']}. Gõ /theodoi để xem.")]


async def on_cancel(ctx: Context, data: ImportCancel) -> list[Reply]:
    return _cancel(ctx)


def _cancel(ctx: Context, text: str = "Đã hủy nhập bảng. Chưa lưu gì.") -> list[Reply]:
    carried.end(ctx)
    return [Reply(text)]


def _where(state: str, data: dict[str, Any]) -> str:
    return "bấm Nhập" if isinstance(data.get(PENDING), dict) else "gửi tệp"


async def _resume(ctx: Context) -> list[Reply]:
    """Brought back after another form (bot/chat/drafts.py): the checked table's «Nhập», or the file asked."""
    pending = ctx.conversation.data.get(PENDING)
    if isinstance(pending, dict):
        count = len(pending["items"])
        confirm = Button(f"Nhập {count} mục", ImportConfirm(pending["token"], count).pack())
        return [
            reply(
                f"Bảng «{pending['name']}» đã kiểm tra: {count} mục. Bấm «Nhập {count} mục» để lưu.",
                [confirm],
                [CANCEL],
            )
        ]
    return await _ask_file(ctx, int(ctx.conversation.data.get(UNIT) or ctx.member.unit_id))


def register(router: Router) -> None:
    form = Form("tdn", "việc nhập bảng theo dõi", COMMAND, STATE.__eq__, ("tdn",), CARRY, _where, _resume, Role.HEAD)
    router.forms.add(form)  # starting another form sets the checked table aside, never loses it
    router.command(COMMAND, start, min_role=Role.HEAD, help="Nhập bảng theo dõi thời hạn từ tệp Excel/CSV (lãnh đạo)")
    router.button(ImportUnit, on_unit, min_role=Role.HEAD)
    router.button(ImportConfirm, on_confirm, min_role=Role.HEAD)
    router.button(ImportCancel, on_cancel, min_role=Role.HEAD)
    router.state(STATE, on_file, min_role=Role.HEAD, accepts_documents=True)
    router.documents_via(COMMAND)
