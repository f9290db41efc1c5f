"""Free-text deadline questions: which period a message asks about, from which moment, with what
length (``DeadlineQuery``; dates and times are read by ``datefind``, re-exported here).

Times are local Vietnamese wall-clock time; pure: ``now`` is a parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from knowledge.deadlines import trigger_date as td
from knowledge.deadlines.compared import without_compared, without_day_off_ends, without_places, without_proposed_ends
from knowledge.deadlines.crime_category import anqg_in, category_in
from knowledge.deadlines.crime_named import named_category
from knowledge.deadlines.custody_chain import CustodyChainError, SeparatePeriods, after_custody
from knowledge.deadlines.custody_days import already_deducted, custody_words
from knowledge.deadlines.date_choice import (
    CUSTODY_END,
    ORDER_END,
    PERIOD_END,
    closes_a_period,
    closes_the_order,
    counted_moment,
)
from knowledge.deadlines.datefind import (
    VN_TZ,
    find_date_time,
    find_dates,
    find_times,
    fold_text,
    local_time,
    parse_date_time,
)
from knowledge.deadlines.datevalues import DateParseError, ParsedDateTime
from knowledge.deadlines.day_off_aside import without_day_off_asides
from knowledge.deadlines.dayparts import vague_week
from knowledge.deadlines.decision_day import decision_index, hearing_alone
from knowledge.deadlines.detention_kinds import asks_the_most, order_part
from knowledge.deadlines.investigation_order import INVESTIGATION, InvestigationOrderError, order_kind
from knowledge.deadlines.kind_words import detect_kind, spell_out
from knowledge.deadlines.order_length import OrderLengthError, order_length
from knowledge.deadlines.other_case import OTHER_CASE_NOTE, OTHER_CASE_START, other_case_said
from knowledge.deadlines.receipt_trigger import not_the_trigger
from knowledge.deadlines.stated_length import LengthMismatch, category_from_length, term_text
from knowledge.deadlines.validate import fmt_date
from knowledge.kb.numbers import numbers_from_words

__all__ = [
    "VN_TZ",
    "DateParseError",
    "DeadlineQuery",
    "ParsedDateTime",
    "detect_deadline_query",
    "find_date_time",
    "fold_text",
    "parse_date_time",
]


# -- free-text deadline questions ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DeadlineQuery:
    """What a free-text deadline question asks; feed it to ``knowledge.deadlines.calculator.compute``."""

    kind: str
    start: date | datetime
    category: str | None = None
    months: int | None = None
    days: int | None = None
    tam_giu_days: int | None = None
    anqg: bool = False
    related_kinds: tuple[str, ...] = ()  # also worth showing (e.g. the superior VKS's protest)
    custody_start: date | datetime | None = None  # a tạm giam counted from a tạm giữ's end: when it began
    trigger: str | None = None  # what the date is, when not the kind's usual trigger (an absent party's receipt)
    related_start: date | datetime | None = None  # the related kinds' own trigger, when not ``start``
    decided_on: date | None = None  # the decision a step counts from (Đ462 k2), when the question dates it
    note: str | None = None  # said under the card: why a tạm giữ said is not deducted (``other_case``)


def _chosen(folded: str, kind: str, now: datetime) -> str | None:
    """The text with only the moment the law counts from, when it is not the first (``date_choice``)."""
    found = find_dates(folded, local_time(now))
    times = [(t.start, t.end, t.hour_minute, t.period) for t in find_times(folded, found)]
    try:
        return counted_moment(folded, kind, [(f.start, f.end, f.day, f.period) for f in found if f.day], times)
    except ValueError as exc:
        raise DateParseError(str(exc)) from exc


ALREADY_DEDUCTED = (
    "Thời hạn tính bằng tháng trong lệnh thường chưa trừ ngày tạm giữ, nên trợ lý không đoán. Nếu lệnh ghi số ngày "
    "đã trừ, anh/chị gõ số ngày đó, ví dụ «tạm giam 57 ngày từ 04/03/2018»; nếu chưa trừ: «tạm giam 2 tháng từ "
    "04/03/2018, đã tạm giữ 3 ngày»."
)


# Detention in a later stage, capped by the stage (its limit needs the category): with the order's own length
# and no category, the order is counted as written, the cap said (Đ241, Đ278 k2, Đ347 k2).
_STAGE_CAPS = {
    "tam_giam_truy_to": "truy tố: không quá thời hạn quyết định việc truy tố, Điều 241",
    "tam_giam_chuan_bi_xet_xu": "chuẩn bị xét xử: không quá thời hạn chuẩn bị xét xử, Điều 278",
    "tam_giam_phuc_tham": "chuẩn bị xét xử phúc thẩm: không quá thời hạn chuẩn bị xét xử phúc thẩm, Điều 347",
}
STAGED_TRIGGER = "Ngày bắt đầu tạm giam ghi trong lệnh (tạm giam để {cap} BLTTHS 2015)"


def _staged_order(kind: str, rest: str) -> str | None:
    """The card's trigger for a stage's detention counted by its order's own length, or None."""
    if kind not in _STAGE_CAPS or category_in(rest) is not None:
        return None
    try:
        months, days = order_length(order_part(rest))
    except OrderLengthError:
        return None
    return STAGED_TRIGGER.format(cap=_STAGE_CAPS[kind]) if months or days else None


# A question about who acts or which law applies (not when something ends) is no calculation, even with a date
# in it ("sau 01/7/2025 vks nào gia hạn", "luật thi hành tạm giữ tạm giam bây giờ là luật nào").
_WHICH = r"(?:vks|vksnd|vien kiem sat|vien|co quan|toa an|toa|don vi|luat|bo luat|van ban|thong tu|nghi dinh|dieu)"
# … or whether one level may act, or another ("từ 1/7/2025 vks khu vực có được gia hạn không hay phải là vks tỉnh")
_LEVEL = r"(?:vks|vksnd|vien kiem sat(?: nhan dan)?) (?:khu vuc|tinh|toi cao|cap \w+)"
_WHO = re.compile(
    rf"\b(ai|tham quyen|cap nao|nguoi nao|{_WHICH} nao|(?:luat|van ban) gi|{_LEVEL} co (?:duoc|quyen)"
    r"|hay (?:phai |la |phai la )(?:vks|vksnd|vien kiem sat|cap|toa|co quan))\b"
)
_WHEN = re.compile(r"\b(ngay nao|het han|khi nao|bao gio|den ngay|het ngay|luc nao|may gio|den het)\b")


def detect_deadline_query(text: str, now: datetime, *, protests_from: date | None = None) -> DeadlineQuery | None:
    """Recognise "tạm giữ từ 14h 03/05/2026 hết hạn khi nào" and the like.

    Returns ``None`` unless the text names a period *and* a date (plain questions go to
    the Q&A search). Detention during a supplementary investigation that does not say who
    returned the file has the kind ``UNSAID_RETURN``: the caller asks (never computed as is).
    Raises :class:`DateParseError` when the date itself is impossible.
    """
    folded = without_day_off_asides(fold_text(text))  # "…, 30/4 nghỉ lễ có lùi ko": not an input
    folded = without_day_off_ends(without_compared(folded))  # "…hay tính như tạm giam?": the appeal's day
    folded = without_places(folded)  # "trực ở trại tạm giam, … bị tạm giữ lúc 23h50": the tạm giữ
    folded = fold_text(folded)  # the blanks collapsed, as ``find_date_time`` folds: its spans are this text's
    folded = without_proposed_ends(folded)  # "… hết ngày 03/05 phải không, hay lùi sang 04/05": the answer
    if _WHO.search(folded) and not _WHEN.search(folded):  # "ai có thẩm quyền gia hạn … sau 1/7/2025"
        return None  # asks who, with a date that dates the law: the Q&A answers it
    found = find_date_time(folded, now)
    if found is None:
        vague = vague_week(folded) if _WHEN.search(folded) else None  # a date asked "từ tuần sau": which day?
        if vague and detect_kind(custody_words(" ".join(numbers_from_words(spell_out(folded).split())))):
            raise DateParseError(vague)
        return None
    parsed, spans = found
    rest = marked = folded
    for i, (a, b) in enumerate(sorted(spans, reverse=True)):
        rest, marked = rest[:a] + " " + rest[b:], marked[:a] + (" @ " if i == len(spans) - 1 else " ") + marked[b:]
    rest, marked = (custody_words(" ".join(numbers_from_words(spell_out(t).split()))) for t in (rest, marked))
    detected = detect_kind(rest)  # "hai tháng" is "2 tháng" above
    if detected is None:
        return None
    kind, related = detected
    dates = [(f.start, f.end) for f in find_dates(folded, local_time(now)) if f.day is not None]
    decided = decision_index(folded, kind, dates)
    if decided is not None:  # "thụ lý 02/03, quyết định đưa vụ án ra xét xử 05/03": 05/03 is not the start
        (a, b), day = dates[decided], [f.day for f in find_dates(folded, local_time(now)) if f.day][decided]
        if len(dates) == 1:  # only the decision dated: the hearing alone (Đ462 k2, Đ464 k3), or the start asked
            return DeadlineQuery(hearing_alone(kind, day), day)
        query = detect_deadline_query(folded[:a] + " " * (b - a) + folded[b:], now)
        return replace(query, decided_on=day) if query is not None and query.kind == kind else query
    unsaid = td.unsaid_trigger(folded, kind, dates, related, split=protests_from is not None)
    unsaid = unsaid or (None if protests_from else not_the_trigger(folded, kind, related, dates))
    if unsaid is not None:  # "nhận tin báo 01/03, VKS hủy tạm đình chỉ": 01/03 is not the trigger
        raise DateParseError(unsaid)
    pronounced = None if protests_from else td.pronounced_index(folded, kind, related, dates)
    if pronounced is not None:  # an absent party's appeal from the receipt, the protests from the pronouncement
        (a, b), day = dates[pronounced], [f.day for f in find_dates(folded, local_time(now)) if f.day][pronounced]
        return detect_deadline_query(folded[:a] + " " * (b - a) + folded[b:], now, protests_from=day)
    later = td.trigger_index(folded, kind, related, dates)
    if later is not None:  # "tuyên án 27/02, vắng mặt, nhận bản án 05/03": the earlier dates are not it
        for a, b in sorted(dates[:later], reverse=True):
            folded = folded[:a] + " " * (b - a) + folded[b:]
        return detect_deadline_query(folded, now)
    chosen = _chosen(folded, kind, now)  # the CQĐT's receipt, not the arrest; a tạm giam after a release
    if chosen is not None:
        return detect_deadline_query(chosen, now)
    if kind.startswith("tam_giam") and closes_the_order(folded, spans[0][0]):  # "lệnh … hết ngày 03/05"
        raise DateParseError(ORDER_END.format(day=fmt_date(parsed.day)))
    if kind.startswith("tam_giu") and closes_the_order(folded, spans[0][0], ("tam giu",)):  # "hết hạn lúc 8h …"
        hour = f"{parsed.time:%H:%M} " if parsed.time else ""
        raise DateParseError(CUSTODY_END.format(moment=f"{hour}{fmt_date(parsed.day)}"))
    if not kind.startswith(("tam_giam", "tam_giu")) and closes_a_period(folded, spans[0][0]):
        raise DateParseError(PERIOD_END.format(day=fmt_date(parsed.day)))  # "hạn truy tố hết ngày 20/03, gh 10 ngày"
    start, tam_giu_days, chained, note = parsed.value(), None, None, None
    if kind.startswith("tam_giam"):  # tạm giữ days to deduct; "tạm giữ từ … rồi tạm giam": after it
        try:
            start, tam_giu_days, rest, chained = after_custody(rest, marked, start)
        except CustodyChainError as exc:
            raise DateParseError(exc.message_vi) from exc
        except SeparatePeriods:
            return None  # two periods of two people (or two times): no one card; the parts are computed apart
        if other_case_said(marked):  # a tạm giữ in another case is not deducted (TTLT 04/2018 Đ17 k1)
            if chained is not None:  # counted on from that tạm giữ's end: the tạm giam's own day is asked
                raise DateParseError(OTHER_CASE_START)
            tam_giu_days, note = None, OTHER_CASE_NOTE
    staged = _staged_order(kind, rest)  # "tạm giam chuẩn bị xét xử 45 ngày từ …": the order's own days
    kind = "tam_giam" if staged else kind
    months = days = None
    if kind in ("tam_giam", INVESTIGATION):
        order = order_part(rest)  # not the extension's length
        try:
            months, days = order_length(order)  # "2 tháng", "1,5 tháng" (45 days), "nửa tháng"
        except OrderLengthError as exc:
            raise DateParseError(exc.message_vi) from exc
        if not (months or days) and asks_the_most(rest):  # the most the law allows: Đ173's scheme
            kind = "tam_giam_dieu_tra"
        if tam_giu_days and already_deducted(rest):  # "57 ngày (đã trừ 3 ngày tạm giữ)": net of it
            if months:
                raise DateParseError(ALREADY_DEDUCTED)
            tam_giu_days = 0
    category = category_in(rest) or named_category(rest)  # "vụ đánh bạc …": by the crime, when its clauses agree
    try:
        category = category_from_length(kind, term_text(marked), category)
        kind = order_kind(kind, category, months, days)  # "để điều tra … 2 tháng": the order's 2 months
    except LengthMismatch:
        return None  # "điều tra 3 tháng" of a crime whose term is another: the rule, not a date
    except InvestigationOrderError as exc:
        raise DateParseError(exc.message_vi) from exc
    if kind == INVESTIGATION:
        months = days = None  # the law's term, as the card shows it
    anqg = anqg_in(rest)
    trigger = staged or td.trigger_label(folded, kind, () if protests_from else related, spans[0][0])
    return DeadlineQuery(
        kind, start, category, months, days, tam_giu_days, anqg, related, chained, trigger, protests_from, note=note
    )
