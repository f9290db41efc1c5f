"""How many days a tạm giam order after a tạm giữ is written for, asked without a date: "tạm giữ 3 ngày xong
chuyển tạm giam 2 tháng thì lệnh tạm giam ghi bao nhiêu ngày". A month of detention is 30 days and every day
of tạm giữ (its extensions too) is deducted, one for one (BLTTHS 2015 Đ118 k4; TTLT 04/2018 Đ17, whose own
example is 60 − 3 = 57 days; FACTS §1). Only when the question names both measures with their lengths and
asks for a number of days; a date makes it the calculator's card. Not when the tạm giữ was cut short after
its decision ("thả", "được 1 ngày"); a decision of fewer than 3 days is counted by its own term (TTLT 04/2018
Đ17 k1: "thời hạn thực tế được ghi trong quyết định"), with the caveat that the days deducted from a custody
ended before that term are not settled (FACTS §1, U). Pure; the text is folded, shorthand
written out (``kind_words.spell_out``) and numbers in figures."""

from __future__ import annotations

import re

from knowledge.deadlines.custody_days import (
    CUSTODY_TERM_DAYS,
    CustodyDaysError,
    custody_segment,
    custody_words,
    read_custody_days,
)
from knowledge.deadlines.sentence_credit import names_sentence

_DETENTION = re.compile(r"(?<![a-z])tam giam(?: [a-z]+){0,3}? (\d{1,2}) (thang|ngay)(?![a-z])")
_HOW_MANY = re.compile(r"(?<![a-z])(?:bao nhieu|may|bn|bnhieu) ngay(?![a-z])")
_DATE = re.compile(r"\d{1,2}/\d{1,2}|(?<![a-z])(?:hom nay|hom qua|ngay mai|sang nay)(?![a-z])")
_TOTAL = re.compile(
    r"(?<![a-z])(?:tong|ca hai|tat ca)(?![a-z])"
)  # "tổng cộng bị giam giữ bao nhiêu ngày": not the order
# Ended early ("được 1 ngày thì hủy", "thả rồi"): how many days are deducted then is not settled (FACTS §1, U).
_CUT_SHORT = re.compile(
    r"(?<![a-z])(?:huy|tha|tra tu do|ra tu do|rut ngan|duoc \d{1,2} ngay|chi \d{1,2} ngay|chua het|truoc han)(?![a-z])"
)
_IN_THE_ORDER = re.compile(r"(?<![a-z])lenh(?: (?!tam |gia |gh )[a-z]+){0,4}? \d{1,3} ngay(?![a-z])")
_BEFORE = re.compile(r"(?<![a-z])truoc (?:do|khi do|khi tam giam)(?![a-z])")
MONTH_DAYS = 30  # one month of detention (TTLT 04/2018 Đ17)
BASIS = "Căn cứ: Điều 118 khoản 4 BLTTHS 2015; Điều 17 TTLT 04/2018."


def cut_short_warning(days: int) -> str:
    """The caveat for a tạm giữ of fewer days than its term: the days deducted are not settled (FACTS §1, U)."""
    return (
        f"⚠️ Tạm giữ {days} ngày là ngắn hơn thời hạn tạm giữ {CUSTODY_TERM_DAYS} ngày (Điều 118 khoản 1): "
        "tạm giữ bị rút ngắn thì số ngày được trừ chưa có hướng dẫn thống nhất (chưa kiểm chứng), anh/chị cần "
        "đối chiếu quyết định tạm giữ và lệnh tạm giam."
    )


def order_days_answer(plain: str) -> str | None:
    """The days the order is written for, or None when the question is not this one."""
    if _DATE.search(plain) or _TOTAL.search(plain) or _CUT_SHORT.search(plain):
        return None
    if names_sentence(plain, unsaid=True) is not None:  # "tòa xử 2 năm tù thì được trừ bao nhiêu ngày": BLHS Đ38
        return None
    if not _HOW_MANY.search(plain):
        return None
    text = custody_words(plain)
    segment = custody_segment(text)
    detention = _DETENTION.search(text, segment[1] if segment else 0)
    if detention is None and segment is not None and _BEFORE.search(text, 0, segment[0]):
        detention = _DETENTION.search(text, 0, segment[0])  # "lệnh tạm giam 2 tháng, trước đó tạm giữ 3 ngày"
    if segment is None or detention is None:
        return None
    try:  # "thời hạn ghi trong lệnh chỉ có 57 ngày": the order's days, not the tạm giữ's
        custody = read_custody_days(_IN_THE_ORDER.sub(" ", text))
    except CustodyDaysError as exc:
        return exc.message_vi
    if custody is None or not custody.total:
        return None
    count, unit = int(detention[1]), detention[2]
    length = count * MONTH_DAYS if unit == "thang" else count
    said = (
        f"{count} tháng tạm giam = {length} ngày (một tháng tạm giam tính 30 ngày)"
        if unit == "thang"
        else (f"{count} ngày tạm giam")
    )
    left = length - custody.total
    if left <= 0:
        return (
            f"Số ngày tạm giữ ({custody.total}) không ít hơn thời hạn tạm giam ({length} ngày): anh/chị kiểm tra lại "
            f"hai thời hạn.\n{BASIS}"
        )
    stated = _IN_THE_ORDER.search(text)  # "thời hạn ghi trong lệnh chỉ có 57 ngày": checked against the count
    check = ""
    if stated is not None:
        written = int(re.findall(r"\d{1,3}", stated[0])[-1])
        check = (
            f"\nLệnh ghi {written} ngày là đúng."
            if written == left
            else f"\nCâu hỏi nói lệnh ghi {written} ngày, khác số tính được ({left} ngày): anh/chị kiểm tra lại lệnh."
        )
    opening = f"Lệnh tạm giam ghi {left} ngày"
    if 0 < custody.term < CUSTODY_TERM_DAYS:  # fewer days than the ceiling: its own term, if served in full
        opening = f"Nếu trừ đủ {custody.total} ngày đã tạm giữ thì lệnh tạm giam ghi {left} ngày"
        check += (
            f"\nSố ngày trừ là thời hạn ghi trong quyết định tạm giữ ({custody.term} ngày): khi tính thời hạn tạm giữ, "
            "tạm giam phải căn cứ vào thời hạn thực tế được ghi trong quyết định tạm giữ (TTLT 04/2018 Điều 17 "
            f"khoản 1); Điều 118 khoản 1 chỉ quy định tạm giữ không quá {CUSTODY_TERM_DAYS:02d} ngày.\n⚠️ Nếu tạm giữ "
            "kết thúc trước thời hạn ghi trong quyết định thì số ngày được trừ chưa có hướng dẫn thống nhất (chưa "
            "kiểm chứng), anh/chị cần đối chiếu quyết định tạm giữ và lệnh tạm giam."
        )
    return (
        f"{opening}: {said}, trừ {custody.total} ngày đã tạm giữ (1 ngày tạm giữ bằng 1 ngày "
        f"tạm giam).{check}\nNgày bắt đầu tạm giam là ngày tạm giữ hết hạn (tính là ngày thứ nhất). Ví dụ của TTLT: tạm giữ "
        "từ 10h 01/3/2018 đến 10h 04/3/2018, tạm giam 2 tháng: 57 ngày, từ ngày 04/3/2018 đến hết ngày 29/4/2018. "
        f"Anh/chị hỏi kèm ngày để có ngày hết hạn, ví dụ «tạm giữ 3 ngày từ 9h 02/03/2026 rồi tạm giam {count} "
        f"{'tháng' if unit == 'thang' else 'ngày'}».\n{BASIS}"
    )
