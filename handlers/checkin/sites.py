"""/coso: heads and admins list, add, edit and deactivate their units' facilities.

Buttons are ``cs:<action>[:<id>[:<arg>]]``, typed in ``buttons.py``; the repository checks the unit scope of
every change and writes the audit row. Adding is a short flow: (unit) → name → kind
→ address → frequency, kept in the conversation like every flow.
"""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.drafts import Form
from bot.chat.flow import word_action
from bot.chat.messages import Button, Reply, fit, reply
from bot.chat.routing import Router
from handlers import carried
from handlers.checkin.buttons import (
    NewSiteFrequency,
    NewSiteKind,
    NewSiteNoAddress,
    NewSiteUnit,
    SiteAction,
    SiteAdd,
    SiteCancel,
    SiteFrequency,
    SiteOp,
    SiteResume,
)
from handlers.checkin.site_words import typed_frequency, typed_kind
from handlers.deadline_reminders import CARRY
from storage.facilities import DEFAULT_FREQUENCY, FREQUENCIES, KINDS, Facility, FacilityError, FacilityInput
from storage.users import Role, ScopeError

STATES = ("cs.unit", "cs.name", "cs.kind", "cs.address", "cs.freq", "cs.value")
ADDING = STATES[:5]
CANCEL = Button("Hủy", SiteCancel().pack())
OUT_OF_SCOPE = "Cơ sở hoặc đơn vị này không thuộc phạm vi anh/chị quản lý. Gõ /coso để xem danh sách."
NAME_QUESTION = reply("Tên cơ sở? Ví dụ: Nhà tạm giữ Công an huyện X", [CANCEL])
KIND_QUESTION = reply(
    "Loại cơ sở?", *[[Button(label, NewSiteKind(code).pack())] for code, label in KINDS.items()], [CANCEL]
)
ADDRESS_QUESTION = reply(
    "Địa chỉ cơ sở? Gõ địa chỉ, hoặc bấm Bỏ qua.", [Button("Bỏ qua", NewSiteNoAddress().pack())], [CANCEL]
)
TITLES = {"cs.unit": "đơn vị", "cs.name": "tên cơ sở", "cs.kind": "loại cơ sở", "cs.address": "địa chỉ"}
TITLES |= {"cs.freq": "tần suất", "cs.value": "giá trị mới"}
BAD = "Nút này không hợp lệ. Anh/chị gõ /coso để bắt đầu lại."


async def list_sites(ctx: Context) -> list[Reply]:
    sites = await ctx.repos.facilities.list_in_scope(ctx.member, include_inactive=True)
    rows = [
        [Button(fit("" if f.active else "[ngừng] ", f.name, "", 60), SiteAction(SiteOp.VIEW, f.id).pack())]
        for f in sites
    ]
    head = f"Các cơ sở tạm giữ, tạm giam ({len(sites)}). Chọn để sửa:" if sites else "Chưa có cơ sở nào."
    listing = [reply(head, *rows, [Button("Thêm cơ sở", SiteAdd().pack())])]
    state = ctx.conversation.state or ""
    if state in ADDING:  # a facility half added: say so, and keep it (Thêm cơ sở starts anew)
        name = ctx.conversation.data.get("name")
        what = f"cơ sở «{name}»" if name else "một cơ sở"
        note = (
            f"Anh/chị đang thêm {what} (đến bước «{TITLES[state]}»). Bấm «Tiếp tục thêm cơ sở» để làm tiếp; "
            "«Thêm cơ sở» sẽ bắt đầu lại từ đầu."
        )
        listing.append(reply(note, [Button("Tiếp tục thêm cơ sở", SiteResume().pack())]))
    return listing


def site_card(site: Facility) -> Reply:
    status = "đang theo dõi" if site.active else "đã ngừng theo dõi"
    other = "weekly" if site.frequency == "daily" else "daily"
    toggle = (
        Button("Ngừng theo dõi", SiteAction(SiteOp.STOP, site.id).pack())
        if site.active
        else Button("Theo dõi lại", SiteAction(SiteOp.RESUME, site.id).pack())
    )
    return reply(
        f"{site.name}\nLoại: {site.kind_label}\nĐịa chỉ: {site.address or '—'}\n"
        f"Tần suất kiểm sát: {site.frequency_label.lower()}\nTrạng thái: {status}",
        [
            Button("Sửa tên", SiteAction(SiteOp.RENAME, site.id).pack()),
            Button("Sửa địa chỉ", SiteAction(SiteOp.READDRESS, site.id).pack()),
        ],
        [Button(f"Đổi sang {FREQUENCIES[other].lower()}", SiteFrequency(site.id, other).pack()), toggle],
    )


async def on_cancel(ctx: Context, data: SiteCancel) -> list[Reply]:
    if ctx.conversation.state in STATES:
        carried.end(ctx)
    return [Reply("Đã hủy. Gõ /coso để xem danh sách cơ sở.")]


async def on_add(ctx: Context, data: SiteAdd) -> list[Reply]:
    return await _begin_add(ctx)


async def on_resume(ctx: Context, data: SiteResume) -> list[Reply]:
    if ctx.conversation.state not in ADDING:
        return [Reply("Không có cơ sở nào đang thêm dở. Gõ /coso để xem danh sách cơ sở.")]
    return await resume(ctx)


async def on_unit(ctx: Context, data: NewSiteUnit) -> list[Reply]:
    conv = ctx.conversation
    if conv.state != "cs.unit":
        return [Reply(BAD)]
    if not await ctx.repos.units.in_scope(ctx.member.unit_id, data.unit_id):
        return [Reply(OUT_OF_SCOPE)]
    conv.data["unit_id"] = data.unit_id
    conv.state = "cs.name"
    return [NAME_QUESTION]


async def on_kind(ctx: Context, data: NewSiteKind) -> list[Reply]:
    conv = ctx.conversation
    if conv.state != "cs.kind" or data.kind not in KINDS:
        return [Reply(BAD)]
    conv.data["kind"] = data.kind
    conv.state = "cs.address"
    return [ADDRESS_QUESTION]


async def on_no_address(ctx: Context, data: NewSiteNoAddress) -> list[Reply]:
    if ctx.conversation.state != "cs.address":
        return [Reply(BAD)]
    ctx.conversation.data["address"] = ""
    return _ask_frequency(ctx)


async def on_new_frequency(ctx: Context, data: NewSiteFrequency) -> list[Reply]:
    if ctx.conversation.state != "cs.freq" or data.frequency not in FREQUENCIES:
        return [Reply(BAD)]
    return await _create(ctx, data.frequency)


async def on_site(ctx: Context, data: SiteAction) -> list[Reply]:
    """Open a facility's card, rename it, change its address, stop or resume following it."""
    site = await ctx.repos.facilities.get_in_scope(ctx.member, data.facility_id)
    if site is None:
        return [Reply(OUT_OF_SCOPE)]
    if data.op is SiteOp.VIEW:
        return [site_card(site)]
    if data.op in (SiteOp.RENAME, SiteOp.READDRESS):
        renaming = data.op is SiteOp.RENAME
        carried.begin(ctx, "cs.value", facility_id=site.id, field="name" if renaming else "address")
        return [reply(f"{'Tên mới' if renaming else 'Địa chỉ mới'} của {site.name}?", [CANCEL])]
    return await _update(ctx, site.id, active=data.op is SiteOp.RESUME)


async def on_frequency(ctx: Context, data: SiteFrequency) -> list[Reply]:
    site = await ctx.repos.facilities.get_in_scope(ctx.member, data.facility_id)
    if site is None:
        return [Reply(OUT_OF_SCOPE)]
    if data.frequency not in FREQUENCIES:
        return [Reply(BAD)]
    return await _update(ctx, site.id, frequency=data.frequency)


async def _begin_add(ctx: Context) -> list[Reply]:
    units = await ctx.repos.units.subtree(ctx.member.unit_id)
    carried.begin(ctx, "cs.name", unit_id=ctx.member.unit_id)
    if len(units) > 1:
        ctx.conversation.state = "cs.unit"
        rows = [[Button(fit(f"{u.code} — ", u.name, "", 60), NewSiteUnit(u.id).pack())] for u in units]
        return [reply("Thêm cơ sở cho đơn vị nào?", *rows, [CANCEL])]
    return [NAME_QUESTION]


def _ask_frequency(ctx: Context) -> list[Reply]:
    ctx.conversation.state = "cs.freq"
    default = DEFAULT_FREQUENCY[ctx.conversation.data["kind"]]
    rows = [
        [Button(label + (" (mặc định)" if code == default else ""), NewSiteFrequency(code).pack())]
        for code, label in FREQUENCIES.items()
    ]
    return [reply("Tần suất kiểm sát trực tiếp?", *rows, [CANCEL])]


async def _create(ctx: Context, frequency: str) -> list[Reply]:
    data = ctx.conversation.data
    item = FacilityInput(data.get("name", ""), data.get("kind", ""), data.get("address", ""), frequency)
    carried.end(ctx)
    try:
        site = await ctx.repos.facilities.add(ctx.member, item, unit_id=data.get("unit_id"), now=ctx.now())
    except ScopeError:
        return [Reply(OUT_OF_SCOPE)]
    except FacilityError as exc:
        return [Reply(f"Chưa thêm được: {exc} Gõ /coso để thử lại.")]
    return [Reply("Đã thêm cơ sở."), site_card(site)]


async def _update(ctx: Context, facility_id: int, **fields: object) -> list[Reply]:
    try:
        site = await ctx.repos.facilities.update(ctx.member, facility_id, **fields)
    except ScopeError:
        return [Reply(OUT_OF_SCOPE)]
    except FacilityError as exc:
        return [Reply(f"Chưa lưu được: {exc}")]
    return [Reply("Đã lưu."), site_card(site)]


async def on_text(ctx: Context) -> list[Reply]:
    """States ``cs.*``: the typed name, address or new value; buttons-only states repeat their question."""
    conv = ctx.conversation
    if word_action(ctx.text) == "cancel":
        carried.end(ctx)
        return [Reply("Đã hủy. Gõ /coso để xem danh sách cơ sở.")]
    text = " ".join(ctx.text.split())
    if conv.state == "cs.kind":
        kind = typed_kind(text)
        if kind is None:
            return [
                Reply("Anh/chị chọn loại cơ sở bằng số, hoặc gõ tên loại (nhà tạm giữ, trại tạm giam…)."),
                KIND_QUESTION,
            ]
        conv.data["kind"] = kind
        conv.state = "cs.address"
        return [ADDRESS_QUESTION]
    if conv.state == "cs.freq":
        frequency = typed_frequency(text)
        if frequency is None:
            return [Reply("Anh/chị chọn tần suất bằng số, hoặc gõ «hằng ngày» hay «hằng tuần»."), *_ask_frequency(ctx)]
        return await _create(ctx, frequency)
    if conv.state == "cs.unit":
        return [Reply("Anh/chị bấm nút tên đơn vị ở danh sách dưới (hoặc bấm Hủy)."), *await _begin_add(ctx)]
    if not text:
        return [reply("Anh/chị gõ nội dung bằng chữ, hoặc bấm Hủy.", [CANCEL])]
    if conv.state == "cs.name":
        if len(text) > 120:
            return [reply("Tên dài quá 120 ký tự. Anh/chị gõ ngắn gọn hơn.", [CANCEL])]
        conv.data["name"] = text
        conv.state = "cs.kind"
        return [KIND_QUESTION]
    if conv.state == "cs.address":
        if len(text) > 200:
            return [reply("Địa chỉ dài quá 200 ký tự. Anh/chị gõ ngắn gọn hơn.", [CANCEL])]
        conv.data["address"] = text
        return _ask_frequency(ctx)
    facility_id, field = conv.data.get("facility_id"), conv.data.get("field")
    carried.end(ctx)
    if not isinstance(facility_id, int) or field not in ("name", "address"):
        return [Reply(BAD)]
    return await _update(ctx, facility_id, **{field: text})


def _title(state: str, data: dict[str, object]) -> str:
    return TITLES.get(state, "")


async def resume(ctx: Context) -> list[Reply]:
    """Brought back after another form (bot/chat/drafts.py): the question it was on, again."""
    conv = ctx.conversation
    fixed = {"cs.name": NAME_QUESTION, "cs.kind": KIND_QUESTION, "cs.address": ADDRESS_QUESTION}
    if conv.state in fixed:
        return [fixed[conv.state or ""]]
    if conv.state == "cs.unit":
        return await _begin_add(ctx)
    if conv.state == "cs.freq":
        return _ask_frequency(ctx)
    site = await ctx.repos.facilities.get_in_scope(ctx.member, int(conv.data.get("facility_id") or 0))
    if site is None:
        carried.end(ctx)
        return [Reply(OUT_OF_SCOPE)]
    return [reply(f"{'Tên mới' if conv.data.get('field') == 'name' else 'Địa chỉ mới'} của {site.name}?", [CANCEL])]


def register(router: Router) -> None:
    """/coso's buttons and the states of adding or changing a facility (heads and admins)."""
    for kind, handler in (
        (SiteCancel, on_cancel),
        (SiteAdd, on_add),
        (SiteResume, on_resume),
        (NewSiteUnit, on_unit),
        (NewSiteKind, on_kind),
        (NewSiteNoAddress, on_no_address),
        (NewSiteFrequency, on_new_frequency),
        (SiteFrequency, on_frequency),
        (SiteAction, on_site),
    ):
        router.button(kind, handler, min_role=Role.HEAD, invalid=BAD)  # type: ignore[arg-type]
    for state in STATES:
        router.state(state, on_text, min_role=Role.HEAD)
    router.forms.add(
        Form("cs", "việc thêm, sửa cơ sở", "coso", STATES.__contains__, ("cs",), CARRY, _title, resume, Role.HEAD)
    )
