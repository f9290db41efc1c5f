"""What each step of /kiemsat accepts, typed or pressed: the ``take``, ``press`` and ``actions``
of the rows of the table in ``flow.py``. Each *returns* where the flow goes next (``Next``,
``Again`` with what to fix, or the replies to show); nothing invalid reaches the draft."""

from __future__ import annotations

from typing import Any

from bot.chat.context import Context
from bot.chat.flow import Again, Next, Outcome
from handlers.checkin.buttons import (
    ClearPhotos,
    ClearViolations,
    Edit,
    FacilityPage,
    ListViolations,
    NoViolations,
    PickFacility,
    PickKind,
)
from handlers.checkin.draft import (
    MAX_ITEM,
    MAX_PHOTO_BYTES,
    MAX_PHOTOS,
    MAX_TEXT,
    MAX_VIOLATIONS,
    outside_vietnam,
    overdue_problem,
    parse_count,
)
from handlers.checkin.steps import EDIT_FIELDS, facility_prompt
from knowledge.kb.normalize import fold
from storage.checkins import INSPECTION_KINDS

BUTTONS_ONLY = "Anh/chị vui lòng chọn bằng các nút bên dưới."
# Words typed where the form expects a number or a button: maybe a question asked mid-form.
MID_FORM = (
    "Anh/chị đang ghi phiếu kiểm sát; bản nháp vẫn được giữ. Muốn hỏi việc khác, anh/chị gõ /huy "
    "để bỏ phiếu này, hoặc gửi phiếu xong rồi hỏi."
)
BAD_BUTTON = "Nút này không hợp lệ. Anh/chị trả lời câu hỏi hiện tại:"
_KIND_BY_FOLDED = {fold(label): code for code, label in INSPECTION_KINDS.items()}


# -- typed ---------------------------------------------------------------------------------------
async def count(name: str, ctx: Context) -> Outcome:
    """A head count (``name`` is one of storage.checkins.COUNT_FIELDS)."""
    draft = ctx.conversation.data
    value, problem = parse_count(ctx.text)
    if value is None:
        return Again(_with_hint(problem, ctx.text))
    overdue = overdue_problem({**draft, name: value}) if name == "overdue" else None
    if overdue:
        return Again(overdue)
    draft[name] = value
    return Next()


def _with_hint(problem: str, text: str) -> str:
    """Words (not a mistyped number) get the way out: /huy, and that the draft is kept."""
    words = sum(1 for c in text if c.isalpha())
    return f"{problem}\n{MID_FORM}" if words >= 3 else problem


async def buttons_only(ctx: Context) -> Outcome:
    """Text where the step is answered with its buttons (facility, violations, summary)."""
    return Again(_with_hint(BUTTONS_ONLY, ctx.text))


async def kind_by_name(ctx: Context) -> Outcome:
    code = _KIND_BY_FOLDED.get(fold(ctx.text))
    if code is None:
        return await buttons_only(ctx)
    ctx.conversation.data["kind"] = code
    return Next()


async def violation(ctx: Context) -> Outcome:
    """One violation per message, listed back after each."""
    draft = ctx.conversation.data
    items: list[str] = draft.get("violations") or []
    text = ctx.text
    if not text:
        return Again("Anh/chị gõ mô tả vi phạm bằng chữ, hoặc bấm Xong.")
    if len(text) > MAX_ITEM:
        return Again(f"Mô tả dài quá {MAX_ITEM} ký tự. Anh/chị gõ ngắn gọn, chi tiết ghi ở Ghi chú.")
    if len(items) >= MAX_VIOLATIONS:
        return Again(f"Đã đủ {MAX_VIOLATIONS} vi phạm. Anh/chị bấm Xong.")
    draft["violations"] = [*items, " ".join(text.split())]
    return Again()


async def free_text(name: str, ctx: Context) -> Outcome:
    """Kiến nghị (``requests``) or ghi chú (``notes``)."""
    text = ctx.text
    if not text:
        return Again("Anh/chị gõ nội dung, hoặc bấm Bỏ qua.")
    if len(text) > MAX_TEXT:
        return Again(f"Nội dung dài quá {MAX_TEXT} ký tự. Anh/chị gõ ngắn gọn hơn.")
    ctx.conversation.data[name] = text
    return Next()


async def location(ctx: Context) -> Outcome:
    where = ctx.incoming.location
    if where is None:
        return Again("Anh/chị gửi vị trí bằng nút gửi vị trí của điện thoại, hoặc bấm Bỏ qua.")
    lat, lon = where.latitude, where.longitude
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return Again("Vị trí không hợp lệ. Anh/chị gửi lại vị trí, hoặc bấm Bỏ qua.")
    flagged = outside_vietnam(lat, lon)
    ctx.conversation.data.update(lat=lat, lon=lon, location_flag=flagged)
    note = (
        "⚠️ Vị trí nằm ngoài lãnh thổ Việt Nam. Đã ghi nhận kèm cảnh báo; nếu gửi nhầm, anh/chị sửa ở bước xem lại."
        if flagged
        else ""
    )
    return Next(note=note)


async def photos(ctx: Context) -> Outcome:
    """Photos arrive one message at a time (or an album); the step stays until Xong or Bỏ qua."""
    draft = ctx.conversation.data
    if not ctx.incoming.photos:
        return Again("Anh/chị gửi ảnh, hoặc bấm Xong khi đã gửi hết, Bỏ qua nếu không có ảnh.")
    kept: list[list[Any]] = draft.get("photos") or []
    known = {p[0] for p in kept}
    too_big = full = 0
    for photo in ctx.incoming.photos:
        if photo.file_size is not None and photo.file_size > MAX_PHOTO_BYTES:
            too_big += 1
        elif photo.file_id in known:
            continue
        elif len(kept) >= MAX_PHOTOS:
            full += 1
        else:
            kept.append([photo.file_id, photo.file_size, photo.url])
            known.add(photo.file_id)
    draft["photos"] = kept
    notes = []
    if too_big:
        notes.append(f"{too_big} ảnh lớn hơn 10 MB không được nhận. Anh/chị chụp hoặc gửi ảnh nhỏ hơn.")
    if full:
        notes.append(f"Phiếu đã đủ {MAX_PHOTOS} ảnh; {full} ảnh sau không được nhận.")
    return Again(" ".join(notes))


# -- skipped -------------------------------------------------------------------------------------
def skip_text(name: str, draft: dict[str, Any]) -> None:
    draft[name] = ""


def skip_location(draft: dict[str, Any]) -> None:
    draft.update(lat=None, lon=None, location_flag=False)


# -- pressed -------------------------------------------------------------------------------------
async def pick_facility(ctx: Context, data: PickFacility) -> Outcome:
    facility = await ctx.repos.facilities.get_in_scope(ctx.member, data.facility_id)
    if facility is None or not facility.active:
        return Again("Cơ sở này không thuộc đơn vị của anh/chị hoặc đã ngừng. Anh/chị chọn lại:")
    ctx.conversation.data.update(facility_id=facility.id, facility_name=facility.name)
    return Next()


async def facility_page(ctx: Context, data: FacilityPage) -> Outcome:
    return await facility_prompt(ctx, data.page)


async def pick_kind(ctx: Context, data: PickKind) -> Outcome:
    if data.kind not in INSPECTION_KINDS:
        return Again(BAD_BUTTON)
    ctx.conversation.data["kind"] = data.kind
    return Next()


async def no_violations(ctx: Context, data: NoViolations) -> Outcome:
    ctx.conversation.data["violations"] = []
    return Next()


async def list_violations(ctx: Context, data: ListViolations) -> Outcome:
    draft = ctx.conversation.data
    draft["violations"] = draft.get("violations") or []
    return Next("violation_items")


async def clear_violations(ctx: Context, data: ClearViolations) -> Outcome:
    ctx.conversation.data["violations"] = []
    return Again()


async def violations_done(ctx: Context) -> Outcome:
    draft = ctx.conversation.data
    draft["violations"] = draft.get("violations") or []
    return Next()


async def clear_photos(ctx: Context, data: ClearPhotos) -> Outcome:
    ctx.conversation.data["photos"] = []
    return Again("Đã xóa các ảnh đã gửi.")


async def photos_done(ctx: Context) -> Outcome:
    return Next()


async def edit(ctx: Context, data: Edit) -> Outcome:
    """A "Sửa …" button of the summary: that step, then back to the summary."""
    if data.field not in EDIT_FIELDS:
        return Again(BAD_BUTTON)
    ctx.conversation.data["editing"] = True
    return Next(data.field)
