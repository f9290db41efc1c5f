"""/theodoi_moi: the guided creation of a tracked item, one table (``STEPS``, and its last row,
``confirm``, in ``create.py``) run by ``bot/chat/flow.py``.

The state is ``tdf.<step>`` and the draft ``ctx.conversation.data``, saved after every message
(a restart loses nothing); nothing is stored in the register until "Lưu". The buttons pack as
they always have (``tdf:kind:tam_giu``, ``tdf:start:now``, ``tdf:save:1``…), so a choice still
on someone's screen works, and a draft kept by the earlier engine (state ``td_<step>``, the
draft under ``td``) resumes where it was (``create.py``).

State diagram (→ the next step that applies once answered; "Quay lại" goes back to the previous
one that applies, "Hủy" ends without storing; ? = only for the kinds that need it):

    /theodoi_moi ──> kind → category? → start → length? → deduct? → label → case ──> confirm
                                                                   (Bỏ qua) ─┘   └──Lưu──> (stored, end)
    "📋 Theo dõi trong sổ" under a calculator card ──> label (the card's inputs fill the draft)
    (``flow_special.py`` inserts anqg? after category, stage_start? after start, order? after length)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.flow import TYPED_HINT, Action, Again, FlowTexts, NavButton, Next, Outcome, Step
from bot.chat.messages import Button, Reply, reply
from handlers.date_window import too_old
from handlers.deadline_inputs import (
    CUSTODY_PROBLEM,
    CUSTODY_QUESTION,
    LENGTH_PROBLEM,
    NO_CUSTODY,
    STOP,
    custody_days,
    order_length,
)
from handlers.register.kinds import CATEGORIES, INPUTS, KINDS
from knowledge.deadlines.dateparse import DateParseError, parse_date_time
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_summary import SUMMARY_KINDS

SKIP_WORDS = ("khong", "không", "-")  # "bỏ qua" is the flow's own word


class Nav(NavButton, prefix="tdf"):
    """Bỏ qua, Quay lại, Hủy of the creation flow: ``tdf:skip``, ``tdf:back``, ``tdf:cancel``."""


@dataclass(frozen=True, slots=True)
class PickKind(CallbackData, prefix="tdf", tag="kind"):
    code: str  # a key of KINDS, checked when pressed


@dataclass(frozen=True, slots=True)
class PickCategory(CallbackData, prefix="tdf", tag="category"):
    code: str  # a key of CATEGORIES, checked when pressed


@dataclass(frozen=True, slots=True)
class StartNow(CallbackData, prefix="tdf", tag="start"):
    value: str = "now"


@dataclass(frozen=True, slots=True)
class NoCustody(CallbackData, prefix="tdf", tag="tam_giu_days"):
    value: str = "0"


@dataclass(frozen=True, slots=True)
class NoCase(CallbackData, prefix="tdf", tag="case_number"):
    value: str = "-"


TEXTS = FlowTexts(
    lost="Phiên tạo mục theo dõi đã kết thúc. Gõ /theodoi để bắt đầu lại.",
    cancelled="Đã hủy, không có gì được lưu. Gõ /theodoi để xem danh sách.",
    first_step="Đây là bước đầu tiên. Anh/chị chọn loại thời hạn, hoặc bấm Hủy.",
    buttons_only="Anh/chị bấm một nút ở trên (hoặc gõ số thứ tự của lựa chọn). Gõ /huy để dừng.",
    required="Bước này không bỏ qua được. Anh/chị vui lòng trả lời câu hỏi (hoặc gõ /huy để dừng):",
)
BACK = Button("Quay lại", Nav(Action.BACK).pack())
STOP_BUTTON = Button("Hủy", Nav(Action.CANCEL).pack())


def nav(*first: Button) -> list[Button]:
    return [*first, BACK, STOP_BUTTON]


def _kind(draft: dict[str, Any]) -> Any:
    return load_periods().kinds[draft["kind"]]


def _needs_category(draft: dict[str, Any]) -> bool:
    return bool(_kind(draft).needs_category) or draft["kind"] == "tam_giam"


def _clock(draft: dict[str, Any]) -> bool:
    return bool(_kind(draft).counting == "clock")


# -- the questions ---------------------------------------------------------------------------------
def _ask_start(draft: dict[str, Any]) -> Reply:
    example = (
        "ngày và giờ, ví dụ 06/12/2026 10:00 hoặc «bây giờ»"
        if _clock(draft)
        else "ngày, ví dụ 06/12/2026 hoặc «hôm nay»"
    )
    now = Button("Bây giờ" if _clock(draft) else "Hôm nay", StartNow().pack())
    text = f"Mốc bắt đầu ghi trong lệnh ({_kind(draft).trigger}).\nAnh/chị nhập {example}.\n{TYPED_HINT}"
    return reply(text, [now], nav())


async def ask_kind(ctx: Context) -> list[Reply]:
    rows = [[Button(label, PickKind(code).pack())] for code, label in KINDS.items()]
    return [reply("Theo dõi thời hạn gì?", *rows, [STOP_BUTTON])]


async def ask_category(ctx: Context) -> list[Reply]:
    rows = [[Button(label, PickCategory(code).pack())] for code, label in CATEGORIES.items()]
    return [reply("Tội phạm thuộc loại nào (để tính và kiểm tra gia hạn)?", *rows, nav())]


async def ask_start(ctx: Context) -> list[Reply]:
    return [_ask_start(ctx.conversation.data)]


# -- what each step takes ------------------------------------------------------------------------
async def buttons_only(ctx: Context) -> Outcome:
    return Again(TEXTS.buttons_only)


async def pick_kind(ctx: Context, data: PickKind) -> Outcome:
    if data.code not in KINDS and data.code not in SUMMARY_KINDS:  # the summary's: ``flow_summary``
        return Again(TEXTS.bad_button)
    draft = ctx.conversation.data
    for key in (*INPUTS, "label", "case_number", "decided_on"):  # another kind: what was typed for the last goes
        draft.pop(key, None)
    draft["kind"] = data.code
    return Next()


async def pick_category(ctx: Context, data: PickCategory) -> Outcome:
    if data.code not in CATEGORIES:
        return Again(TEXTS.bad_button)
    ctx.conversation.data["category"] = data.code
    return Next()


def _start(ctx: Context, text: str) -> Outcome:
    draft = ctx.conversation.data
    try:
        value = parse_date_time(text, ctx.local_now().replace(tzinfo=None)).value()
    except DateParseError as exc:
        return Again(exc.message_vi + STOP)
    if _clock(draft) and not isinstance(value, datetime):
        return Again("Thời hạn này tính theo giờ: anh/chị nhập cả giờ, ví dụ 06/12/2026 10:00 hoặc 10h 06/12/2026.")
    old = too_old(value.date() if isinstance(value, datetime) else value, ctx.local_now().date())
    if old:
        return Again(old + STOP)
    if isinstance(value, datetime):
        draft["start"] = value.isoformat(timespec="minutes") if _clock(draft) else value.date().isoformat()
    else:
        draft["start"] = value.isoformat()
    return Next()


async def take_start(ctx: Context) -> Outcome:
    return _start(ctx, ctx.text)


async def start_now(ctx: Context, data: StartNow) -> Outcome:
    if data.value != "now":
        return Again(TEXTS.bad_button)
    now = ctx.local_now().replace(tzinfo=None, second=0, microsecond=0)
    return _start(ctx, now.strftime("%d/%m/%Y %H:%M"))


async def take_length(ctx: Context) -> Outcome:
    length = order_length(ctx.text)
    if length is None:
        return Again(LENGTH_PROBLEM)
    draft = ctx.conversation.data
    draft["months"], draft["days"] = length
    return Next()


async def take_deduct(ctx: Context) -> Outcome:
    days = custody_days(ctx.text)
    if days is None:
        return Again(CUSTODY_PROBLEM)
    ctx.conversation.data["tam_giu_days"] = days
    return Next()


async def no_custody(ctx: Context, data: NoCustody) -> Outcome:
    if data.value != "0":
        return Again(TEXTS.bad_button)
    ctx.conversation.data["tam_giu_days"] = 0
    return Next()


async def take_label(ctx: Context) -> Outcome:
    label = " ".join(ctx.text.split())
    if not label or len(label) > 80:
        return Again(f"Nhãn tối đa 80 ký tự (anh/chị nhập {len(label)}). Ví dụ «12/2026 NVA»." + STOP)
    if not any(c.isalnum() for c in label):  # only emoji or signs: nobody could find the item by it
        return Again("Nhãn cần có chữ hoặc số, ví dụ «12/2026 NVA» (số vụ + tên viết tắt)." + STOP)
    ctx.conversation.data["label"] = label
    return Next()


async def take_case(ctx: Context) -> Outcome:
    value = " ".join(ctx.text.split())
    if len(value) > 40:
        return Again("Số vụ tối đa 40 ký tự, hoặc bấm «Bỏ qua»." + STOP)
    ctx.conversation.data["case_number"] = "" if value.lower() in SKIP_WORDS else value
    return Next()


async def no_case(ctx: Context, data: NoCase) -> Outcome:
    if data.value != "-":
        return Again(TEXTS.bad_button)
    ctx.conversation.data["case_number"] = ""
    return Next()


def _no_case(draft: dict[str, Any]) -> None:
    draft["case_number"] = ""


FIELDS = (
    Step("kind", ask_kind, take=buttons_only, press={PickKind: pick_kind}),
    Step("category", ask_category, take=buttons_only, press={PickCategory: pick_category}, applies=_needs_category),
    Step("start", ask_start, take=take_start, press={StartNow: start_now}, numbers=True),
    Step(
        "length",
        reply(f"Thời hạn ghi trong lệnh là bao lâu? Ví dụ «2 tháng», «57 ngày».\n{TYPED_HINT}", nav()),
        take=take_length,
        applies=lambda d: bool(_kind(d).length_from_input),
        numbers=True,
    ),
    Step(
        "deduct",
        reply(CUSTODY_QUESTION, [Button(NO_CUSTODY, NoCustody().pack())], nav()),
        take=take_deduct,
        press={NoCustody: no_custody},
        applies=lambda d: bool(_kind(d).deduct_tam_giu),
        numbers=True,
    ),
    Step(
        "label",
        reply(
            "Nhãn ngắn để nhận ra mục này, ví dụ «12/2026 NVA» (số vụ + tên viết tắt). "
            f"Không cần họ tên đầy đủ hay số CCCD.\n{TYPED_HINT}",
            nav(),
        ),
        take=take_label,
        numbers=True,
    ),
    Step(
        "case",
        reply(
            "Số vụ / số thụ lý (nếu có), hoặc bấm «Bỏ qua».\n(Có thể gõ: bỏ qua, quay lại, hủy)",
            nav(Button("Bỏ qua", NoCase().pack())),
        ),
        take=take_case,
        press={NoCase: no_case},
        optional=True,
        skip=_no_case,
        numbers=True,
    ),
)
