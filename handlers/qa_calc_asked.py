"""An extension asked in the same question as the card: "tạm giam 2 tháng từ 01/03/2026, gia hạn thêm
1 tháng thì hết ngày nào", "tạm giữ từ 9h 02/03, gia hạn thêm 2 ngày thì hết lúc nào", "… tội ANQG RNT,
gia hạn lần 4 thì sao". The card shows the period and the law's own steps; the answer to what was
asked (a length of its own, or a step past the last dated one) follows it, counted as a follow-up
would be (``knowledge.deadlines.extension_ask``).

Not when the "gia hạn" is the tạm giữ's, in a tạm giữ chained into a tạm giam (those days are the
custody's, deducted on the card), nor when it comes before the date ("gia hạn tạm giam 2 tháng từ
01/03": the date is the extension's own start, and the card is the answer)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_cards import date_in
from handlers.deadline_reminders import last_card, recompute
from handlers.deadlines import free_text_deadline
from handlers.qa_calc import for_the_card
from handlers.qa_calc_appeal_day import appeal_lodged
from handlers.qa_calc_credit import sentence_credited
from handlers.qa_calc_custody import custody_stated, replaces_the_card
from handlers.qa_calc_deduct import custody_days_answered, custody_days_unsaid, order_days_asked
from handlers.qa_calc_final import final_on_appeal
from handlers.qa_calc_hour import asks_another_thing, hour_missing
from handlers.qa_calc_new_order import order_after_order
from handlers.qa_calc_notice import notice_before_end
from handlers.qa_calc_order import extension_order
from handlers.qa_calc_order_end import extension_after_order_end
from handlers.qa_calc_pending import keep_asked, with_asked, with_dated
from handlers.qa_calc_previous import extension_after_previous
from handlers.qa_calc_request import asks_request, request_answer
from handlers.qa_calc_span import detention_days
from handlers.qa_calc_stage import extension_first
from handlers.qa_calc_stage_end import extension_after_stage_end
from handlers.qa_calc_stage_start import stage_started
from handlers.qa_calc_stated import unlawful_extension_order
from handlers.qa_calc_today import date_asked
from handlers.qa_calc_unsaid_extensions import extensions_unsaid
from knowledge.deadlines.before_custody_end import approval_file_answer
from knowledge.deadlines.calculator import DeadlineInputError
from knowledge.deadlines.compared import without_field_name
from knowledge.deadlines.custody_days import custody_segment, custody_words
from knowledge.deadlines.dateparse import fold_text
from knowledge.deadlines.detention_extension import PLAIN
from knowledge.deadlines.extension_ask import read_extension
from knowledge.deadlines.extension_date import extension_start, mismatch
from knowledge.deadlines.extension_list import answer_asked
from knowledge.deadlines.hour_steps import REQUEST_STARTED
from knowledge.deadlines.implied_ask import as_asked
from knowledge.deadlines.kind_words import spell_out
from knowledge.deadlines.order_days import order_days_answer
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.stated_extension import stated_extension
from knowledge.deadlines.story_day import asks_length_in_a_story
from knowledge.kb.documents import asks_document

_ASKED = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")
_TG = re.compile(r"(?<![a-z])tg(?![a-z])")
_MEASURE = re.compile(r"(?<![a-z])tam (?:giu|giam)(?![a-z])")
WHICH_MEASURE = (
    "«tg» có thể là tạm giữ hoặc tạm giam. Anh/chị gõ rõ, ví dụ «tạm giữ từ 14h 01/03/2026 hết lúc nào» "
    "hoặc «tạm giam 2 tháng từ 01/03/2026 hết ngày nào»."
)


def _after_the_date(ctx: Context) -> bool:
    """Whether every "gia hạn" of the question comes after its date."""
    folded = fold_text(ctx.text)
    found = date_in(ctx)
    if found is None:
        return False
    date_end = max(b for _, b in found[1])
    return all(m.start() >= date_end for m in _ASKED.finditer(folded))


def _the_custodys(plain: str, kind: str) -> bool:
    """Whether a "gia hạn" is said of the tạm giữ before a tạm giam (its days are on the card)."""
    if not kind.startswith("tam_giam"):
        return False
    text = custody_words(plain)
    segment = custody_segment(text)
    return segment is not None and any(segment[0] <= m.start() < segment[1] for m in _ASKED.finditer(text))


async def calculator_free_text(ctx: Context, before: dict[str, Any] | None) -> list[Reply] | None:
    """The calculator's answer to free text that names a period and a date (None: it does not): an
    extension order asked from its start, else the card, with the extension the question asked."""
    typed = without_field_name(ctx.text)  # "kế hoạch kiểm sát tạm giữ, tạm giam: …": the field, not a period
    ctx = ctx if typed == ctx.text else replace(ctx, incoming=replace(ctx.incoming, text=typed))
    today = date_asked(ctx)  # "hôm nay thứ mấy": the day, and what the calculator does
    if today is not None:
        return today
    credited = sentence_credited(ctx)  # "tạm giữ 6 ngày, tạm giam 54 ngày, xử 2 năm tù thì trừ bao nhiêu ngày"
    if credited is not None:
        return credited
    again = order_days_asked(ctx)  # "vậy lệnh tạm giam thực tế bao nhiêu ngày" after the days were asked
    if again is not None:
        return again
    answered = custody_days_answered(ctx)  # "đã tạm giữ 6 ngày" after the question asked it
    counted = await free_text_deadline(answered) if answered is not None else None
    if counted is not None:
        return counted
    due = approval_file_answer(ctx.text, ctx.local_now().replace(tzinfo=None))
    if due is not None:  # "tạm giữ hết 10h 05/03, hồ sơ đề nghị phê chuẩn lệnh tạm giam gửi trước mấy giờ"
        return [Reply(due)]
    if asks_another_thing(ctx):
        return None  # a day with no hour sets the scene of another question (the Q&A's)
    if asks_document(re.findall(r"[a-z0-9]+", spell_out(fold_text(ctx.text)))):
        return None  # "hôm nay … xuống ttg kiểm tra, quy chế kiểm sát tạm giữ tạm giam theo qđ nào": a document asked
    if asks_length_in_a_story(fold_text(ctx.text), ctx.local_now().replace(tzinfo=None)):
        return None  # "hôm nay em trực, tạm giam tội NT tối đa bao lâu": the law's length (the Q&A's)
    renewed = await order_after_order(ctx)  # "lệnh cũ hết ngày 10/03, ra lệnh tạm giam mới 1 tháng"
    if renewed is not None:
        return renewed
    unsaid = await extensions_unsaid(ctx)  # "tạm giữ từ 10h 25/02, gia hạn 2 lần, rồi tạm giam 2 tháng"
    if unsaid is not None:
        return unsaid
    order = (
        notice_before_end(ctx)  # "lệnh tgiam hết ngày 25/3 thì ttg phải thông báo chậm nhất ngày nào"
        or extension_after_previous(ctx)  # "lệnh gia hạn lần 1 hết ngày …, gia hạn lần 2": from the day after
        or extension_order(ctx)
        or unlawful_extension_order(ctx)  # "gia hạn tạm giam 4 tháng tội RNT từ …"
        or extension_after_order_end(ctx)
        or extension_after_stage_end(ctx)  # "hạn truy tố hết ngày 20/03, VT gia hạn 10 ngày": from the day after
        or final_on_appeal(ctx)
        or hour_missing(ctx)
        or detention_days(ctx)
        or custody_days_unsaid(ctx)
        or _order_days(ctx)  # "tạm giữ 3 ngày rồi tạm giam 2 tháng, lệnh ghi bao nhiêu ngày": 57
    )
    if order is not None:
        return order
    staged = await stage_started(ctx)  # "VKS nhận hồ sơ ngày 05/03, tạm giam truy tố tối đa"
    if staged is not None:
        return staged
    asked = with_asked(ctx)  # "tạm giam 2 tháng thì hết ngày nào", then "từ 01/03/2026"
    computed = await free_text_deadline(asked) if asked is not None else None
    if computed is not None and asked is not None:
        return computed + extension_in_question(asked, before)
    dated = with_dated(ctx)  # "tuyên án t6 13/3", then "bị cáo kc hạn chót hôm nào"
    computed = await free_text_deadline(dated) if dated is not None else None
    if computed is not None and dated is not None:
        return computed + extension_in_question(dated, before)
    computed = await free_text_deadline(ctx)
    if computed is None:
        keep_asked(ctx)
        return _which_measure(ctx)
    first = _custody_first(ctx, before)  # a decision shorter than 3 days replaces the law's 3-day card (Đ118 k1)
    computed = [] if replaces_the_card(first) else computed
    return first + computed + extension_in_question(ctx, before) + appeal_lodged(ctx, before)


def _order_days(ctx: Context) -> list[Reply] | None:
    answer = order_days_answer(plain_question(ctx.text))
    return [Reply(answer)] if answer is not None else None


def _custody_first(ctx: Context, before: dict[str, Any] | None) -> list[Reply]:
    """ "tạm giữ 2 ngày từ 9h …": that decision's end, before the law's card (``custody_stated``)."""
    last = last_card(ctx.conversation.data)
    if last is None or last is before or last.get("kind") != "tam_giu":
        return []
    try:
        result = recompute(last, ctx.local_now().date())
    except DeadlineInputError:
        return []
    said = extension_start(ctx.text, ctx.local_now().replace(tzinfo=None))
    if said is not None and mismatch(result, 1, said):  # its extension said to start another day: said after
        return []
    return custody_stated(result, plain_question(ctx.text))


def _which_measure(ctx: Context) -> list[Reply] | None:
    """ "tg từ 14h 1/3 thì hết lúc nào": «tg» is tạm giữ or tạm giam (FACTS, abbreviations): asked."""
    folded = fold_text(ctx.text)
    if not _TG.search(folded) or _MEASURE.search(spell_out(folded)):
        return None
    found = date_in(ctx)
    if found is None:
        return None
    return [Reply(WHICH_MEASURE)]


def extension_in_question(ctx: Context, before: dict[str, Any] | None) -> list[Reply]:
    """The extension the question asked beside a card just shown, or nothing."""
    last = last_card(ctx.conversation.data)
    if last is None or last is before:
        return []
    plain = plain_question(ctx.text)
    if asks_request(plain) and last["kind"] not in REQUEST_STARTED:  # "…, phải đề nghị gia hạn trước ngày nào"
        try:
            return [Reply(request_answer(recompute(last, ctx.local_now().date())))]
        except DeadlineInputError:
            return []
    ask = read_extension(as_asked(plain)) or stated_extension(plain)  # "… gia hạn 4 tháng": checked against the law too
    if ask is None or _the_custodys(plain, str(last["kind"])) or not _after_the_date(ctx):
        return []
    try:
        result = recompute(last, ctx.local_now().date())
    except DeadlineInputError:
        return []
    said = extension_start(ctx.text, ctx.local_now().replace(tzinfo=None))
    wrong = mismatch(result, ask.nth if ask.nth and ask.nth > 0 else 1, said) if said else None
    if wrong is not None:  # "… từ 05/03, đã gia hạn từ 05/05": not the day after the term: said, not counted
        return [Reply(wrong)]
    beyond = ask.nth is not None and ask.nth > len(result.steps) > 0
    if said is not None and result.kind == PLAIN and not ask.stated:  # its length is the order's: asked
        return extension_first(ctx, last, plain, result, answer_asked(result, for_the_card(ask, last)))
    if not (ask.stated or beyond or result.kind == PLAIN):
        return []  # "gia hạn lần 1 thì sao": the card shows it (a plain order's card shows no extension)
    if result.kind == "tam_giu" and not beyond:  # the custody's days: said before the card (custody_stated)
        return []
    return extension_first(ctx, last, plain, result, answer_asked(result, for_the_card(ask, last)))
