"""Vietnamese date/time text: the dates and times a message writes, read against ``now``.

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
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from knowledge.deadlines.datevalues import DateParseError, ParsedDateTime, make_date, make_time
from knowledge.deadlines.dayparts import AFTER_TIME, RELATIVE, RELATIVE_DAYS, in_period, relative_word, vague_week
from knowledge.deadlines.regional import plain_words
from knowledge.deadlines.weekdays import weekday_dates
from knowledge.kb.telex import plain_text

VN_TZ = timezone(timedelta(hours=7))


def fold_text(text: str) -> str:
    """Lower case, no diacritics, đ→d, whitespace collapsed, Telex keys left in words read away
    ("giamf", "heets"); punctuation kept."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain_words(plain_text(" ".join(bare.lower().split())))


def local_time(now: datetime) -> datetime:
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


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def find_dates(folded: str, now: datetime, *, answer: bool = False) -> list[_Found]:
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
    written = bool(found)  # a date with its year: a yearless one that this year lacks is only named
    for m in _DM.finditer(folded):
        if free(m):
            if written and int(m[1]) == 29 and int(m[2]) == 2 and not _leap(now.year):
                continue  # "… vì năm 2025 không có ngày 29/2": a day named, not a date of the question
            found.append(_Found(m.start(), m.end(), make_date(int(m[1]), int(m[2]), now.year)))
            taken.append(m.span())
    if not found:  # "thứ 7 tuần trước": only when no date is written (a written one says it better)
        found += [_Found(w.start, w.end, w.day) for w in weekday_dates(folded, now.date(), answer=answer)]
    for m in RELATIVE.finditer(folded):
        word, begins = relative_word(m)
        day = now.date() + timedelta(days=RELATIVE_DAYS[word])
        moment = now.time().replace(second=0, microsecond=0) if word in ("bay gio", "luc nay") else None
        found.append(_Found(begins, m.end(), day, moment, period=m["period"]))
    return _merged(folded, sorted(found, key=lambda f: f.start))


# Between two names of one day: "hôm nay 2/3", "bữa nay, 2/3", "2/3 (hôm nay)", "hôm nay ngày 2/3".
_SAME_DAY_GAP = re.compile(r"[\s,(]*(?:(?:la|tuc|tuc la)\s+)?(?:ngay\s*)?")


def _merged(folded: str, found: list[_Found]) -> list[_Found]:
    """``found`` with a day named twice side by side made one date (its span both names'): one day, not two."""
    out: list[_Found] = []
    for f in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.day is not None
            and last.day == f.day
            and _SAME_DAY_GAP.fullmatch(folded, last.end, f.start)
            and not (last.time and f.time and last.time != f.time)
        ):
            closing = re.match(r"\s*\)", folded[f.end :]) if "(" in folded[last.end : f.start] else None
            end = f.end + (closing.end() if closing else 0)  # "2/3 (hôm nay)": the bracket closed with it
            out[-1] = _Found(last.start, end, f.day, last.time or f.time, period=last.period or f.period)
            continue
        out.append(f)
    return out


def find_times(folded: str, dates: list[_Found]) -> list[_Found]:
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
    local = local_time(now)
    dates = find_dates(folded, local, answer=answer)
    if not dates:
        return None
    first = dates[0]
    spans = [(first.start, first.end)]
    moment, shift = first.time, 0
    if moment is None:
        times = find_times(folded, dates)
        if times:
            nearest = min(times, key=lambda f: min(abs(f.start - first.end), abs(first.start - f.end)))
            assert nearest.hour_minute is not None
            hour, minute = nearest.hour_minute
            if (hour, minute) == (24, 0) and first.day is not None:  # "hết 24h ngày 15/3/2026": the day's end
                spans.append((nearest.start, nearest.end))
                return ParsedDateTime(first.day, None), spans
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
