"""What each step of /kiemsat accepts, typed or pressed; anything else is answered with
the step's question again. Nothing invalid reaches the draft."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from bot.chat.routing import int_arg
from handlers.checkin.draft import (
    COUNT_STEPS,
    MAX_ITEM,
    MAX_PHOTO_BYTES,
    MAX_PHOTOS,
    MAX_TEXT,
    MAX_VIOLATIONS,
    outside_vietnam,
    overdue_problem,
    parse_count,
)
from handlers.checkin.steps import EDIT_FIELDS, prompt
from knowledge.kb.normalize import fold
from storage.checkins import INSPECTION_KINDS

# go(ctx, step, note) moves to a step; advance(ctx, step, note) moves past one.
Go = Callable[[Context, str, str], Awaitable[list[Reply]]]
BUTTONS_ONLY = "Anh/chị vui lòng chọn bằng các nút bên dưới."
# Words typed where the form expects a number or a button: maybe a question asked mid-form.
MID_FORM = (
    "Anh/chị đang ghi phiếu kiểm sát; bản nháp vẫn được giữ. Muốn hỏi việc khác, anh/chị gõ /huy "
    "để bỏ phiếu này, hoặc gửi phiếu xong rồi hỏi."
)
NOT_A_PHOTO_STEP = "Bước này chưa cần ảnh; ảnh được gửi ở bước Ảnh, sau bước vị trí. Anh/chị trả lời câu hỏi:"
NOT_A_LOCATION_STEP = "Bước này chưa cần vị trí; vị trí được gửi ở bước sau. Anh/chị trả lời câu hỏi:"
BAD_BUTTON = "Nút này không hợp lệ. Anh/chị trả lời câu hỏi hiện tại:"
_KIND_BY_FOLDED = {fold(label): code for code, label in INSPECTION_KINDS.items()}


def skip(draft: dict[str, Any], step: str) -> None:
    if step in ("requests", "notes"):
        draft[step] = ""
    elif step == "location":
        draft.update(lat=None, lon=None, location_flag=False)


async def again(ctx: Context, step: str, note: str) -> list[Reply]:
    return [Reply(note), *await prompt(ctx, step)]


async def handle(ctx: Context, step: str, go: Go, advance: Go) -> list[Reply]:
    """A message in ``step``: a count, a text, a location or photos."""
    incoming = ctx.incoming
    draft = ctx.conversation.data
    if incoming.photos and step != "photos":
        return await again(ctx, step, NOT_A_PHOTO_STEP)
    if incoming.location and step != "location":
        return await again(ctx, step, NOT_A_LOCATION_STEP)
    text = ctx.text
    if step in COUNT_STEPS:
        value, problem = parse_count(text)
        if value is None:
            return await again(ctx, step, _with_hint(problem, text))
        trial = {**draft, step: value}
        overdue = overdue_problem(trial) if step == "overdue" else None
        if overdue:
            return await again(ctx, step, overdue)
        draft[step] = value
        return await advance(ctx, step, "")
    if step == "kind" and fold(text) in _KIND_BY_FOLDED:
        draft["kind"] = _KIND_BY_FOLDED[fold(text)]
        return await advance(ctx, step, "")
    if step == "violation_items":
        return await _violation(ctx, text)
    if step in ("requests", "notes"):
        if not text:
            return await again(ctx, step, "Anh/chị gõ nội dung, hoặc bấm Bỏ qua.")
        if len(text) > MAX_TEXT:
            return await again(ctx, step, f"Nội dung dài quá {MAX_TEXT} ký tự. Anh/chị gõ ngắn gọn hơn.")
        draft[step] = text
        return await advance(ctx, step, "")
    if step == "location":
        return await _location(ctx, advance)
    if step == "photos":
        return await _photos(ctx)
    return await again(ctx, step, _with_hint(BUTTONS_ONLY, text))


def _with_hint(problem: str, text: str) -> str:
    """Words (not a mistyped number) get the way out: /huy, and that the draft is kept."""
    words = sum(1 for c in text if c.isalpha())
    return f"{problem}\n{MID_FORM}" if words >= 3 else problem


async def _violation(ctx: Context, text: str) -> list[Reply]:
    draft = ctx.conversation.data
    items: list[str] = draft.get("violations") or []
    if not text:
        return await again(ctx, "violation_items", "Anh/chị gõ mô tả vi phạm bằng chữ, hoặc bấm Xong.")
    if len(text) > MAX_ITEM:
        return await again(
            ctx, "violation_items", f"Mô tả dài quá {MAX_ITEM} ký tự. Anh/chị gõ ngắn gọn, chi tiết ghi ở Ghi chú."
        )
    if len(items) >= MAX_VIOLATIONS:
        return await again(ctx, "violation_items", f"Đã đủ {MAX_VIOLATIONS} vi phạm. Anh/chị bấm Xong.")
    draft["violations"] = [*items, " ".join(text.split())]
    return await prompt(ctx, "violation_items")


async def _location(ctx: Context, advance: Go) -> list[Reply]:
    draft = ctx.conversation.data
    where = ctx.incoming.location
    if where is None:
        return await again(ctx, "location", "Anh/chị gửi vị trí bằng nút gửi vị trí của điện thoại, hoặc bấm Bỏ qua.")
    lat, lon = where.latitude, where.longitude
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return await again(ctx, "location", "Vị trí không hợp lệ. Anh/chị gửi lại vị trí, hoặc bấm Bỏ qua.")
    flagged = outside_vietnam(lat, lon)
    draft.update(lat=lat, lon=lon, location_flag=flagged)
    note = (
        "⚠️ Vị trí nằm ngoài lãnh thổ Việt Nam. Đã ghi nhận kèm cảnh báo; nếu gửi nhầm, anh/chị sửa ở bước xem lại."
        if flagged
        else ""
    )
    return await advance(ctx, "location", note)


async def _photos(ctx: Context) -> list[Reply]:
    draft = ctx.conversation.data
    if not ctx.incoming.photos:
        return await again(ctx, "photos", "Anh/chị gửi ảnh, hoặc bấm Xong khi đã gửi hết, Bỏ qua nếu không có ảnh.")
    photos: list[list[Any]] = draft.get("photos") or []
    known = {p[0] for p in photos}
    too_big = full = 0
    for photo in ctx.incoming.photos:
        if photo.file_size is not None and photo.file_size > MAX_PHOTO_BYTES:
            too_big += 1
        elif photo.file_id in known:
            continue
        elif len(photos) >= MAX_PHOTOS:
            full += 1
        else:
            photos.append([photo.file_id, photo.file_size, photo.url])
            known.add(photo.file_id)
    draft["photos"] = photos
    notes = []
    if too_big:
        notes.append(f"{too_big} ảnh lớn hơn 10 MB không được nhận. Anh/chị chụp hoặc gửi ảnh nhỏ hơn.")
    if full:
        notes.append(f"Phiếu đã đủ {MAX_PHOTOS} ảnh; {full} ảnh sau không được nhận.")
    return ([Reply(" ".join(notes))] if notes else []) + await prompt(ctx, "photos")


async def button(ctx: Context, step: str, action: str, args: list[str], go: Go, advance: Go) -> list[Reply]:
    """A step's own buttons: facility, page, kind, violations, summary edits."""
    draft = ctx.conversation.data
    arg = args[0] if len(args) == 1 else ""
    number = int_arg(arg)
    if action == "f" and step == "facility" and number is not None:
        assert ctx.user is not None
        facility = await ctx.repos.facilities.get_in_scope(ctx.user, number)
        if facility is None or not facility.active:
            return await again(ctx, step, "Cơ sở này không thuộc đơn vị của anh/chị hoặc đã ngừng. Anh/chị chọn lại:")
        draft.update(facility_id=facility.id, facility_name=facility.name)
        return await advance(ctx, step, "")
    if action == "fp" and step == "facility" and number is not None:
        return await prompt(ctx, step, number)
    if action == "t" and step == "kind" and arg in INSPECTION_KINDS:
        draft["kind"] = arg
        return await advance(ctx, step, "")
    if action == "vn" and step == "violations" and not args:
        draft["violations"] = []
        return await advance(ctx, step, "")
    if action == "vl" and step == "violations" and not args:
        draft["violations"] = draft.get("violations") or []
        return await go(ctx, "violation_items", "")
    if action == "vc" and step == "violation_items" and not args:
        draft["violations"] = []
        return await prompt(ctx, step)
    if action == "pc" and step == "photos" and not args:
        draft["photos"] = []
        return await again(ctx, step, "Đã xóa các ảnh đã gửi.")
    if action == "e" and step == "summary" and arg in EDIT_FIELDS:
        draft["editing"] = True
        return await go(ctx, arg, "")
    return await again(ctx, step, BAD_BUTTON)
