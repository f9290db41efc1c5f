"""/coso: heads and admins list, add, edit and deactivate their units' facilities.

Buttons are ``cs:<action>[:<id>[:<arg>]]``; the repository checks the unit scope of
every change and writes the audit row. Adding is a short flow: (unit) → name → kind
→ address → frequency, kept in the conversation like every flow.
"""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.flow import word_action
from bot.chat.messages import Button, Reply, reply
from bot.chat.routing import callback_data, int_arg
from handlers.checkin.steps import short
from storage.facilities import DEFAULT_FREQUENCY, FREQUENCIES, KINDS, Facility, FacilityError, FacilityInput
from storage.users import ScopeError

STATES = ("cs.unit", "cs.name", "cs.kind", "cs.address", "cs.freq", "cs.value")
CANCEL = Button("Hủy", "cs:c")
OUT_OF_SCOPE = "Cơ sở hoặc đơn vị này không thuộc phạm vi anh/chị quản lý. Gõ /coso để xem danh sách."
BAD = "Nút này không hợp lệ. Anh/chị gõ /coso để bắt đầu lại."


async def list_sites(ctx: Context) -> list[Reply]:
    assert ctx.user is not None
    sites = await ctx.repos.facilities.list_in_scope(ctx.user, include_inactive=True)
    rows = [
        [Button(short(("" if f.active else "[ngừng] ") + f.name, 60), callback_data("cs", "v", f.id))] for f in sites
    ]
    head = f"Các cơ sở tạm giữ, tạm giam ({len(sites)}). Chọn để sửa:" if sites else "Chưa có cơ sở nào."
    return [reply(head, *rows, [Button("Thêm cơ sở", "cs:a")])]


def site_card(site: Facility) -> Reply:
    status = "đang theo dõi" if site.active else "đã ngừng theo dõi"
    other = "weekly" if site.frequency == "daily" else "daily"
    toggle = (
        Button("Ngừng theo dõi", callback_data("cs", "x", site.id))
        if site.active
        else Button("Theo dõi lại", callback_data("cs", "r", site.id))
    )
    return reply(
        f"{site.name}\nLoại: {site.kind_label}\nĐịa chỉ: {site.address or '—'}\n"
        f"Tần suất kiểm sát: {site.frequency_label.lower()}\nTrạng thái: {status}",
        [
            Button("Sửa tên", callback_data("cs", "n", site.id)),
            Button("Sửa địa chỉ", callback_data("cs", "d", site.id)),
        ],
        [Button(f"Đổi sang {FREQUENCIES[other].lower()}", callback_data("cs", "q", site.id, other)), toggle],
    )


async def on_button(ctx: Context) -> list[Reply]:
    assert ctx.user is not None
    args = ctx.args
    action = args[0] if args else ""
    conv = ctx.conversation
    if action == "c":
        if conv.state in STATES:
            conv.clear()
        return [Reply("Đã hủy. Gõ /coso để xem danh sách cơ sở.")]
    if action == "a" and len(args) == 1:
        return await _begin_add(ctx)
    number = int_arg(args[1]) if len(args) >= 2 else None
    if action == "u" and conv.state == "cs.unit" and len(args) == 2 and number is not None:
        if not await ctx.repos.units.in_scope(ctx.user.unit_id, number):
            return [Reply(OUT_OF_SCOPE)]
        conv.data["unit_id"] = number
        conv.state = "cs.name"
        return [reply("Tên cơ sở? Ví dụ: Nhà tạm giữ Công an huyện X", [CANCEL])]
    if action == "k" and conv.state == "cs.kind" and len(args) == 2 and args[1] in KINDS:
        conv.data["kind"] = args[1]
        conv.state = "cs.address"
        return [reply("Địa chỉ cơ sở? Gõ địa chỉ, hoặc bấm Bỏ qua.", [Button("Bỏ qua", "cs:s")], [CANCEL])]
    if action == "s" and conv.state == "cs.address":
        conv.data["address"] = ""
        return _ask_frequency(ctx)
    if action == "f" and conv.state == "cs.freq" and len(args) == 2 and args[1] in FREQUENCIES:
        return await _create(ctx, args[1])
    if number is None:
        return [Reply(BAD)]
    site = await ctx.repos.facilities.get_in_scope(ctx.user, number)
    if site is None:
        return [Reply(OUT_OF_SCOPE)]
    if action == "v":
        return [site_card(site)]
    if action in ("n", "d"):
        conv.state = "cs.value"
        conv.data = {"facility_id": site.id, "field": "name" if action == "n" else "address"}
        what = "Tên mới" if action == "n" else "Địa chỉ mới"
        return [reply(f"{what} của {site.name}?", [CANCEL])]
    if action == "q" and len(args) == 3 and args[2] in FREQUENCIES:
        return await _update(ctx, site.id, frequency=args[2])
    if action in ("x", "r"):
        return await _update(ctx, site.id, active=action == "r")
    return [Reply(BAD)]


async def _begin_add(ctx: Context) -> list[Reply]:
    assert ctx.user is not None
    ctx.conversation.data = {"unit_id": ctx.user.unit_id}
    units = await ctx.repos.units.subtree(ctx.user.unit_id)
    if len(units) > 1:
        ctx.conversation.state = "cs.unit"
        rows = [[Button(short(f"{u.code} — {u.name}", 60), callback_data("cs", "u", u.id))] for u in units]
        return [reply("Thêm cơ sở cho đơn vị nào?", *rows, [CANCEL])]
    ctx.conversation.state = "cs.name"
    return [reply("Tên cơ sở? Ví dụ: Nhà tạm giữ Công an huyện X", [CANCEL])]


def _ask_frequency(ctx: Context) -> list[Reply]:
    ctx.conversation.state = "cs.freq"
    default = DEFAULT_FREQUENCY[ctx.conversation.data["kind"]]
    rows = [
        [Button(label + (" (mặc định)" if code == default else ""), callback_data("cs", "f", code))]
        for code, label in FREQUENCIES.items()
    ]
    return [reply("Tần suất kiểm sát trực tiếp?", *rows, [CANCEL])]


async def _create(ctx: Context, frequency: str) -> list[Reply]:
    assert ctx.user is not None
    data = ctx.conversation.data
    item = FacilityInput(data.get("name", ""), data.get("kind", ""), data.get("address", ""), frequency)
    ctx.conversation.clear()
    try:
        site = await ctx.repos.facilities.add(ctx.user, item, unit_id=data.get("unit_id"), now=ctx.now())
    except ScopeError:
        return [Reply(OUT_OF_SCOPE)]
    except FacilityError as exc:
        return [Reply(f"Chưa thêm được: {exc} Gõ /coso để thử lại.")]
    return [Reply("Đã thêm cơ sở."), site_card(site)]


async def _update(ctx: Context, facility_id: int, **fields: object) -> list[Reply]:
    assert ctx.user is not None
    try:
        site = await ctx.repos.facilities.update(ctx.user, facility_id, **fields)
    except ScopeError:
        return [Reply(OUT_OF_SCOPE)]
    except FacilityError as exc:
        return [Reply(f"Chưa lưu được: {exc}")]
    return [Reply("Đã lưu."), site_card(site)]


async def on_text(ctx: Context) -> list[Reply]:
    """States ``cs.*``: the typed name, address or new value; buttons-only states repeat their question."""
    conv = ctx.conversation
    if word_action(ctx.text) == "cancel":
        conv.clear()
        return [Reply("Đã hủy. Gõ /coso để xem danh sách cơ sở.")]
    text = " ".join(ctx.text.split())
    if conv.state in ("cs.unit", "cs.kind", "cs.freq"):
        return [reply("Anh/chị vui lòng chọn bằng nút ở tin nhắn trên, hoặc bấm Hủy.", [CANCEL])]
    if not text:
        return [reply("Anh/chị gõ nội dung bằng chữ, hoặc bấm Hủy.", [CANCEL])]
    if conv.state == "cs.name":
        if len(text) > 120:
            return [reply("Tên dài quá 120 ký tự. Anh/chị gõ ngắn gọn hơn.", [CANCEL])]
        conv.data["name"] = text
        conv.state = "cs.kind"
        rows = [[Button(label, callback_data("cs", "k", code))] for code, label in KINDS.items()]
        return [reply("Loại cơ sở?", *rows, [CANCEL])]
    if conv.state == "cs.address":
        if len(text) > 200:
            return [reply("Địa chỉ dài quá 200 ký tự. Anh/chị gõ ngắn gọn hơn.", [CANCEL])]
        conv.data["address"] = text
        return _ask_frequency(ctx)
    facility_id, field = conv.data.get("facility_id"), conv.data.get("field")
    conv.clear()
    if not isinstance(facility_id, int) or field not in ("name", "address"):
        return [Reply(BAD)]
    return await _update(ctx, facility_id, **{field: text})
