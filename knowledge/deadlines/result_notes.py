"""The notes under a computed period: how it was counted, what was assumed, what is not yet certain. Pure.

Each note says something the card's figures cannot: an extension chained from an unshifted or clamped end
(FACTS §1, U), days of tạm giữ deducted, a day-off shift and its source, the 2003 Code before 2018, and
unconfirmed day-off plans (FACTS §15).
"""

from __future__ import annotations

from datetime import date

from knowledge.deadlines.calendar import WorkCalendar
from knowledge.deadlines.chain import ChainBuilder
from knowledge.deadlines.periods import KindDef, StepDef
from knowledge.deadlines.validate import fmt_date

BLTTHS_2015_FROM = date(2018, 1, 1)


def result_notes(
    kd: KindDef,
    builder: ChainBuilder,
    chain: list[StepDef],
    *,
    category: str | None,
    anqg: bool,
    deduct: int,
    extension_anchor: date | None,
    begin_day: date,
    has_steps: bool,
) -> list[str]:
    """The notes of one result, in the order the card shows them."""
    notes: list[str] = list(kd.notes)
    chained = [i for i, s in enumerate(chain, start=1) if s.anchor == "previous"]
    odd = [(d, why) for i, d, why in builder.flags if why and any(c == i + 1 for c in chained)]
    if odd:
        detail = "; ".join(f"{fmt_date(d)}: {', '.join(why)}" for d, why in odd)
        notes.append(
            f"Lần gia hạn được tính nối tiếp từ ngày cuối của lần trước theo cách tính gốc, không theo ngày đã lùi ({detail}). "
            "Đây là cách tính thận trọng nhất, chưa có hướng dẫn chính thức; anh/chị có thể nhập mốc gia hạn khác."
        )
    if anqg:
        notes.extend(kd.anqg_notes.get(category or "", ()))
    if deduct:
        notes.append(
            f"Đã trừ {deduct} ngày tạm giữ (1 ngày tạm giữ = 1 ngày tạm giam). Nếu tạm giữ bị rút ngắn, "
            "số ngày được trừ chưa có hướng dẫn thống nhất: anh/chị kiểm tra lại."
        )
    if extension_anchor is not None:
        notes.append(f"Lần gia hạn tính từ mốc {fmt_date(extension_anchor)} do anh/chị nhập.")
    if builder.shifted_any and kd.authority_limit:
        notes.append(
            "Lùi sang ngày làm việc theo Điều 134 khoản 1; với thời hạn của cơ quan tiến hành tố tụng, "
            "cách áp dụng này theo nguồn thứ cấp."
        )
    elif builder.shifted_any and getattr(kd.base.length_for(category), "unit", "") == "d":  # FACTS §1: S
        notes.append(
            "Thời hạn tính theo ngày hết vào ngày nghỉ thì lùi sang ngày làm việc tiếp theo: theo hướng dẫn "
            "(NQ 05/2005/NQ-HĐTP), nguồn thứ cấp."
        )
    if begin_day < BLTTHS_2015_FROM:
        notes.append("BLTTHS 2015 áp dụng từ 01/01/2018; với sự việc trước đó anh/chị đối chiếu BLTTHS 2003.")
    notes.extend(provisional_notes(tuple(sorted(builder.provisional)), builder.cal))
    if kd.counting == "custody_days" and has_steps:
        notes.append("Tổng thời hạn là mức tối đa khi được gia hạn đủ các lần.")
    return notes


def provisional_notes(days: tuple[date, ...], cal: WorkCalendar) -> list[str]:
    """One warning per year whose day-off plan is not confirmed (FACTS §15), and per unconfirmed swap."""
    notes = []
    for why, of in cal.provisional_words(days):
        listed = ", ".join(fmt_date(d) for d in of)
        guessed = "ngày nghỉ dự kiến theo quy tắc chung: " if cal.unconfirmed_reason(of[0]) is None else ""
        notes.append(f"Cảnh báo: {why} — ngày này có thể thay đổi ({guessed}{listed}).")
    return notes
