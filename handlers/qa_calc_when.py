"""Two follow-ups of a calculator answer that name nothing of their own.

* "thì tới hết ngày nào", "vậy hết hạn khi nào" — the date the last calculator message was about,
  asked again (often typed before the answer arrived: "lệnh tạm giam 2 tháng hết ngày 03/05/2026,
  vụ ít NT gia hạn thêm 1 tháng" then "thì tới hết ngày nào"). The message is read again and the
  last part of the answer (the extension asked, or the card) given once more: recomputed, not stored.
* "ngày đó CN thì có lùi qua thứ 2 ko", "rơi vào ngày nghỉ thì sao" — whether the end moves off a
  day off. Tạm giữ, tạm giam and limits in hours never move (Đ134 k1: custody ends on the day written
  in the order; FACTS §1); other limits counted in days or months move to the next working day (the
  card has done it; for the authorities' own limits this is practice, FACTS §1 S, said so).

The conversation keeps (``dl_said``, 30 minutes) the text of the last message the calculator answered
on its own, and whether that answer showed a card; any other answer forgets it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from bot.chat.context import Context
from bot.chat.messages import Reply
from handlers.deadline_reminders import last_card, recompute
from handlers.qa_calc import calculator_followup
from handlers.qa_calc_asked import calculator_free_text
from knowledge.deadlines.calculator import DeadlineInputError, fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.date_choice import closes_the_order
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text
from knowledge.deadlines.extension_ask import read_extension
from knowledge.deadlines.extension_list import answer_asked
from knowledge.deadlines.kind_words import detect_kind, spell_out
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.result import DeadlineResult
from knowledge.kb.normalize import Synonyms

SAID = "dl_said"
WINDOW = timedelta(minutes=30)
_FILLER = r"(?:\s+(?:a|ah|vay|the|ha|nhi|nhe|nha|z|v|anh|chi|em|ak))*\s*\??\s*$"
# A bare "when": "thì tới hết ngày nào", "vậy hết hạn khi nào", "thế thì đến bao giờ ạ".
# "nó" (the period just counted) and the card's own measure may be said: "vậy nó hết hạn tgiu lúc nào".
_WHEN = re.compile(
    r"^(?:(?:thi|vay|the|roi|luc do|khi do|nhu vay|vay thi|the thi|the la|vay la|no|han nay|lenh nay)\s+)*"
    r"(?:(?:toi|den|toi het|den het|het|het han|ket thuc|la)\s+)*"
    r"(?:(?P<measure>tgiu|tam giu|tgiam|tam giam)\s+)?(?:ngay nao|bao gio|khi nao|luc nao|hom nao|ngay may)" + _FILLER
)
_MEASURES = {"tgiu": "tam_giu", "tam giu": "tam_giu", "tgiam": "tam_giam", "tam giam": "tam_giam"}
# After an emergency hold's card, when its decision is due: "tới mấy giờ phải ra qđ tgiu, lệnh bắt hay thả"
_HOLD_DUE = re.compile(
    r"^(?:(?:vay|the|thi|roi)\s+)*(?:(?:toi|den|truoc)\s+)?(?:may gio|luc nao|khi nao|bao gio|may h)\s+"
    r"(?:thi\s+)?(?:phai|duoc|can)\s+(?:ra\s+)?(?:qd|quyet dinh|lenh|tha|tra tu do)(?![a-z])"
)
_DAY_OFF = r"(?:cn|chu nhat|thu 7|thu bay|t7|ngay nghi|nghi le|ngay le|dip le|tet|cuoi tuan)"
_SHIFT = r"(?:lui|doi|chuyen|dich|hoan|keo)"
_WORKING = r"(?:thu [2-6]|thu hai|t2|ngay lam viec|hom sau|ngay sau|ngay ke tiep|ngay tiep theo)"
# "ngày đó CN thì có lùi qua thứ 2 ko", "rơi vào ngày nghỉ thì sao", "có được lùi hạn không".
_ASKS_SHIFT = re.compile(
    rf"(?<![a-z]){_DAY_OFF}(?![a-z]).*(?<![a-z])(?:{_SHIFT}|thi sao|the nao|tinh sao|tinh (?:sang|qua))(?![a-z])"
    rf"|(?<![a-z])(?:{_SHIFT}|tinh) (?:qua|sang|toi|den|ve) {_WORKING}(?![a-z])"
    r"|(?<![a-z])lui(?: ngay| han| lai)?(?: [a-z0-9]+){0,3}? (?:khong|ko|k|hong|hem|chua|ha)(?![a-z])"
    rf"|(?<![a-z])(?:co phai|la|trung|roi vao|vao) (?:ngay )?{_DAY_OFF} (?:khong|ko|k|hong|ha|a|chua)(?![a-z])"
)


def keep_said(ctx: Context, before: dict[str, Any] | None) -> None:
    """The calculator answered this message on its own: keep it for the two follow-ups."""
    card = last_card(ctx.conversation.data)
    ctx.conversation.data[SAID] = {
        "text": ctx.text[:400],
        "card": card is not None and card is not before,
        "at": ctx.local_now().isoformat(),
    }


def keep_followup(ctx: Context, before: dict[str, Any] | None) -> None:
    """A follow-up answered against the card: read again against the card ("gia hạn thêm 2 tháng …",
    then "thì tới hết ngày nào"); a new card counts for "có lùi không"."""
    card = last_card(ctx.conversation.data)
    same = card is before  # the card stays: the follow-up is read against it again; a new card is the answer
    ctx.conversation.data[SAID] = {
        "text": ctx.text[:400] if same else "",
        "card": card is not None,
        "followup": same,
        "at": ctx.local_now().isoformat(),
    }


def card_said(ctx: Context) -> bool:
    """Whether the calculator's card answered the last message (kept for its follow-ups)."""
    kept = _kept(ctx)
    return kept is not None and bool(kept.get("card"))


def said_text(ctx: Context) -> str | None:
    """The message the calculator answered last on its own (kept for its follow-ups), if any."""
    kept = _kept(ctx)
    text = kept.get("text") if kept is not None else None
    return text if isinstance(text, str) and text else None


def forget_said(ctx: Context) -> None:
    ctx.conversation.data.pop(SAID, None)


def _kept(ctx: Context) -> dict[str, Any] | None:
    kept = ctx.conversation.data.get(SAID)
    if not isinstance(kept, dict):
        return None
    try:
        fresh = ctx.local_now() - datetime.fromisoformat(str(kept.get("at"))) <= WINDOW
    except (TypeError, ValueError):
        return None
    return kept if fresh else None


async def said_again(ctx: Context, before: dict[str, Any] | None, synonyms: Synonyms | None) -> list[Reply] | None:
    """The answer to a bare follow-up about the last calculator answer, or None."""
    folded = fold_text(ctx.text).strip(" .!")
    if _ASKS_SHIFT.search(folded):  # "lệnh tạm giam ghi đến hết ngày 03/05 là CN, có tính sang thứ 2 không"
        stated = _stated_end(ctx, folded)
        if stated is not None:
            return stated
    kept = _kept(ctx)
    if kept is None:
        return None
    when = _WHEN.search(folded)
    if when is not None and when["measure"] and not _same_measure(str(kept.get("text", "")), when["measure"]):
        return None  # "vậy tạm giam hết khi nào" after a custody's card asks of another period
    if _HOLD_DUE.search(folded) and kept.get("card") and _kind(str(kept.get("text", ""))) == "giu_khan_cap":
        return _card_end(ctx)
    if when and not kept.get("text") and kept.get("card"):
        return _card_end(ctx)
    if when and kept.get("text"):
        said = replace(ctx, incoming=replace(ctx.incoming, text=str(kept["text"])))
        if not kept.get("followup"):
            again = await calculator_free_text(said, before)
        else:
            again = calculator_followup(said, synonyms) if synonyms is not None else None
        return again[-1:] if again else None
    if _ASKS_SHIFT.search(folded) and detect_kind(spell_out(folded)) is None:
        return _day_off(ctx, kept)
    return None


def _kind(text: str) -> str | None:
    detected = detect_kind(spell_out(fold_text(text)))
    return detected[0] if detected is not None else None


def _same_measure(text: str, measure: str) -> bool:
    """Whether the kept message counted the measure named ("tgiu": a tạm giữ)."""
    return (_kind(text) or "").startswith(_MEASURES[measure])


def _stated_end(ctx: Context, folded: str) -> list[Reply] | None:
    """The custody order's own last day, said with the question whether it moves off a day off."""
    try:
        found = find_date_time(folded, ctx.local_now().replace(tzinfo=None))
    except DateParseError:
        return None
    if found is None or not closes_the_order(folded, found[1][0][0], ("tam giam", "tam giu")):
        return None
    day, at = found[0].day, found[1][0][0]
    moment = found[0].time
    release = (  # custody by the clock (Đ118): its hour; a tạm giam order: the whole last day (Đ134 k1)
        f" Trả tự do chậm nhất {moment:%H:%M} ngày {fmt_date(day)}."
        if moment is not None
        else f" Trả tự do chậm nhất 24:00 ngày {fmt_date(day)}."
        if closes_the_order(folded, at)
        else ""
    )
    return [
        Reply(
            f"Không lùi. Lệnh hết vào ngày ghi trong lệnh: {weekday_vi(day)} {fmt_date(day)}.{release} {_NEVER}\n{_BASIS}"
        )
    ]


def _card_end(ctx: Context) -> list[Reply] | None:
    card = last_card(ctx.conversation.data)
    try:
        result = recompute(card, ctx.local_now().date()) if card is not None else None
    except DeadlineInputError:
        return None
    if result is None:
        return None
    base = result.base
    return [
        Reply(
            f"{result.label}: ngày cuối {weekday_vi(base.last_day)} {fmt_date(base.last_day)}, hết {base.end_time}."
            f"\nCăn cứ: {result.basis}."
        )
    ]


def _day_off(ctx: Context, kept: dict[str, Any]) -> list[Reply] | None:
    card = last_card(ctx.conversation.data) if kept.get("card") else None
    if card is not None:
        try:
            result = recompute(card, ctx.local_now().date())
        except DeadlineInputError:
            return None
        plain = plain_question(ctx.text)
        ask = read_extension(plain)  # "gia hạn 1 lần thì hết lúc nào, có lùi vì nghỉ Tết không": that end
        if ask is not None and result.counting in ("clock", "custody_days"):
            return [Reply(f"{answer_asked(result, ask)}\nKhông lùi. {_NEVER}\n{_BASIS}")]
        return [Reply(day_off_answer(result))]
    detected = detect_kind(spell_out(fold_text(str(kept.get("text", "")))))
    if detected is None or not detected[0].startswith(("tam_giam", "tam_giu")):
        return None
    return [Reply(f"Không lùi. {_NEVER}\n{_BASIS}")]


_NEVER = (
    "Tạm giữ, tạm giam hết vào ngày kết thúc thời hạn ghi trong lệnh, quyết định, kể cả khi đó là thứ Bảy, "
    "Chủ nhật hay ngày lễ; lùi sang ngày làm việc tiếp theo chỉ áp dụng cho thời hạn tính theo tháng, theo ngày "
    "của các việc khác."
)
_BASIS = "Căn cứ: Điều 134 khoản 1 BLTTHS 2015; Điều 17 TTLT 04/2018."


def day_off_answer(result: DeadlineResult) -> str:
    """Whether the card's end moves off a day off, with the card's date."""
    base = result.base
    day = f"{weekday_vi(base.last_day)} {fmt_date(base.last_day)}"
    if result.counting in ("clock", "custody_days"):
        what = "Tạm giữ, tạm giam" if result.custody else "Thời hạn tính theo giờ"
        return (
            f"Không lùi. {result.label}: hết {base.end_time} {day}, đúng ngày ghi trong lệnh, quyết định. "
            f"{what} không lùi khỏi ngày nghỉ (thứ Bảy, Chủ nhật, ngày lễ).\n{_BASIS}"
        )
    if result.counting == "working_days":
        return f"{result.label} tính theo ngày làm việc, nên không tính ngày nghỉ: hết {day}.\nCăn cứ: {result.basis}."
    practice = load_periods().kinds[result.kind].authority_limit
    note = " Với thời hạn của cơ quan tiến hành tố tụng, cách lùi này theo nguồn thứ cấp." if practice else ""
    if base.shifted_from is not None:
        head = (
            f"Có. {result.label}: ngày cuối {fmt_date(base.shifted_from)} là ngày nghỉ ({base.shift_reason}), "
            f"nên lùi sang ngày làm việc tiếp theo: hết 24:00 {day} (đã tính trên thẻ)."
        )
    else:
        head = (
            f"{result.label} hết 24:00 {day}, là ngày làm việc, không phải lùi. Nếu ngày cuối là ngày nghỉ thì ngày "
            "làm việc tiếp theo là ngày cuối của thời hạn."
        )
    return f"{head}{note}\nCăn cứ: Điều 134 khoản 1 BLTTHS 2015."
