"""What each step of /kiemsat asks, with its buttons; and the summary card before sending.
Each ``ask_*`` (or fixed ``Reply``) is the ``ask`` of one row of the table in ``flow.py``."""

from __future__ import annotations

from typing import Any

from bot.chat.context import Context
from bot.chat.flow import TYPED_HINT, Action
from bot.chat.messages import Button, Reply, clip, reply
from bot.clock import local
from handlers import carried
from handlers.checkin.buttons import (
    ClearPhotos,
    ClearViolations,
    Edit,
    FacilityPage,
    ListViolations,
    Nav,
    NoViolations,
    PickFacility,
    PickKind,
    Send,
)
from handlers.checkin.draft import COUNT_LABELS, FIELD_LABELS, MAX_PHOTO_BYTES, started
from storage.checkins import COUNT_FIELDS, INSPECTION_KINDS

PAGE = 8
MAX_BUTTON = 50
SKIP = Button("Bỏ qua", Nav(Action.SKIP).pack())
BACK = Button("Quay lại", Nav(Action.BACK).pack())
CANCEL = Button("Hủy", Nav(Action.CANCEL).pack())
DONE = Button("Xong", Nav(Action.DONE).pack())
EDIT_FIELDS = ("facility", "kind", *COUNT_FIELDS, "violations", "requests", "location", "photos", "notes")


def nav(*, skip: bool = False, back: bool = True) -> list[Button]:
    return [b for b, shown in ((SKIP, skip), (BACK, back), (CANCEL, True)) if shown]


KIND_ROWS = tuple((Button(label, PickKind(code).pack()),) for code, label in INSPECTION_KINDS.items())
# Questions that never change (replies are immutable, so one object serves every user).
FIXED: dict[str, Reply] = {
    **{step: reply(f"{label}? Nhập số, 0 nếu không có.\n{TYPED_HINT}", nav()) for step, label in COUNT_LABELS.items()},
    "violations": reply(
        "Có phát hiện vi phạm không (chế độ giam giữ, ăn, ở, y tế, buồng giam, hồ sơ…)?",
        [Button("Không có vi phạm", NoViolations().pack())],
        [Button("Có, liệt kê vi phạm", ListViolations().pack())],
        nav(),
    ),
    "requests": reply("Kiến nghị, yêu cầu đã ban hành (nếu có): gõ nội dung, hoặc bấm Bỏ qua.", nav(skip=True)),
    "location": Reply(
        "Gửi vị trí hiện tại (bấm nút gửi vị trí trên điện thoại), hoặc bấm Bỏ qua.",
        (tuple(nav(skip=True)),),
        request_location=True,
    ),
    "notes": reply("Ghi chú thêm (nếu có): gõ nội dung, hoặc bấm Bỏ qua.", nav(skip=True)),
}
_NAV = tuple(nav())


async def ask_facility(ctx: Context) -> list[Reply]:
    return await facility_prompt(ctx, 1)


async def ask_kind(ctx: Context) -> list[Reply]:
    facility = ctx.conversation.data.get("facility_name", "")
    return [Reply(f"Cơ sở: {facility}\nHình thức kiểm sát?", (*KIND_ROWS, _NAV))]


async def ask_violations(ctx: Context) -> list[Reply]:
    items = ctx.conversation.data.get("violations") or []
    listed = "".join(f"\n{i}. {v}" for i, v in enumerate(items, 1))
    head = f"Đã ghi {len(items)} vi phạm:{listed}\n" if items else ""
    rows: list[list[Button]] = [[DONE]]
    if items:
        rows.append([Button("Xóa danh sách, ghi lại", ClearViolations().pack())])
    return [reply(f"{head}Gõ mô tả ngắn từng vi phạm, mỗi tin nhắn một vi phạm. Hết thì bấm Xong.", *rows, nav())]


async def ask_photos(ctx: Context) -> list[Reply]:
    have = len(ctx.conversation.data.get("photos") or [])
    got = f"Đã nhận {have} ảnh. " if have else ""
    limit = MAX_PHOTO_BYTES // (1024 * 1024)
    return [
        reply(
            f"{got}Gửi ảnh biên bản, hiện trường (nhiều ảnh được, mỗi ảnh tối đa {limit} MB). "
            "Gửi xong bấm Xong; không có ảnh thì bấm Bỏ qua.",
            [DONE],
            [Button("Xóa các ảnh đã gửi", ClearPhotos().pack())] if have else [],
            nav(skip=True),
        )
    ]


async def ask_summary(ctx: Context) -> list[Reply]:
    return [summary(ctx)]


async def facility_prompt(ctx: Context, page: int) -> list[Reply]:
    facilities = await ctx.repos.facilities.for_checkin(ctx.member)
    if not facilities:
        carried.end(ctx)
        return [
            Reply(
                "Đơn vị của anh/chị chưa có cơ sở tạm giữ, tạm giam nào trong danh sách.\n"
                "Lãnh đạo hoặc quản trị viên đơn vị thêm cơ sở bằng lệnh /coso, sau đó anh/chị gõ lại /kiemsat."
            )
        ]
    pages = (len(facilities) + PAGE - 1) // PAGE
    page = min(max(page, 1), pages)
    chunk = facilities[(page - 1) * PAGE : page * PAGE]
    # The choices shown are kept with the draft: a press is checked against them (a forged or
    # stale id is refused) without asking the database again; sending checks scope once more.
    ctx.conversation.data["offered"] = {str(f.id): f.name for f in chunk}
    rows = [[Button(clip(f.name, MAX_BUTTON), PickFacility(f.id).pack())] for f in chunk]
    more = []
    if page > 1:
        more.append(Button("« Trước", FacilityPage(page - 1).pack()))
    if page < pages:
        more.append(Button("Sau »", FacilityPage(page + 1).pack()))
    return [reply("Kiểm sát tạm giữ, tạm giam. Chọn cơ sở:", *rows, more, nav(back=False))]


def _or_dash(value: Any) -> str:
    return str(value) if value not in (None, "") else "—"


def field_lines(values: dict[str, Any], facility: str) -> list[str]:
    """The fields of a draft or a record, one line each (shared by the summary and the record card)."""
    lines = [f"Cơ sở: {facility}", f"Hình thức: {INSPECTION_KINDS.get(values.get('kind') or '', '—')}"]
    lines += [f"{COUNT_LABELS[name]}: {_or_dash(values.get(name))}" for name in COUNT_FIELDS]
    violations = values.get("violations")
    if violations:
        lines.append("Vi phạm:" + "".join(f"\n  {i}. {v}" for i, v in enumerate(violations, 1)))
    else:
        lines.append("Vi phạm: " + ("không có" if violations == [] else "—"))
    lines.append(f"Kiến nghị, yêu cầu: {_or_dash(values.get('requests'))}")
    if values.get("lat") is not None:
        flag = " ⚠️ ngoài lãnh thổ Việt Nam, cần kiểm tra" if values.get("location_flag") else ""
        lines.append(f"Vị trí: {values['lat']:.5f}, {values['lon']:.5f}{flag}")
    else:
        lines.append("Vị trí: —")
    lines.append(f"Ảnh: {len(values.get('photos') or [])}")
    lines.append(f"Ghi chú: {_or_dash(values.get('notes'))}")
    return lines


def overdue_alert(overdue: int | None) -> str | None:
    if overdue:
        return f"⚠️ CÓ {overdue} NGƯỜI BỊ GIỮ QUÁ HẠN HOẶC KHÔNG CÓ LỆNH HỢP LỆ. Khi gửi, lãnh đạo đơn vị được báo ngay."
    return None


def summary(ctx: Context) -> Reply:
    draft = ctx.conversation.data
    when = local(started(draft), ctx.services.settings.timezone).strftime("%H:%M %d/%m/%Y")
    lines = ["Phiếu kiểm sát — anh/chị kiểm tra lại trước khi gửi:", f"Thời điểm: {when}"]
    lines += field_lines(draft, draft.get("facility_name", "—"))
    alert = overdue_alert(draft.get("overdue"))
    if alert:
        lines += ["", alert]
    send = (Button("Gửi", Send(draft["draft_id"]).pack()),)
    return Reply("\n".join(lines), (send, *_EDIT_ROWS, (CANCEL,)))


_EDITS = [Button(f"Sửa {FIELD_LABELS[f]}", Edit(f).pack()) for f in EDIT_FIELDS]
_EDIT_ROWS = tuple(tuple(_EDITS[i : i + 3]) for i in range(0, len(_EDITS), 3))
