"""An extension of a tạm giam order known by its last day: "lệnh tạm giam đến hết 20/04/2026, VKS gia
hạn thêm 1 tháng thì đến hết ngày nào". The date is the order's end, not its start (the card would ask
the order's length): the extension runs from the day after it, 30 days a month, never shifted (TTLT
04/2018 Đ17; FACTS §1, an extension chained to the term it extends), and is checked against Đ173's
limit for the category the question names (``detention_extension.check_plain``). Without a length,
the longest extension the category allows is said as "if extended in full"; without a category
either, which limit is whose. Only a plain order or one for investigation: detention in the later
stages has no extension of its own (Đ241, Đ278, Đ347). No card is shown; what was counted is kept for
the next message (``ORDER_CHAIN``: "còn lần 2 thì sao", ``qa_calc_order_chain``)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.crime_category import anqg_in, category_in
from knowledge.deadlines.custody_days import custody_segment, custody_words
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text
from knowledge.deadlines.detention_extension import INVESTIGATION, PLAIN, check_plain, lawful_nth, limits_by_category
from knowledge.deadlines.extension_ask import CHAINED, ExtensionAsk, read_extension
from knowledge.deadlines.implied_ask import as_asked
from knowledge.deadlines.kind_words import detect_kind, spell_out
from knowledge.deadlines.order_length import length_text
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.register_minors import with_minors
from knowledge.deadlines.stated_extension import stated_extension

_ASKED = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")
# The date closes the order: "đến hết 20/04", "hết hạn ngày 20/04", "hết ngày 20/04", "đến ngày 20/04".
# ("hết 24h ngày 15/3": the end of that day)
_ENDS = re.compile(
    r"(?<![a-z])(?:den het|het han|het|den|toi het|ket thuc)(?: (?:vao|la|luc))?(?: 24\s*(?:h|gio|:00))?(?: ngay)?\s*$"
)
_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?![\d])")
_FROM = re.compile(r"(?<![a-z])(?:tu|ke tu|bat dau(?: tu)?)(?: ngay)?\s*$")
# "phải đề nghị gia hạn trước ngày nào", "chậm nhất bao nhiêu ngày trước khi hết hạn": when to ask for it.
_REQUEST = re.compile(
    r"(?<![a-z])(?:truoc khi het han|cham nhat|(?:de nghi|xin gia han|gui)(?: [a-z]+){0,6}? truoc)(?![a-z])"
)
_ORDINAL = {1: "thứ nhất", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư"}
ORDER_CHAIN = "order_chain"  # the extension just counted from an order's end: for the next message only


def _order_end(ctx: Context, asked: bool = True) -> date | None:
    """The order's last day, when its date closes a tạm giam order ("đến hết 20/04", or "từ 05/03 đến
    hết 03/05") and the extension is asked after it (``asked``; else when none is); None otherwise."""
    now = ctx.local_now().replace(tzinfo=None)
    folded = fold_text(ctx.text)
    if _REQUEST.search(folded):
        return None  # the day the extension must be requested: another question
    dates = list(_DATE.finditer(folded))
    if len(dates) == 2 and _FROM.search(folded[: dates[0].start()]):  # "từ X đến hết Y": Y closes it
        folded = folded[: dates[0].start()] + " " * (dates[0].end() - dates[0].start()) + folded[dates[0].end() :]
    elif len(dates) > 1:
        return None
    try:
        found = find_date_time(folded, now)
    except DateParseError:
        return None
    if found is None:
        return None
    parsed, spans = found
    at, end = spans[0]
    if parsed.time is not None or not _ENDS.search(folded[:at]):
        return None
    before, after = folded[:at], folded[end:]
    measure = detect_kind(spell_out(before))
    clause = re.split(r"[,.;]", before)[-1]
    if measure is None or measure[0] not in (PLAIN, INVESTIGATION) or _ASKED.search(clause):
        return None  # "gia hạn tạm giam đến hết 20/05": the extension's own end
    if (_ASKED.search(after) is None) == asked:
        return None
    return parsed.day


def told_end(ctx: Context) -> bool:
    """Whether the message only tells a tạm giam order's last day ("tgiam NT hết ngày 15/3/2026"): the next message
    may ask its extension (``qa_calc_told_end``)."""
    return _order_end(ctx, asked=False) is not None


def extension_after_order_end(ctx: Context) -> list[Reply] | None:
    """The extension counted from the day after the order's stated end, or None (not such a question)."""
    last_day = _order_end(ctx)
    if last_day is None:
        return None
    plain = custody_words(plain_question(ctx.text))
    if custody_segment(plain) is not None:
        return None  # a tạm giữ is named: its days, not this question
    ask = read_extension(as_asked(plain)) or stated_extension(plain)  # told or stated: the date is wanted
    if ask is None:
        return None
    return counted_from_end(ask, plain, last_day, keep=ctx.conversation.data)


def counted_from_end(
    ask: ExtensionAsk,
    plain: str,
    last_day: date,
    nth: int | None = None,
    *,
    keep: dict[str, Any] | None = None,
    assumed: str = "",
) -> list[Reply]:
    """The extension ``ask`` counted from the day after ``last_day`` (the order it extends ends then),
    checked against Đ173 for the category said; ``nth``: its rank when the question gives it otherwise.
    ``keep`` (the conversation's data) takes what was counted, for a follow-up on the next extension;
    ``assumed``: what the count assumes of the extension before it, said before the basis."""
    if ask.hours:
        return [
            Reply(
                "Tạm giam tính theo ngày, không theo giờ; trợ lý không tính gia hạn theo giờ. "
                "Anh/chị hỏi lại với số ngày hoặc tháng, ví dụ «gia hạn thêm 1 tháng thì đến ngày nào»."
            )
        ]
    nth = nth or (ask.nth if ask.nth is not None and ask.nth > 0 else 1)
    category = ask.category or category_in(plain)
    anqg = ask.anqg or anqg_in(plain)
    table = load_periods()
    months, days = ask.months, ask.days
    full = False
    if not ask.stated:
        lawful = lawful_nth(table, category, anqg, nth) if category else None
        beyond = check_plain(table, 1, "", nth, category, anqg) if category and lawful is None else None
        if beyond is not None and beyond.refusal:  # "tội RNT, … gia hạn lần 2": no such extension
            return [Reply("\n".join(line for line in beyond.refusal if line))]
        if lawful is None:
            return [
                Reply(
                    f"Lệnh tạm giam hết ngày {fmt_date(last_day)}: mức gia hạn tùy loại tội. Gia hạn tạm giam để điều "
                    f"tra (Điều 173 khoản 2 BLTTHS 2015): {limits_by_category(table)}. Anh/chị cho biết loại tội "
                    "hoặc thời hạn gia hạn, ví dụ «lệnh tạm giam đến hết 20/04/2026, gia hạn thêm 1 tháng thì đến "
                    "ngày nào»."
                )
            ]
        length = lawful[1]
        months, days = (length.value, 0) if length.unit == "m" else (0, length.value)
        full = True
    total = 30 * months + days
    asked = length_text(months, days)
    verdict = check_plain(table, total, asked, nth, category, anqg)
    if verdict.refusal:
        return [Reply("\n".join(line for line in verdict.refusal if line))]
    first = last_day + timedelta(days=1)
    last = last_day + timedelta(days=total)
    if keep is not None:
        keep[ORDER_CHAIN] = {"end": last.isoformat(), "nth": nth, "category": category, "anqg": anqg, "full": full}
    head = f"Gia hạn tạm giam lần {_ORDINAL.get(nth, str(nth))}"
    head = f"Nếu {head.lower()} đủ mức tối đa" if full else head
    lines = [
        f"{head} ({asked} = {total} ngày): từ {fmt_date(first)} đến hết ngày "
        f"{weekday_vi(last)} {fmt_date(last)}; trả tự do chậm nhất 24:00 ngày {fmt_date(last)}.",
        f"Tính nối tiếp từ ngày sau ngày cuối của lệnh trước ({fmt_date(last_day)}; {CHAINED}); một tháng tạm giam tính 30 ngày, "
        "không lùi ngày nghỉ (Điều 17 TTLT 04/2018).",
        *verdict.notes,
        *([assumed] if assumed else []),
        "Căn cứ: Điều 173 BLTTHS 2015; Điều 17 TTLT 04/2018.",
    ]
    return [Reply(with_minors("\n".join(lines), custody=True))]
