"""/kiemsat: a guided check-in, the whole flow in one table (``STEPS``) run by ``bot/chat/flow.py``.

The state stored with the conversation is ``ks.<step>`` and the draft is
``ctx.conversation.data`` (``draft.py``); both are saved after every message, so a restart
never loses a half-filled form. The names are those drafts have always been stored under, so
a draft saved by an earlier version resumes where it was. Every button is typed
(``buttons.py``) and packs as before (``ks:f:12``, ``ks:skip``…); a button is checked against
the stored step, so an old or forged one cannot skip a step.

State diagram (→ the next step once answered; optional steps also on "Bỏ qua"; every step also
goes back with "Quay lại" and ends with "Hủy"):

    /kiemsat ──(a draft in progress)──> offer ──Tiếp tục──> the step it was on
        │                                 └──Làm phiếu mới──┐   └──Xóa nháp──> (end)
        v                                                   v
    facility → kind → held_tam_giu → held_tam_giam → admitted → released → overdue
        → violations ──"Không có vi phạm"──> requests
              └──"Có, liệt kê"──> violation_items ──Xong──> requests
        → requests? → location? → photos? (Xong) → notes? → summary ──Gửi──> (stored, end)
    summary ──"Sửa <mục>"──> that step ──> summary          (? = optional)
    a draft older than 7 days: any message or button → offer (only "Xóa nháp" left)
"""

from __future__ import annotations

from functools import partial

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.flow import Action, Flow, FlowTexts, Outcome, Step, word_action
from bot.chat.messages import Button, Reply, reply
from bot.chat.routing import Router
from bot.clock import local
from handlers import carried
from handlers.checkin import inputs, steps
from handlers.checkin.buttons import (
    ClearPhotos,
    ClearViolations,
    Discard,
    Edit,
    FacilityPage,
    Fresh,
    ListViolations,
    Nav,
    NoViolations,
    PickFacility,
    PickKind,
    Resume,
    Send,
)
from handlers.checkin.draft import COUNT_LABELS, new_draft, started, too_old
from handlers.checkin.submit import send
from handlers.deadline_reminders import CARRY

OFFER_STATE = "ks.offer"
NO_DRAFT = "Phiếu nháp này không còn. Anh/chị gõ /kiemsat để làm phiếu kiểm sát mới."
TITLES = {"facility": "chọn cơ sở", "kind": "hình thức kiểm sát", **COUNT_LABELS, "violations": "vi phạm"}
TITLES |= {"violation_items": "liệt kê vi phạm", "requests": "kiến nghị", "location": "vị trí", "photos": "ảnh"}
TITLES |= {"notes": "ghi chú", "summary": "xem lại và gửi"}
COUNT_REQUIRED = "Số liệu này bắt buộc. Nếu không có người nào, anh/chị nhập 0."


async def _send_typed(ctx: Context) -> Outcome:
    return await send(ctx, ctx.conversation.data["draft_id"], "summary")


def _count(name: str) -> Step:
    return Step(name, steps.FIXED[name], take=partial(inputs.count, name), numbers=True, required=COUNT_REQUIRED)


STEPS = (
    Step(
        "facility",
        steps.ask_facility,
        take=inputs.buttons_only,
        press={PickFacility: inputs.pick_facility, FacilityPage: inputs.facility_page},
        keeps=("offered",),  # the choices shown, checked on a press
    ),
    Step("kind", steps.ask_kind, take=inputs.kind_by_name, press={PickKind: inputs.pick_kind}),
    _count("held_tam_giu"),
    _count("held_tam_giam"),
    _count("admitted"),
    _count("released"),
    _count("overdue"),
    Step(
        "violations",
        steps.FIXED["violations"],
        take=inputs.buttons_only,
        press={NoViolations: inputs.no_violations, ListViolations: inputs.list_violations},
    ),
    Step(
        "violation_items",
        steps.ask_violations,
        take=inputs.violation,
        press={ClearViolations: inputs.clear_violations},
        actions={Action.DONE: inputs.violations_done},
        detour_of="violations",
    ),
    Step(
        "requests",
        steps.FIXED["requests"],
        take=partial(inputs.free_text, "requests"),
        optional=True,
        skip=partial(inputs.skip_text, "requests"),
    ),
    Step(
        "location",
        steps.FIXED["location"],
        take=inputs.location,
        optional=True,
        skip=inputs.skip_location,
        location=True,
    ),
    Step(
        "photos",
        steps.ask_photos,
        take=inputs.photos,
        press={ClearPhotos: inputs.clear_photos},
        actions={Action.DONE: inputs.photos_done},
        optional=True,  # skipping keeps the photos already sent
        photos=True,
    ),
    Step(
        "notes",
        steps.FIXED["notes"],
        take=partial(inputs.free_text, "notes"),
        optional=True,
        skip=partial(inputs.skip_text, "notes"),
    ),
    Step(
        "summary",
        steps.ask_summary,
        take=inputs.buttons_only,
        press={Edit: inputs.edit},
        actions={Action.SEND: _send_typed},
    ),
)

FLOW = Flow(
    "ks",
    STEPS,
    nav=Nav,
    review="summary",
    carry=CARRY,  # the calculator's last card and the Q&A context outlive the check-in
    texts=FlowTexts(
        lost=NO_DRAFT,
        cancelled="Đã hủy phiếu nháp, không có gì được lưu. Gõ /kiemsat khi anh/chị muốn làm phiếu mới.",
        first_step="Đây là bước đầu tiên. Anh/chị chọn cơ sở, hoặc bấm Hủy.",
        other_step="Nút này thuộc một bước khác của phiếu. Anh/chị trả lời câu hỏi hiện tại:",
        bad_button=inputs.BAD_BUTTON,
        buttons_only=inputs.BUTTONS_ONLY,
        not_a_photo_step="Bước này chưa cần ảnh; ảnh được gửi ở bước Ảnh, sau bước vị trí. Anh/chị trả lời câu hỏi:",
        not_a_location_step="Bước này chưa cần vị trí; vị trí được gửi ở bước sau. Anh/chị trả lời câu hỏi:",
    ),
)


# -- starting, and the draft in progress ------------------------------------------------------
async def start(ctx: Context) -> list[Reply]:
    """/kiemsat: a new draft, or the choice to continue (or discard) the one in progress."""
    state = ctx.conversation.state
    draft = ctx.conversation.data
    step = FLOW.current(ctx)
    if (step or state == OFFER_STATE) and draft.get("draft_id"):
        return offer(ctx, draft.get("resume") or (step.name if step else "facility"))
    return await begin(ctx)


async def begin(ctx: Context) -> list[Reply]:
    return await FLOW.begin(ctx, new_draft(ctx.now()))


def offer(ctx: Context, step: str) -> list[Reply]:
    draft = ctx.conversation.data
    draft["resume"] = step
    ctx.conversation.state = OFFER_STATE
    when = local(started(draft), ctx.services.settings.timezone).strftime("%H:%M %d/%m/%Y")
    name = draft.get("facility_name") or "chưa chọn cơ sở"
    if too_old(draft, ctx.now()):
        return [
            reply(
                f"Anh/chị có một phiếu nháp ({name}) bắt đầu lúc {when}, đã quá 7 ngày nên không gửi được nữa.\n"
                "Anh/chị xóa phiếu nháp này để làm phiếu mới:",
                [Button("Xóa nháp, làm phiếu mới", Fresh().pack())],
                [Button("Chỉ xóa nháp", Discard().pack())],
            )
        ]
    return [
        reply(
            f"Anh/chị đang có phiếu nháp ({name}) bắt đầu lúc {when}. Tiếp tục phiếu này hay làm phiếu mới?",
            [Button("Tiếp tục phiếu nháp", Resume().pack())],
            [Button("Làm phiếu mới (xóa nháp)", Fresh().pack())],
            [Button("Xóa nháp", Discard().pack())],
        )
    ]


def discard(ctx: Context) -> list[Reply]:
    carried.end(ctx)
    return [Reply("Đã xóa phiếu nháp. Gõ /kiemsat khi anh/chị muốn làm phiếu mới.")]


async def on_resume(ctx: Context, data: Resume) -> list[Reply]:
    draft = ctx.conversation.data
    current = FLOW.current(ctx)
    if not draft.get("draft_id") or (current is None and ctx.conversation.state != OFFER_STATE):
        if current is None and ctx.conversation.state:  # another form's draft: left as it is
            return [Reply(NO_DRAFT)]
        carried.end(ctx)
        return [Reply(NO_DRAFT)]
    step = draft.get("resume") or (current.name if current else "facility")
    if step not in FLOW.steps:
        step = "facility"
    if too_old(draft, ctx.now()):
        return offer(ctx, step)
    draft.pop("resume", None)
    return await FLOW.go(ctx, step)


async def on_fresh(ctx: Context, data: Fresh) -> list[Reply]:
    return await begin(ctx)


async def on_discard(ctx: Context, data: Discard) -> list[Reply]:
    return discard(ctx)


async def on_send(ctx: Context, data: Send) -> list[Reply]:
    """``ks:send:<draft id>``, from any state: a draft is stored once, whichever tap arrives."""
    step = FLOW.current(ctx)
    return await FLOW.follow(ctx, step, await send(ctx, data.draft_id, step.name if step else None))


async def resume(ctx: Context) -> list[Reply]:
    """Brought back after another form: the step it was on (the offer, if it was there)."""
    if ctx.conversation.state == OFFER_STATE:
        return offer(ctx, ctx.conversation.data.get("resume") or "facility")
    return await on_resume(ctx, Resume())


async def guard(ctx: Context, pressed: CallbackData | None) -> Step | list[Reply]:
    """Before a message or a press reaches a step: the offer answers for itself, a lost draft
    is said so, and a draft older than 7 days can only be discarded."""
    if ctx.conversation.state == OFFER_STATE:
        draft = ctx.conversation.data
        if pressed is None:
            return (
                discard(ctx)
                if word_action(ctx.text) is Action.CANCEL
                else offer(ctx, draft.get("resume") or "facility")
            )
        return discard(ctx) if pressed == Nav(Action.CANCEL) else [Reply(NO_DRAFT)]
    where = await FLOW.locate(ctx, pressed)
    if isinstance(where, Step) and too_old(ctx.conversation.data, ctx.now()):
        return offer(ctx, where.name)
    return where


def register(router: Router) -> None:
    router.command("kiemsat", start, help="Ghi phiếu kiểm sát tạm giữ, tạm giam")
    FLOW.register(
        router,
        guard=guard,
        extra_states=(OFFER_STATE,),
        label="phiếu kiểm sát",
        command="kiemsat",
        resume=resume,
        titles=TITLES,
    )
    router.button(Send, on_send)
    router.button(Resume, on_resume)
    router.button(Fresh, on_fresh)
    router.button(Discard, on_discard)
