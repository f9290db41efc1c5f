"""The tạm giữ a question states, beside the law's card: "tạm giữ 2 ngày từ 9h 02/03" (a decision
shorter than 3 days), "tạm giữ 48 giờ", "tạm giữ 3 ngày, gia hạn lần 1 3 ngày, lần 2 2 ngày". The
card shows the law's term and extensions (Đ118 k1, k2); what was asked is counted by the clock from
the same start and said first: the card's 3-day end is not that decision's (a later release date
than the decision allows). Nothing when the question states only the law's 3 days, or nothing."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bot.chat.messages import Reply
from knowledge.deadlines.calculator import DeadlineResult, fmt_date
from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.custody_days import (
    MAX_EXTENSION_DAYS,
    CustodyDaysError,
    custody_segment,
    custody_words,
    read_custody_days,
)
from knowledge.deadlines.register_minors import with_minors

_HOURS = re.compile(r"(?<![\d/.,])(\d{1,3})\s*(?:gio|tieng)(?![a-z])")
# "từ 8 giờ sáng nay", "lúc 8 giờ 30", "8 giờ ngày 02/03": a time of day, not a length.
_AT = re.compile(r"(?<![a-z])(?:tu|luc|vao|vao luc|ke tu|bat dau|bat dau tu|hoi|den|toi)\s*$")
_CLOCK_AFTER = re.compile(r"\s*(?:\d|sang|chieu|toi|trua|dem|khuya|ngay|hom|kem|ruoi)(?![a-z])")
_MAX_HOURS = 9 * 24  # 3 days and two extensions of 3 (Đ118 k1, k2)
_BASIS = "Điều 118 BLTTHS 2015; Điều 17 TTLT 04/2018"


# A term shorter than the law's 3 days (Đ118 k1 "không quá 03 ngày"): counted as the decision says, and it replaces
# the law's 3-day card (whose end is later than the decision allows); only its extensions are offered, from its end
# (Đ118 k2; an extension runs from the end of the term it extends, FACTS §1). Served in full, its days are deducted
# one for one (Đ118 k4, V); only a tạm giữ cut short, or a term not in whole days, is open (FACTS §1 U).
SHORT_TERM = (
    "Lưu ý: thời hạn này ngắn hơn 3 ngày của Điều 118 khoản 1 (tạm giữ không quá 3 ngày), nên ngày trên tính theo "
    "thời hạn ghi trong quyết định."
)
DEDUCTED = (
    " Nếu sau đó tạm giam, thời gian tạm giữ được trừ vào thời hạn tạm giam, một ngày tạm giữ tính bằng một ngày tạm "
    "giam (Điều 118 khoản 4); chỉ khi tạm giữ bị rút ngắn (kết thúc trước thời hạn trên) thì số ngày được trừ chưa có "
    "hướng dẫn thống nhất (chưa kiểm chứng): anh/chị đối chiếu lệnh."
)
PART_DAY = (
    " Nếu sau đó tạm giam: thời hạn này không tròn ngày, nên số ngày tạm giữ được trừ chưa có hướng dẫn thống nhất "
    "(chưa kiểm chứng): anh/chị đối chiếu lệnh."
)
_EXTENSION_DAYS = 3  # each extension of tạm giữ: at most 3 days (Đ118 k2)


def _extensions(end: datetime) -> str:
    first, second = end + timedelta(days=_EXTENSION_DAYS), end + timedelta(days=2 * _EXTENSION_DAYS)
    return (
        "Nếu gia hạn (Điều 118 khoản 2: mỗi lần không quá 3 ngày, Viện kiểm sát phê chuẩn), tính liên tục từ lúc hết "
        f"thời hạn trên: gia hạn lần thứ nhất hết chậm nhất {first:%H:%M} ngày {fmt_date(first.date())}; gia hạn lần "
        f"thứ hai (trường hợp đặc biệt) hết chậm nhất {second:%H:%M} ngày {fmt_date(second.date())}."
    )


def _ends(start: datetime, span: timedelta, said: str, short: bool = False, extended: bool = False) -> Reply:
    end = start + span
    text = (
        f"TẠM GIỮ {said}: hết {end:%H:%M} {weekday_vi(end.date())} {fmt_date(end.date())}; trả tự do chậm nhất "
        f"{end:%H:%M} ngày {fmt_date(end.date())}.\n"
        f"Tính liên tục từ {start:%H:%M} ngày {fmt_date(start.date())}, không lùi ngày nghỉ ({_BASIS})."
    )
    if short:
        whole = span % timedelta(days=1) == timedelta(0)
        text += f"\n{SHORT_TERM}{DEDUCTED if whole else PART_DAY}"
        text += "" if extended else f"\n{_extensions(end)}"
    return Reply(with_minors(text, custody=True))


def replaces_the_card(stated: list[Reply]) -> bool:
    """Whether the custody stated is a decision shorter than the law's 3 days: the law's card is not shown."""
    return any(SHORT_TERM in r.text for r in stated)


def custody_stated(result: DeadlineResult, plain: str) -> list[Reply]:
    """The custody the question states, counted by the clock (see the module), or nothing."""
    start = result.start
    text = custody_words(plain)
    segment = custody_segment(text)
    if result.kind != "tam_giu" or not isinstance(start, datetime) or segment is None:
        return []
    hours = next(
        (
            m
            for m in _HOURS.finditer(text, segment[0], segment[1])
            if not (_AT.search(text, 0, m.start()) or _CLOCK_AFTER.match(text, m.end()))
        ),
        None,
    )
    if hours is not None and int(hours[1]) != 24 * MAX_EXTENSION_DAYS:  # "tạm giữ 48 giờ"
        if int(hours[1]) > _MAX_HOURS:
            return [
                Reply(
                    f"Tạm giữ kể cả gia hạn không quá 9 ngày ({_BASIS}); trợ lý không tính {hours[1]} giờ. Anh/chị kiểm tra lại thời hạn ghi trong lệnh."
                )
            ]
        span = int(hours[1])
        return [_ends(start, timedelta(hours=span), f"{span} giờ", short=span < 24 * MAX_EXTENSION_DAYS)]
    try:
        try:
            said = read_custody_days(text)
        except CustodyDaysError as exc:
            if not exc.no_term:
                raise
            said = read_custody_days(f"tam giu {MAX_EXTENSION_DAYS} ngay {text}")  # the card's term: 3 days
    except CustodyDaysError as exc:
        return [Reply(exc.message_vi)]
    if said is None or (said.total == MAX_EXTENSION_DAYS and not said.extensions):
        return []
    if said.total > 3 * MAX_EXTENSION_DAYS:
        return [
            Reply(
                f"Tạm giữ kể cả gia hạn không quá 9 ngày ({_BASIS}); trợ lý không tính {said.total} ngày. Anh/chị kiểm tra lại thời hạn ghi trong lệnh."
            )
        ]
    parts = "".join(f" + gia hạn {d} ngày" for d in said.extensions)
    shown = f"{said.term} ngày{parts} = {said.total} ngày" if said.extensions else f"{said.total} ngày"
    short = said.term < MAX_EXTENSION_DAYS
    return [_ends(start, timedelta(days=said.total), shown, short=short, extended=bool(said.extensions))]
