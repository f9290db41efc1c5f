"""The creation flow's questions for the law's special cases, inserted into ``flow.FIELDS``: ANQG
(after the category: Đ172 k3, Đ173 k5 change the extensions; asked too where the item becomes
such a kind later, a tạm giữ that becomes tạm giam), the stage's start (after the
order's start: detention tied to a stage, Đ174 k4, Đ241, Đ278 k2, Đ347 k2, ends no later than
the stage), the order's own length for such detention ("Bỏ qua": the law's limit). And, where a
person is held, the confirmation's button that records them as under 18 (``minor`` on the start,
never guessed: the dates are the adults' and every card of the item says so, ``register_minors``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.flow import Again, Next, Outcome, Step
from bot.chat.messages import Button, Reply, reply
from handlers.register.decided import typed_day
from handlers.register.flow import TEXTS, buttons_only, nav, take_length
from knowledge.deadlines.periods import KindDef, load_periods
from knowledge.deadlines.register_rules import anqg_matters, supports_anqg
from knowledge.deadlines.register_summary import SUMMARY_DETENTION


@dataclass(frozen=True, slots=True)
class PickAnqg(CallbackData, prefix="tdf", tag="anqg"):
    value: str  # "1": the crime infringes national security (Đ172 k3, Đ173 k5); "0": it does not


@dataclass(frozen=True, slots=True)
class NoOrderLength(CallbackData, prefix="tdf", tag="order"):
    value: str = "-"


@dataclass(frozen=True, slots=True)
class PickMinor(CallbackData, prefix="tdf", tag="minor"):
    value: str  # "1": the person held is under 18; "0": undo that mark


def minor_buttons(custody: bool, minor: bool | None) -> list[list[Button]]:
    """Under the confirmation of an item where a person is held: record (or undo) "under 18"."""
    if not custody:
        return []
    if minor is True:
        return [[Button("Bỏ ghi dưới 18 tuổi", PickMinor("0").pack())]]
    return [[Button("Người này dưới 18 tuổi", PickMinor("1").pack())]]


async def pick_minor(ctx: Context, data: PickMinor) -> Outcome:
    if data.value not in ("0", "1"):
        return Again(TEXTS.bad_button)
    if data.value == "1":
        ctx.conversation.data["minor"] = True
    else:  # undone: not asked (the general warning), not "18 or over"
        ctx.conversation.data.pop("minor", None)
    return Next("confirm")  # the confirmation again, with its warning


def kind_def(draft: dict[str, Any]) -> KindDef:
    return load_periods().kinds[draft["kind"]]


def staged(kind: str) -> bool:
    """Detention tied to a stage (Đ174 k4, Đ241, Đ278 k2, Đ347 k2): capped by the stage's end."""
    kd = load_periods().kinds.get(kind)
    return kd is not None and kd.stage is not None


def _staged(draft: dict[str, Any]) -> bool:
    return staged(draft["kind"])


def own_length(kind: str) -> bool:
    """An order whose own length may be shorter than the law's limit, never longer: detention tied to
    a stage, and the summary procedure's detention (Đ459 k3: "không quá" 20, 5, 17, 22 days)."""
    return staged(kind) or kind in SUMMARY_DETENTION


def _own_length(draft: dict[str, Any]) -> bool:
    return own_length(draft["kind"])


async def ask_stage_start(ctx: Context) -> list[Reply]:
    cap = kind_def(ctx.conversation.data).stage
    assert cap is not None  # the step applies only to detention tied to a stage
    return [reply(f"Thời hạn này không được vượt thời hạn của giai đoạn: anh/chị nhập {cap.start_label}.", nav())]


ANQG_RULES = "gia hạn theo Điều 172 khoản 3, Điều 173 khoản 5"


async def ask_anqg(ctx: Context) -> list[Reply]:
    """Asked where it matters (``anqg_matters``): for a kind whose own extensions it changes, or
    one that becomes such a kind later (tạm giữ → tạm giam, nguồn tin → điều tra)."""
    kind = ctx.conversation.data["kind"]
    why = (
        ANQG_RULES
        if supports_anqg(kind)
        else f"không đổi thời hạn {kind_def(ctx.conversation.data).label.lower()}; khi chuyển tạm giam hoặc khởi tố: {ANQG_RULES}"
    )
    buttons = [Button("Có (xâm phạm ANQG)", PickAnqg("1").pack()), Button("Không", PickAnqg("0").pack())]
    return [reply(f"Tội xâm phạm an ninh quốc gia? ({why})", buttons, nav())]


ORDER_QUESTION = reply(
    "Thời hạn ghi trong lệnh là bao lâu? Ví dụ «15 ngày». Bấm «Bỏ qua» nếu lệnh theo mức tối đa của luật.",
    nav(Button("Bỏ qua", NoOrderLength().pack())),
)


async def pick_anqg(ctx: Context, data: PickAnqg) -> Outcome:
    if data.value not in ("0", "1"):
        return Again(TEXTS.bad_button)
    ctx.conversation.data["anqg"] = data.value == "1"
    return Next()


async def take_stage_start(ctx: Context) -> Outcome:
    day = typed_day(ctx.text, ctx.local_now())
    if isinstance(day, str):
        return Again(day)
    ctx.conversation.data["stage_start"] = day.isoformat()
    return Next()


def _law_limit(draft: dict[str, Any]) -> None:
    draft["months"], draft["days"] = 0, 0  # the order runs to the law's limit (within the stage's)


async def no_order_length(ctx: Context, data: NoOrderLength) -> Outcome:
    if data.value != "-":
        return Again(TEXTS.bad_button)
    _law_limit(ctx.conversation.data)
    return Next()


AFTER = {
    "category": Step(
        "anqg",
        ask_anqg,
        take=buttons_only,
        press={PickAnqg: pick_anqg},
        applies=lambda d: anqg_matters(d["kind"]),
    ),
    "start": Step("stage_start", ask_stage_start, take=take_stage_start, applies=_staged, numbers=True),
    "length": Step(
        "order",
        ORDER_QUESTION,
        take=take_length,
        press={NoOrderLength: no_order_length},
        applies=_own_length,
        optional=True,
        skip=_law_limit,
        numbers=True,
    ),
}


def with_special(fields: Sequence[Step]) -> tuple[Step, ...]:
    """``fields`` with each special question right after the step it follows."""
    return tuple(s for step in fields for s in (step, *([AFTER[step.name]] if step.name in AFTER else [])))
