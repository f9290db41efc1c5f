"""The deadline calculator in chat: /tinhhan (the kind list here, the questions in
``deadline_flow.py``), free-text recognition ("tạm giữ từ 14h 03/05/2026 hết hạn khi nào") and
"Nhắc tôi trước hạn" (``deadline_reminders.py``).

All arithmetic is in ``knowledge.deadlines.calculator``; these modules only ask for what it needs,
show the card (``deadline_cards.py``) and queue the personal reminder in the outbox.
"""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, clip, reply
from bot.chat.routing import Router
from handlers import deadline_flow
from handlers.deadline_buttons import INVALID, KindPage, PickKind, PickStage
from handlers.deadline_cards import computed, inputs, kinds, local_naive, run
from handlers.deadline_flow import FLOW, LEGACY, LEGACY_STATES
from handlers.deadline_leave import guard_for
from handlers.deadline_questions import TITLES
from handlers.deadline_reminders import RemindButton, on_remind
from handlers.qa_calc_stage import on_stage
from knowledge.deadlines.calculator import DeadlineInputError
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query, fold_text
from knowledge.deadlines.detention_kinds import UNSAID_RETURN
from knowledge.deadlines.protest_favour import favour_answer, in_favour
from knowledge.deadlines.start_event import dates_other

KIND_PAGE = 8


async def start_flow(ctx: Context) -> list[Reply]:
    if FLOW.current(ctx) is not None:
        FLOW.end(ctx)
    ctx.conversation.state = None
    ctx.conversation.data.pop(LEGACY, None)
    return [_kind_page(1)]


def _kind_page(page: int) -> Reply:
    listed = list(kinds().values())
    pages = max((len(listed) + KIND_PAGE - 1) // KIND_PAGE, 1)
    page = min(max(page, 1), pages)
    chunk = listed[(page - 1) * KIND_PAGE : page * KIND_PAGE]
    rows = [[Button(clip(k.label, 60), PickKind(k.kind).pack())] for k in chunk]
    nav = []
    if page > 1:
        nav.append(Button("« Trước", KindPage(page - 1).pack()))
    if page < pages:
        nav.append(Button("Sau »", KindPage(page + 1).pack()))
    return reply(f"Tính thời hạn (trang {page}/{pages}). Anh/chị chọn loại thời hạn:", *rows, nav)


async def on_page(ctx: Context, data: KindPage) -> list[Reply]:
    return [_kind_page(data.page)]


async def on_kind(ctx: Context, data: PickKind) -> list[Reply]:
    """A kind from the list (any list, even an old one): a new calculation of that kind."""
    if kinds().get(data.kind) is None:
        return [Reply("Loại thời hạn này không còn. Anh/chị gõ /tinhhan để chọn lại.")]
    await start_flow(ctx)
    return await deadline_flow.begin(ctx, {"kind": data.kind})


async def free_text_deadline(ctx: Context) -> list[Reply] | None:
    """Compute directly when free text names a period and a date; None when it does not. What the
    card needs and the text did not say (the category; for detention capped by its stage, the
    day the stage began) is asked first."""
    try:
        query = detect_deadline_query(ctx.text, local_naive(ctx))
    except DateParseError as exc:
        return [Reply(f"{exc.message_vi}")]
    if query is None or dates_other(query.kind, fold_text(ctx.text)):
        return None  # "tuyên án 2/3, hạn kc quyết định": Đ333 k2 counts from its receipt, a day not given
    if query.kind in ("giam_doc_tham", "tai_tham") and in_favour(fold_text(ctx.text)):  # Đ379 k2, Đ401 k2
        try:
            against = run(ctx, query)
        except DeadlineInputError:
            against = None
        return [Reply(favour_answer(against, query.kind))]
    if query.kind == UNSAID_RETURN:  # who returned the file decides the cap: asked first
        found = {k: v for k, v in inputs(query).items() if v is not None and v is not False and k != "kind"}
        return await deadline_flow.begin(ctx, {**found, "returned": None})
    info = kinds().get(query.kind)
    if info is not None and ((info.needs_category and query.category is None) or info.stage_start_label):
        draft = {k: v for k, v in inputs(query).items() if v is not None and v is not False}
        if query.related_kinds:
            draft["related"] = list(query.related_kinds)
        return await deadline_flow.begin(ctx, draft)
    if info is not None and info.needs_length and not (query.months or query.days):
        return [
            Reply(
                "Anh/chị cho biết thời hạn trong lệnh tạm giam, ví dụ «tạm giam 2 tháng từ 04/03/2018», "
                "hoặc gõ /tinhhan để nhập từng bước."
            )
        ]
    return computed(ctx, query)


def register(router: Router) -> None:
    router.command("tinhhan", start_flow, help="Tính thời hạn tạm giữ, tạm giam, điều tra, kháng nghị…")
    router.button(KindPage, on_page, invalid=INVALID)
    router.button(PickKind, on_kind)
    FLOW.register(  # earlier drafts resume
        router,
        guard=guard_for(router),  # a question of its own leaves the step (deadline_leave)
        old_states=LEGACY_STATES,
        label="tính thời hạn",
        command="tinhhan",
        titles=TITLES,
    )
    router.button(RemindButton, on_remind)
    router.button(PickStage, on_stage)  # a plain tạm giam's extension: its stage first (qa_calc_stage)
