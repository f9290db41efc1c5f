""" "Nhắc tôi trước hạn" on a calculator card: reminders before the end of the step the card is
about (the base term, or the extension step the user picked), never the theoretical maximum.

The card's inputs are kept in the conversation (``dl_last``) and the result is recomputed on
every press: nothing computed from law is stored. Each lead time is one outbox row with its own
key (pressing twice queues nothing twice); each expires when the next one is due, so after a
downtime only the latest reminder of the step is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from typing import Any

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.messages import Button, Reply
from handlers.register.buttons import TrackCard
from handlers.register.trackable import trackable
from knowledge.deadlines.calculator import DeadlineInputError, compute
from knowledge.deadlines.reminders import Lead, expiry, leads, reminder_text, step_name, step_of, what_ends
from knowledge.deadlines.result import DeadlineResult
from storage.outbox import NewMessage

LAST = "dl_last"  # the card's inputs in the conversation data
# What a form started after a card keeps across its start and end (``Flow(carry=...)``): the card's
# inputs, for its reminder buttons, and the Q&A context (``handlers/qa.py``'s CONTEXT_KEY).
CARRY = (LAST, "qa_last")


@dataclass(frozen=True, slots=True)
class RemindButton(CallbackData, prefix="dlr"):
    step: int  # 0: the base term; n: the n-th extension step


def remember(data: dict[str, Any], query: dict[str, Any]) -> None:
    """Keep the inputs of the card just shown (not its result)."""
    data[LAST] = query


def last_card(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """The inputs of the last card shown in this conversation (with its ``label``), or None.
    The same object until another card is shown, so a caller can tell whether one was."""
    last = data.get(LAST)
    return last if isinstance(last, dict) else None


def recompute(query: dict[str, Any], today: date) -> DeadlineResult:
    start_text = str(query["start"])
    start: date | datetime = datetime.fromisoformat(start_text) if "T" in start_text else date.fromisoformat(start_text)
    result = compute(
        str(query["kind"]),
        start,
        category=query.get("category"),
        months=query.get("months") or None,
        days=query.get("days") or None,
        tam_giu_days=query.get("tam_giu_days"),
        anqg=bool(query.get("anqg")),
        stage_start=date.fromisoformat(str(query["stage_start"])) if query.get("stage_start") else None,
        today=today,
        decided_on=date.fromisoformat(str(query["decided_on"])) if query.get("decided_on") else None,
    )
    return replace(result, trigger=str(query["trigger"])) if query.get("trigger") else result  # said with the date


STAGE_CAP_NO_REMINDER = (
    "Không đặt nhắc được: thời hạn tạm giam này không được vượt quá thời hạn của giai đoạn tố tụng, "
    "mà thẻ này chưa có ngày giai đoạn bắt đầu, nên ngày trên thẻ có thể muộn hơn hạn thật. "
    "Anh/chị tính lại (/tinhhan) và nhập ngày bắt đầu giai đoạn khi được hỏi, rồi đặt nhắc trên thẻ mới."
)


def remind_buttons(result: DeadlineResult) -> list[list[Button]]:
    if result.stage_cap_unknown:
        # The detention may end earlier, with its stage: a reminder set on this date could come
        # too late, so none is offered, nor the register (it needs the stage's start).
        # Given the stage's start (/tinhhan asks it), the dates are capped and reminders offered.
        return []
    rows = [[Button("⏰ Nhắc tôi trước hạn", RemindButton(0).pack())]]
    extra = [
        Button(
            f"Nhắc hạn {step_name(s).lower()}" if s.decided_on else f"Nhắc theo gia hạn lần {i}", RemindButton(i).pack()
        )
        for i, s in enumerate(result.steps, start=1)
    ]
    rows.extend(extra[i : i + 2] for i in range(0, len(extra), 2))
    if trackable(result.kind):  # the register keeps the stage's cap; a kind it cannot take is not offered
        rows.append([Button("📋 Theo dõi trong sổ", TrackCard().pack())])
    return rows


def _aware(moment: datetime, tz: tzinfo) -> datetime:
    return moment.replace(tzinfo=tz)


def _shown(moment: datetime) -> str:
    return moment.strftime("%H:%M %d/%m/%Y")


def plan_leads(
    result: DeadlineResult, index: int, now: datetime, tz: tzinfo
) -> tuple[list[tuple[Lead, datetime]], datetime]:
    """The future lead moments of step ``index`` with the moment each stops being useful (the
    next lead, or the expiry), and the expiry itself; all aware."""
    step = step_of(result, index)
    end = _aware(expiry(step), tz)
    moments = [(lead, _aware(lead.at, tz)) for lead in leads(result.counting, step)]
    planned = []
    for i, (lead, at) in enumerate(moments):
        until = moments[i + 1][1] if i + 1 < len(moments) else end
        if at > now and at < end:
            planned.append((lead, until))
    return planned, end


async def on_remind(ctx: Context, data: RemindButton) -> list[Reply]:
    query = ctx.conversation.data.get(LAST)
    if not isinstance(query, dict):
        return [
            Reply("Không còn kết quả để đặt nhắc. Anh/chị tính lại thời hạn (/tinhhan) rồi bấm «Nhắc tôi trước hạn».")
        ]
    tz = ctx.services.settings.timezone
    try:
        result = recompute(query, ctx.local_now().date())
        step_of(result, data.step)
    except (DeadlineInputError, IndexError, KeyError, ValueError):
        return [Reply("Không còn kết quả để đặt nhắc. Anh/chị tính lại thời hạn (/tinhhan).")]
    if result.stage_cap_unknown:
        return [Reply(STAGE_CAP_NO_REMINDER)]
    now = ctx.now()
    ends = what_ends(result, data.step)
    planned, end = plan_leads(result, data.step, now, tz)
    if end <= now:
        return [Reply(f"Không đặt nhắc được: {ends}, thời điểm này đã qua. Anh/chị kiểm tra lại ngày bắt đầu.")]
    if not planned:
        return [
            Reply(
                f"Không đặt nhắc được: {ends}, các thời điểm nhắc trước hạn đã qua. Anh/chị xử lý ngay"
                + (
                    " hoặc bấm «Theo dõi trong sổ» để trợ lý báo lãnh đạo khi hết hạn."
                    if trackable(result.kind)
                    else "."
                )
            )
        ]
    text = reminder_text(result, data.step)
    base = (
        f"dlr:{ctx.member.id}:{result.kind}:{result.start_text()}:{result.category or ''}:{data.step}:{end.isoformat()}"
    )
    messages = [
        NewMessage(f"{base}:{lead.code}", ctx.member, text, not_before=lead_at(lead, tz), expires_at=until)
        for lead, until in planned
    ]
    created = await ctx.repos.outbox.queue(messages, now)
    when = ", ".join(_shown(lead.at) for lead, _ in planned)
    if not created:
        return [Reply(f"Nhắc hạn này đã được đặt trước đó ({ends}; nhắc lúc {when}).")]
    return [Reply(f"Đã đặt nhắc: {ends}. Trợ lý sẽ nhắn anh/chị lúc {when}.")]


def lead_at(lead: Lead, tz: tzinfo) -> datetime:
    return _aware(lead.at, tz)
