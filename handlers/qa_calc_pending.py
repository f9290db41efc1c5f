"""A calculator question asked in two lines: "tạm giam 2 tháng thì hết ngày nào", then "từ 01/03/2026".

The first names a period but no date: the Q&A answers it (the rule) and the question is kept in the
conversation for a short while. A next message that gives a date and names no period of its own is
read together with it, as one question: the card. Nothing is kept once it is used or stale.

The other order too: "tuyên án t6 13/3", then "bị cáo kc hạn chót hôm nào" — a short dated event with
no period is kept; a next message that names a period, gives no date and asks when is read with it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from bot.chat.context import Context
from handlers.deadline_cards import date_in
from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.detention_extension import PLAIN
from knowledge.deadlines.kind_words import detect_kind
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.start_event import dates_start

ASKED = "dl_asked"
DATED = "dl_dated"
# The kept line dates an event ("tuyên án t6 13/3", "nhận tin báo 05/03"), short; the next asks when.
_EVENT = re.compile(
    r"(?<![a-z])(?:tuyen|nhan|tiep nhan|bat|giu|khoi to|thu ly|xet xu|xu|truy to|ket luan|hieu luc|ra lenh"
    r"|ra quyet dinh|tam giu|tam giam)(?![a-z])"
)
_ASKS_WHEN = re.compile(
    r"(?<![a-z])(?:han chot|ngay nao|hom nao|khi nao|bao gio|luc nao|het han|den ngay|cham nhat|toi ngay|ngay may)"
    r"(?![a-z])"
)
_DATED_WORDS = 20
WINDOW = timedelta(minutes=30)
_SHORT = 12  # words: "từ 14h hôm qua", "bắt đầu từ ngày 01/03/2026 anh ạ"


def _dated(ctx: Context) -> bool:
    return date_in(ctx) is not None


# What may stand beside the date in the second line: "từ 14h hôm qua", "bắt đầu từ ngày 01/03 anh ạ".
_FILLER = frozenset(
    (
        "tu",
        "ke",
        "ngay",
        "bat",
        "dau",
        "luc",
        "vao",
        "la",
        "tinh",
        "a",
        "ah",
        "nhe",
        "nha",
        "anh",
        "chi",
        "em",
        "thi",
        "sao",
        "het",
        "nao",
        "han",
        "khi",
        "gio",
        "h",
        "g",
        "sang",
        "chieu",
        "trua",
        "toi",
        "dem",
        "hom",
        "qua",
        "nay",
        "kia",
        "mai",
        "the",
        "vay",
        "con",
        "neu",
        "oi",
        "khoang",
        "den",
    )
)


def _only_a_date(ctx: Context) -> bool:
    """Whether the message is a date (and time) with filler words only: "giá vàng hôm nay" is not."""
    found = date_in(ctx)
    if found is None:
        return False
    folded = fold_text(ctx.text)
    for a, b in sorted(found[1], reverse=True):
        folded = folded[:a] + " " + folded[b:]
    words = re.findall(r"[a-z]+", folded)
    return all(w in _FILLER for w in words)


def keep_asked(ctx: Context) -> None:
    """Keep a question that names a period but no date (anything else forgets the kept one); or a
    short dated event that names no period."""
    plain = plain_question(ctx.text)
    named = detect_kind(plain) is not None
    dated = _dated(ctx)
    ctx.conversation.data.pop(DATED, None)
    if dated and not named and _EVENT.search(plain) and len(plain.split()) <= _DATED_WORDS:
        ctx.conversation.data[DATED] = {"text": ctx.text[:300], "at": ctx.local_now().isoformat()}
    if not named or dated:
        ctx.conversation.data.pop(ASKED, None)
        return
    ctx.conversation.data[ASKED] = {"text": ctx.text[:300], "at": ctx.local_now().isoformat()}


def kept_question(ctx: Context, key: str) -> str | None:
    """The question kept under ``key`` by an ask-back, while it is fresh (30 minutes); None otherwise.
    It is taken out either way: a kept question is used once."""
    kept = ctx.conversation.data.pop(key, None)
    if not isinstance(kept, dict) or not isinstance(kept.get("text"), str):
        return None
    try:
        fresh = ctx.local_now() - datetime.fromisoformat(str(kept.get("at"))) <= WINDOW
    except (TypeError, ValueError):
        return None
    return str(kept["text"]) if fresh else None


def with_asked(ctx: Context) -> Context | None:
    """This message read with the kept question, when it only gives the date (or dates a plain tạm giam, asking
    when it ends, after a question about a tạm giam of a stage or procedure of its own); None otherwise.
    The kept question is used once."""
    kept = kept_question(ctx, ASKED)
    if kept is None:
        return None
    plain = plain_question(ctx.text)
    named = detect_kind(plain)
    earlier = detect_kind(plain_question(kept))
    if earlier is not None and _dated(ctx) and _ASKS_WHEN.search(plain) and dates_start(earlier[0], plain):
        # "thời hạn điều tra tội NT là bao lâu", then "khởi tố vụ án ngày 10/01/2026 thì hết hạn ngày nào": the
        # event the period asked before runs from, dated now
        return replace(ctx, incoming=replace(ctx.incoming, text=f"{kept.rstrip(' ?.')}, {ctx.text}"))
    if named is not None and named[0] == PLAIN and _dated(ctx) and _ASKS_WHEN.search(plain):
        # "rút gọn thì tạm giam để điều tra tối đa bao lâu", then "nếu bắt tạm giam từ sáng nay thì hết ngày nào": the
        # detention asked before (a stage of its own, a length of its own), dated now
        earlier = detect_kind(plain_question(kept))
        specific = earlier is not None and earlier[0].startswith(PLAIN + "_")
        return replace(ctx, incoming=replace(ctx.incoming, text=f"{kept}, {ctx.text}")) if specific else None
    if named is not None or len(plain.split()) > _SHORT or not _only_a_date(ctx):
        return None
    return replace(ctx, incoming=replace(ctx.incoming, text=f"{kept} {ctx.text}"))


def with_dated(ctx: Context) -> Context | None:
    """This message read after the kept dated event, when it names a period, gives no date and asks when;
    None otherwise. The kept event is used once."""
    kept = kept_question(ctx, DATED)
    if kept is None:
        return None
    plain = plain_question(ctx.text)
    if _dated(ctx) or detect_kind(plain) is None or not _ASKS_WHEN.search(plain):
        return None
    return replace(ctx, incoming=replace(ctx.incoming, text=f"{kept}, {ctx.text}"))
