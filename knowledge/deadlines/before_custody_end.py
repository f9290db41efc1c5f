"""The file asking the VKS to approve a tạm giam (and the charge) of a person in tạm giữ, sent at the
latest 24 hours before the tạm giữ ends (TTLT 04/2018/TTLT-VKSNDTC-BCA-BQP Điều 16 khoản 1; the notes of
``phe_chuan_lenh_tam_giam`` and ``phe_chuan_khoi_to_bi_can`` in the period table): "tạm giữ hết hạn lúc
10h 05/03, CQĐT phải chuyển hồ sơ đề nghị phê chuẩn lệnh tạm giam trước mấy giờ" is 10:00 04/03, counted
back from the custody's end — never the custody's own 3 days nor the VKS's 3 days of Đ119 k5. With the
custody's start instead ("tạm giữ từ 9h 02/03"), its end is the start plus its days (3, or those said with
their extensions: Đ118 k1, k2). Without the hour, the rule and a request for it. Pure; folded text.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from knowledge.deadlines.calendar import weekday_vi
from knowledge.deadlines.custody_days import CustodyDaysError, custody_words, read_custody_days
from knowledge.deadlines.dateparse import DateParseError, find_date_time, fold_text
from knowledge.deadlines.detention_kinds import has_phrase
from knowledge.deadlines.kind_words import spell_out

_FILE = (r"(?:ho so|hs)(?: [a-z]+){0,3}? (?:de nghi |xin )?phe chuan", r"de nghi phe chuan")
_WHAT = ("tam giam", "khoi to bi can")
_WHEN = (
    r"truoc(?: [a-z]+){0,2}? (?:may gio|luc nao|khi nao|bao gio|bao lau)",
    "cham nhat",
    "may gio",
    "luc nao",
    "han",
)
_ENDS = re.compile(
    r"(?<![a-z])(?:het(?: han)?(?: thoi han)?(?: tam giu)?|tam giu het(?: han)?|ket thuc tam giu)\s*"
    r"(?:(?:vao|luc|la|dung|ngay)\s+)*$"
)
_STARTS = re.compile(r"(?<![a-z])(?:tu|bat dau(?: tu)?|luc)\s*(?:(?:ngay|luc)\s+)*$")
BASIS = "Căn cứ: Điều 16 khoản 1 TTLT 04/2018/TTLT-VKSNDTC-BCA-BQP; Điều 118, Điều 134 khoản 1 BLTTHS 2015."
_RULE = (
    "Người đang bị tạm giữ mà CQĐT đề nghị phê chuẩn lệnh tạm giam (và quyết định khởi tố bị can): CQĐT chuyển hồ sơ "
    "cho VKS chậm nhất 24 giờ trước khi hết thời hạn tạm giữ; VKS quyết định trước khi hết hạn tạm giữ."
)


def _at(moment: datetime) -> str:
    return f"{moment:%H:%M} {weekday_vi(moment.date())} {moment:%d/%m/%Y}"


def approval_file_answer(text: str, now: datetime) -> str | None:
    """When the approval file is due, or None when the question is not this one."""
    folded = fold_text(text)
    plain = spell_out(folded)
    if not (has_phrase(plain, *_FILE) and has_phrase(plain, *_WHAT) and has_phrase(plain, "tam giu")):
        return None
    if not has_phrase(plain, *_WHEN):
        return None
    try:
        found = find_date_time(text, now)
    except DateParseError as exc:
        return exc.message_vi
    if found is None:
        return None
    when, spans = found
    before = spell_out(folded[: min(a for a, _ in spans)])
    if when.time is None:
        return f"{_RULE}\nAnh/chị cho biết cả giờ hết tạm giữ, ví dụ «tạm giữ hết 10h 05/03/2026 thì …».\n{BASIS}"
    moment = datetime.combine(when.day, when.time)
    if _ENDS.search(before):
        end, how = moment, f"tạm giữ hết {_at(moment)}"
    elif _STARTS.search(before):
        try:
            said = read_custody_days(custody_words(plain))
        except CustodyDaysError as exc:
            return exc.message_vi
        days = said.total if said is not None else 3
        end = moment + timedelta(days=days)
        unsaid = "" if said is not None else ", nếu không gia hạn; gia hạn thì tính từ lúc hết gia hạn"
        how = f"tạm giữ {days} ngày từ {_at(moment)}: hết {_at(end)}{unsaid}"
    else:
        return None
    due = end - timedelta(hours=24)
    return (
        f"HỒ SƠ ĐỀ NGHỊ PHÊ CHUẨN LỆNH TẠM GIAM (NGƯỜI ĐANG BỊ TẠM GIỮ): chuyển cho VKS chậm nhất {_at(due)} "
        f"(24 giờ trước khi hết tạm giữ; {how}).\n{_RULE} Hạn tạm giữ không lùi ngày nghỉ.\n{BASIS}"
    )
