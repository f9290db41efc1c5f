"""A tạm giam said to follow a tạm giữ without the tạm giữ's days: "tạm giam 2 tháng kể từ ngày hết tạm
giữ 05/03/2026", "tạm giam 2 tháng từ 05/03/2026, trước đó có tạm giữ". The days of tạm giữ are deducted
from the tạm giam (Đ118 k4: one day of tạm giữ is one day of tạm giam; TTLT 04/2018 Đ17), so a
card without them ends too late: the number is asked, never guessed — beside the last day for each of
the tạm giữ's lawful lengths (3, 6, 9 days), so the one that applies is read off. Not when the date is the custody's
own start (counted from it, nothing is deducted and the last day is the same), nor when the question
says there was none ("không tạm giữ")."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_cards import run
from handlers.qa_calc_pending import kept_question
from knowledge.deadlines.calculator import DeadlineInputError, fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.dateparse import DateParseError, DeadlineQuery, detect_deadline_query, fold_text
from knowledge.deadlines.kind_words import detect_kind, spell_out
from knowledge.deadlines.plain import plain_question

_CUSTODY = re.compile(r"(?<![a-z])tam giu(?![a-z])")
_NONE = re.compile(
    r"(?<![a-z])(?:khong|chua|ko|k|kg|hong|hok|khg)(?! (?:biet|ro|chac))(?: [a-z]+){0,2} tam giu(?![a-z])"
)
_DAYS = re.compile(r"(?<![\d/])\d{1,2}\s*(?:ngay|gio|tieng)(?![a-z])")
CUSTODY_ASKED = "dl_custody_asked"  # the question asked back, for the message that answers it
_SHORT = 12  # words: "đã tạm giữ 3 ngày, gia hạn thêm 3 ngày anh ạ"
_A_DATE = re.compile(r"\d{1,2}/\d{1,2}|(?<![a-z])(?:hom nay|hom qua|sang nay)(?![a-z])")
ASK = (
    "Tạm giam sau tạm giữ: thời gian tạm giữ được trừ vào thời hạn tạm giam, 1 ngày tạm giữ bằng 1 ngày tạm giam "
    "(Điều 118 khoản 4 BLTTHS 2015; Điều 17 TTLT 04/2018), nên ngày hết hạn tùy số ngày đã tạm giữ. Anh/chị cho biết đã tạm giữ bao nhiêu ngày, "
    "ví dụ «tạm giam 2 tháng từ 05/03/2026, đã tạm giữ 3 ngày thì hết ngày nào»."
)


def custody_days_unsaid(ctx: Context) -> list[Reply] | None:
    """The question asked back when a tạm giữ came before and its days are not said; None otherwise."""
    folded = spell_out(fold_text(ctx.text))
    if not _CUSTODY.search(folded) or _NONE.search(folded):
        return None
    try:
        query = detect_deadline_query(ctx.text, ctx.local_now().replace(tzinfo=None))
    except DateParseError:
        return None
    if query is None or not query.kind.startswith("tam_giam") or query.tam_giu_days is not None:
        return None
    said = _CUSTODY.search(folded)
    if query.custody_start is not None or (said is not None and _DAYS.search(folded, said.end())):
        return None  # counted from the custody's start, or its length is said (read elsewhere)
    ctx.conversation.data[CUSTODY_ASKED] = {"text": ctx.text[:300], "at": ctx.local_now().isoformat()}
    return [Reply("\n".join([ASK, *_by_custody_days(ctx, query)]))]


_HOW_MANY_DAYS = re.compile(r"(?<![a-z])(?:bao nhieu|may|bn|bnhieu) ngay(?![a-z])")


def order_days_asked(ctx: Context) -> list[Reply] | None:
    """ "vậy thực tế lệnh tạm giam là bao nhiêu ngày" right after the tạm giữ's days were asked back: the order's
    days for each of the tạm giữ's lawful lengths again (the kept question stays asked); None otherwise."""
    kept = ctx.conversation.data.get(CUSTODY_ASKED)
    plain = plain_question(ctx.text)
    if not isinstance(kept, dict) or not _HOW_MANY_DAYS.search(plain) or _DAYS.search(plain) or _A_DATE.search(plain):
        return None
    named = detect_kind(plain)
    if len(plain.split()) > _SHORT or (named is not None and not named[0].startswith("tam_giam")):
        return None
    kept_text = kept_question(ctx, CUSTODY_ASKED)
    if kept_text is None:
        return None
    return custody_days_unsaid(replace(ctx, incoming=replace(ctx.incoming, text=kept_text)))


def custody_days_answered(ctx: Context) -> Context | None:
    """The question asked back, read with this message when it only gives the tạm giữ's days ("đã tạm giữ 6
    ngày", "3 ngày, gia hạn thêm 3 ngày"); None otherwise. The kept question is used once."""
    kept = kept_question(ctx, CUSTODY_ASKED)
    if kept is None:
        return None
    plain = plain_question(ctx.text)
    named = detect_kind(plain)
    if len(plain.split()) > _SHORT or not _DAYS.search(plain) or _A_DATE.search(plain):
        return None
    if named is not None and named[0] != "tam_giu":
        return None
    said = ctx.text if _CUSTODY.search(plain) else f"đã tạm giữ {ctx.text}"
    return replace(ctx, incoming=replace(ctx.incoming, text=f"{kept}, {said}"))


def _by_custody_days(ctx: Context, query: DeadlineQuery) -> list[str]:
    """The order's days and last day for the tạm giữ's usual lengths (its term, one and two extensions of
    3 days: Đ118 k1, k2), so the answer is there once the days are known; nothing if it cannot be counted."""
    lines = []
    for days, how in ((3, "không gia hạn"), (6, "gia hạn 1 lần"), (9, "gia hạn 2 lần")):
        try:
            result = run(ctx, replace(query, tam_giu_days=days))
        except DeadlineInputError:
            return []
        if result.base_days is None or result.stage_cap_unknown:
            return []
        last = result.base.last_day
        lines.append(
            f"- tạm giữ {days} ngày ({how}): lệnh tạm giam {result.base_days} ngày, đến hết ngày "
            f"{weekday_vi(last)} {fmt_date(last)};"
        )
    head = "Theo số ngày tạm giữ thường gặp (tạm giam bắt đầu từ ngày trong câu hỏi, tính là ngày thứ nhất):"
    return [head, *lines, "Căn cứ: Điều 118 khoản 1, 2, 4 BLTTHS 2015; Điều 17 TTLT 04/2018."] if lines else []
