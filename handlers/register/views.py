"""/theodoi: the list (mine, or the unit subtree's for heads, with filters) and one item's card.
Every expiry shown is recomputed from the item's events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, clip, fit, reply
from bot.clock import local
from handlers.register.buttons import Act, ItemAction, ListView, OpenItem, View
from handlers.register.event_shown import event_detail, shown_data
from handlers.register.kinds import NEW_BUTTON
from handlers.register.plan import state_of
from handlers.register.repair import minor_of, repair_lines
from handlers.register.sheet import show_moment
from knowledge.deadlines.register_caps import stage_ends
from knowledge.deadlines.register_chain import State, Step
from knowledge.deadlines.register_decision import next_decision
from knowledge.deadlines.register_minors import minor_lines
from knowledge.deadlines.register_rules import CONVERSIONS, NEXT_STAGES, ChainError, open_step, review_every
from knowledge.deadlines.register_summary import CANCEL_TARGETS, cancel_lines
from knowledge.deadlines.reminders import expiry_text, time_left
from knowledge.deadlines.validate import fmt_date
from storage.register_model import Item
from storage.users import Role

PAGE = 8
SOON = timedelta(hours=72)
EVENT_NAMES = {
    "start": "Lệnh ban đầu",
    "extend": "Gia hạn",
    "convert": "Chuyển tạm giam",
    "stage": "Chuyển giai đoạn",
    "stage_extend": "Quyết định gia hạn thời hạn giai đoạn",
    "release": "Trả tự do / thay đổi biện pháp",
    "close": "Kết thúc theo dõi",
}
VIEW_NAMES = {
    View.MINE: "của tôi",
    View.ALL: "toàn đơn vị",
    View.SOON: "sắp hết hạn (72 giờ)",
    View.OVERDUE: "quá hạn chưa cập nhật",
}
# A filtered view that is empty while items are tracked says so (not «nothing tracked»).
EMPTY = {View.SOON: "không có mục nào hết hạn trong 72 giờ tới", View.OVERDUE: "không có mục nào quá hạn"}


@dataclass(frozen=True, slots=True)
class Shown:
    item: Item
    state: State | None  # None when the chain no longer folds (data to check)

    @property
    def expiry(self) -> datetime:
        step = self.state.step if self.state else None
        return step.expiry if step else datetime.max


def folded(items: list[Item]) -> list[Shown]:
    shown = []
    for item in items:
        try:
            shown.append(Shown(item, state_of(item)))
        except ChainError:
            shown.append(Shown(item, None))
    return sorted(shown, key=lambda s: (s.expiry, s.item.id))


def _line(n: int, s: Shown, now: datetime, with_owner: bool, with_unit: bool = False) -> str:
    owner = f" — KSV {s.item.assignee_name}" if with_owner else ""
    owner += f" — {s.item.unit_name}" if with_unit else ""
    step = s.state.step if s.state else None
    if s.state is not None and s.state.closed:
        return f"{n}. «{s.item.label}»: đã kết thúc{owner}"
    if s.state is not None and s.state.open is not None:
        return f"{n}. «{s.item.label}» — {s.state.open.label}: không có ngày hết hạn (rà soát định kỳ){owner}"
    if step is None or s.state is None:
        return f"{n}. «{s.item.label}»: dữ liệu cần kiểm tra (mở mục để xem cách sửa){owner}"
    cap = " (mức trần giai đoạn)" if step.capped_from else ""
    return f"{n}. «{s.item.label}» — {step.label}: hết {expiry_text(step)}{cap} ({time_left(step.expiry, now)}){owner}"


def binding_lines(step: Step) -> list[str]:
    """Which end binds a detention tied to a stage: its own count or the stage's end."""
    if step.stage_start is None or step.cap_day is None:
        return []
    ends = stage_ends(step.kind, step.category, step.stage_start, step.stage_ext)
    stage = f"giai đoạn «{ends.stage_label}» tính từ {ends.start_label} {fmt_date(step.stage_start)}"
    decided = ", ".join(length.text() for length in step.stage_ext)
    extended = ends.ends[len(step.stage_ext)] if step.stage_ext and len(step.stage_ext) < len(ends.ends) else None
    later = []
    if extended is not None and extended > step.cap_day:  # the stage extended, this detention not yet
        stage += " (trước khi gia hạn)"
        later = [
            f"Giai đoạn đã gia hạn {decided} theo quyết định: hết ngày {fmt_date(extended)}; mức trần đó áp dụng "
            "khi tạm giam được gia hạn (bấm «Gia hạn»)."
        ]
    elif step.stage_ext:
        stage += f" (đã gia hạn {decided} theo quyết định)"
    guess = (
        [
            "Chưa ghi quyết định gia hạn thời hạn của giai đoạn: mức trần trên tạm tính theo mức gia hạn tối đa của "
            "luật. Anh/chị bấm «Gia hạn giai đoạn» để ghi quyết định (số ngày, ngày quyết định)."
        ]
        if step.cap_assumed
        else []
    )
    if step.capped_from is not None:
        return [
            f"Ngày hết hạn theo mức trần: {stage} hết ngày {fmt_date(step.cap_day)} ({step.cap_basis}); "
            f"thời hạn tạm giam tự tính đến {fmt_date(step.capped_from)} nhưng không được vượt mức trần.",
            *later,
            *guess,
        ]
    same = "cùng ngày" if step.last_day == step.cap_day else "trước"
    return [
        f"Mức trần: {stage} hết ngày {fmt_date(step.cap_day)} ({step.cap_basis}); thời hạn tạm giam hết {same}.",
        *later,
        *guess,
    ]


def _state_lines(state: State, now: datetime) -> list[str]:
    if state.open is not None:
        period = state.open
        days = review_every(period.until).days
        return [
            f"Hiện tại: {period.label} ({period.basis})",
            f"Hết hạn: không có ngày hết hạn — tạm giam cho đến khi {period.until} (từ {period.began:%d/%m/%Y}).",
            f"Trợ lý nhắc rà soát định kỳ mỗi {days} ngày; khi {period.until}, anh/chị ghi sự kiện "
            "(giai đoạn mới, trả tự do / đổi biện pháp).",
        ]
    step = state.step
    assert step is not None
    return [
        f"Hiện tại: {step.label} ({step.basis})",
        f"Hết hạn: {expiry_text(step)} — {time_left(step.expiry, now)}",
        *binding_lines(step),
        *cancel_lines(step),
        f"Việc cần làm: {step.due}.",
    ]


async def list_view(ctx: Context, view: View, page: int = 1, assignee_id: int | None = None) -> list[Reply]:
    head = ctx.member.role.at_least(Role.HEAD)
    if not head and view is not View.MINE:
        view = View.MINE
    mine = ctx.member.id if view is View.MINE else assignee_id
    tracked = items = folded(await ctx.repos.register.in_scope(ctx.member, assignee_id=mine))
    now = ctx.local_now().replace(tzinfo=None)
    if view is View.SOON:
        items = [s for s in items if now <= s.expiry <= now + SOON]
    elif view is View.OVERDUE:
        items = [s for s in items if s.expiry < now]
    pages = max((len(items) + PAGE - 1) // PAGE, 1)
    page = min(max(page, 1), pages)
    chunk = items[(page - 1) * PAGE : page * PAGE]
    title = f"Sổ theo dõi thời hạn — {VIEW_NAMES[view]}"
    if assignee_id is not None and chunk:
        title += f", KSV {chunk[0].item.assignee_name}"
    if not items and tracked and view in EMPTY:
        text = f"{title}: {EMPTY[view]} ({len(tracked)} mục đang theo dõi: bấm «{VIEW_NAMES[View.ALL].capitalize()}»)."
    elif not items:
        text = f"{title}: không có mục nào đang theo dõi."
    else:
        several = len({s.item.unit_id for s in items}) > 1  # a province's list: each item's unit
        lines = [_line((page - 1) * PAGE + i, s, now, head, several) for i, s in enumerate(chunk, start=1)]
        text = f"{title} ({len(items)} mục, trang {page}/{pages}):\n" + "\n".join(lines)
    rows: list[list[Button]] = [[Button(clip(s.item.label, 40), OpenItem(s.item.id).pack())] for s in chunk]
    nav = []
    if page > 1:
        nav.append(Button("« Trước", ListView(view, page - 1, assignee_id).pack()))
    if page < pages:
        nav.append(Button("Sau »", ListView(view, page + 1, assignee_id).pack()))
    rows.append(nav)
    if head:
        rows.append([Button(VIEW_NAMES[v].capitalize(), ListView(v).pack()) for v in (View.SOON, View.OVERDUE)])
        rows.append([Button(VIEW_NAMES[v].capitalize(), ListView(v).pack()) for v in (View.MINE, View.ALL)])
        if view is View.ALL and assignee_id is None:
            owners = sorted({(s.item.assignee_name, s.item.assignee_id) for s in items})[:6]
            rows.extend(
                [[Button(fit("KSV ", name, "", 34), ListView(View.ALL, 1, uid).pack())] for name, uid in owners]
            )
    rows.append([NEW_BUTTON])
    return [reply(text, *rows)]


def item_text(item: Item, state: State | None, now: datetime, tz: tzinfo, head: bool = False) -> str:
    """The item's card; ``now`` is local and naive, events' times (UTC) are shown in ``tz``."""
    lines = [f"THEO DÕI: «{item.label}»"]
    if item.case_number:
        lines.append(f"Số vụ: {item.case_number}")
    lines.append(f"Đơn vị: {item.unit_name} — KSV phụ trách: {item.assignee_name}")
    current = state.current if state else None
    if current is not None and current.anqg:
        lines.append("Tội xâm phạm an ninh quốc gia (gia hạn theo Điều 172 khoản 3, Điều 173 khoản 5)")
    if state is None or current is None:
        lines.append("Chuỗi sự kiện cần kiểm tra lại (không tính được thời hạn).")
        lines += repair_lines(item, head)
    elif state.closed:
        lines.append(closed_text(item))
    else:
        lines += [*_state_lines(state, now), *minor_lines(current.custody, minor_of(item))]
    lines.append("")
    lines.append("Sự kiện:")
    for n, e in enumerate(item.events, start=1):  # by position: a deletion takes a version, not a line
        when = local(e.recorded_at, tz).strftime("%d/%m/%Y")
        what = EVENT_NAMES.get(e.type, e.type)
        if e.data.get("summary_cancelled") is True:
            what = "Hủy bỏ thủ tục rút gọn (Điều 458)"
        detail = event_detail(shown_data(item, e))
        line = f"{n}. {what}" + (f" ({detail})" if detail else "") + f" — {e.recorded_by_name}, {when}"
        if not e.live:
            line += f" [đã xóa: {e.delete_reason}]"
        lines.append(line)
    return "\n".join(lines)


def closed_text(item: Item) -> str:
    """«Đã trả tự do / thay đổi biện pháp ngày 05/12/2026; kết thúc theo dõi.» or «Đã kết thúc theo dõi.»"""
    release = next((e for e in reversed(item.live_events) if e.type == "release"), None)
    day = release.data.get("released_on") if release is not None else None
    if release is None:
        return "Đã kết thúc theo dõi."
    return (
        "Đã trả tự do / thay đổi biện pháp"
        + (f" ngày {show_moment(str(day)[:10])}" if day else "")
        + "; kết thúc theo dõi."
    )


def item_buttons(item: Item, state: State | None, head: bool) -> list[list[Button]]:
    step = state.current if state else None
    if state is None or step is None or state.closed:
        rows = []
    else:
        first = [] if state.open else [Button("Gia hạn", ItemAction(item.id, Act.EXTEND).pack())]
        if step.kind in CONVERSIONS:
            first.append(Button("Chuyển tạm giam", ItemAction(item.id, Act.CONVERT).pack()))
        after = None if state.open else open_step(step.kind, step.category, step.anqg, state.extensions)
        if after is not None:
            first.append(Button(f"Tạm giam đến khi {after.until}", ItemAction(item.id, Act.OPEN).pack()))
        if not state.open and next_decision(step) is not None:
            first.append(Button("Gia hạn giai đoạn", ItemAction(item.id, Act.DECIDE).pack()))
        if step.kind in NEXT_STAGES:
            first.append(Button("Giai đoạn mới", ItemAction(item.id, Act.STAGE).pack()))
        if step.kind in CANCEL_TARGETS and not state.open:
            first.append(Button("Hủy thủ tục rút gọn", ItemAction(item.id, Act.SUMMARY).pack()))
        second = []
        if step.custody:
            second.append(Button("Trả tự do / đổi biện pháp", ItemAction(item.id, Act.RELEASE).pack()))
        second.append(Button("Kết thúc theo dõi", ItemAction(item.id, Act.CLOSE).pack()))
        rows = [first, second]
    if head and state is not None and not state.closed:
        rows.append([Button("Giao KSV khác", ItemAction(item.id, Act.ASSIGN).pack())])
    if head and len(item.live_events) > 1:
        rows.append([Button("Xóa sự kiện cuối (ghi nhầm)", ItemAction(item.id, Act.UNDO).pack())])
    rows.append([Button("« Danh sách", ListView(View.MINE if not head else View.ALL).pack())])
    return rows


async def open_item(ctx: Context, data: OpenItem) -> list[Reply]:
    item = await ctx.repos.register.get(ctx.member, data.item_id)
    if item is None:
        return [Reply("Không tìm thấy mục này trong phạm vi của anh/chị. Gõ /theodoi để xem danh sách.")]
    return [show_item(ctx, item)]


def show_item(ctx: Context, item: Item) -> Reply:
    try:
        state: State | None = state_of(item)
    except ChainError:
        state = None
    now = ctx.local_now().replace(tzinfo=None)
    head = ctx.member.role.at_least(Role.HEAD)
    return reply(item_text(item, state, now, ctx.services.settings.timezone, head), *item_buttons(item, state, head))
