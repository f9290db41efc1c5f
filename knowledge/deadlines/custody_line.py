"""The tạm giữ a chained tạm giam card was counted after, shown on the card: "tạm giữ từ 10h
01/12/2026, hết tạm giữ thì tạm giam 2 tháng" shows the custody from 10:00 01/12 to 10:00 04/12 (its
3 days, Đ118 k1, unless the question says its own), the tạm giam from 04/12 and the 3 days deducted
(TTLT 04/2018 Điều 17), as when the same is asked in two messages. The card's inputs keep the
custody's start and days (``custody_start``, ``tam_giu_days``): the register takes them as they are.
Pure."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from knowledge.deadlines.calculator import fmt_date
from knowledge.deadlines.calendar import weekday_vi

_STARTS = "Bắt đầu:"


def _moment(at: date | datetime) -> str:
    day = at.date() if isinstance(at, datetime) else at
    hour = f"{at:%H:%M} " if isinstance(at, datetime) else ""
    return f"{hour}{weekday_vi(day)} {fmt_date(day)}"


def custody_line(custody_start: date | datetime, days: int) -> str:
    """ "Tạm giữ: từ 10:00 Thứ Ba 01/12/2026 đến 10:00 Thứ Sáu 04/12/2026 (3 ngày, trừ vào tạm giam)"."""
    end = custody_start + timedelta(days=days)
    return (
        f"Tạm giữ: từ {_moment(custody_start)} đến {_moment(end)} ({days} ngày, trừ vào tạm giam; "
        "nếu số ngày tạm giữ khác, anh/chị gõ «nếu tạm giữ N ngày»)"
    )


def with_custody(card: str, inputs: dict[str, object]) -> str:
    """``card`` with its tạm giữ line before its start, when the card counts after one (see the module)."""
    began, days = inputs.get("custody_start"), inputs.get("tam_giu_days")
    if not isinstance(began, str) or not isinstance(days, int) or days <= 0 or _STARTS not in card:
        return card
    start = datetime.fromisoformat(began) if "T" in began else date.fromisoformat(began)
    at = card.index(_STARTS)
    return card[:at] + custody_line(start, days) + "\n" + card[at:]
