"""Another kind counted from the card's trigger: "còn VKS cấp trên kháng nghị thì sao" after an
appeal card is a new card of that kind from the same "ngày tuyên án" (Đ337 k1); both protest levels
when the message names no level."""

from __future__ import annotations

import re
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.qa_calc_beside import beside_cards
from handlers.qa_calc_card import CUES, card_reply
from knowledge.deadlines.extension_ask import ASKS_WHEN
from knowledge.deadlines.kind_words import detect_kind
from knowledge.deadlines.periods import load_periods


def _protest_level(plain: str, kind: str) -> str | None:
    """ "còn VKS cấp trên thì sao" after an appeal or protest card: that level's protest of the same
    judgment or decision (Đ337 k1), or None."""
    target = next((t for t in ("ban_an", "quyet_dinh") if kind.startswith("khang_") and kind.find(t) > 0), None)
    level = (
        "cap_tren"
        if re.search(r"(?<![a-z])(?:cap tren|tren truc tiep)(?![a-z])", plain)
        else "cung_cap"
        if re.search(r"(?<![a-z])cung cap(?![a-z])", plain)
        else None
    )
    return f"khang_nghi_{target}_{level}" if target and level else None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def same_trigger(ctx: Context, plain: str, last: dict[str, Any]) -> list[Reply] | None:
    """Another kind counted from the card's trigger (the same "ngày tuyên án"), or None."""
    if not (CUES.search(plain) or ASKS_WHEN.search(plain)):
        return None
    detected = detect_kind(plain)
    kinds = load_periods().kinds
    named = detected[0] if detected else _protest_level(plain, str(last["kind"]))
    old, new = kinds.get(str(last["kind"])), kinds.get(named) if named else None
    if old is None or new is None or new.kind == old.kind or new.trigger != old.trigger:
        return None
    if last.get("trigger"):  # the card's date is an absent party's receipt (Đ333 k1): not this kind's trigger
        return [
            Reply(
                f"{new.label}: tính từ {_lower_first(new.trigger)} ({new.basis}), không từ ngày trên thẻ (ngày nhận "
                f"được hoặc niêm yết bản án). Anh/chị hỏi lại kèm {_lower_first(new.trigger)}, ví dụ «tuyên án ngày "
                "27/02/2026, VKS cấp trên kháng nghị hết ngày nào»."
            )
        ]
    inputs: dict[str, Any] = {"kind": new.kind, "start": last["start"]}
    for key in ("category", "anqg"):
        if last.get(key):
            inputs[key] = last[key]
    beside = beside_cards(
        ctx, detected[1] if detected else (), old.trigger, inputs
    )  # "còn VKS kháng nghị": both levels
    main = card_reply(ctx, inputs) or card_reply(ctx, {"kind": new.kind, "start": last["start"]})
    return main + beside if main is not None else None
