"""The day an extension is said to start, beside the order it extends: "tạm giam 2 tháng từ 05/03/2026,
đã gia hạn từ 05/05/2026 …". An extension runs on from the day after the period it extends ends (TTLT
04/2018 Đ17; NQ 04/2004, FACTS §1 S): when the day said is another, one of the two dates (or the order's
length) is not what the calculator would count from, and the answer says so instead of counting from
either. Pure; the text is folded (``dateparse.fold_text``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from knowledge.deadlines.calculator import DeadlineInputError, compute, fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.custody_days import custody_segment, custody_words
from knowledge.deadlines.datefind import find_dates
from knowledge.deadlines.dateparse import DateParseError, detect_deadline_query, fold_text
from knowledge.deadlines.detention_extension import PLAIN, check_plain, stage_decides
from knowledge.deadlines.extension_ask import read_extension
from knowledge.deadlines.periods import load_periods
from knowledge.deadlines.plain import plain_question
from knowledge.deadlines.result import DeadlineResult
from knowledge.deadlines.trigger_date import EXTENSION_FROM


def extension_start(text: str, now: datetime) -> date | None:
    """The day the text says an extension starts (a date right after "gia hạn … từ"), or None."""
    folded = fold_text(text)
    for found in find_dates(folded, now):
        if found.day is not None and EXTENSION_FROM.search(folded[: found.start]):
            return found.day
    return None


def mismatch(result: DeadlineResult, nth: int, said: date) -> str | None:
    """Why extension ``nth`` cannot start on ``said``: a tạm giam's starts the day after the period
    before it ends, a tạm giữ's the moment it ends; None when it does, or for other counts."""
    if result.counting not in ("custody_days", "clock"):
        return None
    before = result.base if nth <= 1 or nth - 2 >= len(result.steps) else result.steps[nth - 2]
    clock = result.counting == "clock"
    expected = before.last_day + timedelta(days=0 if clock else 1)
    if said == expected:
        return None
    what = ("thời hạn tạm giữ" if clock else "thời hạn tạm giam") if nth <= 1 else f"lần gia hạn thứ {nth - 1} (tối đa)"
    ends = f"{before.end_time} ngày {fmt_date(before.last_day)}" if clock else f"ngày {fmt_date(before.last_day)}"
    example = (
        f"«tạm giữ từ <giờ> {fmt_date(said)} hết lúc nào»"
        if clock
        else f"«tạm giam 1 tháng từ {fmt_date(said)} thì hết ngày nào»"
    )
    return (
        f"{result.label}: {what} hết {ends}, nên lần gia hạn tiếp theo bắt đầu từ "
        f"{fmt_date(expected)}, không phải {fmt_date(said)} như câu hỏi ghi. Một trong hai ngày (hoặc thời hạn "
        "trong lệnh, quyết định) chưa khớp, nên trợ lý không tính ngày hết gia hạn. Anh/chị kiểm tra lại lệnh, "
        f"quyết định và lần gia hạn; nếu lần gia hạn ghi rõ ngày bắt đầu, hỏi theo đó, ví dụ {example}."
    )


def from_its_day(text: str, now: datetime) -> tuple[str, bool] | None:
    """ "tạm giam từ 05/03, đã gia hạn 1 tháng từ 05/05": the order's length is not said, the
    extension's day is. The answer (and whether it dates the extension): counted from that day (an
    extension is an order of its own: day one is its start, 30 days a month, never shifted), checked
    against Đ173; without its length, asked. None: not such a question."""
    try:
        query = detect_deadline_query(text, now)
    except DateParseError:
        return None
    said = extension_start(text, now)
    plain = custody_words(plain_question(text))
    if query is None or query.kind != PLAIN or query.months or query.days or said is None:
        return None
    if custody_segment(plain) is not None:
        return None
    ask = read_extension(plain)
    begun = query.start.date() if isinstance(query.start, datetime) else query.start
    if ask is None or not (ask.months or ask.days) or ask.hours:
        return (
            f"Câu hỏi có ngày bắt đầu tạm giam ({fmt_date(begun)}) và ngày bắt đầu gia hạn ({fmt_date(said)}); ngày "
            "hết hạn tính theo lệnh gia hạn. Anh/chị cho biết thời hạn gia hạn ghi trong lệnh, ví dụ «tạm giam từ "
            f"{fmt_date(begun)}, gia hạn 1 tháng từ {fmt_date(said)} thì hết ngày nào».",
            False,
        )
    total, asked = 30 * ask.months + ask.days, ask.length_text()
    category, anqg = ask.category or query.category, ask.anqg or query.anqg
    verdict = check_plain(load_periods(), total, asked, ask.nth or 1, category, anqg)
    if verdict.refusal:
        return "\n".join(line for line in verdict.refusal if line), False
    try:
        result = compute(PLAIN, said, months=ask.months or None, days=ask.days or None, today=now.date())
    except DeadlineInputError as exc:
        return exc.message_vi, False
    last = result.base.last_day
    decides = stage_decides(load_periods(), [total], category)  # Đ173 or Đ174 k1: the stage may decide
    return (
        f"{result.label.upper()}: gia hạn {asked} ({total} ngày) từ {fmt_date(said)}: đến hết ngày "
        f"{weekday_vi(last)} {fmt_date(last)}; trả tự do chậm nhất 24:00 ngày {fmt_date(last)}.\n"
        "Ngày bắt đầu gia hạn là ngày thứ nhất; một tháng tạm giam tính 30 ngày, không lùi ngày nghỉ (Điều 17 TTLT "
        f"04/2018). Chưa đối chiếu với lệnh tạm giam từ {fmt_date(begun)} (câu hỏi không ghi thời hạn của lệnh): "
        "lần gia hạn phải bắt đầu ngay sau ngày cuối của lệnh đó.\n" + "\n".join(verdict.notes),
        decides,
    )
