"""A message right after a calculator card that changes one of its inputs, read against that card.

"tạm giam 2 tháng từ 01/03/2026 đến hết ngày nào" → card; then "nếu trước đó tạm giữ 3 ngày thì
sao" is the same tạm giam with 3 days of tạm giữ deducted, and "còn tội rất nghiêm trọng" the same
period for another category. A message that names a tạm giam and a date but no length ("… tạm
giữ hết ngày 01/09/2026 thì sao") takes the length of the card's tạm giam. The card's inputs are
in the conversation (``dl_last``); the result is recomputed, never stored.

Two more follow-ups read against the card: an extension of its period ("gia hạn lần 1 thì sao",
"gia hạn thêm 1 tháng thì đến ngày nào": ``knowledge.deadlines.extension_ask``; the card stays the
conversation's last, so "gh lần 2 …" is about it too), and another kind counted from the same
trigger ("còn VKS cấp trên kháng nghị thì sao" after an appeal card: a new card of that kind).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_reminders import last_card, recompute
from handlers.qa_calc_card import CUES, card_reply
from handlers.qa_calc_chain import detention_after_custody
from handlers.qa_calc_custody_end import custody_end
from handlers.qa_calc_decision import decision_followup
from handlers.qa_calc_hour_only import hour_on_the_cards_day
from handlers.qa_calc_length import resized_order
from handlers.qa_calc_rank import bare_rank
from handlers.qa_calc_request import asks_request, request_answer
from handlers.qa_calc_same_trigger import same_trigger
from handlers.qa_calc_stage import extension_first
from knowledge.deadlines.calculator import DeadlineInputError
from knowledge.deadlines.custody_days import (
    CustodyDays,
    CustodyDaysError,
    custody_segment,
    custody_words,
    read_custody_days,
)
from knowledge.deadlines.dateparse import (
    DateParseError,
    ParsedDateTime,
    detect_deadline_query,
    find_date_time,
)
from knowledge.deadlines.detention_extension import INVESTIGATION, PLAIN
from knowledge.deadlines.extension_ask import ASKS_WHEN, ExtensionAsk, read_extension
from knowledge.deadlines.extension_list import answer_asked
from knowledge.deadlines.investigation_order import InvestigationOrderError
from knowledge.deadlines.kind_words import detect_kind
from knowledge.deadlines.named_step import named_step_answer
from knowledge.deadlines.order_length import OrderLengthError
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.register_minors import with_minors
from knowledge.deadlines.stated_extension import stated_extension
from knowledge.deadlines.year_change import in_year, year_only
from knowledge.kb.normalize import Synonyms, syllables
from knowledge.kb.numbers import numbers_from_words

_SHORT_CUSTODY = re.compile(r"(?<![a-z])tg(?![a-z])")
_EXTENSION = re.compile(r"(?<![a-z])(?:gia han|gh)(?![a-z])")
_CATEGORIES = (
    ("dac_biet_nghiem_trong", "dac biet nghiem trong"),
    ("rat_nghiem_trong", "rat nghiem trong"),
    ("it_nghiem_trong", "it nghiem trong"),
    ("nghiem_trong", "nghiem trong"),
)
_CATEGORY_KINDS = ("tam_giam_dieu_tra", "dieu_tra", "truy_to", "chuan_bi_xet_xu")


def _folded(text: str, synonyms: Synonyms) -> str:
    return " ".join(synonyms.expand_first(numbers_from_words(syllables(text))))


def _changed(text: str, last: dict[str, Any]) -> dict[str, Any] | None:
    """The card's inputs with what the follow-up changes, or None when it changes nothing known."""
    kind = str(last.get("kind", ""))
    if not CUES.search(text):
        return None
    changed = dict(last)
    custody = _custody_said(text, last) if kind.startswith("tam_giam") else None
    if custody is not None:  # "nếu trước đó tạm giữ 3 ngày (và gia hạn 3 ngày) thì sao"
        changed["tam_giu_days"] = custody.total
        if last.get("custody_start"):  # the card's tạm giam began when its tạm giữ ended: so again
            began = date.fromisoformat(str(last["custody_start"])[:10])
            changed["start"] = (began + timedelta(days=custody.total)).isoformat()
    else:  # "nếu lệnh 3 tháng thì sao": the order's own length
        changed = resized_order(text, changed) or changed
    category = next((cat for cat, words in _CATEGORIES if f" {words} " in f" {text} "), None)
    if category and kind in _CATEGORY_KINDS:
        changed["category"] = category
    if " an ninh quoc gia " in f" {text} " and kind in _CATEGORY_KINDS:
        changed["anqg"] = True
    return changed if changed != last or custody is not None else None


def _custody_said(text: str, last: dict[str, Any]) -> CustodyDays | None:
    """The tạm giữ days a follow-up says; "gia hạn tạm giữ thêm 3 ngày" adds to the card's own."""
    said = custody_words(_SHORT_CUSTODY.sub("tam giu", text))
    try:
        return read_custody_days(said)
    except CustodyDaysError as exc:
        if not (exc.no_term and last.get("tam_giu_days")):
            raise
        return read_custody_days(f"tam giu {last['tam_giu_days']} ngay {said}")  # the card's, then more


def _new_start(ctx: Context, last: dict[str, Any], when: ParsedDateTime) -> list[Reply] | None:
    """The card counted from another start; a tạm giam counted from its tạm giữ's end moves with it."""
    kd = load_periods().kinds.get(str(last["kind"]))
    if kd is None:
        return None
    if kd.counting == "clock" and when.time is None:  # by the clock: the hour is not guessed
        return [Reply("Anh/chị cho biết cả giờ bắt đầu, ví dụ «còn nếu từ 14h 05/03/2026 thì sao».")]
    new = when.value()
    inputs = dict(last)
    if last.get("custody_start") and last.get("tam_giu_days"):  # the date was the custody's start
        inputs["custody_start"] = new.isoformat(timespec="minutes") if isinstance(new, datetime) else new.isoformat()
        inputs["start"] = (when.day + timedelta(days=int(last["tam_giu_days"]))).isoformat()
    else:
        inputs.pop("custody_start", None)
        inputs["start"] = new.isoformat(timespec="minutes") if isinstance(new, datetime) else new.isoformat()
    return card_reply(ctx, inputs)


def _custody_moved(ctx: Context, last: dict[str, Any], text: str, began: date | datetime) -> list[Reply] | None:
    """A chained card's tạm giữ from another start (and maybe another length): the tạm giam moves too."""
    try:
        custody = _custody_said(text, last)
    except CustodyDaysError as exc:
        return [Reply(exc.message_vi)]
    days = custody.total if custody is not None else last.get("tam_giu_days")
    day = began.date() if isinstance(began, datetime) else began
    inputs = {**last, "custody_start": began.isoformat(), "tam_giu_days": days}
    inputs["start"] = (day + timedelta(days=int(days))).isoformat() if days else began.isoformat()
    return card_reply(ctx, inputs)


def calculator_followup(ctx: Context, synonyms: Synonyms) -> list[Reply] | None:
    """The card recomputed with what the message changes, or None (the message is not about it)."""
    last = last_card(ctx.conversation.data)
    if last is None or "kind" not in last or "start" not in last:
        return None
    decided = decision_followup(ctx, last)  # "quyết định đưa vụ án ra xét xử ngày …" (Đ462 k2)
    if decided is not None:
        return decided
    # "nếu trước đó tgiu đủ 3 ngày, hết sáng nay": the card's first day; "… được 2 ngày, hết sáng nay": a condition
    ctx, short = custody_end(ctx, last)
    if short is not None:
        return short
    now = ctx.local_now().replace(tzinfo=None)
    try:
        query = detect_deadline_query(ctx.text, now)
    except DateParseError:
        return None
    folded = _folded(ctx.text, synonyms)
    if query is not None:
        # A tạm giam with a date but no length: the card's length ("tạm giữ hết ngày 01/09 thì sao").
        same = str(last["kind"]).startswith("tam_giam") and query.kind in (last["kind"], "tam_giam")
        asked = CUES.search(folded) is not None
        if asked and query.kind == "tam_giu" and last.get("custody_start") and str(last["kind"]).startswith("tam_giam"):
            return _custody_moved(ctx, last, folded, query.start)  # "nếu tạm giữ từ …"
        if not (same and asked) or query.months or query.days or not (last.get("months") or last.get("days")):
            return None
        query = replace(query, kind=str(last["kind"]), months=last.get("months"), days=last.get("days"))
        start = query.start
        shown = start.isoformat(timespec="minutes") if isinstance(start, datetime) else start.isoformat()
        inputs = {**last, "start": shown, "tam_giu_days": query.tam_giu_days}
        inputs.pop("custody_start", None)
        if query.custody_start is not None:
            inputs["custody_start"] = query.custody_start.isoformat()
        return card_reply(ctx, inputs)
    plain = plain_question(ctx.text)
    found = find_date_time(ctx.text, now)
    named = named_step(ctx, last, plain) if found is None else None
    if named is not None:  # "vụ phức tạp kéo dài tối đa thì đến ngày nào" after a crime report's card
        return named
    hour = hour_on_the_cards_day(ctx.text, last, now) if found is None and CUES.search(folded) else None
    if hour is not None:  # "nếu từ 14h thì sao"
        return _new_start(ctx, last, hour)
    year = year_only(folded) if found is None and CUES.search(folded) else None
    if year is not None:  # "còn nếu là năm 2027 thì sao": the card's start in that year
        chained = last.get("custody_start") and last.get("tam_giu_days")  # the date said was the tạm giữ's
        try:
            return _new_start(ctx, last, in_year(str(last["custody_start" if chained else "start"]), year))
        except DateParseError as exc:
            return [Reply(exc.message_vi)]
    if found is not None:  # "còn nếu từ 05/03/2026 thì sao": the card from another start
        if _EXTENSION.search(plain) or not CUES.search(folded):
            return None  # "gia hạn từ 05/03 …": an anchor of its own, not the card's (/tinhhan asks it)
        return _new_start(ctx, last, found[0])
    if asks_request(plain):  # "phải đề nghị gia hạn trước ngày nào": Đ172 k2, Đ173 k2
        return _requested(ctx, last)
    ask = read_extension(bare_rank(plain) or plain) or stated_extension(plain)  # "còn lần 2"; "gia hạn 4 tháng"
    custody = str(last["kind"]).startswith("tam_giam") and custody_segment(_SHORT_CUSTODY.sub("tam giu", plain))
    if (
        ask is not None and not custody and _about_the_card(plain, last, ask)
    ):  # "gia hạn lần 1 thì sao", "gh thêm 1 tháng …"
        return _extended(ctx, last, ask, plain)
    other = same_trigger(ctx, plain, last)
    if other is not None:  # "còn VKS cấp trên kháng nghị thì sao" after an appeal card
        return other
    chained = detention_after_custody(ctx, last, plain)
    if chained is not None:  # "hết tạm giữ thì tạm giam 2 tháng" after a tạm giữ card
        return chained
    try:
        changed = _changed(folded, last)
    except (CustodyDaysError, OrderLengthError, InvestigationOrderError) as exc:
        return [Reply(exc.message_vi)]
    return card_reply(ctx, changed) if changed is not None else None


def named_step(ctx: Context, last: dict[str, Any], plain: str) -> list[Reply] | None:
    """One of the card's own steps named by the law's words ("vụ việc phức tạp"), or None; not when the
    message names another kind ("vụ án phức tạp thì điều tra đến ngày nào")."""
    named = detect_kind(plain)
    if not (CUES.search(plain) or ASKS_WHEN.search(plain)) or (named is not None and named[0] != last["kind"]):
        return None
    try:
        result = recompute(last, ctx.local_now().date())
    except DeadlineInputError:
        return None
    answer = named_step_answer(result, plain)
    return [Reply(answer)] if answer is not None else None


def _requested(ctx: Context, last: dict[str, Any]) -> list[Reply] | None:
    try:
        result = recompute(last, ctx.local_now().date())
    except DeadlineInputError:
        return None
    return [Reply(with_minors(request_answer(result), result.custody))]


def _about_the_card(plain: str, last: dict[str, Any], ask: ExtensionAsk) -> bool:
    """Whether an extension question is about the card: it names no other kind, nor another category.
    A plain order (no stage) takes the category and "để điều tra" said with the question: they say
    which of Đ173's limits the extension is checked against."""
    kind = str(last["kind"])
    named = detect_kind(plain)
    same = named is None or named[0] == kind or (named[0] == "tam_giam" and kind.startswith("tam_giam"))
    if kind == PLAIN:
        return same or (named is not None and named[0] == INVESTIGATION)
    return same and (ask.category is None or ask.category == last.get("category"))


def _extended(ctx: Context, last: dict[str, Any], ask: ExtensionAsk, plain: str) -> list[Reply] | None:
    """The card's period extended as asked; the card itself stays the conversation's last."""
    try:
        result = recompute(last, ctx.local_now().date())
    except DeadlineInputError:
        return None
    answer = with_minors(answer_asked(result, for_the_card(ask, last)), result.custody)
    return extension_first(ctx, last, plain, result, answer)  # a plain order: its stage first


def for_the_card(ask: ExtensionAsk, last: dict[str, Any]) -> ExtensionAsk:
    """A plain order's card keeps the category and ANQG said with it (its count does not use them):
    an extension of it is checked against them unless the question names its own."""
    if last["kind"] != PLAIN:
        return ask
    return replace(ask, category=ask.category or last.get("category"), anqg=ask.anqg or bool(last.get("said_anqg")))
