"""A tạm giam and a tạm giữ dated after the tạm giam's start, asked in one sentence: "tạm giam 2 tháng từ 01/02/2026,
còn tạm giữ 3 ngày từ 01/03/2026 thì hết ngày nào". The custody cannot be deducted from a detention that began
before it (TTLT 04/2018 Điều 17 deducts the custody that preceded the detention), so the two are two periods, each
computed on its own; ``custody_chain`` refuses to chain them (``SeparatePeriods``). Cut where the custody is named
(with the "còn", "và" that joins it). Pure; ``now`` is local time."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise

from knowledge.deadlines.datefind import find_dates, fold_text
from knowledge.deadlines.datevalues import DateParseError

_DETENTION = ("tgiam", "t.giam")
_CUSTODY = ("tgiu", "t.giu")
_JOINS = ("con", "va", "voi", "nhung", "roi")


def _measure_at(words: list[str], i: int, one: tuple[str, ...], second: str) -> bool:
    word = words[i].strip(",.;:")
    return word in one or (word == "tam" and i + 1 < len(words) and words[i + 1].strip(",.;:") == second)


_UNITS = ("ngay", "thang", "ng", "th")


def _kind(words: list[str], i: int) -> str | None:
    """The measure a period starts with at ``i`` — named with its length ("tạm giam 2 tháng", "tgiu 3 ngày"), so
    that a place ("trại tạm giam") or a state ("đang bị tạm giam") is none."""
    after = [w.strip(",.;:()") for w in words[i + 1 : i + 6]]
    sized = any(a.isdigit() and b in _UNITS for a, b in pairwise(after))
    if not sized:
        return None
    if _measure_at(words, i, _DETENTION, "giam"):
        return "giam"
    return "giu" if _measure_at(words, i, _CUSTODY, "giu") else None


def periods_apart(text: str, now: datetime) -> list[str] | None:
    """The message cut into its two dated periods, or None when it is not that: a tạm giam and a tạm giữ dated
    after its start, or the same measure named twice, each with its own date ("tgiam 2 tháng từ 1/2 và tgiam 3 tháng
    từ 1/3 thì hết khi nào": two orders)."""
    words, folded_words = text.split(), fold_text(text).split()
    if len(words) != len(folded_words):
        return None
    folded = " ".join(folded_words)
    starts = [len(" ".join(folded_words[:i])) + (1 if i else 0) for i in range(len(folded_words))]
    try:
        dates = [(f.start, f.day) for f in find_dates(folded, now) if f.day is not None]
    except DateParseError:
        return None  # an impossible date ("29/02/2026"): the calculator says what is wrong with it
    named = [(i, kind) for i in range(len(words)) if (kind := _kind(folded_words, i)) is not None]
    if len(named) < 2 or len(dates) < 2:
        return None
    first_at, first_kind = named[0]
    first = next(((at, day) for at, day in dates if at > starts[first_at]), None)
    if first is None:
        return None
    for i, kind in named[1:]:
        if starts[i] < first[0]:
            continue
        later = next((day for at, day in dates if at > starts[i]), None)
        custody_after = first_kind == "giam" and kind == "giu" and later is not None and later > first[1]
        if later is None or not (custody_after or kind == first_kind):
            return None
        cut = i - 1 if folded_words[i - 1].strip(",") in _JOINS else i
        return [" ".join(words[:cut]).rstrip(" ,;"), " ".join(words[cut:])]
    return None
