"""The stage of a tạm giam order that names none, asked before its extension is computed.

Only detention for investigation is extended (Đ173 k2, k5, k6); in the later stages detention is
not extended on its own but may not outlast the stage (Đ241 with Đ240 k1, Đ278 with Đ277, Đ347 with
Đ346). So "tạm giam 2 tháng từ 01/03/2026, gia hạn thêm 1 tháng thì hết ngày nào" gets no date until
the stage is known: buttons ask it; «Điều tra» gives the extension counted under Đ173, another stage
what limits detention there, and no date. What was asked is kept in the conversation (the question's
text and the card's inputs), read again on the press, never a computed result."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Button, Reply, reply
from handlers.deadline_buttons import PickStage
from handlers.deadline_reminders import recompute
from knowledge.deadlines.calculator import DeadlineInputError
from knowledge.deadlines.detention_extension import INVESTIGATION, PLAIN, lawful_nth, resumed_limit, stage_decides
from knowledge.deadlines.extension_ask import ExtensionAsk, read_extension
from knowledge.deadlines.extension_date import from_its_day
from knowledge.deadlines.extension_list import answer_asked
from knowledge.deadlines.implied_stage import implied_investigation, only_investigation_extends
from knowledge.deadlines.kind_words import detect_kind
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.register_minors import with_minors
from knowledge.deadlines.result import DeadlineResult

PENDING = "dl_ext_stage"
_INVESTIGATION = "Giai đoạn điều tra: gia hạn tạm giam theo Điều 173 BLTTHS 2015."
_STALE = (
    "Câu hỏi gia hạn này đã cũ. Anh/chị hỏi lại, ví dụ «tạm giam 2 tháng từ 01/03/2026, gia hạn thêm 1 tháng thì "
    "hết ngày nào»."
)
WINDOW = timedelta(hours=2)
STAGES = {
    "dt": "Điều tra",
    "ph": "Phục hồi điều tra",
    "tt": "Truy tố",
    "st": "Xét xử sơ thẩm",
    "pt": "Xét xử phúc thẩm",
}
_LATER = {
    "tt": (
        "truy tố",
        "không quá thời hạn quyết định việc truy tố (Điều 241 với Điều 240 khoản 1 BLTTHS 2015)",
        "«tạm giam giai đoạn truy tố tội nghiêm trọng từ 04/12/2026»",
    ),
    "st": (
        "chuẩn bị xét xử sơ thẩm",
        "không quá thời hạn chuẩn bị xét xử (Điều 278 với Điều 277 khoản 1 BLTTHS 2015)",
        "«tạm giam chuẩn bị xét xử tội nghiêm trọng từ 04/12/2026»",
    ),
    "pt": (
        "chuẩn bị xét xử phúc thẩm",
        "không quá thời hạn chuẩn bị xét xử phúc thẩm (Điều 347 với Điều 346 BLTTHS 2015)",
        "«tạm giam phúc thẩm từ 04/12/2026»",
    ),
}


def extension_first(ctx: Context, last: dict[str, Any], plain: str, result: DeadlineResult, answer: str) -> list[Reply]:
    """The answer to an extension of the card, or first its stage: a plain order's extension, dated,
    that the stage would limit otherwise (``stage_decides``)."""
    dated = result.kind == PLAIN and answer.startswith(result.label.upper())  # computed: opens with the title
    ask = read_extension(plain)
    category = (ask.category if ask else None) or last.get("category")
    decides = ask is not None and stage_decides(load_periods(), asked_days(ask, category), category)
    return stage_first(ctx, answer, dated and decides, plain, last)


def asked_days(ask: ExtensionAsk, category: str | None) -> list[int]:
    """The days of detention of each extension asked (the one asked at its longest under Đ173 when no
    length is said)."""
    own = 30 * ask.months + ask.days
    if not ask.stated:
        found = lawful_nth(load_periods(), category, ask.anqg, ask.nth or 1) if category else None
        own = found[1].custody_days() if found else 0
    return [30 * s.months + s.days for s in ask.earlier] + [own]


def stage_first(ctx: Context, answer: str, dated: bool, plain: str, card: dict[str, Any] | None) -> list[Reply]:
    """``answer``, or, when it dates an extension of a plain order whose stage is unknown, the stage
    question; what was asked is kept (the card's inputs, or without one the question's own text)."""
    named = detect_kind(plain)
    if not dated or (named is not None and named[0] == INVESTIGATION):
        return [Reply(answer)]
    said = read_extension(plain)
    category = (said.category if said else None) or (card or {}).get("category")
    implied = implied_investigation(load_periods(), plain, card, str(category) if category else None)
    if implied is None and said is not None:  # "ĐBNT 4 tháng …, gh lần 1 thêm 4 tháng": Đ174 cannot hold the order
        implied = only_investigation_extends(load_periods(), card, str(category) if category else None)
    if implied is not None:  # "tạm giữ …, rồi tạm giam 4 tháng nối tiếp", "bị can ít NT tạm giam 2 tháng"
        return [Reply(f"{implied}\n{answer}")]
    kept = {"text": plain, "card": dict(card) if card else None, "order": None if card else ctx.text}
    ctx.conversation.data[PENDING] = {**kept, "at": ctx.local_now().isoformat()}
    rows = [[Button(label, PickStage(code).pack())] for code, label in STAGES.items()]
    return [
        reply(
            "Lệnh tạm giam này thuộc giai đoạn nào? Mức gia hạn tùy giai đoạn: điều tra theo Điều 173, phục hồi điều "
            "tra theo Điều 174 (một lần, ngắn hơn với tội rất nghiêm trọng, đặc biệt nghiêm trọng); ở giai đoạn truy "
            "tố, xét xử, tạm giam không gia hạn riêng mà không được quá thời hạn của giai đoạn. Anh/chị bấm nút để "
            "trợ lý tính cho đúng.",
            *rows,
        )
    ]


async def on_stage(ctx: Context, data: PickStage) -> list[Reply]:
    """The extension asked before, for the stage pressed."""
    pending = ctx.conversation.data.get(PENDING)
    fresh = isinstance(pending, dict) and ctx.local_now() - datetime.fromisoformat(str(pending["at"])) <= WINDOW
    if not fresh or data.code not in STAGES:
        return [Reply(_STALE)]
    assert isinstance(pending, dict)
    ctx.conversation.data.pop(PENDING, None)
    if data.code == "ph":  # Đ174 k1, k4: one extension, within the resumed investigation's own limit
        before = read_extension(str(pending["text"]))
        said = (before.category if before else None) or (pending.get("card") or {}).get("category")
        resumed = resumed_limit(load_periods(), said)
        most = f"không quá {resumed.text()}" if said and resumed else "không quá 1 đến 3 tháng tùy loại tội"
        return [
            Reply(
                f"Tạm giam khi phục hồi điều tra được gia hạn 1 lần, {most}, và không quá thời hạn điều tra tiếp "
                "tính từ ngày ra quyết định phục hồi điều tra (Điều 174 khoản 1, khoản 4 BLTTHS 2015), nên trợ lý "
                "không tính theo lệnh này. Anh/chị gõ /tinhhan, chọn «Tạm giam khi phục hồi điều tra» và nhập ngày "
                "phục hồi điều tra."
            )
        ]
    if data.code in _LATER:
        stage, rule, example = _LATER[data.code]
        return [
            Reply(
                f"Tạm giam trong giai đoạn {stage} không gia hạn riêng: {rule}, nên trợ lý không tính ngày gia hạn. "
                f"Anh/chị tính tạm giam của giai đoạn này theo ngày giai đoạn bắt đầu, ví dụ {example}, hoặc /tinhhan."
            )
        ]
    if pending.get("order"):  # no card: the question's own extension order, read again
        found = from_its_day(str(pending["order"]), ctx.local_now().replace(tzinfo=None))
        return [Reply(with_minors(f"{_INVESTIGATION}\n{found[0]}", custody=True) if found else _STALE)]
    card: dict[str, Any] = pending["card"]
    ask = read_extension(str(pending["text"]))
    try:
        result = recompute(card, ctx.local_now().date())
    except DeadlineInputError as exc:
        return [Reply(exc.message_vi)]
    if ask is None:
        return [Reply("Anh/chị hỏi lại lần gia hạn, ví dụ «gia hạn thêm 1 tháng thì đến ngày nào».")]
    category = ask.category or card.get("category")
    ask = ExtensionAsk(
        ask.nth, ask.months, ask.days, category, ask.anqg or bool(card.get("said_anqg")), ask.hours, ask.earlier
    )
    return [Reply(with_minors(f"{_INVESTIGATION}\n{answer_asked(result, ask)}", result.custody))]
