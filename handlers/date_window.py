"""The window of dates a person may enter (review8 B15): a date far in the past or the future is
almost always a typo of the year (1990 for 2026, 2090 for 2026), and taken as typed it gives a
figure that looks exact («quá hạn 13429 ngày») or silences reminders for decades. So:

- a start or decision in the deadline register (typed, from a card, or from an imported row) may be
  at most ``PAST_YEARS`` years before today (the longest chains the register follows — a detention
  for the trial after a long investigation — stay well inside five years);
- the day a unit's reports are tracked from (/donvi theodoi) at most ``FUTURE_YEARS`` year after today;
- a calculator start (/tinhhan) before BLTTHS 2015 applied (01/01/2018) or more than a year ahead is
  asked to be confirmed: typed again, the same day is taken (a calculation stores nothing); the
  official worked examples of 2018 go through without a question.

Anything outside is refused with the date and what to check; nothing is stored.
"""

from __future__ import annotations

from datetime import date

PAST_YEARS = 5
FUTURE_YEARS = 1
CODE_IN_FORCE = date(2018, 1, 1)  # BLTTHS 2015, the law the calculator computes, applies from this day


def _years_from(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02 in a year without it
        return day.replace(year=day.year + years, day=28)


def too_old(day: date, today: date, check: str = "ngày ghi trong lệnh, quyết định") -> str | None:
    """Why ``day`` is refused (more than five years ago), saying what to ``check``, else None."""
    if day >= _years_from(today, -PAST_YEARS):
        return None
    return (
        f"Ngày {day:%d/%m/%Y} cách hôm nay hơn {PAST_YEARS} năm: có thể gõ nhầm năm. Trợ lý nhận ngày "
        f"trong {PAST_YEARS} năm gần đây; anh/chị kiểm tra lại {check}."
    )


def too_far_ahead(day: date, today: date) -> str | None:
    """Why ``day`` is refused as a day to start tracking from (more than a year ahead), else None."""
    if day <= _years_from(today, FUTURE_YEARS):
        return None
    return (
        f"Ngày {day:%d/%m/%Y} cách hôm nay hơn {FUTURE_YEARS} năm: có thể gõ nhầm năm, và đến ngày đó đơn vị "
        "sẽ không được nhắc báo cáo. Anh/chị kiểm tra lại năm."
    )


def confirm_far(day: date, today: date, draft: dict[str, object], key: str = "far_ok") -> str | None:
    """For the calculator: the question to confirm a day before ``CODE_IN_FORCE`` (the law it computes
    did not apply yet: 1990 for 2026) or more than a year ahead, or None to go on (a day inside, or the
    same day typed a second time). Remembers the day asked about in ``draft``."""
    if day < CODE_IN_FORCE:
        problem = f"Ngày {day:%d/%m/%Y} trước ngày BLTTHS 2015 có hiệu lực ({CODE_IN_FORCE:%d/%m/%Y})"
    elif day > _years_from(today, FUTURE_YEARS):
        problem = f"Ngày {day:%d/%m/%Y} cách hôm nay hơn {FUTURE_YEARS} năm"
    else:
        problem = ""
    if not problem or draft.get(key) == day.isoformat():
        draft.pop(key, None)
        return None
    draft[key] = day.isoformat()
    return f"{problem}: có thể gõ nhầm năm. Nếu đúng là ngày đó, anh/chị gõ lại đúng ngày ấy để tính."
