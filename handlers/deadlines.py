"""The deadline calculator in chat: the guided /tinhhan flow, free-text recognition
("tạm giữ từ 14h 03/05/2026 hết hạn khi nào") and "Nhắc tôi trước hạn".

All arithmetic is in ``knowledge.deadlines.calculator``; this module only asks for what it needs,
shows the card and queues the personal reminder in the outbox.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from bot.chat.routing import Router
from handlers.deadline_buttons import INVALID, KindPage, NoTamGiu, PickCategory, PickKind, StartNow
from handlers.deadline_reminders import RemindButton, on_remind, remember, remind_buttons
from knowledge.deadlines.calculator import DeadlineInputError, compute, list_kinds
from knowledge.deadlines.card import format_card
from knowledge.deadlines.dateparse import DateParseError, DeadlineQuery, detect_deadline_query, parse_date_time
from knowledge.deadlines.periods import load_periods

CATEGORY_CODES = {
    "it": "it_nghiem_trong",
    "nt": "nghiem_trong",
    "rnt": "rat_nghiem_trong",
    "dbnt": "dac_biet_nghiem_trong",
}
CATEGORY_LABELS = {
    "it": "Ít nghiêm trọng",
    "nt": "Nghiêm trọng",
    "rnt": "Rất nghiêm trọng",
    "dbnt": "Đặc biệt nghiêm trọng",
}
KIND_PAGE = 8
FLOW = "dl"  # key of the draft in the conversation data
_LENGTH = re.compile(r"^\s*(?:(\d{1,2})\s*(?:thang|tháng|th|t))?\s*(?:(\d{1,3})\s*(?:ngay|ngày|n|d))?\s*$", re.I)
_NUMBER = re.compile(r"^\s*(\d{1,3})\s*(?:ngay|ngày)?\s*$", re.I)


_kinds_cache: tuple[object, dict[str, Any]] | None = None


def _kinds() -> dict[str, Any]:
    """The computable kinds by name, built once per period table (several uses per message)."""
    global _kinds_cache
    table = load_periods()
    if _kinds_cache is None or _kinds_cache[0] is not table:
        _kinds_cache = (table, {k.kind: k for k in list_kinds(table)})
    return _kinds_cache[1]


def _local_naive(ctx: Context) -> datetime:
    return ctx.local_now().replace(tzinfo=None)


# -- the guided flow ------------------------------------------------------------------------
async def start_flow(ctx: Context) -> list[Reply]:
    ctx.conversation.state = None
    ctx.conversation.data.pop(FLOW, None)
    return [_kind_page(1)]


def _kind_page(page: int) -> Reply:
    kinds = list(_kinds().values())
    pages = max((len(kinds) + KIND_PAGE - 1) // KIND_PAGE, 1)
    page = min(max(page, 1), pages)
    chunk = kinds[(page - 1) * KIND_PAGE : page * KIND_PAGE]
    rows = [[Button(k.label[:60], PickKind(k.kind).pack())] for k in chunk]
    nav = []
    if page > 1:
        nav.append(Button("« Trước", KindPage(page - 1).pack()))
    if page < pages:
        nav.append(Button("Sau »", KindPage(page + 1).pack()))
    return reply(f"Tính thời hạn (trang {page}/{pages}). Anh/chị chọn loại thời hạn:", *rows, nav)


async def on_page(ctx: Context, data: KindPage) -> list[Reply]:
    return [_kind_page(data.page)]


async def on_kind(ctx: Context, data: PickKind) -> list[Reply]:
    if _kinds().get(data.kind) is None:
        return [Reply("Loại thời hạn này không còn. Anh/chị gõ /tinhhan để chọn lại.")]
    ctx.conversation.data[FLOW] = {"kind": data.kind}
    return _next_question(ctx)


def _draft(ctx: Context) -> dict[str, Any] | None:
    draft = ctx.conversation.data.get(FLOW)
    return draft if isinstance(draft, dict) and "kind" in draft else None


ENDED = [Reply("Phiên tính thời hạn đã kết thúc. Anh/chị gõ /tinhhan để bắt đầu lại.")]


async def on_category(ctx: Context, data: PickCategory) -> list[Reply]:
    draft = _draft(ctx)
    if draft is None:
        return ENDED
    if data.code not in CATEGORY_CODES:
        return [Reply(INVALID)]
    draft["category"] = CATEGORY_CODES[data.code]
    return _next_question(ctx)


async def on_start_now(ctx: Context, data: StartNow) -> list[Reply]:
    draft = _draft(ctx)
    if draft is None:
        return ENDED
    draft["start"] = _local_naive(ctx).date().isoformat()
    if _kinds()[draft["kind"]].needs_time:
        draft["start"] = _local_naive(ctx).replace(second=0, microsecond=0).isoformat(timespec="minutes")
    return _next_question(ctx)


async def on_no_tam_giu(ctx: Context, data: NoTamGiu) -> list[Reply]:
    draft = _draft(ctx)
    if draft is None:
        return ENDED
    draft["tam_giu_days"] = 0
    return _next_question(ctx)


def _next_question(ctx: Context) -> list[Reply]:
    draft: dict[str, Any] = ctx.conversation.data[FLOW]
    info = _kinds()[draft["kind"]]
    if info.needs_category and "category" not in draft:
        ctx.conversation.state = None
        rows = [[Button(label, PickCategory(code).pack())] for code, label in CATEGORY_LABELS.items()]
        return [reply(f"{info.label}: tội phạm thuộc loại nào?", *rows)]
    if info.needs_length and "months" not in draft:
        ctx.conversation.state = "dl_length"
        return [Reply("Thời hạn ghi trong lệnh tạm giam là bao lâu? Ví dụ: «2 tháng», «57 ngày», «1 tháng 15 ngày».")]
    if "start" not in draft:
        ctx.conversation.state = "dl_start"
        hint = (
            "ngày và giờ, ví dụ 03/05/2026 14:30 hoặc «bây giờ»"
            if info.needs_time
            else "ngày, ví dụ 03/05/2026 hoặc «hôm nay»"
        )
        return [
            reply(
                f"Mốc bắt đầu: {_trigger(draft['kind'])}.\nAnh/chị nhập {hint}.",
                [Button("Hôm nay" if not info.needs_time else "Bây giờ", StartNow().pack())],
            )
        ]
    if info.accepts_tam_giu_days and "tam_giu_days" not in draft:
        ctx.conversation.state = "dl_tg"
        return [
            reply(
                "Người này đã bị tạm giữ bao nhiêu ngày (được trừ vào tạm giam)? Nhập số ngày, 0 nếu không bị tạm giữ.",
                [Button("Không bị tạm giữ", NoTamGiu().pack())],
            )
        ]
    ctx.conversation.state = None
    ctx.conversation.data.pop(FLOW, None)
    start = datetime.fromisoformat(draft["start"]) if "T" in draft["start"] else date.fromisoformat(draft["start"])
    query = DeadlineQuery(
        kind=draft["kind"],
        start=start,
        category=draft.get("category"),
        months=draft.get("months"),
        days=draft.get("days"),
        tam_giu_days=draft.get("tam_giu_days"),
    )
    return _computed(ctx, query)


def _trigger(kind: str) -> str:
    kd = load_periods().kinds.get(kind)
    return kd.trigger if kd else "ngày bắt đầu"


async def length_step(ctx: Context) -> list[Reply]:
    match = _LENGTH.match(ctx.text)
    if not match or not (match.group(1) or match.group(2)):
        return [
            Reply("Anh/chị nhập thời hạn theo tháng và/hoặc ngày, ví dụ «2 tháng» hoặc «57 ngày». Gõ /huy để dừng.")
        ]
    draft = ctx.conversation.data[FLOW]
    draft["months"] = int(match.group(1) or 0)
    draft["days"] = int(match.group(2) or 0)
    return _next_question(ctx)


async def start_step(ctx: Context) -> list[Reply]:
    try:
        parsed = parse_date_time(ctx.text, _local_naive(ctx))
    except DateParseError as exc:
        return [Reply(f"{exc.message_vi} Gõ /huy để dừng.")]
    draft = ctx.conversation.data[FLOW]
    value = parsed.value()
    info = _kinds()[draft["kind"]]
    if info.needs_time and not isinstance(value, datetime):
        return [
            Reply("Loại thời hạn này tính theo giờ: anh/chị nhập cả giờ, ví dụ 03/05/2026 14:30 hoặc 14h 03/05/2026.")
        ]
    draft["start"] = value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()
    return _next_question(ctx)


async def tam_giu_step(ctx: Context) -> list[Reply]:
    match = _NUMBER.match(ctx.text)
    if not match or int(match.group(1)) > 9:
        return [Reply("Anh/chị nhập số ngày tạm giữ từ 0 đến 9, ví dụ «3». Gõ /huy để dừng.")]
    ctx.conversation.data[FLOW]["tam_giu_days"] = int(match.group(1))
    return _next_question(ctx)


# -- computing and showing ------------------------------------------------------------------
def _inputs(query: DeadlineQuery) -> dict[str, Any]:
    start = query.start
    return {
        "kind": query.kind,
        "start": start.isoformat(timespec="minutes") if isinstance(start, datetime) else start.isoformat(),
        "category": query.category,
        "months": query.months,
        "days": query.days,
        "tam_giu_days": query.tam_giu_days,
        "anqg": query.anqg,
    }


def _computed(ctx: Context, query: DeadlineQuery) -> list[Reply]:
    try:
        result = compute(
            query.kind,
            query.start,
            category=query.category,
            months=query.months or None,
            days=query.days or None,
            tam_giu_days=query.tam_giu_days,
            anqg=query.anqg,
            today=_local_naive(ctx).date(),
        )
    except DeadlineInputError as exc:
        return [Reply(f"{exc.message_vi}\nGõ /tinhhan để nhập lại từng bước.")]
    remember(ctx.conversation.data, {**_inputs(query), "label": result.label})  # the label: qa's context
    now = _local_naive(ctx)
    replies = [reply(format_card(result, now=now), *remind_buttons(result))]
    for kind in query.related_kinds:
        try:
            other = compute(kind, query.start, today=_local_naive(ctx).date())
        except DeadlineInputError:
            continue
        replies.append(Reply(format_card(other, now=now)))
    return replies


async def free_text_deadline(ctx: Context) -> list[Reply] | None:
    """Compute directly when free text names a period and a date; None when it does not."""
    try:
        query = detect_deadline_query(ctx.text, _local_naive(ctx))
    except DateParseError as exc:
        return [Reply(f"{exc.message_vi}")]
    if query is None:
        return None
    info = _kinds().get(query.kind)
    if info is not None and info.needs_category and query.category is None:
        start = (
            query.start.isoformat(timespec="minutes") if isinstance(query.start, datetime) else query.start.isoformat()
        )
        ctx.conversation.data[FLOW] = {"kind": query.kind, "start": start}
        if query.tam_giu_days is not None:
            ctx.conversation.data[FLOW]["tam_giu_days"] = query.tam_giu_days
        return _next_question(ctx)
    if info is not None and info.needs_length and not (query.months or query.days):
        return [
            Reply(
                "Anh/chị cho biết thời hạn trong lệnh tạm giam, ví dụ «tạm giam 2 tháng từ 04/03/2018», "
                "hoặc gõ /tinhhan để nhập từng bước."
            )
        ]
    return _computed(ctx, query)


def register(router: Router) -> None:
    router.command("tinhhan", start_flow, help="Tính thời hạn tạm giữ, tạm giam, điều tra, kháng nghị…")
    router.button(KindPage, on_page, invalid=INVALID)
    router.button(PickKind, on_kind)
    router.button(PickCategory, on_category)
    router.button(StartNow, on_start_now)
    router.button(NoTamGiu, on_no_tam_giu)
    router.button(RemindButton, on_remind)
    router.state("dl_length", length_step, accepts_numbers=True)
    router.state("dl_start", start_step, accepts_numbers=True)
    router.state("dl_tg", tam_giu_step, accepts_numbers=True)
