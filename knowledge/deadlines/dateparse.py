"""Vietnamese date/time text, and free-text deadline questions.

Times are local Vietnamese wall-clock time. ``now`` may be naive (taken as
Asia/Ho_Chi_Minh local time) or aware (converted to UTC+7, Vietnam has had no DST since
1975); every result is naive local time, which is what :func:`knowledge.deadlines.calculator.compute`
expects.

Text is folded locally (lower case, marks removed, đ→d) *keeping* ``/ . - :`` and leading
zeros, which ``knowledge.kb.normalize.fold`` drops for search. Pure: ``now`` is a parameter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone

from knowledge.deadlines import trigger_date as td
from knowledge.deadlines.crime_category import anqg_in, category_in
from knowledge.deadlines.custody_chain import CustodyChainError, after_custody
from knowledge.deadlines.custody_days import already_deducted, custody_words
from knowledge.deadlines.date_choice import CUSTODY_END, ORDER_END, closes_the_order, counted_moment
from knowledge.deadlines.datevalues import DateParseError, ParsedDateTime, make_date, make_time
from knowledge.deadlines.day_off_aside import without_day_off_asides
from knowledge.deadlines.dayparts import AFTER_TIME, RELATIVE, RELATIVE_DAYS, in_period, relative_word, vague_week
from knowledge.deadlines.decision_day import decision_index, hearing_alone
from knowledge.deadlines.detention_kinds import asks_the_most, order_part
from knowledge.deadlines.investigation_order import INVESTIGATION, InvestigationOrderError, order_kind
from knowledge.deadlines.kind_words import detect_kind, spell_out
from knowledge.deadlines.order_length import OrderLengthError, order_length
from knowledge.deadlines.receipt_trigger import not_the_trigger
from knowledge.deadlines.regional import plain_words
from knowledge.deadlines.stated_length import LengthMismatch, category_from_length, term_text
from knowledge.deadlines.validate import fmt_date
from knowledge.deadlines.weekdays import weekday_dates
from knowledge.kb.numbers import numbers_from_words
from knowledge.kb.telex import plain_text

VN_TZ = timezone(timedelta(hours=7))


def fold_text(text: str) -> str:
    """Lower case, no diacritics, đ→d, whitespace collapsed, Telex keys left in words read away
    ("giamf", "heets"); punctuation kept."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain_words(plain_text(" ".join(bare.lower().split())))


def _local(now: datetime) -> datetime:
    return now.astimezone(VN_TZ).replace(tzinfo=None) if now.tzinfo is not None else now


def _year(raw: str | None, now: datetime) -> int:
    return now.year if not raw else 2000 + int(raw) if len(raw) == 2 else int(raw)


# Date forms, on folded text. Each yields (day, month, year-or-None) through _DATE_BUILDERS.
_ISO = re.compile(r"(?<![\d/.\-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/\-:]|\.\d)")
_DMY = re.compile(r"(?<![\d/.\-:])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/\-:]|\.\d)")  # "…/2026. Hỏi"
_WORDS = re.compile(r"(?<![a-z])(?:ngay|mung|mong)\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam\s+)?(\d{4}))?(?![\d/])")
_DM = re.compile(r"(?<![\d/.\-:])(\d{1,2})/(\d{1,2})(?![\d/]|\.\d)")

# Times: 14:30, 14h, 14h30, 14 gio 30 (phut), 14g30.
_HM_COLON = re.compile(r"(?<![\d:/.\-])(\d{1,2}):(\d{2})(?![\d:/])")
_HM_WORD = re.compile(r"(?<![\d:/.\-])(\d{1,2})\s*(?:gio|h|g)\s*(\d{1,2})(?![\d/.\-:])(?:\s*(?:phut|p)(?![a-z]))?")
_H_WORD = re.compile(r"(?<![\d:/.\-])(\d{1,2})\s*(?:gio|h|g)(?![a-z\d])")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    day: date | None = None
    time: time | None = None
    hour_minute: tuple[int, int] | None = None  # a time token, validated only if it is used
    period: str | None = None  # part of the day said with it: sang, trua, chieu, toi, dem


def _find_dates(folded: str, now: datetime, *, answer: bool = False) -> list[_Found]:
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    for m in _ISO.finditer(folded):
        found.append(_Found(m.start(), m.end(), make_date(int(m[3]), int(m[2]), int(m[1]))))
        taken.append(m.span())
    for m in _DMY.finditer(folded):
        if free(m):
            found.append(_Found(m.start(), m.end(), make_date(int(m[1]), int(m[3]), _year(m[4], now))))
            taken.append(m.span())
    for m in _WORDS.finditer(folded):
        if free(m):
            found.append(_Found(m.start(), m.end(), make_date(int(m[1]), int(m[2]), _year(m[3], now))))
            taken.append(m.span())
    for m in _DM.finditer(folded):
        if free(m):
            found.append(_Found(m.start(), m.end(), make_date(int(m[1]), int(m[2]), now.year)))
            taken.append(m.span())
    if not found:  # "thứ 7 tuần trước": only when no date is written (a written one says it better)
        found += [_Found(w.start, w.end, w.day) for w in weekday_dates(folded, now.date(), answer=answer)]
    for m in RELATIVE.finditer(folded):
        word, begins = relative_word(m)
        day = now.date() + timedelta(days=RELATIVE_DAYS[word])
        moment = now.time().replace(second=0, microsecond=0) if word in ("bay gio", "luc nay") else None
        found.append(_Found(begins, m.end(), day, moment, period=m["period"]))
    return sorted(found, key=lambda f: f.start)


def _find_times(folded: str, dates: list[_Found]) -> list[_Found]:
    taken = [(f.start, f.end) for f in dates]
    found: list[_Found] = []
    for rx in (_HM_COLON, _HM_WORD, _H_WORD):
        for m in rx.finditer(folded):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                minute = int(m[2]) if rx is not _H_WORD else 0
                after = AFTER_TIME.match(folded, m.end())
                period = after[1] if after else None
                found.append(_Found(m.start(), m.end(), hour_minute=(int(m[1]), minute), period=period))
                taken.append(m.span())
    return found


def find_date_time(
    text: str, now: datetime, *, answer: bool = False
) -> tuple[ParsedDateTime, list[tuple[int, int]]] | None:
    """The first date in ``text`` and the nearest time, with the spans used (folded text).

    Returns ``None`` when there is no date; raises :class:`DateParseError` for an
    impossible date or time (31/02, 29/02 of a common year, month 13, hour 25). ``answer``:
    the text answers a question for a date, so a weekday of a named week needs no event word.
    """
    folded = fold_text(text)
    local = _local(now)
    dates = _find_dates(folded, local, answer=answer)
    if not dates:
        return None
    first = dates[0]
    spans = [(first.start, first.end)]
    moment, shift = first.time, 0
    if moment is None:
        times = _find_times(folded, dates)
        if times:
            nearest = min(times, key=lambda f: min(abs(f.start - first.end), abs(first.start - f.end)))
            assert nearest.hour_minute is not None
            hour, minute = nearest.hour_minute
            make_time(hour, minute)  # an impossible time is refused as typed
            hour, shift = in_period(hour, nearest.period or first.period)
            moment = make_time(hour, minute)
            spans.append((nearest.start, nearest.end))
    assert first.day is not None
    return ParsedDateTime(first.day + timedelta(days=shift), moment), spans


def parse_date_time(text: str, now: datetime) -> ParsedDateTime:
    """Parse a date (and optional time) the user typed; raise :class:`DateParseError` if none."""
    result = find_date_time(text, now, answer=True)
    if result is None:
        raise DateParseError(
            vague_week(fold_text(text))
            or f"Không nhận ra ngày trong “{text.strip()}”. Anh/chị nhập theo dạng ngày/tháng/năm, "
            "ví dụ 03/05/2026 hoặc 03/05/2026 14:30."
        )
    return result[0]


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


def _chosen(folded: str, kind: str, now: datetime) -> str | None:
    """The text with only the moment the law counts from, when it is not the first (``date_choice``)."""
    found = _find_dates(folded, _local(now))
    times = [(t.start, t.end, t.hour_minute, t.period) for t in _find_times(folded, found)]
    try:
        return counted_moment(folded, kind, [(f.start, f.end, f.day, f.period) for f in found if f.day], times)
    except ValueError as exc:
        raise DateParseError(str(exc)) from exc


ALREADY_DEDUCTED = (
    "Thời hạn tính bằng tháng trong lệnh thường chưa trừ ngày tạm giữ, nên trợ lý không đoán. Nếu lệnh ghi số ngày "
    "đã trừ, anh/chị gõ số ngày đó, ví dụ «tạm giam 57 ngày từ 04/03/2018»; nếu chưa trừ: «tạm giam 2 tháng từ "
    "04/03/2018, đã tạm giữ 3 ngày»."
)


# A question about who acts (not when something ends) is no calculation, even with a date in it.
_WHO = re.compile(r"\b(ai|tham quyen|cap nao|nguoi nao)\b")
_WHEN = re.compile(r"\b(ngay nao|het han|khi nao|bao gio|den ngay|het ngay|luc nao|may gio|den het)\b")


def detect_deadline_query(text: str, now: datetime, *, protests_from: date | None = None) -> DeadlineQuery | None:
    """Recognise "tạm giữ từ 14h 03/05/2026 hết hạn khi nào" and the like.

    Returns ``None`` unless the text names a period *and* a date (plain questions go to
    the Q&A search). Detention during a supplementary investigation that does not say who
    returned the file has the kind ``UNSAID_RETURN``: the caller asks (never computed as is).
    Raises :class:`DateParseError` when the date itself is impossible.
    """
    folded = without_day_off_asides(fold_text(text))  # "…, 30/4 nghỉ lễ có lùi ko": not an input
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
    dates = [(f.start, f.end) for f in _find_dates(folded, _local(now)) if f.day is not None]
    decided = decision_index(folded, kind, dates)
    if decided is not None:  # "thụ lý 02/03, quyết định đưa vụ án ra xét xử 05/03": 05/03 is not the start
        (a, b), day = dates[decided], [f.day for f in _find_dates(folded, _local(now)) if f.day][decided]
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
        (a, b), day = dates[pronounced], [f.day for f in _find_dates(folded, _local(now)) if f.day][pronounced]
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
    start, tam_giu_days, chained = parsed.value(), None, None
    if kind.startswith("tam_giam"):  # tạm giữ days to deduct; "tạm giữ từ … rồi tạm giam": after it
        try:
            start, tam_giu_days, rest, chained = after_custody(rest, marked, start)
        except CustodyChainError as exc:
            raise DateParseError(exc.message_vi) from exc
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
    category = category_in(rest)
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
    trigger = td.trigger_label(folded, kind, () if protests_from else related, spans[0][0])
    return DeadlineQuery(
        kind, start, category, months, days, tam_giu_days, anqg, related, chained, trigger, protests_from
    )
