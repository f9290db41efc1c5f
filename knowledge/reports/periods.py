"""Report periods: calendar months, quarters, and the statistics periods of QĐ 358/QĐ-VKSTC
(6 months = 01/12 – 31/05, 12 months = 01/12 – 30/11; FACTS §10). Pure."""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

PERIOD_RULES = ("month", "quarter", "half_year", "year")
PERIOD_RULE_LABELS = {"month": "tháng", "quarter": "quý", "half_year": "6 tháng", "year": "12 tháng"}
_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True, slots=True, order=True)
class Period:
    start: date
    end: date
    key: str  # "2026-11", "2026-Q4", "2026-6T", "2026-12T"
    label: str


def _month_period(year: int, month: int) -> Period:
    end = date(year, month, monthrange(year, month)[1])
    return Period(date(year, month, 1), end, f"{year}-{month:02d}", f"tháng {month:02d}/{year}")


def _periods_of_year(rule: str, year: int) -> list[Period]:
    """Every period of ``rule`` that belongs to statistics/calendar year ``year``."""
    if rule == "month":
        return [_month_period(year, m) for m in range(1, 13)]
    if rule == "quarter":
        out = []
        for q in range(4):
            start = date(year, 3 * q + 1, 1)
            end_month = 3 * q + 3
            end = date(year, end_month, monthrange(year, end_month)[1])
            out.append(Period(start, end, f"{year}-Q{q + 1}", f"quý {_ROMAN[q]}/{year}"))
        return out
    start = date(year - 1, 12, 1)
    if rule == "half_year":
        end = date(year, 5, 31)
        return [Period(start, end, f"{year}-6T", f"6 tháng đầu năm {year} (01/12/{year - 1} – 31/05/{year})")]
    end = date(year, 11, 30)
    return [Period(start, end, f"{year}-12T", f"12 tháng năm {year} (01/12/{year - 1} – 30/11/{year})")]


def periods_between(rule: str, first: date, last: date) -> list[Period]:
    """Periods of ``rule`` that end on or after ``first`` and start on or before ``last``."""
    found = []
    for year in range(first.year - 1, last.year + 2):
        for p in _periods_of_year(rule, year):
            if p.end >= first and p.start <= last:
                found.append(p)
    return sorted(found)


def period_by_key(rule: str, key: str) -> Period | None:
    match = re.match(r"^(\d{4})-", key)
    if not match:
        return None
    for p in _periods_of_year(rule, int(match.group(1))):
        if p.key == key:
            return p
    return None


# Words that may surround a typed period and say nothing more than the rule does.
_FILLER = re.compile(r"\b(?:ky|nam|dau|cuoi)\b")


def _plain(text: str) -> str:
    """Lower case, no Vietnamese diacritics (đ → d), single spaces."""
    folded = unicodedata.normalize("NFD", text.strip().lower().replace("đ", "d"))
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


def parse_period(rule: str, text: str) -> Period | None:
    """A period typed by a user, in any of the ways the assistant writes or accepts dates: its key
    ("2026-11", "2026-Q4", "2026-6T", "2026-12T"); months "11/2026", "2026-11", "tháng 11/2026";
    quarters "quý 4/2026", "Q4/2026", "quý IV/2026"; half years "6 tháng 2026", "6 tháng đầu năm
    2026", "2026"; years "năm 2026", "12 tháng 2026", "2026"."""
    raw = _plain(text)
    if (direct := period_by_key(rule, raw.upper())) is not None:
        return direct
    raw = _FILLER.sub(" ", raw.replace("thang", " ").replace("quy", " q"))
    if rule == "half_year":
        raw = re.sub(r"^6\s+", "", raw.strip())
    if rule == "year":
        raw = re.sub(r"^12\s+", "", raw.strip())
    raw = re.sub(r"\s+", "", raw)
    if rule == "month" and (m := re.fullmatch(r"(\d{1,2})[/.-](\d{4})|(\d{4})[/.-](\d{1,2})", raw)):
        month, year = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(4)), int(m.group(3)))
        return _month_period(year, month) if 1 <= month <= 12 and 2000 <= year <= 2100 else None
    if rule == "quarter" and (m := re.fullmatch(r"q([1-4]|iv|i{1,3})[/.-]?(\d{4})", raw)):
        # "Q4/2026", and "quý IV/2026" as the labels show it.
        number = m.group(1) if m.group(1).isdigit() else str(_ROMAN.index(m.group(1).upper()) + 1)
        return period_by_key(rule, f"{m.group(2)}-Q{number}")
    if rule in ("half_year", "year") and re.fullmatch(r"\d{4}", raw) and 2000 <= int(raw) <= 2100:
        return _periods_of_year(rule, int(raw))[0]
    return None


def current_period(rule: str, today: date) -> Period:
    """The period of ``rule`` that contains ``today``."""
    return next(p for p in periods_between(rule, today, today) if p.start <= today <= p.end)


def period_text(period: Period) -> str:
    """How to type ``period`` back in a command: "11/2026", "quý 4/2026", "6 tháng 2026", "năm 2026"."""
    year, _, part = period.key.partition("-")
    if part.startswith("Q"):
        return f"quý {part[1:]}/{year}"
    if part == "6T":
        return f"6 tháng {year}"
    if part == "12T":
        return f"năm {year}"
    return f"{part}/{year}"


def short_label(period: Period) -> str:
    """The label without its dates in brackets: "6 tháng đầu năm 2026", "tháng 11/2026"."""
    return period.label.split(" (", 1)[0]
