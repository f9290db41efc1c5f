"""/lichsu: submitted check-ins, their card, and changes to them.

An edit is ``kh:e:<id>`` → field ``kh:f:<id>:<field>`` → the new value (state ``kh.value``),
buttons typed in ``buttons.py``;
the repository keeps the previous version and writes the audit row. Deletion (heads and
admins) asks for a reason (state ``kh.reason``) and is soft. Both states are a form
(``bot/chat/drafts.py``): another form sets them aside, and brought back they ask again.
"""

from __future__ import annotations

from typing import Any

from bot.chat.context import Context
from bot.chat.drafts import Form
from bot.chat.flow import word_action
from bot.chat.messages import Button, Reply, fit, reply
from bot.chat.routing import Router
from bot.clock import local
from handlers import carried
from handlers.checkin.buttons import (
    CancelCheckinEdit,
    DeleteCheckin,
    EditCheckin,
    EditCheckinField,
    SetCheckinKind,
    ViewCheckin,
)
from handlers.checkin.draft import COUNT_LABELS, FIELD_LABELS, MAX_ITEM, MAX_TEXT, parse_count
from handlers.checkin.steps import field_lines, overdue_alert
from handlers.checkin.submit import raised_alerts
from knowledge.kb.normalize import fold
from storage.checkins import COUNT_FIELDS, EDITABLE, INSPECTION_KINDS, AlreadyDeleted, Checkin, EditWindowClosed
from storage.users import Role, ScopeError

VALUE_STATE = "kh.value"
REASON_STATE = "kh.reason"
NOT_FOUND = "Không tìm thấy phiếu này trong phạm vi của anh/chị. Gõ /lichsu để xem các phiếu."
WINDOW_CLOSED = (
    "Đã quá 24 giờ kể từ khi gửi nên anh/chị không tự sửa được phiếu này nữa. Anh/chị đề nghị lãnh đạo đơn vị sửa giúp."
)
NOT_ALLOWED = "Anh/chị không có quyền sửa phiếu này. Chỉ người lập phiếu (trong 24 giờ) hoặc lãnh đạo đơn vị được sửa."
DELETED = "Phiếu này đã bị xóa nên không sửa được. Gõ /lichsu để xem các phiếu khác."
INVALID = "Nút này không hợp lệ. Anh/chị gõ /lichsu để xem các phiếu."
CANCEL_EDIT = Button("Hủy", CancelCheckinEdit().pack())


def _when(ctx: Context, checkin: Checkin) -> str:
    return local(checkin.checked_at, ctx.services.settings.timezone).strftime("%H:%M %d/%m/%Y")


def values_of(checkin: Checkin) -> dict[str, object]:
    data = checkin.content.as_dict()
    data["lat"], data["lon"] = data.pop("latitude"), data.pop("longitude")
    return data


def card(ctx: Context, checkin: Checkin) -> Reply:
    head = f"Phiếu số {checkin.id} · {_when(ctx, checkin)} · {checkin.author_name or 'không rõ'}"
    if checkin.version > 1:
        head += f" · đã sửa {checkin.version - 1} lần"
    lines = [head, *field_lines(values_of(checkin), checkin.facility_name)]
    alert = overdue_alert(checkin.content.overdue)
    if alert:
        lines += ["", alert.split(". Khi gửi")[0] + "."]
    if checkin.deleted_at is not None:
        lines.append(f"ĐÃ XÓA. Lý do: {checkin.delete_reason}")
        return Reply("\n".join(lines))
    row = [Button("Sửa", EditCheckin(checkin.id).pack())]
    if ctx.member.role.at_least(Role.HEAD):
        row.append(Button("Xóa", DeleteCheckin(checkin.id).pack()))
    return reply("\n".join(lines), row)


async def history(ctx: Context) -> list[Reply]:
    """/lichsu: the user's last 10 check-ins (heads and admins: their units')."""
    found = await ctx.repos.checkins.recent(ctx.member, limit=10)
    if not found:
        return [Reply("Chưa có phiếu kiểm sát nào. Gõ /kiemsat để ghi phiếu.")]
    whose = "của đơn vị" if ctx.member.role.at_least(Role.HEAD) else "của anh/chị"
    rows = [[Button(fit(f"{_when(ctx, c)[6:]} · ", c.facility_name, "", 60), ViewCheckin(c.id).pack())] for c in found]
    return [reply(f"{len(found)} phiếu kiểm sát gần nhất {whose}. Chọn một phiếu để xem hoặc sửa:", *rows)]


async def on_cancel(ctx: Context, data: CancelCheckinEdit) -> list[Reply]:
    if ctx.conversation.state in (VALUE_STATE, REASON_STATE):
        carried.end(ctx)
    return [Reply("Đã hủy, phiếu không thay đổi. Gõ /lichsu để xem các phiếu.")]


async def _found(ctx: Context, checkin_id: int, *, changing: bool = True) -> Checkin | str:
    """The check-in if it is in scope (and, when ``changing``, may be changed now), else why not."""
    checkin = await ctx.repos.checkins.get_in_scope(ctx.member, checkin_id)
    if checkin is None:
        return NOT_FOUND
    problem = await _cannot_change(ctx, checkin_id) if changing else None
    return problem or checkin


async def on_view(ctx: Context, data: ViewCheckin) -> list[Reply]:
    found = await _found(ctx, data.checkin_id, changing=False)
    return [Reply(found)] if isinstance(found, str) else [card(ctx, found)]


async def on_edit(ctx: Context, data: EditCheckin) -> list[Reply]:
    found = await _found(ctx, data.checkin_id)
    if isinstance(found, str):
        return [Reply(found)]
    buttons = [Button(f"Sửa {FIELD_LABELS[f]}", EditCheckinField(found.id, f).pack()) for f in EDITABLE]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    return [reply(f"Phiếu số {found.id}: anh/chị muốn sửa mục nào?", *rows, [CANCEL_EDIT])]


async def on_field(ctx: Context, data: EditCheckinField) -> list[Reply]:
    found = await _found(ctx, data.checkin_id)
    if isinstance(found, str):
        return [Reply(found)]
    return _ask_value(ctx, found, data.field) if data.field in EDITABLE else [Reply(INVALID)]


async def on_kind(ctx: Context, data: SetCheckinKind) -> list[Reply]:
    found = await _found(ctx, data.checkin_id)
    if isinstance(found, str):
        return [Reply(found)]
    if data.kind not in INSPECTION_KINDS:
        return [Reply(INVALID)]
    return await _save(ctx, found.id, {"kind": data.kind})


async def on_delete(ctx: Context, data: DeleteCheckin) -> list[Reply]:
    found = await _found(ctx, data.checkin_id)
    if isinstance(found, str):
        return [Reply(found)]
    if not ctx.member.role.at_least(Role.HEAD):
        return [Reply("Chỉ lãnh đạo hoặc quản trị viên đơn vị được xóa phiếu. Anh/chị có thể sửa phiếu.")]
    carried.begin(ctx, REASON_STATE, checkin_id=found.id)
    return [reply(f"Xóa phiếu số {found.id}: anh/chị gõ lý do xóa (bắt buộc).", [CANCEL_EDIT])]


async def _editable(ctx: Context, checkin_id: int) -> Checkin | str:
    """The check-in as it may still be changed, or why it may not."""
    try:
        return await ctx.repos.checkins.editable(ctx.member, checkin_id, ctx.now())
    except EditWindowClosed:
        return WINDOW_CLOSED
    except AlreadyDeleted:
        return DELETED
    except ScopeError:
        return NOT_ALLOWED


async def _cannot_change(ctx: Context, checkin_id: int) -> str | None:
    found = await _editable(ctx, checkin_id)
    return found if isinstance(found, str) else None


def _ask_value(ctx: Context, checkin: Checkin, field: str) -> list[Reply]:
    if field == "kind":
        rows = [[Button(label, SetCheckinKind(checkin.id, code).pack())] for code, label in INSPECTION_KINDS.items()]
        return [reply("Hình thức kiểm sát mới?", *rows, [CANCEL_EDIT])]
    carried.begin(ctx, VALUE_STATE, checkin_id=checkin.id, field=field)
    current = values_of(checkin).get(field)
    if field in COUNT_FIELDS:
        ask = f"{COUNT_LABELS[field]} (hiện tại: {current})? Nhập số mới."
    elif field == "violations":
        ask = "Gõ lại danh sách vi phạm, mỗi dòng một vi phạm; gõ 'không' nếu không có vi phạm."
    else:
        ask = f"Gõ nội dung mới cho mục {FIELD_LABELS[field]} (gõ - để để trống)."
    return [reply(f"{ask}\n(Có thể gõ: hủy)", [CANCEL_EDIT])]


async def on_value(ctx: Context) -> list[Reply]:
    """State ``kh.value``: the new value of one field."""
    data = ctx.conversation.data
    field, checkin_id = data.get("field"), data.get("checkin_id")
    if word_action(ctx.text) == "cancel" or field not in EDITABLE or not isinstance(checkin_id, int):
        carried.end(ctx)
        return [Reply("Đã hủy, phiếu không thay đổi. Gõ /lichsu để xem các phiếu.")]
    if not ctx.text:
        return [reply("Anh/chị gõ giá trị mới bằng chữ, hoặc bấm Hủy.", [CANCEL_EDIT])]
    text = ctx.text
    value: object
    if field in COUNT_FIELDS:
        number, problem = parse_count(text)
        if number is None:
            return [reply(problem, [CANCEL_EDIT])]
        value = number
    elif field == "violations":
        items = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        if fold(text) in ("khong", "khong co"):
            items = []
        if any(len(item) > MAX_ITEM for item in items):
            return [reply(f"Mỗi vi phạm tối đa {MAX_ITEM} ký tự. Anh/chị gõ ngắn gọn hơn.", [CANCEL_EDIT])]
        value = items
    else:
        if len(text) > MAX_TEXT:
            return [reply(f"Nội dung dài quá {MAX_TEXT} ký tự. Anh/chị gõ ngắn gọn hơn.", [CANCEL_EDIT])]
        value = "" if text.strip() == "-" else text
    carried.end(ctx)
    return await _save(ctx, checkin_id, {field: value})


async def _save(ctx: Context, checkin_id: int, changes: dict[str, object]) -> list[Reply]:
    before = await _editable(ctx, checkin_id)
    if isinstance(before, str):
        return [Reply(before)]
    alerts = raised_alerts(ctx, before.content.overdue)
    told: list[int] = []
    updated = await ctx.repos.checkins.edit(ctx.member, checkin_id, changes, now=ctx.now(), alerts=alerts, told=told)
    total = updated.content.held_tam_giu + updated.content.held_tam_giam
    warn = []
    if sum(told):
        warn.append(Reply(f"⚠️ Đã báo ngay {sum(told)} lãnh đạo đơn vị về số người bị giữ quá hạn vừa sửa."))
    if updated.content.overdue > total:
        warn.append(Reply("Lưu ý: số người quá hạn lớn hơn tổng số đang tạm giữ, tạm giam. Anh/chị kiểm tra lại."))
    return [Reply("Đã lưu thay đổi; phiên bản trước được giữ lại trong lịch sử."), *warn, card(ctx, updated)]


async def on_reason(ctx: Context) -> list[Reply]:
    """State ``kh.reason``: the reason for a deletion."""
    checkin_id = ctx.conversation.data.get("checkin_id")
    if word_action(ctx.text) == "cancel" or not isinstance(checkin_id, int):
        carried.end(ctx)
        return [Reply("Đã hủy, phiếu không bị xóa.")]
    reason = " ".join(ctx.text.split())
    if len(reason) < 5:
        return [reply("Anh/chị gõ lý do xóa rõ hơn (ít nhất 5 ký tự), hoặc bấm Hủy.", [CANCEL_EDIT])]
    carried.end(ctx)
    problem = await _cannot_change(ctx, checkin_id)
    if problem:
        return [Reply(problem)]
    try:
        await ctx.repos.checkins.soft_delete(ctx.member, checkin_id, reason[:500], now=ctx.now())
    except ScopeError:
        return [Reply(NOT_ALLOWED)]
    return [Reply(f"Đã xóa phiếu số {checkin_id} (vẫn lưu trong hệ thống kèm lý do). Gõ /lichsu để xem các phiếu.")]


def _where(state: str, data: dict[str, Any]) -> str:
    number = data.get("checkin_id")
    if state == REASON_STATE:
        return f"lý do xóa phiếu số {number}"
    return f"{FIELD_LABELS.get(str(data.get('field')), 'nội dung')} mới của phiếu số {number}"


async def _resume(ctx: Context) -> list[Reply]:
    """Brought back after another form: the value or the reason asked again, if the check-in may
    still be changed (its 24 hours, its scope, not deleted meanwhile)."""
    state, data = ctx.conversation.state, ctx.conversation.data
    checkin_id, field = data.get("checkin_id"), data.get("field")
    carried.end(ctx)  # set again below where the check-in may still be changed
    if not isinstance(checkin_id, int):
        return [Reply(NOT_FOUND)]
    if state == REASON_STATE:
        return await on_delete(ctx, DeleteCheckin(checkin_id))
    found = await _found(ctx, checkin_id)
    if isinstance(found, str) or field not in EDITABLE:
        return [Reply(found if isinstance(found, str) else INVALID)]
    return _ask_value(ctx, found, str(field))


def register(router: Router) -> None:
    """/lichsu's buttons and the states of an edit or a deletion."""
    router.button(ViewCheckin, on_view, invalid=INVALID)
    router.button(EditCheckin, on_edit)
    router.button(EditCheckinField, on_field)
    router.button(SetCheckinKind, on_kind)
    router.button(DeleteCheckin, on_delete)
    router.button(CancelCheckinEdit, on_cancel)
    router.state(VALUE_STATE, on_value, accepts_numbers=True)
    router.state(REASON_STATE, on_reason)
    states = {VALUE_STATE, REASON_STATE}.__contains__
    router.forms.add(Form("kh", "việc sửa phiếu kiểm sát", "", states, ("kh",), (), _where, _resume))
