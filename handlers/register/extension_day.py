"""The day of an extension decided at the law's longest («Tối đa»): asked after the button, as
the stage's decision asks its day (``stage_decision.py``), so every extension can carry its
decision's day (``decided_on``). The extension runs from the end of the period it extends (Đ173,
Đ172, the period table), whatever the day: the day is the record's evidence and is checked
against the period it extends (``register_decision.check_decided_on``: not before it began, not
after it ran out) and against today. «Bỏ qua» records the extension without a day, as a length
typed alone does.

State ``tde_day`` (a register event step: «Hủy», /huy and the event form apply to it); the draft
``tde`` keeps ``max`` (the law's longest chosen) and the ANQG mark of the extension."""

from __future__ import annotations

from datetime import date

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from handlers.register import events
from handlers.register.buttons import Act, Choose
from handlers.register.decided import typed_day
from handlers.register.kinds import CANCEL
from knowledge.deadlines.validate import fmt_date
from knowledge.kb.normalize import fold

DAY = "tde_day"
FIELDS = ("ext", "ext_today", "ext_noday")
SKIP = ("bo qua", "khong ro", "khong ro ngay", "khong", "-")


def ask(ctx: Context) -> Reply:
    """«Tối đa» pressed: the law's longest is kept in the draft and the day is asked."""
    ctx.conversation.data[events.EVENT]["max"] = True
    ctx.conversation.state = DAY
    return prompt()


def prompt() -> Reply:
    today = Button("Hôm nay", Choose("ext_today", "1").pack())
    skip = Button("Bỏ qua (không ghi ngày)", Choose("ext_noday", "1").pack())
    return reply("Gia hạn tối đa theo luật. Ngày ra quyết định gia hạn (ví dụ 28/11/2026)?", [today], [skip], [CANCEL])


async def _record(ctx: Context, day: date | None) -> list[Reply]:
    item, draft = await events.kept(ctx, Act.EXTEND)
    if item is None or not draft.get("max"):
        ctx.conversation.state = None
        return [Reply(events.CHANGED)]
    if day is not None and day > ctx.local_now().date():
        return [Reply(f"Ngày {fmt_date(day)} ở tương lai. Anh/chị nhập ngày ghi trong quyết định. Gõ /huy để dừng.")]
    decided = {"decided_on": day.isoformat()} if day is not None else {}
    return await events.record_event(ctx, item, "extend", {**events.anqg_mark(draft), **decided})


async def typed(ctx: Context) -> list[Reply]:
    """The day typed (or «bỏ qua»)."""
    if " ".join(fold(ctx.text).split()) in SKIP:
        return await _record(ctx, None)
    day = typed_day(ctx.text, ctx.local_now())
    return [Reply(day)] if isinstance(day, str) else await _record(ctx, day)


async def choose(ctx: Context, data: Choose) -> list[Reply] | None:
    """«Hôm nay» and «Bỏ qua»; None when the choice is not this step's."""
    if data.field not in FIELDS:
        return None
    if data.field == "ext":  # «Tối đa» under the extension's question
        item, _ = await events.kept(ctx, Act.EXTEND)
        if item is None:
            return [Reply(events.CHANGED)]
        return [ask(ctx)]
    if ctx.conversation.state != DAY:
        return [Reply("Nút này không còn hiệu lực. Gõ /theodoi để bắt đầu lại.")]
    return await _record(ctx, ctx.local_now().date() if data.field == "ext_today" else None)
