"""A message on a /tinhhan step that is a question of its own leaves the step: a complete calculator
question of another kind ("tạm giam để điều tra tội RNT từ 10/10/2026, gia hạn lần 1 hết ngày nào" while
the step waits for a phục hồi điều tra's date), or a question naming another period ("thời hạn tạm giữ
là bao lâu"). Before, its date was taken as the step's answer and a card came for a question not asked.

The calculation in progress ends (the reply says so) and the message is answered as free text would be
(the router's text route: the calculator, else the knowledge base). A step's own answers never leave
it: a date, a length, a category, "VKS"/"Tòa án", the navigation words, or the same kind asked again
without a question word."""

from __future__ import annotations

import re

from bot.chat.callback_data import CallbackData
from bot.chat.context import Context
from bot.chat.flow import Guard, Step
from bot.chat.messages import Reply
from bot.chat.routing import Router
from handlers import deadline_flow
from handlers.deadline_cards import local_naive
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query
from knowledge.deadlines.kind_words import detect_kind
from knowledge.deadlines.plain import plain_question

LEFT = "Đã dừng phần tính thời hạn đang hỏi dở để trả lời câu hỏi mới của anh/chị."
_ASKS = re.compile(
    r"(?<![a-z])(?:thi sao|ra sao|the nao|bao gio|khi nao|luc nao|ngay nao|bao lau|may ngay|may thang|bao nhieu"
    r"|den dau|den het|het han|la gi|co duoc)(?![a-z])"
)
_WORDS = 5  # a step's answer is short; a question of its own says more


def _same_family(new: str, draft_kind: str) -> bool:
    """The kind the step is for, the measure it belongs to ("tạm giam" on a tạm giam's step), or the
    stage that caps it ("ngày phục hồi điều tra là …" on a tạm giam khi phục hồi điều tra's step)."""
    if new == draft_kind or (new in ("tam_giam", "tam_giu") and draft_kind.startswith(new)):
        return True
    stage = draft_kind.removeprefix("tam_giam_")  # its stage's kind, or the stage unsaid by whom
    return stage != draft_kind and new.startswith(stage)


def asks_anew(ctx: Context) -> bool:
    """Whether the message on a step is a question of its own (see the module)."""
    draft_kind = str(ctx.conversation.data.get("kind") or "")
    plain = plain_question(ctx.text)
    if len(plain.split()) < _WORDS:
        return False
    try:
        query = detect_deadline_query(ctx.text, local_naive(ctx))
    except DateParseError:
        query = None
    if query is not None:  # a complete calculator question
        return not _same_family(query.kind, draft_kind) or _ASKS.search(plain) is not None
    named = detect_kind(plain)
    return named is not None and not _same_family(named[0], draft_kind) and _ASKS.search(plain) is not None


def guard_for(router: Router) -> Guard:
    """The flow's guard, but a message that asks anew leaves the step and is answered as free text."""

    async def guard(ctx: Context, pressed: CallbackData | None) -> Step | list[Reply]:
        found = await deadline_flow.guard(ctx, pressed)
        if pressed is not None or not isinstance(found, Step) or router.text_route is None:
            return found
        if not asks_anew(ctx):
            return found
        deadline_flow.FLOW.end(ctx)
        return [Reply(LEFT), *await router.text_route.handler(ctx)]

    return guard
